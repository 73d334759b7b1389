/**
 * A compiled schema in a compact form, written once and read back in a few
 * milliseconds instead of compiling the schema again (tei_all takes about a
 * second to compile). The form is JSON: one table of patterns in which
 * children are numbers (indices of earlier rows; an element's content may
 * come later, as elements are recursive), a table of namespace URIs and one
 * of datatypes. JSON because V8 parses arrays of small numbers faster than
 * JavaScript could decode a binary form, and a person can still read it.
 * Reading rebuilds the patterns through the builder, so they are interned
 * exactly as if the schema had been compiled in this process.
 */
import { NO_CONTEXT } from './datatypes/datatype.js';
import { makeDatatype, type Datatype } from './datatypes/index.js';
import { Derivatives } from './derivatives.js';
import type { IdTypeTable } from './ids.js';
import { expandedName, nameById, nameClass, type NameClass } from './names.js';
import {
  ATTRIBUTE, CHOICE, DATA, ELEMENT, EMPTY, GROUP, INTERLEAVE, LIST, NOT_ALLOWED, ONE_OR_MORE, PatternBuilder, TEXT, VALUE,
  valueContext, type Pattern, type PatternValue,
} from './patterns.js';
import type { Grammar } from './validator.js';

export const PRECOMPILED_FORMAT = 'samizdat-relaxng-1';

type EncodedNameClass = [0, number, string] | [1, EncodedNameClass | 0] | [2, number, EncodedNameClass | 0] | [3, EncodedNameClass, EncodedNameClass] | [4];
type EncodedPattern = (number | string | EncodedNameClass)[];

interface PrecompiledSchema {
  format: string;
  uris: string[];
  /** [library, name, [param name, value]…] */
  datatypes: [string, string, [string, string][]][];
  /** [lexical, ns, prefix bindings] of value patterns */
  values: [string, string, Record<string, string>][];
  patterns: EncodedPattern[];
  start: number;
  /** [element uri index, element local, attribute uri index, attribute local, ID-type] */
  ids: [number, string, number, string, string][] | null;
}

/** The compact form of a compiled grammar, as JSON text. */
export function writePrecompiled(start: Pattern, idTypes: IdTypeTable | undefined): string {
  const uris: string[] = [];
  const uriIndex = new Map<string, number>();
  const uri = (u: string): number => {
    let i = uriIndex.get(u);
    if (i === undefined) { i = uris.length; uris.push(u); uriIndex.set(u, i); }
    return i;
  };
  const datatypes: PrecompiledSchema['datatypes'] = [];
  const datatypeIndex = new Map<string, number>();
  const datatype = (d: Datatype): number => {
    let i = datatypeIndex.get(d.key);
    if (i === undefined) {
      i = datatypes.length;
      datatypes.push([d.library, d.name, d.params.map((p) => [p.name, p.value])]);
      datatypeIndex.set(d.key, i);
    }
    return i;
  };
  const values: PrecompiledSchema['values'] = [];
  const encodeNameClass = (nc: NameClass): EncodedNameClass => {
    switch (nc.kind) {
      case 'name': return [0, uri(nc.name.uri), nc.name.local];
      case 'anyName': return [1, nc.except ? encodeNameClass(nc.except) : 0];
      case 'nsName': return [2, uri(nc.uri), nc.except ? encodeNameClass(nc.except) : 0];
      case 'choice': return [3, encodeNameClass(nc.a), encodeNameClass(nc.b)];
      case 'none': return [4];
    }
  };

  // Rows in an order where every child comes first, except an element's content.
  const index = new Map<Pattern, number>();
  const patterns: EncodedPattern[] = [];
  const elements: Pattern[] = [];
  const visit = (root: Pattern): void => {
    const stack: [Pattern, boolean][] = [[root, false]];
    while (stack.length > 0) {
      const [p, childrenDone] = stack.pop()!;
      if (index.has(p)) continue;
      const children = p.kind === CHOICE ? p.members! : p.kind === ELEMENT ? [] : [p.p1, p.p2].filter((c): c is Pattern => c !== null);
      if (!childrenDone && children.some((c) => !index.has(c))) {
        stack.push([p, true]);
        for (const c of children) if (!index.has(c)) stack.push([c, false]);
        continue;
      }
      index.set(p, patterns.length);
      patterns.push(encode(p));
      if (p.kind === ELEMENT) elements.push(p);
    }
  };
  const encode = (p: Pattern): EncodedPattern => {
    const at = (q: Pattern | null): number => index.get(q!)!;
    switch (p.kind) {
      case EMPTY: case NOT_ALLOWED: case TEXT: return [p.kind];
      case CHOICE: return [p.kind, ...p.members!.map(at)];
      case GROUP: case INTERLEAVE: return [p.kind, at(p.p1), at(p.p2)];
      case ONE_OR_MORE: case LIST: return [p.kind, at(p.p1)];
      case DATA: return p.p1 ? [p.kind, datatype(p.datatype!), at(p.p1)] : [p.kind, datatype(p.datatype!)];
      case VALUE: {
        values.push([p.value!.lexical, p.value!.ns, p.value!.bindings as Record<string, string>]);
        return [p.kind, datatype(p.datatype!), values.length - 1];
      }
      case ATTRIBUTE: return [p.kind, encodeNameClass(p.nameClass!), at(p.p1)];
      case ELEMENT: return [p.kind, encodeNameClass(p.nameClass!), -1]; // content filled in below
      default: throw new Error(`a ${p.kind} pattern cannot be part of a schema`);
    }
  };
  visit(start);
  for (let i = 0; i < elements.length; i++) {
    const content = elements[i].p1!;
    visit(content);
    patterns[index.get(elements[i])!][2] = index.get(content)!;
  }
  let ids: PrecompiledSchema['ids'] = null;
  if (idTypes) {
    ids = [];
    for (const [elementId, attributes] of idTypes) {
      for (const [attributeId, type] of attributes) {
        const e = nameById(elementId), a = nameById(attributeId);
        ids.push([uri(e.uri), e.local, uri(a.uri), a.local, type]);
      }
    }
  }
  const form: PrecompiledSchema = { format: PRECOMPILED_FORMAT, uris, datatypes, values, patterns, start: index.get(start)!, ids };
  return JSON.stringify(form);
}

/** The grammar in a compact form; throws if the text is not one (a damaged or older cache file). */
export function readPrecompiled(text: string): Grammar {
  const form = JSON.parse(text) as PrecompiledSchema;
  if (form.format !== PRECOMPILED_FORMAT) throw new Error(`not a ${PRECOMPILED_FORMAT} file`);
  const b = new PatternBuilder();
  const datatypes = form.datatypes.map(([library, name, params]) => {
    const made = makeDatatype(library, name, params.map(([n, value]) => ({ name: n, value })));
    if (typeof made === 'string') throw new Error(made);
    return made;
  });
  const decodeNameClass = (e: EncodedNameClass): NameClass => {
    switch (e[0]) {
      case 0: return nameClass.name(form.uris[e[1]], e[2]);
      case 1: return nameClass.anyName(e[1] === 0 ? null : decodeNameClass(e[1]));
      case 2: return nameClass.nsName(form.uris[e[1]], e[2] === 0 ? null : decodeNameClass(e[2]));
      case 3: return nameClass.choice(decodeNameClass(e[1]), decodeNameClass(e[2]));
      default: return nameClass.none;
    }
  };
  const patterns: Pattern[] = new Array(form.patterns.length);
  const elementRows: number[] = [];
  const rows = form.patterns;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const n = (k: number): Pattern => patterns[row[k] as number];
    switch (row[0]) {
      case EMPTY: patterns[i] = b.empty; break;
      case NOT_ALLOWED: patterns[i] = b.notAllowed; break;
      case TEXT: patterns[i] = b.text; break;
      case CHOICE: {
        const members: Pattern[] = [];
        for (let k = 1; k < row.length; k++) members.push(patterns[row[k] as number]);
        // ids here are not those of the process that wrote the form: sorted again, as choiceOf keeps them
        patterns[i] = b.choiceOfNormalised(members.sort((x, y) => x.id - y.id));
        break;
      }
      case GROUP: patterns[i] = b.group(n(1), n(2)); break;
      case INTERLEAVE: patterns[i] = b.interleave(n(1), n(2)); break;
      case ONE_OR_MORE: patterns[i] = b.oneOrMore(n(1)); break;
      case LIST: patterns[i] = b.leaf(LIST, n(1), null, null, null); break;
      case DATA: patterns[i] = b.leaf(DATA, row.length > 2 ? n(2) : null, null, datatypes[row[1] as number], null); break;
      case VALUE: {
        const datatype = datatypes[row[1] as number];
        const [lexical, ns, bindings] = form.values[row[2] as number];
        const value: { -readonly [K in keyof PatternValue]: PatternValue[K] } = { lexical, ns, bindings, parsed: undefined };
        value.parsed = datatype.parse(lexical, datatype.contextDependent ? valueContext(value) : NO_CONTEXT);
        patterns[i] = b.leaf(VALUE, null, null, datatype, value);
        break;
      }
      case ATTRIBUTE: patterns[i] = b.leaf(ATTRIBUTE, n(2), decodeNameClass(row[1] as EncodedNameClass), null, null); break;
      case ELEMENT:
        patterns[i] = b.element(decodeNameClass(row[1] as EncodedNameClass));
        elementRows.push(i);
        break;
      default: throw new Error(`unknown pattern kind ${String(row[0])}`);
    }
  }
  for (const i of elementRows) patterns[i].p1 = patterns[form.patterns[i][2] as number];
  let idTypes: IdTypeTable | undefined;
  if (form.ids) {
    idTypes = new Map();
    for (const [eu, el, au, al, type] of form.ids) {
      const e = expandedName(form.uris[eu], el), a = expandedName(form.uris[au], al);
      let attributes = idTypes.get(e.id);
      if (!attributes) idTypes.set(e.id, (attributes = new Map()));
      attributes.set(a.id, type as 'ID' | 'IDREF' | 'IDREFS');
    }
  }
  const start = patterns[form.start];
  return { start, derivatives: new Derivatives(b, start), idTypes };
}

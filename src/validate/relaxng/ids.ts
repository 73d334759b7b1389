/**
 * ID, IDREF and IDREFS as RELAX NG DTD Compatibility (section 4) defines
 * them, as jing checks them: the schema must give each attribute of each
 * element one ID-type (and name both simply), and a document's IDs must be
 * unique and its IDREFs must each name an ID of the document.
 */
import { tokens, type IdType } from './datatypes/datatype.js';
import { contains, type ExpandedName, type NameClass } from './names.js';
import { ATTRIBUTE, CHOICE, DATA, ELEMENT, GROUP, INTERLEAVE, LIST, ONE_OR_MORE, VALUE, type Pattern } from './patterns.js';
import { IncorrectSchema, type SchemaLocation } from './schema-error.js';
import type { SimpleGrammar } from './simplify.js';

/** Element name id → attribute name id → ID-type, for the pairs the schema types as ID, IDREF or IDREFS. */
export type IdTypeTable = Map<number, Map<number, Exclude<IdType, null>>>;

/** The table, or undefined when the schema uses no ID-typed datatype. Throws IncorrectSchema on incompatibility. */
export function buildIdTypes(grammar: SimpleGrammar): IdTypeTable | undefined {
  if (!grammar.builder.all.some((p) => (p.kind === DATA || p.kind === VALUE) && p.datatype!.idType !== null)) return undefined;
  const table: IdTypeTable = new Map();
  const named: [ExpandedName, ExpandedName][] = [];
  const others: { element: NameClass; attribute: NameClass; at: SchemaLocation | undefined }[] = [];
  const done = new Set<Pattern>();
  const elements: Pattern[] = [];
  const where = (p: Pattern): SchemaLocation | undefined => grammar.locations.get(p);

  const idTypeOfContent = (p: Pattern): IdType => (p.kind === DATA || p.kind === VALUE ? p.datatype!.idType : null);

  const visit = (p: Pattern, element: Pattern | undefined, parentIsAttribute: boolean): void => {
    switch (p.kind) {
      case CHOICE: for (const m of p.members!) visit(m, element, false); break;
      case GROUP: case INTERLEAVE: visit(p.p1!, element, false); visit(p.p2!, element, false); break;
      case ONE_OR_MORE: case LIST: visit(p.p1!, element, false); break;
      case ELEMENT:
        if (!done.has(p)) { done.add(p); elements.push(p); }
        break;
      case ATTRIBUTE: {
        const content = p.p1!;
        const idType = idTypeOfContent(content);
        if (idType !== null && element) {
          if (p.nameClass!.kind !== 'name') throw new IncorrectSchema('an attribute whose datatype is ID, IDREF or IDREFS must have a single name, not a name class (RELAX NG DTD Compatibility)', where(p) ?? where(element));
          const attributeName = p.nameClass!.name;
          for (const elementName of simpleNames(element.nameClass!, where(element))) {
            let attributes = table.get(elementName.id);
            if (!attributes) table.set(elementName.id, (attributes = new Map()));
            const known = attributes.get(attributeName.id);
            if (known !== undefined && known !== idType) throw conflict(elementName, attributeName, where(p) ?? where(element));
            if (known === undefined) named.push([elementName, attributeName]);
            attributes.set(attributeName.id, idType);
          }
        } else if (element) others.push({ element: element.nameClass!, attribute: p.nameClass!, at: where(p) ?? where(element) });
        visit(content, element, true);
        break;
      }
      case DATA: case VALUE:
        if (p.datatype!.idType !== null && !parentIsAttribute) {
          throw new IncorrectSchema(`the datatype ${p.datatype!.name}, of ID-type ${p.datatype!.idType}, can only be the whole content of an attribute (RELAX NG DTD Compatibility)`, where(p) ?? (element && where(element)));
        }
        if (p.kind === DATA && p.p1) visit(p.p1, element, false);
        break;
    }
  };

  visit(grammar.start, undefined, false);
  while (elements.length > 0) {
    const element = elements.pop()!;
    visit(element.p1!, element, false);
  }
  // An attribute without ID-type that can be on the same element as an ID-typed one with its name conflicts with it.
  const byAttribute = new Map<ExpandedName, ExpandedName[]>();
  for (const [elementName, attributeName] of named) {
    const list = byAttribute.get(attributeName);
    if (list) list.push(elementName);
    else byAttribute.set(attributeName, [elementName]);
  }
  for (const other of others) {
    const candidates = other.attribute.kind === 'name' ? [other.attribute.name] : [...byAttribute.keys()].filter((a) => contains(other.attribute, a));
    for (const attributeName of candidates) {
      const elementName = byAttribute.get(attributeName)?.find((e) => contains(other.element, e));
      if (elementName) throw conflict(elementName, attributeName, other.at);
    }
  }
  return table;
}

function simpleNames(nc: NameClass, at: SchemaLocation | undefined): ExpandedName[] {
  switch (nc.kind) {
    case 'name': return [nc.name];
    case 'choice': return [...simpleNames(nc.a, at), ...simpleNames(nc.b, at)];
    case 'none': return [];
    default: throw new IncorrectSchema('an element with an attribute whose datatype is ID, IDREF or IDREFS must be named by names only, not by anyName or nsName (RELAX NG DTD Compatibility)', at);
  }
}

function conflict(element: ExpandedName, attribute: ExpandedName, at: SchemaLocation | undefined): IncorrectSchema {
  const name = (n: ExpandedName): string => (n.uri === '' ? n.local : `{${n.uri}}${n.local}`);
  return new IncorrectSchema(`the attribute ${name(attribute)} of element ${name(element)} is given different ID-types (ID, IDREF, IDREFS or none) in different places (RELAX NG DTD Compatibility)`, at);
}

/** A problem found by the ID check of a document. */
export interface IdProblem {
  message: string;
  line: number;
  column: number;
}

/** Of each table, by attribute name id: 1 when the attribute has an ID-type on some element. */
const typedOf = new WeakMap<IdTypeTable, Uint8Array>();

/** Which attribute names `table` gives an ID-type (on any element), made once per table. */
function typedAttributes(table: IdTypeTable): Uint8Array {
  let typed = typedOf.get(table);
  if (typed === undefined) {
    let last = -1;
    for (const attributes of table.values()) for (const id of attributes.keys()) last = Math.max(last, id);
    typed = new Uint8Array(last + 1);
    for (const attributes of table.values()) for (const id of attributes.keys()) typed[id] = 1;
    typedOf.set(table, typed);
  }
  return typed;
}

/** Checks one document's IDs and IDREFs as its elements go by. */
export class IdChecker {
  private readonly ids = new Map<string, { line: number; column: number }>();
  private readonly references: { token: string; line: number; column: number }[] = [];
  readonly problems: IdProblem[] = [];

  private readonly typed: Uint8Array;

  constructor(private readonly table: IdTypeTable) {
    this.typed = typedAttributes(table);
  }

  attribute(element: ExpandedName, attribute: ExpandedName, value: string, line: number, column: number): void {
    // Most attributes have an ID-type on no element: told at once, without looking the element up.
    if (this.typed[attribute.id] !== 1) return;
    const idType = this.table.get(element.id)?.get(attribute.id);
    if (idType === undefined) return;
    const items = tokens(value);
    const what = attribute.local;
    if (idType === 'ID') {
      if (items.length !== 1) {
        this.problems.push({ message: `the value of attribute "${what}", of type ID, ${items.length === 0 ? 'is empty' : 'holds more than one name'}`, line, column });
        return;
      }
      const first = this.ids.get(items[0]);
      if (first) this.problems.push({ message: `the ID "${items[0]}" is already defined (at ${first.line}:${first.column}); an ID must be unique in the document`, line, column });
      else this.ids.set(items[0], { line, column });
      return;
    }
    if (idType === 'IDREF' && items.length !== 1) {
      this.problems.push({ message: `the value of attribute "${what}", of type IDREF, ${items.length === 0 ? 'is empty' : 'holds more than one name'}`, line, column });
      return;
    }
    if (idType === 'IDREFS' && items.length === 0) {
      this.problems.push({ message: `the value of attribute "${what}", of type IDREFS, is empty`, line, column });
      return;
    }
    for (const token of items) this.references.push({ token, line, column });
  }

  /** At the end of the document: the references to IDs the document does not define. */
  end(): void {
    for (const ref of this.references) {
      if (!this.ids.has(ref.token)) this.problems.push({ message: `IDREF "${ref.token}" refers to no ID in the document`, line: ref.line, column: ref.column });
    }
  }
}

/**
 * Patterns of a simplified RELAX NG schema, and of the states a document
 * passes through while it is validated (derivatives, with `after`). Every
 * pattern is interned by the builder: structurally equal patterns are one
 * object, so equality is identity and a pattern can carry the memos of its
 * own derivatives (as jing's PatternInterner and PatternMemo do).
 */
import type { Datatype, ValueContext } from './datatypes/datatype.js';
import { nameClassKey, type NameClass } from './names.js';
import { PairTable } from './pair-table.js';

export const EMPTY = 0;
export const NOT_ALLOWED = 1;
export const TEXT = 2;
export const CHOICE = 3;
export const INTERLEAVE = 4;
export const GROUP = 5;
export const ONE_OR_MORE = 6;
export const LIST = 7;
export const DATA = 8;
export const VALUE = 9;
export const ATTRIBUTE = 10;
export const ELEMENT = 11;
/** `after(p1, p2)`: the rest of an open element's content (p1), then what follows its end tag (p2). */
export const AFTER = 12;

export const KIND_NAMES = ['empty', 'notAllowed', 'text', 'choice', 'interleave', 'group', 'oneOrMore', 'list', 'data', 'value', 'attribute', 'element', 'after'];

/**
 * Content types (spec section 7.2), with "complex" split as jing does into
 * element-only and mixed (text allowed), which messages and text handling use.
 */
export const CT_EMPTY = 0;
export const CT_ELEMENT = 1;
export const CT_MIXED = 2;
export const CT_DATA = 3;

/** The string of a `value` pattern, with the context it was written in (a QName value needs its prefixes). */
export interface PatternValue {
  readonly lexical: string;
  /** The `ns` of the value element: the default namespace of its context. */
  readonly ns: string;
  /** Prefix → URI bindings of the value element (only kept for context-dependent datatypes). */
  readonly bindings: Readonly<Record<string, string>>;
  /** The value in the datatype's value space. */
  readonly parsed: unknown;
}

export class Pattern {
  /** Element content, set once the element's definition is built (elements may be recursive). */
  p1: Pattern | null;
  readonly notAllowed: boolean;

  // Memos of the derivatives, filled while documents are validated.
  startTagOpenMemo: Map<number, Pattern> | undefined = undefined;
  startTagOpenRecoverMemo: Map<number, Pattern> | undefined = undefined;
  startAttributeMemo: Map<number, Pattern> | undefined = undefined;
  endAttributesMemo: Pattern | undefined = undefined;
  ignoreMissingAttributesMemo: Pattern | undefined = undefined;
  textOnlyMemo: Pattern | undefined = undefined;
  mixedTextMemo: Pattern | undefined = undefined;
  endTagMemo: Pattern | undefined = undefined;
  recoverAfterMemo: Pattern | undefined = undefined;
  emptyAfterMemo: Pattern | undefined = undefined;
  /** How a data derivative of this pattern depends on the string (see derivatives.ts); -1 not yet known. */
  dataDependence = -1;
  dataMemo: Map<string, Pattern> | Pattern | undefined = undefined;

  constructor(
    readonly id: number,
    readonly kind: number,
    readonly nullable: boolean,
    readonly contentType: number,
    p1: Pattern | null,
    readonly p2: Pattern | null,
    /** Alternatives of a choice, ordered by id, none of them a choice. */
    readonly members: readonly Pattern[] | null,
    readonly nameClass: NameClass | null,
    readonly datatype: Datatype | null,
    readonly value: PatternValue | null,
  ) {
    this.p1 = p1;
    this.notAllowed = kind === NOT_ALLOWED || (kind === AFTER && p1!.notAllowed);
  }
}

/** `value`'s prefixes resolved as the spec says: its `ns` is the default namespace, its bindings the rest. */
export function valueContext(value: PatternValue): ValueContext {
  return {
    resolvePrefix: (prefix) => (prefix === '' ? value.ns : prefix === 'xml' ? 'http://www.w3.org/XML/1998/namespace' : value.bindings[prefix]),
  };
}

/**
 * Makes and interns patterns. One builder per schema: its patterns, and the
 * memos on them, are shared by every document validated against the schema.
 */
export class PatternBuilder {
  readonly empty: Pattern;
  readonly notAllowed: Pattern;
  readonly text: Pattern;
  /** Interned patterns: binary and unary ones by numbers made of their children's ids, the others by strings. */
  private readonly groups = new PairTable();
  private readonly interleaves = new PairTable();
  private readonly afters = new PairTable();
  private readonly repeats = new Map<number, Pattern>();
  private readonly lists = new Map<number, Pattern>();
  private readonly table = new Map<string, Pattern>();
  private nextId = 0;
  /** Every pattern made, by id. */
  readonly all: Pattern[] = [];

  constructor() {
    this.empty = this.make(EMPTY, true, CT_EMPTY, null, null, null, null, null, null);
    this.notAllowed = this.make(NOT_ALLOWED, false, CT_EMPTY, null, null, null, null, null, null);
    this.text = this.make(TEXT, true, CT_MIXED, null, null, null, null, null, null);
  }

  get size(): number {
    return this.all.length;
  }

  private make(kind: number, nullable: boolean, contentType: number, p1: Pattern | null, p2: Pattern | null,
    members: readonly Pattern[] | null, nameClass: NameClass | null, datatype: Datatype | null, value: PatternValue | null): Pattern {
    const pattern = new Pattern(this.nextId++, kind, nullable, contentType, p1, p2, members, nameClass, datatype, value);
    this.all.push(pattern);
    return pattern;
  }

  group(a: Pattern, b: Pattern): Pattern {
    return this.binary(GROUP, this.groups, a, b);
  }

  interleave(a: Pattern, b: Pattern): Pattern {
    return this.binary(INTERLEAVE, this.interleaves, a, b);
  }

  /** A group or an interleave: `empty` is their unit, `notAllowed` absorbs them. */
  private binary(kind: typeof GROUP | typeof INTERLEAVE, table: PairTable, a: Pattern, b: Pattern): Pattern {
    if (a === this.empty) return b;
    if (b === this.empty) return a;
    if (a === this.notAllowed || b === this.notAllowed) return this.notAllowed;
    const known = table.get(a.id, b.id);
    if (known >= 0) return this.all[known];
    const p = this.make(kind, a.nullable && b.nullable, Math.max(a.contentType, b.contentType), a, b, null, null, null, null);
    table.set(a.id, b.id, p.id);
    return p;
  }

  oneOrMore(q: Pattern): Pattern {
    if (q === this.empty || q === this.notAllowed || q.kind === ONE_OR_MORE) return q;
    let p = this.repeats.get(q.id);
    if (p === undefined) this.repeats.set(q.id, (p = this.make(ONE_OR_MORE, q.nullable, q.contentType, q, null, null, null, null, null)));
    return p;
  }

  optional(p: Pattern): Pattern {
    return this.choice(p, this.empty);
  }

  list(q: Pattern): Pattern {
    if (q === this.notAllowed) return q;
    let p = this.lists.get(q.id);
    if (p === undefined) this.lists.set(q.id, (p = this.make(LIST, false, CT_DATA, q, null, null, null, null, null)));
    return p;
  }

  private interned(key: string, kind: number, contentType: number, p1: Pattern | null, members: readonly Pattern[] | null, nameClass: NameClass | null, datatype: Datatype | null, value: PatternValue | null, nullable = false): Pattern {
    let p = this.table.get(key);
    if (p === undefined) this.table.set(key, (p = this.make(kind, nullable, contentType, p1, null, members, nameClass, datatype, value)));
    return p;
  }

  data(datatype: Datatype, except: Pattern | null): Pattern {
    if (except === this.notAllowed) except = null;
    return this.interned(`d${datatype.key}${except ? `-${except.id}` : ''}`, DATA, CT_DATA, except, null, null, datatype, null);
  }

  value(datatype: Datatype, value: PatternValue): Pattern {
    const bindings = datatype.contextDependent ? JSON.stringify(value.bindings) : '';
    return this.interned(`v${datatype.key}|${value.ns}|${bindings}|${value.lexical}`, VALUE, CT_DATA, null, null, null, datatype, value);
  }

  attribute(nameClass: NameClass, content: Pattern): Pattern {
    if (content === this.notAllowed) return content;
    return this.interned(`a${nameClassKey(nameClass)}|${content.id}`, ATTRIBUTE, CT_EMPTY, content, null, nameClass, null, null);
  }

  /**
   * An attribute, data, value or list pattern made without interning, for a
   * precompiled schema whose patterns are already distinct (derivatives never
   * make these kinds, so none will be asked for again).
   */
  leaf(kind: typeof ATTRIBUTE | typeof DATA | typeof VALUE | typeof LIST, p1: Pattern | null, nameClass: NameClass | null, datatype: Datatype | null, value: PatternValue | null): Pattern {
    return this.make(kind, false, kind === ATTRIBUTE ? CT_EMPTY : CT_DATA, p1, null, null, nameClass, datatype, value);
  }

  /** A new element pattern (never interned: each definition is its own element); its content is set later. */
  element(nameClass: NameClass): Pattern {
    return this.make(ELEMENT, false, CT_ELEMENT, null, null, null, nameClass, null, null);
  }

  after(a: Pattern, b: Pattern): Pattern {
    const known = this.afters.get(a.id, b.id);
    if (known >= 0) return this.all[known];
    const p = this.make(AFTER, false, a.contentType, a, b, null, null, null, null);
    this.afters.set(a.id, b.id, p.id);
    return p;
  }

  choice(a: Pattern, b: Pattern): Pattern {
    if (a === b) return a;
    if (a === this.notAllowed) return b;
    if (b === this.notAllowed) return a;
    return this.choiceOf([a, b]);
  }

  /**
   * One pattern for the alternatives: choices flattened, duplicates and
   * notAllowed dropped, `empty` dropped beside a nullable alternative, and
   * `after` states with the same content or the same continuation merged,
   * so that a state never holds the same alternative twice.
   */
  choiceOf(alternatives: readonly Pattern[]): Pattern {
    const seen = new Set<Pattern>();
    const afters: Pattern[] = [];
    let hasNullable = false;
    const add = (p: Pattern): void => {
      if (p.kind === CHOICE) for (const m of p.members!) add(m);
      else if (p.kind === NOT_ALLOWED || seen.has(p)) return;
      else if (p.kind === AFTER) { seen.add(p); afters.push(p); }
      else { seen.add(p); if (p.nullable && p !== this.empty) hasNullable = true; }
    };
    for (const p of alternatives) add(p);
    if (afters.length > 1) {
      for (const p of afters) seen.delete(p);
      for (const p of this.mergeAfters(afters)) seen.add(p);
    }
    if (hasNullable) seen.delete(this.empty);
    let members = [...seen];
    if (members.length > 1 && members.some((p) => p.notAllowed)) {
      // an `after` whose content cannot match is kept only as the last resort of recovery
      const live = members.filter((p) => !p.notAllowed);
      if (live.length > 0) members = live;
    }
    if (members.length === 0) return this.notAllowed;
    if (members.length === 1) return members[0];
    members.sort((x, y) => x.id - y.id);
    return this.choiceOfNormalised(members);
  }

  /** The choice of alternatives already normalised as choiceOf leaves them (as a precompiled schema holds them). */
  choiceOfNormalised(members: readonly Pattern[]): Pattern {
    let key = 'c';
    for (const m of members) key += `${m.id},`;
    let p = this.table.get(key);
    if (p === undefined) {
      let nullable = false;
      let contentType = CT_EMPTY;
      for (const m of members) {
        nullable ||= m.nullable;
        if (m.contentType > contentType) contentType = m.contentType;
      }
      this.table.set(key, (p = this.make(CHOICE, nullable, contentType, null, null, members, null, null, null)));
    }
    return p;
  }

  private mergeAfters(afters: Pattern[]): Pattern[] {
    const byContent = new Map<Pattern, Pattern[]>();
    for (const a of afters) {
      const list = byContent.get(a.p1!);
      if (list) list.push(a.p2!);
      else byContent.set(a.p1!, [a.p2!]);
    }
    const merged: Pattern[] = [];
    const byNext = new Map<Pattern, Pattern[]>();
    for (const [content, nexts] of byContent) {
      const next = nexts.length === 1 ? nexts[0] : this.choiceOf(nexts);
      const list = byNext.get(next);
      if (list) list.push(content);
      else byNext.set(next, [content]);
    }
    for (const [next, contents] of byNext) {
      merged.push(this.after(contents.length === 1 ? contents[0] : this.choiceOf(contents), next));
    }
    return merged;
  }
}

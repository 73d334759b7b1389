/**
 * The restrictions of spec section 7, checked on the simple form: prohibited
 * paths (7.1), string sequences (7.2: data cannot be grouped with elements or
 * text), attributes (7.3: no duplicates, wildcards repeated) and interleave
 * (7.4: no element or text in both halves). A violation makes the schema
 * incorrect; the message names the rule and points at the pattern.
 */
import { isOpen, overlaps, type ExpandedName, type NameClass } from './names.js';
import {
  ATTRIBUTE, CHOICE, CT_DATA, CT_EMPTY, CT_MIXED, DATA, ELEMENT, EMPTY, GROUP, INTERLEAVE, LIST, ONE_OR_MORE, TEXT, VALUE,
  type Pattern,
} from './patterns.js';
import { IncorrectSchema, type SchemaLocation } from './schema-error.js';
import type { SimpleGrammar } from './simplify.js';

const START = 0;
const IN_ELEMENT = 1;
const IN_REPEAT = 2;
const IN_REPEATED_GROUP = 3;
const IN_REPEATED_INTERLEAVE = 4;
const IN_ATTRIBUTE = 5;
const IN_LIST = 6;
const IN_DATA_EXCEPT = 7;

const PLACE = ['the start pattern', 'an element', 'a oneOrMore', 'a group in a oneOrMore', 'an interleave in a oneOrMore', 'an attribute', 'a list', 'the except of a data pattern'];
const PATH = ['start', '', '', 'oneOrMore//group', 'oneOrMore//interleave', 'attribute', 'list', 'data/except'];

export function checkRestrictions(grammar: SimpleGrammar): void {
  new RestrictionChecker(grammar).run();
}

class RestrictionChecker {
  private readonly elementsDone = new Set<Pattern>();
  private readonly elementsToDo: Pattern[] = [];
  private readonly attributeMemo = new Map<Pattern, NameClass[]>();
  private readonly elementMemo = new Map<Pattern, NameClass[]>();
  /** Contexts (bits) each pattern was checked in. */
  private readonly checked = new Map<Pattern, number>();

  constructor(private readonly grammar: SimpleGrammar) {}

  run(): void {
    this.check(this.grammar.start, START, this.grammar.locations.get(this.grammar.start));
    while (this.elementsToDo.length > 0) {
      const element = this.elementsToDo.pop()!;
      this.check(element.p1!, IN_ELEMENT, this.grammar.locations.get(element));
    }
  }

  private prohibited(what: string, context: number, at: SchemaLocation | undefined): never {
    const path = PATH[context] ? ` (RELAX NG section 7.1 prohibits the path ${PATH[context]}//${what})` : '';
    throw new IncorrectSchema(`${PLACE[context]} cannot contain ${what === 'ref' ? 'an element' : `"${what}"`}${path}`, at);
  }

  private check(p: Pattern, context: number, at: SchemaLocation | undefined): void {
    // What a pattern may hold depends only on the pattern and its context: shared patterns are checked once per context.
    const done = this.checked.get(p) ?? 0;
    if (done & (1 << context)) return;
    this.checked.set(p, done | (1 << context));
    const here = this.grammar.locations.get(p) ?? at;
    switch (p.kind) {
      case ELEMENT:
        if (context === IN_DATA_EXCEPT || context === IN_LIST || context === IN_ATTRIBUTE) this.prohibited('ref', context, at);
        if (!this.elementsDone.has(p)) {
          this.elementsDone.add(p);
          this.elementsToDo.push(p);
        }
        return;
      case ATTRIBUTE:
        if (context === START || context === IN_REPEATED_GROUP || context === IN_REPEATED_INTERLEAVE || context === IN_LIST || context === IN_ATTRIBUTE || context === IN_DATA_EXCEPT) {
          this.prohibited('attribute', context, here);
        }
        if (context === IN_ELEMENT && isOpen(p.nameClass!)) {
          throw new IncorrectSchema('an attribute named by anyName or nsName must be inside a oneOrMore (RELAX NG section 7.3)', here);
        }
        this.check(p.p1!, IN_ATTRIBUTE, here);
        return;
      case GROUP: case INTERLEAVE: {
        const interleave = p.kind === INTERLEAVE;
        if (context === START || context === IN_DATA_EXCEPT || (interleave && context === IN_LIST)) this.prohibited(interleave ? 'interleave' : 'group', context, at);
        const inner = context === IN_REPEAT ? (interleave ? IN_REPEATED_INTERLEAVE : IN_REPEATED_GROUP) : context;
        this.check(p.p1!, inner, at);
        this.check(p.p2!, inner, at);
        const p1 = p.p1!, p2 = p.p2!;
        if (context !== IN_LIST && !groupable(p1.contentType, p2.contentType)) {
          throw new IncorrectSchema(`${interleave ? 'an interleave' : 'a group'} mixes data (a data, value or list pattern) with elements, text or other data; they can only be alternatives (RELAX NG section 7.2)`, at);
        }
        this.checkDuplicateAttributes(p1, p2, at);
        if (interleave) {
          if (p1.contentType === CT_MIXED && p2.contentType === CT_MIXED) throw new IncorrectSchema('both halves of an interleave contain text (RELAX NG section 7.4)', at);
          for (const a of this.elementsIn(p1)) {
            for (const b of this.elementsIn(p2)) {
              if (overlaps(a, b)) throw new IncorrectSchema('the same element can occur in both halves of an interleave (RELAX NG section 7.4)', at);
            }
          }
        }
        return;
      }
      case CHOICE:
        for (const m of p.members!) this.check(m, context, at);
        return;
      case ONE_OR_MORE:
        if (context === START || context === IN_DATA_EXCEPT) this.prohibited('oneOrMore', context, at);
        this.check(p.p1!, context === IN_ELEMENT ? IN_REPEAT : context, at);
        if (context !== IN_LIST && p.p1!.contentType === CT_DATA) {
          throw new IncorrectSchema('data (a data, value or list pattern) cannot be repeated with oneOrMore, zeroOrMore or mixed outside a list (RELAX NG section 7.2)', at);
        }
        return;
      case LIST:
        if (context === START || context === IN_DATA_EXCEPT || context === IN_LIST) this.prohibited('list', context, here);
        this.check(p.p1!, IN_LIST, here);
        return;
      case DATA:
        if (context === START) this.prohibited('data', context, here);
        if (p.p1) this.check(p.p1, IN_DATA_EXCEPT, here);
        return;
      case VALUE:
        if (context === START) this.prohibited('value', context, at);
        return;
      case TEXT:
        if (context === START || context === IN_LIST || context === IN_DATA_EXCEPT) this.prohibited('text', context, at);
        return;
      case EMPTY:
        if (context === START || context === IN_DATA_EXCEPT) this.prohibited('empty', context, at);
        return;
    }
  }

  private checkDuplicateAttributes(p1: Pattern, p2: Pattern, at: SchemaLocation | undefined): void {
    const first = this.attributesIn(p1), second = this.attributesIn(p2);
    if (first.length === 0 || second.length === 0) return;
    // Most attributes have plain names: compared as a set of names, the rest pairwise.
    const named = new Set<ExpandedName>();
    for (const a of first) if (a.kind === 'name') named.add(a.name);
    const clash = (): never => { throw new IncorrectSchema('the same attribute can occur twice on one element (RELAX NG section 7.3)', at); };
    for (const b of second) {
      if (b.kind === 'name' && named.has(b.name)) clash();
      for (const a of first) if ((a.kind !== 'name' || b.kind !== 'name') && overlaps(a, b)) clash();
    }
  }

  /** Name classes of the attribute patterns occurring in p (through choice, group, interleave, oneOrMore). */
  private attributesIn(p: Pattern): NameClass[] {
    return this.occurring(p, ATTRIBUTE, this.attributeMemo);
  }

  private elementsIn(p: Pattern): NameClass[] {
    return this.occurring(p, ELEMENT, this.elementMemo);
  }

  private occurring(p: Pattern, kind: number, memo: Map<Pattern, NameClass[]>): NameClass[] {
    let found = memo.get(p);
    if (found) return found;
    switch (p.kind) {
      case CHOICE: found = p.members!.flatMap((m) => this.occurring(m, kind, memo)); break;
      case GROUP: case INTERLEAVE: found = [...this.occurring(p.p1!, kind, memo), ...this.occurring(p.p2!, kind, memo)]; break;
      case ONE_OR_MORE: found = this.occurring(p.p1!, kind, memo); break;
      default: found = p.kind === kind ? [p.nameClass!] : [];
    }
    memo.set(p, found);
    return found;
  }
}

function groupable(a: number, b: number): boolean {
  return a === CT_EMPTY || b === CT_EMPTY || (a !== CT_DATA && b !== CT_DATA);
}

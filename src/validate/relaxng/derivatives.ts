/**
 * Derivatives of patterns (James Clark, "An algorithm for RELAX NG
 * validation"), in the form jing uses: the start tag is split into its
 * opening, each attribute and its close, and every derivative is memoised
 * on the (interned) pattern it was taken of, so that validating a document
 * soon becomes a walk through memos. Recovery derivatives (what to do after
 * an error so that every error is reported) are here too.
 */
import { isBlank, tokens, type ValueContext } from './datatypes/datatype.js';
import { contains, specificity, type ExpandedName } from './names.js';
import {
  AFTER, ATTRIBUTE, CHOICE, DATA, ELEMENT, EMPTY, GROUP, INTERLEAVE, LIST, NOT_ALLOWED, ONE_OR_MORE, TEXT, VALUE,
  type Pattern, type PatternBuilder,
} from './patterns.js';

/** How a data derivative depends on the string: not at all, on its being blank, on the string, on the string and its context. */
const DEPENDS_ON_NOTHING = 0;
const DEPENDS_ON_BLANKNESS = 1;
const DEPENDS_ON_STRING = 2;
const DEPENDS_ON_CONTEXT = 3;
/** What a start derivative is taken by. */
const OPEN = 0;
const OPEN_RECOVER = 1;
const ATTRIBUTE_NAME = 2;
/** Distinct strings remembered per pattern (attribute values repeat; identifiers do not). */
const DATA_MEMO_LIMIT = 256;

export class Derivatives {
  private readonly recoverPatterns = new Map<number, Pattern>();

  constructor(readonly builder: PatternBuilder, readonly start: Pattern) {}

  /** The state after `<name`, given state `p`. */
  startTagOpen(p: Pattern, name: ExpandedName): Pattern {
    return this.byName(p.startTagOpenMemo ??= new Map(), p, name, this.startTagOpenOf);
  }

  /**
   * Like startTagOpen, but also skipping required patterns before the
   * element: the state after an element that came too early.
   */
  startTagOpenRecover(p: Pattern, name: ExpandedName): Pattern {
    return this.byName(p.startTagOpenRecoverMemo ??= new Map(), p, name, this.startTagOpenRecoverOf);
  }

  /** The state after the name of an attribute: `after(its value pattern, the rest)`. */
  startAttribute(p: Pattern, name: ExpandedName): Pattern {
    return this.byName(p.startAttributeMemo ??= new Map(), p, name, this.startAttributeOf);
  }

  /** A derivative by a name, from the pattern's memo or computed and remembered there. */
  private byName(memo: Map<number, Pattern>, p: Pattern, name: ExpandedName, derive: (this: Derivatives, p: Pattern, name: ExpandedName) => Pattern): Pattern {
    const known = memo.get(name.id);
    if (known !== undefined) return known;
    const derived = derive.call(this, p, name);
    memo.set(name.id, derived);
    return derived;
  }

  private startTagOpenOf(p: Pattern, name: ExpandedName): Pattern {
    return this.startOf(p, name, OPEN);
  }

  private startTagOpenRecoverOf(p: Pattern, name: ExpandedName): Pattern {
    return this.startOf(p, name, OPEN_RECOVER);
  }

  private startAttributeOf(p: Pattern, name: ExpandedName): Pattern {
    return this.startOf(p, name, ATTRIBUTE_NAME);
  }

  /**
   * The derivative by a start tag's opening (`OPEN`, `OPEN_RECOVER`) or an
   * attribute's name (`ATTRIBUTE_NAME`): `after`s whose first half is the
   * content (or the value) to come, and whose second is what follows it.
   */
  private startOf(p: Pattern, name: ExpandedName, mode: number): Pattern {
    const b = this.builder;
    const d = (q: Pattern): Pattern => (mode === OPEN ? this.startTagOpen(q, name) : mode === OPEN_RECOVER ? this.startTagOpenRecover(q, name) : this.startAttribute(q, name));
    switch (p.kind) {
      case CHOICE: return b.choiceOf(p.members!.map(d));
      case GROUP: {
        const p1 = p.p1!, p2 = p.p2!;
        const first = this.applyAfter(d(p1), (x) => b.group(x, p2));
        // attributes are unordered, in a group as in an interleave
        if (mode === ATTRIBUTE_NAME) return b.choice(first, this.applyAfter(d(p2), (x) => b.group(p1, x)));
        return p1.nullable || mode === OPEN_RECOVER ? b.choice(first, d(p2)) : first;
      }
      case INTERLEAVE: {
        const p1 = p.p1!, p2 = p.p2!;
        return b.choice(this.applyAfter(d(p1), (x) => b.interleave(x, p2)), this.applyAfter(d(p2), (x) => b.interleave(p1, x)));
      }
      case AFTER: {
        const p2 = p.p2!;
        return this.applyAfter(d(p.p1!), (x) => b.after(x, p2));
      }
      case ONE_OR_MORE: {
        const rest = b.optional(p);
        return this.applyAfter(d(p.p1!), (x) => b.group(x, rest));
      }
      case ELEMENT:
        // an element whose content can match nothing is as if it were not there (as jing makes it)
        return mode !== ATTRIBUTE_NAME && !p.p1!.notAllowed && contains(p.nameClass!, name) ? b.after(p.p1!, b.empty) : b.notAllowed;
      case ATTRIBUTE: return mode === ATTRIBUTE_NAME && contains(p.nameClass!, name) ? b.after(p.p1!, b.empty) : b.notAllowed;
      default: return b.notAllowed;
    }
  }

  /** `f` applied to the continuation of every `after` in a state. */
  private applyAfter(p: Pattern, f: (next: Pattern) => Pattern): Pattern {
    switch (p.kind) {
      case AFTER: return this.builder.after(p.p1!, f(p.p2!));
      case CHOICE: return this.builder.choiceOf(p.members!.map((m) => this.applyAfter(m, f)));
      default: return p; // notAllowed
    }
  }

  /** The state after `>`: attributes still required make it notAllowed. */
  endAttributes(p: Pattern): Pattern {
    return (p.endAttributesMemo ??= this.mapAttributes(p, 'end'));
  }

  /** After a start tag missing required attributes: as if they were there. */
  ignoreMissingAttributes(p: Pattern): Pattern {
    return (p.ignoreMissingAttributesMemo ??= this.mapAttributes(p, 'ignore'));
  }

  /** The state an element's text is matched against as data: elements dropped, attributes kept. */
  textOnly(p: Pattern): Pattern {
    return (p.textOnlyMemo ??= this.mapAttributes(p, 'text'));
  }

  private mapAttributes(p: Pattern, mode: 'end' | 'ignore' | 'text'): Pattern {
    const b = this.builder;
    const d = (q: Pattern): Pattern => (mode === 'end' ? this.endAttributes(q) : mode === 'ignore' ? this.ignoreMissingAttributes(q) : this.textOnly(q));
    switch (p.kind) {
      case CHOICE: {
        const members = p.members!.map(d);
        return members.every((m, i) => m === p.members![i]) ? p : b.choiceOf(members);
      }
      case GROUP: case INTERLEAVE: {
        const q1 = d(p.p1!), q2 = d(p.p2!);
        if (q1 === p.p1 && q2 === p.p2) return p;
        return p.kind === GROUP ? b.group(q1, q2) : b.interleave(q1, q2);
      }
      case ONE_OR_MORE: {
        const q = d(p.p1!);
        return q === p.p1 ? p : b.oneOrMore(q);
      }
      case AFTER: {
        const q = d(p.p1!);
        return q === p.p1 ? p : b.after(q, p.p2!);
      }
      case ATTRIBUTE: return mode === 'end' ? b.notAllowed : mode === 'ignore' ? b.empty : p;
      case ELEMENT: return mode === 'text' ? b.notAllowed : p;
      default: return p;
    }
  }

  /** The state after text that is not matched as data (mixed content, text between elements). */
  mixedText(p: Pattern): Pattern {
    return (p.mixedTextMemo ??= this.mixedTextOf(p));
  }

  private mixedTextOf(p: Pattern): Pattern {
    const b = this.builder;
    switch (p.kind) {
      case TEXT: return p;
      case CHOICE: {
        const members = p.members!.map((m) => this.mixedText(m));
        return members.every((m, i) => m === p.members![i]) ? p : b.choiceOf(members);
      }
      case GROUP: {
        const p1 = p.p1!, p2 = p.p2!;
        const q1 = this.mixedText(p1);
        const first = q1 === p1 ? p : b.group(q1, p2);
        return p1.nullable ? b.choice(first, this.mixedText(p2)) : first;
      }
      case INTERLEAVE: {
        const p1 = p.p1!, p2 = p.p2!;
        const q1 = this.mixedText(p1), q2 = this.mixedText(p2);
        return b.choice(q1 === p1 ? p : b.interleave(q1, p2), q2 === p2 ? p : b.interleave(p1, q2));
      }
      case ONE_OR_MORE: return b.group(this.mixedText(p.p1!), b.optional(p));
      case AFTER: {
        const q = this.mixedText(p.p1!);
        return q === p.p1 ? p : b.after(q, p.p2!);
      }
      default: return b.notAllowed;
    }
  }

  /** The state after an end tag. */
  endTag(p: Pattern): Pattern {
    return (p.endTagMemo ??= this.overAfters(p, (q) => this.endTag(q), (a) => (a.p1!.nullable ? a.p2! : this.builder.notAllowed), this.builder.notAllowed));
  }

  /** After an element that could not be matched: whatever may follow it, its content abandoned. */
  recoverAfter(p: Pattern): Pattern {
    return (p.recoverAfterMemo ??= this.overAfters(p, (q) => this.recoverAfter(q), (a) => a.p2!, this.builder.notAllowed));
  }

  /** The state with nothing expected after the current element (to tell its own errors from its parent's). */
  emptyAfter(p: Pattern): Pattern {
    return (p.emptyAfterMemo ??= this.overAfters(p, (q) => this.emptyAfter(q), (a) => this.builder.after(a.p1!, this.builder.empty), p));
  }

  /** A state (a choice of `after`s) with `onAfter` applied to each `after`; `otherwise` for anything else. */
  private overAfters(p: Pattern, recurse: (q: Pattern) => Pattern, onAfter: (a: Pattern) => Pattern, otherwise: Pattern): Pattern {
    switch (p.kind) {
      case CHOICE: return this.builder.choiceOf(p.members!.map(recurse));
      case AFTER: return onAfter(p);
      default: return otherwise;
    }
  }

  /** The state after the string `text` matched as data (an attribute value, an element's text, a list token). */
  dataDeriv(p: Pattern, text: string, context: ValueContext): Pattern {
    let dependence = p.dataDependence;
    if (dependence < 0) dependence = p.dataDependence = this.dependenceOf(p);
    if (dependence === DEPENDS_ON_NOTHING) return (p.dataMemo ??= this.dataDerivOf(p, text, context)) as Pattern;
    if (dependence === DEPENDS_ON_CONTEXT) return this.dataDerivOf(p, text, context);
    const key = dependence === DEPENDS_ON_BLANKNESS ? (isBlank(text) ? ' ' : 'x') : text;
    let memo = p.dataMemo as Map<string, Pattern> | undefined;
    if (memo === undefined) memo = p.dataMemo = new Map();
    else {
      const known = memo.get(key);
      if (known !== undefined) return known;
    }
    const derived = this.dataDerivOf(p, text, context);
    if (memo.size < DATA_MEMO_LIMIT) memo.set(key, derived);
    return derived;
  }

  private dependenceOf(p: Pattern): number {
    const of = (q: Pattern): number => {
      if (q.dataDependence < 0) q.dataDependence = this.dependenceOf(q);
      return q.dataDependence;
    };
    switch (p.kind) {
      case DATA: {
        const own = p.datatype!.contextDependent ? DEPENDS_ON_CONTEXT : p.datatype!.allowsAnyString ? DEPENDS_ON_NOTHING : DEPENDS_ON_STRING;
        return p.p1 ? Math.max(own, DEPENDS_ON_STRING, of(p.p1)) : own;
      }
      case VALUE: return p.datatype!.contextDependent ? DEPENDS_ON_CONTEXT : DEPENDS_ON_STRING;
      case LIST: return Math.max(DEPENDS_ON_STRING, of(p.p1!));
      case AFTER: return Math.max(of(p.p1!), p.p1!.nullable ? DEPENDS_ON_BLANKNESS : DEPENDS_ON_NOTHING);
      case CHOICE: return Math.max(...p.members!.map(of));
      case GROUP: case INTERLEAVE: return Math.max(of(p.p1!), of(p.p2!));
      case ONE_OR_MORE: return of(p.p1!);
      default: return DEPENDS_ON_NOTHING;
    }
  }

  private dataDerivOf(p: Pattern, text: string, context: ValueContext): Pattern {
    const b = this.builder;
    switch (p.kind) {
      case TEXT: return p;
      case VALUE: {
        const datatype = p.datatype!;
        const parsed = datatype.parse(text, context);
        return parsed !== undefined && datatype.sameValue(p.value!.parsed, parsed) ? b.empty : b.notAllowed;
      }
      case DATA: {
        const datatype = p.datatype!;
        if (!datatype.allowsAnyString && datatype.check(text, context) !== undefined) return b.notAllowed;
        if (p.p1 !== null && this.dataDeriv(p.p1, text, context).nullable) return b.notAllowed;
        return b.empty;
      }
      case LIST: {
        let state = p.p1!;
        for (const token of tokens(text)) {
          state = this.dataDeriv(state, token, context);
          if (state.notAllowed) return b.notAllowed;
        }
        return state.nullable ? b.empty : b.notAllowed;
      }
      case AFTER: {
        const p1 = p.p1!;
        if (this.dataDeriv(p1, text, context).nullable || (p1.nullable && isBlank(text))) return p.p2!;
        return b.notAllowed;
      }
      case CHOICE: return b.choiceOf(p.members!.map((m) => this.dataDeriv(m, text, context)));
      case GROUP: {
        const p1 = p.p1!, p2 = p.p2!;
        const first = b.group(this.dataDeriv(p1, text, context), p2);
        return p1.nullable ? b.choice(first, this.dataDeriv(p2, text, context)) : first;
      }
      case INTERLEAVE: {
        const p1 = p.p1!, p2 = p.p2!;
        return b.choice(b.interleave(this.dataDeriv(p1, text, context), p2), b.interleave(p1, this.dataDeriv(p2, text, context)));
      }
      case ONE_OR_MORE: return b.group(this.dataDeriv(p.p1!, text, context), b.optional(p));
      default: return b.notAllowed;
    }
  }

  /**
   * The content of the element patterns that name `name` most precisely,
   * anywhere in the schema: an element not allowed where it stands is still
   * checked inside as that element (jing's FindElementFunction).
   */
  findElement(name: ExpandedName): Pattern {
    let found = this.recoverPatterns.get(name.id);
    if (found === undefined) {
      let best = 0;
      let contents: Pattern[] = [];
      const seen = new Set<Pattern>();
      const stack = [this.start];
      while (stack.length > 0) {
        const p = stack.pop()!;
        if (seen.has(p)) continue;
        seen.add(p);
        switch (p.kind) {
          case CHOICE: stack.push(...p.members!); break;
          case GROUP: case INTERLEAVE: case AFTER: stack.push(p.p1!, p.p2!); break;
          case ONE_OR_MORE: stack.push(p.p1!); break;
          case ELEMENT: {
            const s = p.p1!.notAllowed ? 0 : specificity(p.nameClass!, name);
            if (s > best) { best = s; contents = [p.p1!]; }
            else if (s === best && s > 0) contents.push(p.p1!);
            stack.push(p.p1!);
            break;
          }
        }
      }
      found = contents.length === 0 ? this.builder.notAllowed : this.builder.choiceOf(contents);
      this.recoverPatterns.set(name.id, found);
    }
    return found;
  }
}

/**
 * What a state would accept, asked of its pattern when a document does
 * something else, so that a message can say what was expected there (as
 * jing's PossibleStartTagNamesFunction and RequiredElementsFunction do).
 */
import { isBlank, tokens, type ValueContext } from './datatypes/datatype.js';
import type { Derivatives } from './derivatives.js';
import type { ExpandedName, NameClass } from './names.js';
import { AFTER, ATTRIBUTE, CHOICE, DATA, ELEMENT, GROUP, INTERLEAVE, LIST, ONE_OR_MORE, VALUE, type Pattern } from './patterns.js';

/** Name classes of the elements that could start here. */
export function possibleStartTagNames(p: Pattern, into: NameClass[] = [], seen = new Set<Pattern>()): NameClass[] {
  if (seen.has(p)) return into;
  seen.add(p);
  switch (p.kind) {
    case CHOICE: for (const m of p.members!) possibleStartTagNames(m, into, seen); break;
    case GROUP:
      possibleStartTagNames(p.p1!, into, seen);
      if (p.p1!.nullable) possibleStartTagNames(p.p2!, into, seen);
      break;
    case INTERLEAVE: possibleStartTagNames(p.p1!, into, seen); possibleStartTagNames(p.p2!, into, seen); break;
    case ONE_OR_MORE: case AFTER: possibleStartTagNames(p.p1!, into, seen); break;
    case ELEMENT: if (!p.p1!.notAllowed) into.push(p.nameClass!); break;
  }
  return into;
}

/** Name classes of the attributes that could come here. */
export function possibleAttributeNames(p: Pattern, into: NameClass[] = [], seen = new Set<Pattern>()): NameClass[] {
  if (seen.has(p)) return into;
  seen.add(p);
  switch (p.kind) {
    case CHOICE: for (const m of p.members!) possibleAttributeNames(m, into, seen); break;
    case GROUP: case INTERLEAVE: possibleAttributeNames(p.p1!, into, seen); possibleAttributeNames(p.p2!, into, seen); break;
    case ONE_OR_MORE: case AFTER: possibleAttributeNames(p.p1!, into, seen); break;
    case ATTRIBUTE: into.push(p.nameClass!); break;
  }
  return into;
}

/** Names every way on from here must pass through (elements, or attributes): named simply, in every alternative. */
export function requiredNames(p: Pattern, kind: typeof ELEMENT | typeof ATTRIBUTE): ExpandedName[] {
  return [...required(p, kind)];
}

function required(p: Pattern, kind: number): Set<ExpandedName> {
  switch (p.kind) {
    case CHOICE: {
      let common: Set<ExpandedName> | undefined;
      for (const m of p.members!) {
        const names = required(m, kind);
        if (names.size === 0) return names;
        common = common ? new Set([...common].filter((n) => names.has(n))) : names;
      }
      return common ?? new Set();
    }
    case GROUP:
      if (kind === ELEMENT) return p.p1!.nullable ? required(p.p2!, kind) : required(p.p1!, kind);
      return new Set([...required(p.p1!, kind), ...required(p.p2!, kind)]);
    case INTERLEAVE: return new Set([...required(p.p1!, kind), ...required(p.p2!, kind)]);
    case ONE_OR_MORE: case AFTER: return required(p.p1!, kind);
    case ELEMENT: case ATTRIBUTE:
      return p.kind === kind && p.nameClass!.kind === 'name' ? new Set([p.nameClass!.name]) : new Set();
    default: return new Set();
  }
}

/**
 * Why `text` is not allowed as data in state `p`, as a sentence about
 * `subject` (how the text is named: its value quoted, "empty content"): the
 * values it could have been, and what the datatypes it could have matched
 * say of it; in a list, the first token that fails.
 */
export function dataFailure(p: Pattern, text: string, context: ValueContext, derivatives: Derivatives, subject: string): string {
  const values = new Set<string>();
  const predicates = new Set<string>();
  const sentences = new Set<string>();
  const visit = (q: Pattern): void => {
    switch (q.kind) {
      case CHOICE: for (const m of q.members!) visit(m); break;
      case AFTER: visit(q.p1!); break;
      case GROUP: visit(q.p1!); if (q.p1!.nullable) visit(q.p2!); break;
      case INTERLEAVE: visit(q.p1!); visit(q.p2!); break;
      case ONE_OR_MORE: visit(q.p1!); break;
      case VALUE: values.add(q.value!.lexical); break;
      case DATA: {
        const problem = q.datatype!.check(text, context);
        if (problem) predicates.add(problem);
        else if (q.p1) predicates.add(`must not be ${describeExcept(q.p1)}`);
        break;
      }
      case LIST: {
        let state = q.p1!;
        for (const token of tokens(text)) {
          const next = derivatives.dataDeriv(state, token, context);
          if (next.notAllowed) {
            sentences.add(dataFailure(state, token, context, derivatives, `token "${token}"`));
            return;
          }
          state = next;
        }
        sentences.add(isBlank(text) ? `${subject} must be a list of at least one token` : `${subject} lacks a token at its end`);
        break;
      }
    }
  };
  visit(p);
  const musts = [...(values.size > 0 ? [`equal to ${orList([...values].sort().map((v) => JSON.stringify(v)))}`] : []),
    ...[...predicates].map((predicate) => predicate.replace(/^must be /, ''))];
  const allMustBe = [...predicates].every((predicate) => predicate.startsWith('must be '));
  if (musts.length > 0) sentences.add(allMustBe ? `${subject} must be ${orList(musts)}` : `${subject} ${[...predicates, ...(values.size > 0 ? [`must be ${musts[0]}`] : [])].join('; or ')}`);
  return sentences.size === 0 ? `${subject} is not allowed here` : [...sentences].join('; or ');
}

function describeExcept(p: Pattern): string {
  const values: string[] = [];
  const visit = (q: Pattern): void => {
    if (q.kind === CHOICE) q.members!.forEach(visit);
    else if (q.kind === VALUE) values.push(JSON.stringify(q.value!.lexical));
  };
  visit(p);
  return values.length > 0 ? orList(values) : 'one of the excluded values';
}

/** "a", "a or b", "a, b or c". */
export function orList(items: readonly string[], conjunction = 'or'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

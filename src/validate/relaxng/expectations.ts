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
 * Why `text` is not allowed as data in state `p`: the values it could have
 * been, and what the datatypes it could have matched say of it.
 */
export function dataFailure(p: Pattern, text: string, context: ValueContext, derivatives: Derivatives): string {
  const values = new Set<string>();
  const problems = new Set<string>();
  const visit = (q: Pattern, s: string): void => {
    switch (q.kind) {
      case CHOICE: for (const m of q.members!) visit(m, s); break;
      case AFTER: visit(q.p1!, s); break;
      case GROUP: visit(q.p1!, s); if (q.p1!.nullable) visit(q.p2!, s); break;
      case INTERLEAVE: visit(q.p1!, s); visit(q.p2!, s); break;
      case ONE_OR_MORE: visit(q.p1!, s); break;
      case VALUE: values.add(q.value!.lexical); break;
      case DATA: {
        const problem = q.datatype!.check(s, context);
        if (problem) problems.add(problem);
        else if (q.p1) problems.add(`must not be ${describeExcept(q.p1)}`);
        break;
      }
      case LIST: {
        let state = q.p1!;
        for (const token of tokens(s)) {
          const next = derivatives.dataDeriv(state, token, context);
          if (next.notAllowed) {
            problems.add(`token "${token}" ${dataFailure(state, token, context, derivatives)}`);
            return;
          }
          state = next;
        }
        problems.add(isBlank(s) ? 'must not be empty' : 'is missing a token at the end');
        break;
      }
    }
  };
  visit(p, text);
  const parts = [...problems];
  if (values.size > 0) parts.unshift(`must be equal to ${orList([...values].sort().map((v) => JSON.stringify(v)))}`);
  if (parts.length === 0) return 'is not allowed here';
  // "must be A", "must be B" → "must be A or B"
  if (parts.every((part) => part.startsWith('must be '))) return `must be ${orList(parts.map((part) => part.slice('must be '.length)))}`;
  return parts.join('; or ');
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

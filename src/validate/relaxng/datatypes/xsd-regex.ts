/**
 * XML Schema regular expressions (XML Schema Part 2, appendix F) translated
 * to JavaScript regular expressions with the `u` flag. The XSD dialect
 * differs from JavaScript's: a pattern matches the whole string (no
 * anchors; `^` and `$` are ordinary characters), `\d` and `\w` are
 * Unicode-wide, `\i` and `\c` are XML name characters, `\p{IsBlock}` names
 * Unicode blocks, and character classes subtract (`[a-z-[aeiou]]`).
 * Classes JavaScript cannot write directly (a complement inside a class, a
 * subtraction) become single-character alternations and lookaheads.
 */
import { unicodeBlock } from './unicode-blocks.js';
import { nameTables } from './xml-names.js';

export class XsdRegexError extends Error {
  constructor(message: string, readonly position: number) {
    super(message);
  }
}

/** General categories XML Schema knows (`\p{Lu}`); JavaScript's `u` flag knows them all by the same names. */
const CATEGORIES = new Set([
  'L', 'Lu', 'Ll', 'Lt', 'Lm', 'Lo', 'M', 'Mn', 'Mc', 'Me', 'N', 'Nd', 'Nl', 'No', 'P', 'Pc', 'Pd', 'Ps', 'Pe', 'Pi', 'Pf', 'Po',
  'Z', 'Zs', 'Zl', 'Zp', 'S', 'Sm', 'Sc', 'Sk', 'So', 'C', 'Cc', 'Cf', 'Co', 'Cn', 'Cs',
]);

/**
 * A set of characters on its way to JavaScript: `atoms` can go inside
 * `[...]`; `alternatives` are whole single-character expressions.
 */
interface CharSet {
  atoms: string;
  alternatives: string[];
}

const cache = new Map<string, RegExp>();

/** The JavaScript RegExp matching exactly the strings the XSD `pattern` matches (whole string). Throws XsdRegexError. */
export function xsdRegex(pattern: string): RegExp {
  return anchored(translateXsdRegex(pattern));
}

/** The whole-string RegExp for a translated body, made once per body. */
export function anchored(body: string): RegExp {
  let regex = cache.get(body);
  if (regex === undefined) {
    regex = new RegExp(`^(?:${body})$`, 'u');
    cache.set(body, regex);
  }
  return regex;
}

/** The body of the JavaScript regex for an XSD regex (without anchors). Throws XsdRegexError. */
export function translateXsdRegex(pattern: string): string {
  const chars = [...pattern];
  let i = 0;
  const fail = (message: string): never => {
    throw new XsdRegexError(`${message} at character ${i + 1} of the regular expression`, i);
  };
  const peek = (): string | undefined => chars[i];

  function regExp(): string {
    const branches = [branch()];
    while (peek() === '|') {
      i++;
      branches.push(branch());
    }
    return branches.join('|');
  }

  function branch(): string {
    let out = '';
    while (i < chars.length && peek() !== '|' && peek() !== ')') out += piece();
    return out;
  }

  function piece(): string {
    const atomText = atom();
    const c = peek();
    if (c === '?' || c === '*' || c === '+') {
      i++;
      return atomText + c;
    }
    if (c === '{') {
      i++;
      const min = digits();
      if (min === '') fail('a quantifier {n}, {n,} or {n,m} needs a number');
      let quantifier = `{${min}`;
      if (peek() === ',') {
        i++;
        const max = digits();
        if (max !== '' && Number(max) < Number(min)) fail(`the quantifier {${min},${max}} has its maximum below its minimum`);
        quantifier += `,${max}`;
      }
      if (peek() !== '}') fail('a quantifier is not closed with "}"');
      i++;
      return `${atomText}${quantifier}}`;
    }
    return atomText;
  }

  function digits(): string {
    let out = '';
    while (i < chars.length && /[0-9]/.test(chars[i])) out += chars[i++];
    return out;
  }

  function atom(): string {
    const c = chars[i];
    switch (c) {
      case '(': {
        i++;
        const inner = regExp();
        if (peek() !== ')') fail('a group "(" is not closed');
        i++;
        return `(?:${inner})`;
      }
      case '[': return setExpression(charClassExpression());
      case '\\': return setExpression(escape(false));
      case '.': i++; return '[^\\n\\r]';
      case '?': case '*': case '+': case '{': fail(`"${c}" has nothing to repeat`); break;
      case ')': fail('")" closes no group'); break;
      case ']': case '}': fail(`"${c}" must be escaped as "\\${c}"`); break;
    }
    i++;
    return literal(c);
  }

  /** `[...]`, with negation and subtraction. */
  function charClassExpression(): CharSet {
    i++; // [
    let negated = false;
    if (peek() === '^') { negated = true; i++; }
    const set: CharSet = { atoms: '', alternatives: [] };
    let first = true;
    let subtracted: CharSet | undefined;
    for (;;) {
      const c = peek();
      if (c === undefined) fail('a character class "[" is not closed');
      if (c === ']') {
        if (first) fail('a character class cannot be empty');
        i++;
        break;
      }
      if (c === '-' && chars[i + 1] === '[') {
        if (first) fail('a character class cannot start with a subtraction');
        i++;
        subtracted = charClassExpression();
        if (peek() !== ']') fail('a subtraction "-[...]" must end its character class');
        i++;
        break;
      }
      if (c === '[') fail('"[" inside a character class must be escaped (or start a subtraction "-[...]")');
      if (c === '\\') {
        const escaped = escape(true);
        if (typeof escaped === 'string') addRange(set, escaped);
        else { set.atoms += escaped.atoms; set.alternatives.push(...escaped.alternatives); }
      } else {
        if (c === '-' && !first && chars[i + 1] !== ']') fail('"-" inside a character class must be escaped unless it comes first or last');
        i++;
        addRange(set, c as string);
      }
      first = false;
    }
    let result = negated ? complement(set) : set;
    if (subtracted) {
      result = { atoms: '', alternatives: [`(?:(?!${setExpression(subtracted)})${setExpression(result)})`] };
    }
    return result;
  }

  /** Adds `from`, or the range `from-to` when a "-" follows, to the set. */
  function addRange(set: CharSet, from: string): void {
    if (peek() === '-' && chars[i + 1] !== '[' && chars[i + 1] !== ']' && chars[i + 1] !== undefined) {
      i++;
      let to: string;
      if (peek() === '\\') {
        const escaped = escape(true);
        if (typeof escaped !== 'string') fail('a range cannot end with a multi-character escape');
        to = escaped as string;
      } else {
        to = chars[i++];
        if (to === '-' || to === '[') fail(`"${to}" cannot end a range`);
      }
      if (to.codePointAt(0)! < from.codePointAt(0)!) fail(`the range ${from}-${to} is backwards`);
      set.atoms += `${codePoint(from)}-${codePoint(to)}`;
    } else set.atoms += codePoint(from);
  }

  /**
   * A backslash escape: a single character (returned as that character),
   * or a class (returned as a CharSet).
   */
  function escape(inClass: boolean): string | CharSet {
    i++; // backslash
    const c = chars[i++];
    switch (c) {
      case undefined: fail('the regular expression ends with "\\"'); break;
      case 'n': return '\n';
      case 'r': return '\r';
      case 't': return '\t';
      case '\\': case '|': case '.': case '?': case '*': case '+': case '(': case ')': case '{': case '}':
      case '-': case '[': case ']': case '^':
        return c;
      case 's': return { atoms: ' \\t\\n\\r', alternatives: [] };
      case 'S': return complement({ atoms: ' \\t\\n\\r', alternatives: [] });
      case 'i': return { atoms: nameTables().start, alternatives: [] };
      case 'I': return complement({ atoms: nameTables().start, alternatives: [] });
      case 'c': return { atoms: nameTables().chars, alternatives: [] };
      case 'C': return complement({ atoms: nameTables().chars, alternatives: [] });
      case 'd': return { atoms: '\\p{Nd}', alternatives: [] };
      case 'D': return { atoms: '\\P{Nd}', alternatives: [] };
      case 'w': return complement({ atoms: '\\p{P}\\p{Z}\\p{C}', alternatives: [] });
      case 'W': return { atoms: '\\p{P}\\p{Z}\\p{C}', alternatives: [] };
      case 'p': case 'P': {
        if (chars[i] !== '{') fail(`"\\${c}" must be followed by a property in braces, e.g. \\${c}{L}`);
        const close = chars.indexOf('}', i);
        if (close < 0) fail(`"\\${c}{" is not closed`);
        const property = chars.slice(i + 1, close).join('');
        i = close + 1;
        const set = property.startsWith('Is') ? blockSet(property.slice(2)) : categorySet(property);
        return c === 'P' ? complement(set) : set;
      }
    }
    i--;
    fail(`"\\${c}" is not an escape XML Schema regular expressions know${inClass ? ' inside a character class' : ''}`);
    return '';
  }

  function blockSet(name: string): CharSet {
    const range = unicodeBlock(name);
    if (!range) fail(`"Is${name}" is not the name of a Unicode block`);
    return { atoms: `\\u{${range![0].toString(16)}}-\\u{${range![1].toString(16)}}`, alternatives: [] };
  }

  function categorySet(name: string): CharSet {
    if (!CATEGORIES.has(name)) fail(`"${name}" is not a Unicode general category (such as L, Lu, Nd, P)`);
    return { atoms: `\\p{${name}}`, alternatives: [] };
  }

  const result = regExp();
  if (i < chars.length) fail(`unexpected "${chars[i]}"`);
  return result;
}

/** A single-character expression for a set. */
function setExpression(set: CharSet | string): string {
  if (typeof set === 'string') return literal(set);
  const parts = [...(set.atoms === '' ? [] : [`[${set.atoms}]`]), ...set.alternatives];
  if (parts.length === 0) return '[]'; // matches nothing
  return parts.length === 1 ? parts[0] : `(?:${parts.join('|')})`;
}

function complement(set: CharSet): CharSet {
  if (set.alternatives.length === 0) return { atoms: '', alternatives: [`[^${set.atoms}]`] };
  return { atoms: '', alternatives: [`(?:(?!${setExpression(set)})[\\s\\S])`] };
}

/** A character written so JavaScript's `u` mode reads it literally, in or out of a class. */
function codePoint(c: string): string {
  return /^[A-Za-z0-9]$/.test(c) ? c : `\\u{${c.codePointAt(0)!.toString(16)}}`;
}

function literal(c: string): string {
  return codePoint(c);
}

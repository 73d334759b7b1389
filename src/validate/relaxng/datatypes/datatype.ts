/**
 * The interface between the RELAX NG engine and datatype libraries (spec
 * section 6.2.8): a library makes datatypes from a name and parameters; a
 * datatype says whether a string is allowed and whether two strings are the
 * same value. Patterns see datatypes only through this interface.
 */

/** What a datatype may need from where a string occurs: the namespace prefixes in scope (QName values). */
export interface ValueContext {
  /** The namespace URI `prefix` is bound to ('' for the default namespace), or undefined if unbound. */
  resolvePrefix(prefix: string): string | undefined;
}

/** No prefixes bound but `xml` (for strings checked where no namespace matters). */
export const NO_CONTEXT: ValueContext = {
  resolvePrefix: (prefix) => (prefix === 'xml' ? XML_NAMESPACE : prefix === '' ? '' : undefined),
};

export const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';

/** The DTD compatibility ID-type of a datatype (RELAX NG DTD Compatibility, section 4). */
export type IdType = 'ID' | 'IDREF' | 'IDREFS' | null;

export interface Param {
  readonly name: string;
  readonly value: string;
}

export interface Datatype {
  readonly library: string;
  readonly name: string;
  readonly params: readonly Param[];
  /** Equal keys, equal datatypes (patterns are interned by it). */
  readonly key: string;
  readonly idType: IdType;
  /** Its values depend on the namespace prefixes in scope (QName, NOTATION). */
  readonly contextDependent: boolean;
  /** Every string is allowed, so no check needs to run. */
  readonly allowsAnyString: boolean;
  /** Undefined when `text` is allowed; otherwise what it must be ("must be an integer"). */
  check(text: string, context: ValueContext): string | undefined;
  /** The value `text` stands for, or undefined when it is not allowed. */
  parse(text: string, context: ValueContext): unknown;
  sameValue(a: unknown, b: unknown): boolean;
}

export interface DatatypeLibrary {
  readonly uri: string;
  /** The datatype, or a sentence saying why it cannot be made (unknown name, bad parameter). */
  create(name: string, params: readonly Param[]): Datatype | string;
}

/** `key` of a datatype made from these parts. */
export function datatypeKey(library: string, name: string, params: readonly Param[]): string {
  return `${library}#${name}${params.length === 0 ? '' : `(${params.map((p) => `${p.name}=${JSON.stringify(p.value)}`).join(',')})`}`;
}

/** XML whitespace collapsed: trimmed, inner runs to one space (RELAX NG normalizeWhiteSpace). */
export function collapseWhitespace(text: string): string {
  // Most values need nothing: checked first without building a string.
  let clean = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x09 || c === 0x0a || c === 0x0d || (c === 0x20 && (i === 0 || i === text.length - 1 || text.charCodeAt(i + 1) === 0x20))) {
      clean = false;
      break;
    }
  }
  return clean ? text : text.replace(/[ \t\n\r]+/g, ' ').replace(/^ | $/g, '');
}

/** True when `text` holds only XML whitespace (or nothing). */
export function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return false;
  }
  return true;
}

/** The whitespace-separated tokens of a string (a list's items). */
export function tokens(text: string): string[] {
  const found: string[] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0x20;
    const space = c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
    if (space) {
      if (start >= 0) { found.push(text.slice(start, i)); start = -1; }
    } else if (start < 0) start = i;
  }
  return found;
}


/**
 * The datatype libraries a schema may name: RELAX NG's built-in library
 * (`""`: string and token, spec section 6.2.9), the XML Schema datatypes, and
 * the DTD compatibility datatypes (ID, IDREF, IDREFS).
 */
import { collapseWhitespace, datatypeKey, tokens, type Datatype, type DatatypeLibrary, type IdType, type Param, type ValueContext } from './datatype.js';
import { isNcName } from './xsd-values.js';
import { xsdLibrary } from './xsd.js';

export const BUILTIN_LIBRARY = '';
export const COMPATIBILITY_LIBRARY = 'http://relaxng.org/ns/compatibility/datatypes/1.0';

/** A datatype given by functions (the built-in and compatibility types). */
class SimpleDatatype implements Datatype {
  readonly params: readonly Param[] = [];
  readonly key: string;
  readonly contextDependent = false;

  constructor(
    readonly library: string,
    readonly name: string,
    readonly idType: IdType,
    readonly allowsAnyString: boolean,
    private readonly value: (text: string) => string | undefined,
    private readonly requirement: string,
  ) {
    this.key = datatypeKey(library, name, []);
  }

  check(text: string): string | undefined {
    return this.value(text) === undefined ? `must be ${this.requirement}` : undefined;
  }

  parse(text: string, _context?: ValueContext): unknown {
    return this.value(text);
  }

  sameValue(a: unknown, b: unknown): boolean {
    return a === b;
  }
}

function library(uri: string, types: Record<string, () => Datatype>): DatatypeLibrary {
  const made = new Map<string, Datatype>();
  return {
    uri,
    create(name, params) {
      if (!Object.hasOwn(types, name)) return `"${name}" is not a datatype of ${uri === '' ? 'the built-in datatype library (only string and token are)' : `the library ${uri}`}`;
      if (params.length > 0) return `the datatype ${name} takes no parameters`;
      let datatype = made.get(name);
      if (!datatype) made.set(name, (datatype = types[name]()));
      return datatype;
    },
  };
}

const builtinLibrary = library(BUILTIN_LIBRARY, {
  string: () => new SimpleDatatype(BUILTIN_LIBRARY, 'string', null, true, (s) => s, 'a string'),
  token: () => new SimpleDatatype(BUILTIN_LIBRARY, 'token', null, true, collapseWhitespace, 'a string'),
});

const ncName = (s: string): string | undefined => {
  const t = collapseWhitespace(s);
  return isNcName(t) ? t : undefined;
};

const compatibilityLibrary = library(COMPATIBILITY_LIBRARY, {
  ID: () => new SimpleDatatype(COMPATIBILITY_LIBRARY, 'ID', 'ID', false, ncName, 'an XML name without colons'),
  IDREF: () => new SimpleDatatype(COMPATIBILITY_LIBRARY, 'IDREF', 'IDREF', false, ncName, 'an XML name without colons'),
  IDREFS: () => new SimpleDatatype(COMPATIBILITY_LIBRARY, 'IDREFS', 'IDREFS', false, (s) => {
    const items = tokens(s);
    return items.length > 0 && items.every(isNcName) ? items.join(' ') : undefined;
  }, 'a list of XML names without colons'),
});

const LIBRARIES = new Map<string, DatatypeLibrary>([
  [BUILTIN_LIBRARY, builtinLibrary],
  [xsdLibrary.uri, xsdLibrary],
  [COMPATIBILITY_LIBRARY, compatibilityLibrary],
]);

/** The library a `datatypeLibrary` URI names, or undefined when samizdat has none by that URI. */
export function datatypeLibrary(uri: string): DatatypeLibrary | undefined {
  return LIBRARIES.get(uri);
}

/** The datatype, or a sentence saying why it cannot be made. */
export function makeDatatype(libraryUri: string, name: string, params: readonly Param[]): Datatype | string {
  const found = datatypeLibrary(libraryUri);
  if (!found) return `the datatype library "${libraryUri}" is not one samizdat knows (it knows the built-in library, ${xsdLibrary.uri} and ${COMPATIBILITY_LIBRARY})`;
  return found.create(name, params);
}

export type { Datatype, DatatypeLibrary, IdType, Param, ValueContext } from './datatype.js';

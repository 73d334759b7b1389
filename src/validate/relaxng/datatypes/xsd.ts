/**
 * The XML Schema datatype library (`http://www.w3.org/2001/XMLSchema-datatypes`)
 * as the RELAX NG guidelines for it define it: every built-in type, every
 * facet as a parameter except `enumeration` (write `value`) and `whiteSpace`
 * (pick the type), parameters other than `pattern` at most once, and the
 * ID, IDREF and IDREFS types carrying their DTD-compatibility ID-types.
 */
import { collapseWhitespace, datatypeKey, tokens, type Datatype, type DatatypeLibrary, type IdType, type Param, type ValueContext } from './datatype.js';
import {
  base64Binary, compareDecimals, dateTimeLessThan, durationLessThan, hexBinaryLength, isName, isNcName, isNmtoken,
  isUriReference, parseDateTime, parseDecimal, parseDouble, parseDuration, sameDateTime, sameDouble, sameDuration,
  splitQName, totalDigits, type Decimal, type DateTimeValue, type DurationValue,
} from './xsd-values.js';
import { anchored, translateXsdRegex, XsdRegexError } from './xsd-regex.js';

export const XSD_LIBRARY = 'http://www.w3.org/2001/XMLSchema-datatypes';

type Whitespace = 'preserve' | 'replace' | 'collapse';

/** A built-in type: how its strings are read and compared. Strings reach `parse` whitespace-processed. */
interface BuiltinType {
  readonly whitespace: Whitespace;
  /** Its lexical space, for messages ("an integer"). */
  readonly description: string;
  parse(text: string, context: ValueContext): unknown;
  same(a: unknown, b: unknown): boolean;
  /** Present on ordered types. */
  less?(a: unknown, b: unknown): boolean;
  /** Present on types with a length (in characters, octets or list items). */
  length?(value: unknown): number;
  /** Derived from decimal: takes totalDigits and fractionDigits. */
  readonly decimal?: boolean;
  readonly idType?: IdType;
  readonly contextDependent?: boolean;
  /** Built-in bounds of derived types (nonNegativeInteger, byte, …) and built-in minimum lengths (lists). */
  readonly builtinParams?: readonly Param[];
}

const sameString = (a: unknown, b: unknown): boolean => a === b;
const codePoints = (value: unknown): number => {
  let n = 0;
  for (const _ of value as string) n++;
  return n;
};

function stringLike(description: string, whitespace: Whitespace, test?: (s: string) => boolean, extra: Partial<BuiltinType> = {}): BuiltinType {
  return {
    whitespace, description, same: sameString, length: codePoints,
    parse: test ? (s) => (test(s) ? s : undefined) : (s) => s,
    ...extra,
  };
}

const decimalType: BuiltinType = {
  whitespace: 'collapse', description: 'a decimal number', decimal: true,
  parse: (s) => parseDecimal(s),
  same: (a, b) => compareDecimals(a as Decimal, b as Decimal) === 0,
  less: (a, b) => compareDecimals(a as Decimal, b as Decimal) < 0,
};

function integerType(min?: string, max?: string): BuiltinType {
  const builtinParams: Param[] = [];
  if (min !== undefined) builtinParams.push({ name: 'minInclusive', value: min });
  if (max !== undefined) builtinParams.push({ name: 'maxInclusive', value: max });
  return { ...decimalType, description: 'an integer', parse: (s) => parseDecimal(s, true), builtinParams };
}

function floatingType(single: boolean): BuiltinType {
  return {
    whitespace: 'collapse', description: 'a floating-point number',
    parse: (s) => {
      const d = parseDouble(s);
      return d === undefined ? undefined : single ? Math.fround(d) : d;
    },
    same: (a, b) => sameDouble(a as number, b as number),
    less: (a, b) => (a as number) < (b as number),
  };
}

function dateType(template: Parameters<typeof parseDateTime>[1], description: string): BuiltinType {
  return {
    whitespace: 'collapse', description,
    parse: (s) => parseDateTime(s, template),
    same: (a, b) => sameDateTime(a as DateTimeValue, b as DateTimeValue),
    less: (a, b) => dateTimeLessThan(a as DateTimeValue, b as DateTimeValue),
  };
}

function listType(item: BuiltinType, description: string, idType?: IdType): BuiltinType {
  return {
    whitespace: 'collapse', description, idType,
    parse: (s, context) => {
      const values: unknown[] = [];
      for (const token of tokens(s)) {
        const value = item.parse(token, context);
        if (value === undefined) return undefined;
        values.push(value);
      }
      return values;
    },
    same: (a, b) => {
      const x = a as unknown[], y = b as unknown[];
      return x.length === y.length && x.every((v, i) => item.same(v, y[i]));
    },
    length: (value) => (value as unknown[]).length,
    builtinParams: [{ name: 'minLength', value: '1' }],
  };
}

const qnameType: BuiltinType = {
  whitespace: 'collapse', description: 'a QName whose prefix, if any, is declared', contextDependent: true,
  parse: (s, context) => {
    const parts = splitQName(s);
    if (!parts) return undefined;
    const uri = context.resolvePrefix(parts[0]);
    return uri === undefined ? undefined : `{${uri}}${parts[1]}`;
  },
  same: sameString,
};

const ncName = stringLike('an XML name without colons', 'collapse', isNcName);
const nmtoken = stringLike('an XML NMTOKEN', 'collapse', isNmtoken);

const BUILTIN: Record<string, BuiltinType> = {
  string: stringLike('a string', 'preserve'),
  normalizedString: stringLike('a string', 'replace'),
  token: stringLike('a string', 'collapse'),
  untypedAtomic: stringLike('a string', 'preserve'),
  anyAtomicType: stringLike('a string', 'preserve'),
  language: stringLike('an RFC 3066 language identifier', 'collapse', (s) => /^[a-zA-Z]{1,8}(?:-[a-zA-Z0-9]{1,8})*$/.test(s)),
  Name: stringLike('an XML name', 'collapse', isName),
  NCName: ncName,
  NMTOKEN: nmtoken,
  NMTOKENS: listType(nmtoken, 'a list of XML NMTOKENs'),
  ID: { ...ncName, idType: 'ID' },
  IDREF: { ...ncName, idType: 'IDREF' },
  IDREFS: listType(ncName, 'a list of XML names without colons', 'IDREFS'),
  // jing's verdict: an ENTITY must name an unparsed entity declared in the DTD, and samizdat's reader admits none.
  ENTITY: stringLike('the name of an unparsed entity declared in the DTD', 'collapse', () => false),
  ENTITIES: listType(stringLike('the name of an unparsed entity declared in the DTD', 'collapse', () => false), 'a list of unparsed entity names'),
  QName: qnameType,
  NOTATION: qnameType,
  anyURI: stringLike('a URI', 'collapse', isUriReference),
  boolean: {
    whitespace: 'collapse', description: 'a boolean (true, false, 1 or 0)',
    parse: (s) => (s === 'true' || s === '1' ? true : s === 'false' || s === '0' ? false : undefined),
    same: sameString,
  },
  decimal: decimalType,
  integer: integerType(),
  nonPositiveInteger: integerType(undefined, '0'),
  negativeInteger: integerType(undefined, '-1'),
  long: integerType('-9223372036854775808', '9223372036854775807'),
  int: integerType('-2147483648', '2147483647'),
  short: integerType('-32768', '32767'),
  byte: integerType('-128', '127'),
  nonNegativeInteger: integerType('0'),
  unsignedLong: integerType('0', '18446744073709551615'),
  unsignedInt: integerType('0', '4294967295'),
  unsignedShort: integerType('0', '65535'),
  unsignedByte: integerType('0', '255'),
  positiveInteger: integerType('1'),
  float: floatingType(true),
  double: floatingType(false),
  duration: {
    whitespace: 'collapse', description: 'a duration (such as P1Y2M3DT4H5M6S)',
    parse: (s) => parseDuration(s),
    same: (a, b) => sameDuration(a as DurationValue, b as DurationValue),
    less: (a, b) => durationLessThan(a as DurationValue, b as DurationValue),
  },
  dateTime: dateType('dateTime', 'an ISO date and time (YYYY-MM-DDThh:mm:ss)'),
  time: dateType('time', 'an ISO time (hh:mm:ss)'),
  date: dateType('date', 'an ISO date (YYYY-MM-DD)'),
  gYearMonth: dateType('gYearMonth', 'an ISO year and month (YYYY-MM)'),
  gYear: dateType('gYear', 'a year (YYYY)'),
  gMonthDay: dateType('gMonthDay', 'an ISO month and day (--MM-DD)'),
  gDay: dateType('gDay', 'an ISO day of the month (---DD)'),
  gMonth: dateType('gMonth', 'an ISO month (--MM)'),
  hexBinary: {
    whitespace: 'collapse', description: 'a hexadecimal string',
    parse: (s) => (hexBinaryLength(s) === undefined ? undefined : s.toUpperCase()),
    same: sameString, length: (v) => (v as string).length / 2,
  },
  base64Binary: {
    whitespace: 'collapse', description: 'a base64 string',
    parse: (s) => base64Binary(s),
    same: sameString, length: (v) => (v as string).length / 2,
  },
};

/** One checked facet of a datatype. */
interface Facet {
  readonly param: Param;
  /** Undefined when satisfied; otherwise the end of "must be …". */
  violation(value: unknown, normalized: string): string | undefined;
}

class XsdDatatype implements Datatype {
  readonly library = XSD_LIBRARY;
  readonly key: string;
  readonly idType: IdType;
  readonly contextDependent: boolean;
  readonly allowsAnyString: boolean;

  constructor(readonly name: string, readonly params: readonly Param[], private readonly type: BuiltinType, private readonly facets: readonly Facet[]) {
    this.key = datatypeKey(XSD_LIBRARY, name, params);
    this.idType = type.idType ?? null;
    this.contextDependent = type.contextDependent ?? false;
    this.allowsAnyString = facets.length === 0 && (name === 'string' || name === 'token' || name === 'normalizedString' || name === 'untypedAtomic' || name === 'anyAtomicType');
  }

  private normalize(text: string): string {
    switch (this.type.whitespace) {
      case 'preserve': return text;
      case 'replace': return text.replace(/[\t\n\r]/g, ' ');
      case 'collapse': return collapseWhitespace(text);
    }
  }

  check(text: string, context: ValueContext): string | undefined {
    const normalized = this.normalize(text);
    const value = this.type.parse(normalized, context);
    if (value === undefined) return `must be ${this.type.description}`;
    for (const facet of this.facets) {
      const violation = facet.violation(value, normalized);
      if (violation !== undefined) return `must be ${this.type.description} ${violation}`;
    }
    return undefined;
  }

  parse(text: string, context: ValueContext): unknown {
    const normalized = this.normalize(text);
    const value = this.type.parse(normalized, context);
    if (value === undefined) return undefined;
    for (const facet of this.facets) if (facet.violation(value, normalized) !== undefined) return undefined;
    return value;
  }

  sameValue(a: unknown, b: unknown): boolean {
    return this.type.same(a, b);
  }
}

/** jing reads length-like parameters as decimals: a non-negative integer, or -1. */
function nonNegativeInteger(text: string): number {
  const d = parseDecimal(text.trim());
  if (!d || d.negative || d.fraction !== '') return -1;
  return d.integer === '' ? 0 : Math.min(Number(d.integer), Number.MAX_SAFE_INTEGER);
}

function makeFacet(typeName: string, type: BuiltinType, param: Param): Facet | string {
  const value = param.name === 'pattern' ? param.value : collapseWhitespace(param.value);
  switch (param.name) {
    case 'pattern': {
      let source: string;
      try {
        source = translateXsdRegex(value);
      } catch (err) {
        if (err instanceof XsdRegexError) return `invalid regular expression "${value}": ${err.message}`;
        throw err;
      }
      // Compiled when first used: a schema has hundreds of patterns, a document may use a few.
      let regex: RegExp | undefined;
      return { param, violation: (_v, normalized) => ((regex ??= anchored(source)).test(normalized) ? undefined : `matching the regular expression "${value}"`) };
    }
    case 'length': case 'minLength': case 'maxLength': {
      const measure = type.length;
      if (!measure) return `the datatype ${typeName} has no length, so it takes no "${param.name}" parameter`;
      const n = nonNegativeInteger(value);
      if (n < 0) return `"${param.name}" must be a non-negative integer, not "${value}"`;
      const test = param.name === 'length' ? (l: number) => l === n : param.name === 'minLength' ? (l: number) => l >= n : (l: number) => l <= n;
      const words = param.name === 'length' ? 'equal to' : param.name === 'minLength' ? 'at least' : 'at most';
      return { param, violation: (v) => { const l = measure(v); return test(l) ? undefined : `with length ${words} ${n} (its length is ${l})`; } };
    }
    case 'minInclusive': case 'maxInclusive': case 'minExclusive': case 'maxExclusive': {
      const less = type.less;
      if (!less) return `the datatype ${typeName} is not ordered, so it takes no "${param.name}" parameter`;
      const limit = type.parse(value, { resolvePrefix: () => undefined });
      if (limit === undefined) return `"${param.name}" is "${value}", which is not ${type.description}`;
      switch (param.name) {
        case 'minInclusive': return { param, violation: (v) => (less(v, limit) ? `greater than or equal to ${value}` : undefined) };
        case 'maxInclusive': return { param, violation: (v) => (less(limit, v) ? `less than or equal to ${value}` : undefined) };
        case 'minExclusive': return { param, violation: (v) => (less(limit, v) ? undefined : `greater than ${value}`) };
        default: return { param, violation: (v) => (less(v, limit) ? undefined : `less than ${value}`) };
      }
    }
    case 'totalDigits': case 'fractionDigits': {
      if (!type.decimal) return `"${param.name}" applies only to datatypes derived from decimal, not to ${typeName}`;
      const n = nonNegativeInteger(value);
      if (param.name === 'totalDigits') {
        if (n <= 0) return `"totalDigits" must be a positive integer, not "${value}"`;
        return { param, violation: (v) => (totalDigits(v as Decimal) <= n ? undefined : `with at most ${n} significant digits`) };
      }
      if (n < 0) return `"fractionDigits" must be a non-negative integer, not "${value}"`;
      return { param, violation: (v) => ((v as Decimal).fraction.length <= n ? undefined : `with at most ${n} digits after the decimal point`) };
    }
    case 'enumeration': return 'the "enumeration" facet is not allowed as a parameter: write a choice of "value" elements instead';
    case 'whiteSpace': return 'the "whiteSpace" facet is not allowed as a parameter: use the datatype with the white-space handling you want (string, normalizedString, token)';
    default: return `"${param.name}" is not a parameter of the XML Schema datatypes`;
  }
}

export const xsdLibrary: DatatypeLibrary = {
  uri: XSD_LIBRARY,
  create(name: string, params: readonly Param[]): Datatype | string {
    const type = Object.hasOwn(BUILTIN, name) ? BUILTIN[name] : undefined;
    if (!type) return `"${name}" is not a datatype of the XML Schema datatype library`;
    const seen = new Set<string>();
    const facets: Facet[] = [];
    for (const param of type.builtinParams ?? []) facets.push(makeFacet(name, type, param) as Facet);
    for (const param of params) {
      if (param.name !== 'pattern' && seen.has(param.name)) return `the parameter "${param.name}" is given more than once`;
      seen.add(param.name);
      const facet = makeFacet(name, type, param);
      if (typeof facet === 'string') return facet;
      facets.push(facet);
    }
    return new XsdDatatype(name, params, type, facets);
  },
};

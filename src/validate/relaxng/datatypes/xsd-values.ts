/**
 * Lexical forms and values of the XML Schema datatypes (XML Schema Part 2),
 * with the choices jing makes where its verdicts are the reference: dates
 * through a proleptic Gregorian calendar (no year 0, no hour 24, a leap
 * second allowed), order between zoned and unzoned times by the 14-hour
 * rule, anyURI as java.net.URI reads it once disallowed characters are
 * escaped, language as RFC 3066.
 */
import { isNcName } from './xml-names.js';

export { isName, isNcName, isNmtoken } from './xml-names.js';

/** QName syntax: an NCName, or two joined by one colon. */
export function splitQName(s: string): [string, string] | undefined {
  const colon = s.indexOf(':');
  if (colon < 0) return isNcName(s) ? ['', s] : undefined;
  const prefix = s.slice(0, colon);
  const local = s.slice(colon + 1);
  return isNcName(prefix) && isNcName(local) ? [prefix, local] : undefined;
}

// ---- decimals ------------------------------------------------------------

/** A decimal number exactly: sign, integer digits without leading zeros, fraction digits without trailing zeros. */
export interface Decimal {
  negative: boolean;
  integer: string;
  fraction: string;
}

const DECIMAL = /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)$/;
const INTEGER = /^[+-]?[0-9]+$/;

export function parseDecimal(s: string, integerOnly = false): Decimal | undefined {
  if (!(integerOnly ? INTEGER : DECIMAL).test(s)) return undefined;
  let negative = s[0] === '-';
  const body = s[0] === '-' || s[0] === '+' ? s.slice(1) : s;
  const point = body.indexOf('.');
  const integer = (point < 0 ? body : body.slice(0, point)).replace(/^0+/, '');
  const fraction = point < 0 ? '' : body.slice(point + 1).replace(/0+$/, '');
  if (integer === '' && fraction === '') negative = false;
  return { negative, integer, fraction };
}

export function compareDecimals(a: Decimal, b: Decimal): number {
  if (a.negative !== b.negative) return a.negative ? -1 : 1;
  const sign = a.negative ? -1 : 1;
  if (a.integer.length !== b.integer.length) return sign * (a.integer.length - b.integer.length);
  if (a.integer !== b.integer) return sign * (a.integer < b.integer ? -1 : 1);
  const length = Math.max(a.fraction.length, b.fraction.length);
  const fa = a.fraction.padEnd(length, '0');
  const fb = b.fraction.padEnd(length, '0');
  return fa === fb ? 0 : sign * (fa < fb ? -1 : 1);
}

/** Significant digits (totalDigits). */
export function totalDigits(d: Decimal): number {
  if (d.integer === '') return Math.max(1, d.fraction.replace(/^0+/, '').length);
  return d.integer.length + d.fraction.length;
}

// ---- floating point ------------------------------------------------------

/** jing's lexical check for float and double: digits, one point, an exponent, or INF, -INF, NaN. */
export function parseDouble(s: string): number | undefined {
  if (s === 'INF') return Infinity;
  if (s === '-INF') return -Infinity;
  if (s === 'NaN') return NaN;
  if (!/^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/.test(s)) return undefined;
  return Number(s);
}

export const sameDouble = (a: number, b: number): boolean => a === b || (a !== a && b !== b);

// ---- dates and times -----------------------------------------------------

/** An instant: days since 1970-01-01 and milliseconds in the day, in UTC when the lexical form had a zone. */
export interface DateTimeValue {
  day: number;
  ms: number;
  /** Milliseconds into a leap second (second 60), or 0. */
  leap: number;
  zoned: boolean;
}

type DateTemplate = 'dateTime' | 'time' | 'date' | 'gYearMonth' | 'gYear' | 'gMonthDay' | 'gDay' | 'gMonth';

const YEAR = '(-?(?:[1-9][0-9]*)?[0-9]{4})';
const TIME = '([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\\.([0-9]*))?';
const ZONE = '(Z|[+-][0-9]{2}:[0-5][0-9])?';
const DATE_FORMS: Record<DateTemplate, RegExp> = {
  dateTime: new RegExp(`^${YEAR}-([0-9]{2})-([0-9]{2})T${TIME}${ZONE}$`),
  time: new RegExp(`^${TIME}${ZONE}$`),
  date: new RegExp(`^${YEAR}-([0-9]{2})-([0-9]{2})${ZONE}$`),
  gYearMonth: new RegExp(`^${YEAR}-([0-9]{2})${ZONE}$`),
  gYear: new RegExp(`^${YEAR}${ZONE}$`),
  gMonthDay: new RegExp(`^--([0-9]{2})-([0-9]{2})${ZONE}$`),
  gDay: new RegExp(`^---([0-9]{2})${ZONE}$`),
  gMonth: new RegExp(`^--([0-9]{2})${ZONE}$`),
};
const MAX_YEAR = 292_278_994;

export function parseDateTime(s: string, template: DateTemplate): DateTimeValue | undefined {
  const m = DATE_FORMS[template].exec(s);
  if (!m) return undefined;
  let k = 1;
  let year = 2000, month = 1, dayOfMonth = 1, hours = 0, minutes = 0, seconds = 0, millis = 0;
  const next = (): string => m[k++];
  if (template === 'dateTime' || template === 'date' || template === 'gYearMonth' || template === 'gYear') {
    const written = next();
    const magnitude = Number(written.replace('-', ''));
    if (magnitude === 0 || magnitude > MAX_YEAR) return undefined;
    year = written.startsWith('-') ? 1 - magnitude : magnitude; // astronomical numbering: 1 BCE is year 0
  }
  if (template !== 'time' && template !== 'gYear' && template !== 'gDay') month = Number(next());
  if (template === 'dateTime' || template === 'date' || template === 'gMonthDay' || template === 'gDay') dayOfMonth = Number(next());
  if (template === 'dateTime' || template === 'time') {
    hours = Number(next());
    minutes = Number(next());
    seconds = Number(next());
    const fraction = next();
    if (fraction) millis = Number(fraction.slice(0, 3).padEnd(3, '0'));
  }
  const zone = m[k];
  if (month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > daysInMonth(year, month)) return undefined;
  if (hours > 23 || minutes > 59 || seconds > 60) return undefined;
  let leap = 0;
  if (seconds === 60) {
    leap = millis + 1;
    seconds = 59;
    millis = 999;
  }
  let offset = 0;
  if (zone && zone !== 'Z') {
    offset = (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * (zone[0] === '-' ? -1 : 1);
    if (Math.abs(offset) > 14 * 60) return undefined;
  }
  let day = daysFromCivil(year, month, dayOfMonth);
  let ms = ((hours * 60 + minutes - offset) * 60 + seconds) * 1000 + millis;
  const shift = Math.floor(ms / 86_400_000);
  day += shift;
  ms -= shift * 86_400_000;
  return { day, ms, leap, zoned: zone !== undefined };
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

const ZONE_MAX_MS = 14 * 60 * 60 * 1000;

/** jing's order: a zoned and an unzoned time compare as if 14 hours apart in the unfavourable direction. */
export function dateTimeLessThan(a: DateTimeValue, b: DateTimeValue): boolean {
  const ta = a.day * 86_400_000 + a.ms;
  let tb = b.day * 86_400_000 + b.ms;
  let ta2 = ta;
  if (a.zoned !== b.zoned) {
    if (!b.zoned) tb -= ZONE_MAX_MS;
    else ta2 += ZONE_MAX_MS;
  }
  if (ta2 !== tb) return ta2 < tb;
  return a.leap < b.leap;
}

export const sameDateTime = (a: DateTimeValue, b: DateTimeValue): boolean =>
  a.day === b.day && a.ms === b.ms && a.leap === b.leap && a.zoned === b.zoned;

// ---- durations -----------------------------------------------------------

export interface DurationValue {
  months: bigint;
  /** Seconds, as a decimal. */
  seconds: Decimal;
}

const DURATION = /^(-)?P(?:([0-9]+)Y)?(?:([0-9]+)M)?(?:([0-9]+)D)?(?:T(?:([0-9]+)H)?(?:([0-9]+)M)?(?:([0-9]+(?:\.[0-9]*)?|\.[0-9]+)S)?)?$/;

export function parseDuration(s: string): DurationValue | undefined {
  const m = DURATION.exec(s);
  if (!m || s.endsWith('P') || s.endsWith('T')) return undefined;
  const n = (i: number): bigint => BigInt(m[i] ?? '0');
  const sign = m[1] ? -1n : 1n;
  const months = sign * (n(2) * 12n + n(3));
  const wholeSeconds = ((n(4) * 24n + n(5)) * 60n + n(6)) * 60n;
  const secondsField = parseDecimal(m[7] ?? '0')!;
  const seconds = addDecimal(parseDecimal(wholeSeconds.toString())!, secondsField);
  if (m[1] && (seconds.integer !== '' || seconds.fraction !== '')) seconds.negative = true;
  return { months, seconds };
}

function addDecimal(a: Decimal, b: Decimal): Decimal {
  // both non-negative here
  const length = Math.max(a.fraction.length, b.fraction.length);
  const scaled = (d: Decimal): bigint => BigInt((d.integer || '0') + d.fraction.padEnd(length, '0'));
  const sum = (scaled(a) + scaled(b)).toString().padStart(length + 1, '0');
  return parseDecimal(length === 0 ? sum : `${sum.slice(0, sum.length - length)}.${sum.slice(sum.length - length)}`)!;
}

export const sameDuration = (a: DurationValue, b: DurationValue): boolean => a.months === b.months && compareDecimals(a.seconds, b.seconds) === 0;

/** The XML Schema partial order of durations, tried against four reference months as jing does. */
export function durationLessThan(a: DurationValue, b: DurationValue): boolean {
  const seconds = compareDecimals(a.seconds, b.seconds);
  if (a.months === b.months) return seconds < 0;
  if (a.months < b.months && seconds <= 0) return true;
  if (a.months > b.months && seconds >= 0) return false;
  for (const [year, month] of [[1696, 9], [1697, 2], [1903, 3], [1903, 7]]) {
    const total = (d: DurationValue): number => Number(monthsToDays(d.months, year, month)) * 86_400 + Number(`${d.seconds.negative ? '-' : ''}${d.seconds.integer || '0'}.${d.seconds.fraction || '0'}`);
    if (total(a) >= total(b)) return false;
  }
  return true;
}

function monthsToDays(months: bigint, year: number, month: number): bigint {
  if (months === 0n) return 0n;
  if (months < 0n) return -monthsToDays(-months, year, month);
  const cycles = months / 4800n;
  let days = 0;
  for (let rest = Number(months % 4800n); rest > 0; rest--) {
    days += daysInMonth(year, month);
    if (++month === 13) { month = 1; year++; }
  }
  return cycles * 146_097n + BigInt(days);
}

// ---- binary --------------------------------------------------------------

export function hexBinaryLength(s: string): number | undefined {
  return /^(?:[0-9a-fA-F]{2})*$/.test(s) ? s.length / 2 : undefined;
}

const BASE64 = /^(?:[A-Za-z0-9+/] ?[A-Za-z0-9+/] ?[A-Za-z0-9+/] ?[A-Za-z0-9+/] ?)*(?:[A-Za-z0-9+/] ?[A-Za-z0-9+/] ?[AEIMQUYcgkosw048] ?=|[A-Za-z0-9+/] ?[AQgw] ?= ?=)?$/;

export function base64Binary(s: string): string | undefined {
  if (!BASE64.test(s) || s.endsWith(' ')) return undefined;
  return Buffer.from(s.replace(/ /g, ''), 'base64').toString('hex');
}

// ---- anyURI --------------------------------------------------------------

const HEX = /^[0-9A-Fa-f]{2}$/;
const UNRESERVED_PUNCT = "-_.!~*'()";
const PCHAR_EXTRA = ':@&=+$,';
const RESERVED = ';/?:@&=+$,[]';

/**
 * Whether java.net.URI (RFC 2396, as jing checks anyURI) accepts the string
 * once characters it forbids outright (spaces, controls, `<>"{}|\^\``) are
 * percent-escaped: escapes must be well-formed, one `#` at most, a scheme
 * must be a letter then letters, digits, `+-.`, brackets only in a query,
 * a fragment or an IPv6 host.
 */
export function isUriReference(s: string): boolean {
  const isOther = (c: string): boolean => c.codePointAt(0)! > 0x7f || '<>"{}|\\^` '.includes(c) || c.codePointAt(0)! < 0x20 || c === '\x7f';
  const allowed = (part: string, extra: string): boolean => {
    for (let i = 0; i < part.length; i++) {
      const c = part[i];
      if (c === '%') {
        if (!HEX.test(part.slice(i + 1, i + 3))) return false;
        i += 2;
      } else if (!(/[A-Za-z0-9]/.test(c) || UNRESERVED_PUNCT.includes(c) || extra.includes(c) || isOther(c))) return false;
    }
    return true;
  };
  const hash = s.indexOf('#');
  const fragment = hash < 0 ? undefined : s.slice(hash + 1);
  const main = hash < 0 ? s : s.slice(0, hash);
  if (fragment !== undefined && !allowed(fragment, RESERVED)) return false;
  const colon = main.search(/[:/?#]/);
  let rest = main;
  if (colon >= 0 && main[colon] === ':') {
    const scheme = main.slice(0, colon);
    if (!/^[A-Za-z][A-Za-z0-9+.-]*$/.test(scheme)) return false;
    rest = main.slice(colon + 1);
    if (rest === '') return false; // "scheme:" with nothing after it
    if (!rest.startsWith('/')) return allowed(rest, RESERVED); // opaque
  }
  const question = rest.indexOf('?');
  const query = question < 0 ? undefined : rest.slice(question + 1);
  let path = question < 0 ? rest : rest.slice(0, question);
  if (query !== undefined && !allowed(query, RESERVED)) return false;
  if (path.startsWith('//')) {
    const end = path.indexOf('/', 2);
    const authority = end < 0 ? path.slice(2) : path.slice(2, end);
    path = end < 0 ? '' : path.slice(end);
    if (authority === '') {
      if (path === '' && query === undefined && fragment === undefined) return false;
    } else if (!validAuthority(authority, allowed)) return false;
  }
  return allowed(path, `${PCHAR_EXTRA};/`);
}

function validAuthority(authority: string, allowed: (part: string, extra: string) => boolean): boolean {
  const bracket = authority.indexOf('[');
  if (bracket < 0) return allowed(authority, '$,;:@&=+');
  const close = authority.indexOf(']', bracket);
  if (close < 0) return false;
  const host = authority.slice(bracket + 1, close);
  if (!/^[0-9A-Fa-f:.]+$/.test(host) || !host.includes(':')) return false;
  const before = authority.slice(0, bracket);
  const after = authority.slice(close + 1);
  return (before === '' || (before.endsWith('@') && allowed(before, '$,;:&=+@'))) && /^(?::[0-9]*)?$/.test(after);
}

/**
 * The datatype libraries: XML Schema datatypes with their facets (as RELAX
 * NG's guidelines allow them as parameters), XML Schema regular expressions
 * translated to JavaScript, the built-in and DTD-compatibility libraries.
 */
import { strict as assert } from 'node:assert';
import { NO_CONTEXT, type Datatype } from '../../../src/validate/relaxng/datatypes/datatype.js';
import { makeDatatype } from '../../../src/validate/relaxng/datatypes/index.js';
import { XSD_LIBRARY } from '../../../src/validate/relaxng/datatypes/xsd.js';
import { translateXsdRegex, xsdRegex } from '../../../src/validate/relaxng/datatypes/xsd-regex.js';
import { isName, isNcName, isNmtoken, nameTables } from '../../../src/validate/relaxng/datatypes/xml-names.js';
import fc from 'fast-check';

function xsd(name: string, params: Record<string, string> | [string, string][] = {}): Datatype {
  const made = makeDatatype(XSD_LIBRARY, name, (Array.isArray(params) ? params : Object.entries(params)).map(([n, value]) => ({ name: n, value })));
  if (typeof made === 'string') throw new Error(made);
  return made;
}

const allows = (datatype: Datatype, text: string): boolean => datatype.check(text, NO_CONTEXT) === undefined;

function accepts(datatype: Datatype, good: string[], bad: string[]): void {
  for (const text of good) assert.ok(allows(datatype, text), `${datatype.key} should allow ${JSON.stringify(text)}: ${datatype.check(text, NO_CONTEXT)}`);
  for (const text of bad) assert.ok(!allows(datatype, text), `${datatype.key} should not allow ${JSON.stringify(text)}`);
}

describe('datatypes', () => {
  describe('XML Schema regular expressions', () => {
    const matches = (pattern: string, good: string[], bad: string[]): void => {
      const regex = xsdRegex(pattern);
      for (const s of good) assert.ok(regex.test(s), `${pattern} should match ${JSON.stringify(s)} (as ${regex})`);
      for (const s of bad) assert.ok(!regex.test(s), `${pattern} should not match ${JSON.stringify(s)} (as ${regex})`);
    };

    it('match the whole string, with ^ and $ as ordinary characters', () => {
      matches('a+', ['a', 'aaa'], ['', 'ba', 'ab']);
      matches('^a$', ['^a$'], ['a']);
    });

    it('read \\d and \\w over all of Unicode, and \\s as XML whitespace only', () => {
      matches('\\d+', ['123', '١٢٣'], ['12a']);
      matches('\\w+', ['héllo'], ['a b', 'a.b']);
      matches('\\S+', ['a\u00a0b'], ['a b', 'a\tb']);
    });

    it('read \\i and \\c as XML 1.0 name characters', () => {
      matches('\\i\\c*', ['a', '_x.1', 'ab:c', 'été'], ['1a', '-a', 'a b']);
      matches('[\\i-[:]][\\c-[:]]*', ['ab'], ['a:b']);
    });

    it('know Unicode blocks and categories, and their complements', () => {
      matches('\\p{IsBasicLatin}+', ['abc'], ['é']);
      matches('\\P{IsBasicLatin}', ['é'], ['a']);
      matches('\\p{Lu}\\p{Ll}*', ['Abc'], ['abc']);
      matches('[^\\p{C}\\p{Z}]+', ['a-b'], ['a b', 'a\u200bb']);
    });

    it('subtract classes, even negated ones', () => {
      matches('[a-z-[aeiou]]+', ['bcd'], ['bad']);
      matches('[^a-z-[0-9]]', ['A'], ['a', '5']);
    });

    it('take quantifiers and alternation as XSD does', () => {
      matches('(ab){2,3}|c?', ['abab', 'ababab', '', 'c'], ['ab', 'abababab']);
      matches('[\\-+]?\\d+(\\.\\d+)?%', ['-1.5%', '+2%'], ['1.%']);
    });

    it('refuse what XSD does not allow, saying where', () => {
      for (const bad of ['a{2', '(a', 'a)', '[a', '\\q', 'a**', '[z-a]', '\\p{IsNoSuchBlock}', '\\p{Xx}', 'a{3,1}', '{']) {
        assert.throws(() => translateXsdRegex(bad), /at character \d+/, bad);
      }
    });
  });

  describe('XML names', () => {
    // Every ASCII character, and a few others: letters, a combining mark (U+0E35 cannot start a name), a digit of another script, a space.
    const character = fc.oneof(fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)), fc.constantFrom('é', 'Ж', '中', '\u0E35', '١', '\u00A0', '·'));
    const text = fc.array(character, { maxLength: 8 }).map((chars) => chars.join(''));

    it('are decided as the XML 1.0 tables decide them, ASCII or not', () => {
      const { name, ncName, nmtoken } = nameTables();
      fc.assert(fc.property(text, (s) => {
        assert.equal(isName(s), name.test(s), `Name ${JSON.stringify(s)}`);
        assert.equal(isNcName(s), ncName.test(s), `NCName ${JSON.stringify(s)}`);
        assert.equal(isNmtoken(s), nmtoken.test(s), `NMTOKEN ${JSON.stringify(s)}`);
      }), { numRuns: 3000 });
    });

    it('take letters, digits, ".", "-", "_" and ":" of ASCII where XML does', () => {
      assert.ok(isName('a:b-1.c_d') && isName(':x') && isName('_') && !isName('1a') && !isName('-a') && !isName('a b') && !isName(''));
      assert.ok(isNcName('a-1.b_c') && !isNcName('a:b') && !isNcName(':a'));
      assert.ok(isNmtoken('1-a:.') && !isNmtoken('') && !isNmtoken('a/b'));
      assert.ok(isNcName('élan') && !isNcName('\u0E35a') && isNcName('a\u0E35'));
    });
  });

  describe('XML Schema datatypes', () => {
    it('strings: whitespace handling and lengths in characters', () => {
      accepts(xsd('string', { length: '3' }), ['a\u{1F600}c'], ['ab', ' abc']);
      accepts(xsd('token', { minLength: '2', maxLength: '3' }), ['  ab  ', 'a b'], ['a', 'abcd']);
      accepts(xsd('normalizedString', { length: '3' }), ['a\tb'], ['a\t\tb']);
    });

    it('names, as XML 1.0 names', () => {
      accepts(xsd('NCName'), ['a', '_b', 'a.b-c'], ['a:b', '1a', '']);
      accepts(xsd('Name'), ['a:b'], ['a b']);
      accepts(xsd('NMTOKENS'), ['a 1 -b'], ['', '   ']);
      accepts(xsd('language'), ['en', 'de-CH', 'x-klingon'], ['e n', 'toolongtag']);
    });

    it('decimals and integers, exactly, with their bounds and digits', () => {
      accepts(xsd('decimal', { totalDigits: '4', fractionDigits: '2' }), ['12.34', '0012.340', '-.5'], ['123.45', '1.234', '1e3']);
      accepts(xsd('nonNegativeInteger'), ['0', '+12', '-0'], ['-1', '1.0']);
      accepts(xsd('byte'), ['-128', '127'], ['128']);
      accepts(xsd('unsignedLong'), ['18446744073709551615'], ['18446744073709551616']);
      accepts(xsd('integer', { minExclusive: '-1', maxInclusive: '100000000000000000000' }), ['0', '100000000000000000000'], ['-1', '100000000000000000001']);
    });

    it('floating point, with INF and NaN', () => {
      accepts(xsd('double'), ['1', '-1.5E10', '.5', 'INF', '-INF', 'NaN'], ['+INF', '1e', 'e1', 'inf']);
      accepts(xsd('double', { maxInclusive: '1.5' }), ['1.5', '-INF'], ['1.6', 'INF']);
    });

    it('dates and times: calendar-checked, no year 0, zones up to 14 hours', () => {
      accepts(xsd('date'), ['2024-02-29', '-0044-03-15', '12345-01-01', '2024-01-01Z', '2024-01-01+14:00'], ['2023-02-29', '0000-01-01', '2024-1-1', '2024-01-01+15:00', '2024-13-01']);
      accepts(xsd('dateTime'), ['2024-01-01T23:59:60', '2024-01-01T10:00:00.123456'], ['2024-01-01T24:00:00', '2024-01-01']);
      accepts(xsd('gYear', { minInclusive: '1900' }), ['1923', '2000Z'], ['1899', '1923-10']);
      accepts(xsd('gMonthDay'), ['--02-29'], ['--02-30']);
      accepts(xsd('time'), ['12:00:00'], ['12:00']);
    });

    it('orders zoned and unzoned times by the 14-hour rule', () => {
      const before = xsd('dateTime', { maxExclusive: '2024-01-01T12:00:00Z' });
      accepts(before, ['2024-01-01T11:59:59Z', '2023-12-31T21:59:59'], ['2024-01-01T12:00:00Z', '2024-01-01T00:00:00']);
    });

    it('durations, and their partial order', () => {
      accepts(xsd('duration'), ['P1Y2M3DT4H5M6.7S', '-PT1S', 'P1D'], ['P', 'PT', 'P1S', '1Y']);
      // P29D and P1M are incomparable (a month is 28 to 31 days): as jing does, the limit is not broken
      accepts(xsd('duration', { maxInclusive: 'P1M' }), ['P27D', 'P1M', 'P29D'], ['P32D', 'P1M1D']);
    });

    it('URIs as jing reads them', () => {
      accepts(xsd('anyURI'), ['#trotsky', 'http://example.com/a b', 'register.xml#p1', 'urn:isbn:123', '', 'a?x=[1]', 'http://[::1]/'], ['a#b#c', '%zz', 'http://', '1abc:x', 'a[1]']);
    });

    it('booleans, binaries, QNames', () => {
      accepts(xsd('boolean'), ['true', '0', ' false '], ['yes', 'TRUE']);
      accepts(xsd('hexBinary', { length: '2' }), ['0aFF'], ['0aF', '0a']);
      accepts(xsd('base64Binary', { length: '3' }), ['YWJj', 'YW Jj'], ['YWJ', 'YWI=']);
      accepts(xsd('QName'), ['xml:lang', 'local'], ['undeclared:x', 'a:b:c']);
    });

    it('refuse parameters the guidelines rule out, and ones that do not apply', () => {
      const refusal = (name: string, params: [string, string][]): string => {
        const made = makeDatatype(XSD_LIBRARY, name, params.map(([n, value]) => ({ name: n, value })));
        assert.equal(typeof made, 'string', `${name} ${JSON.stringify(params)} should be refused`);
        return made as string;
      };
      assert.match(refusal('string', [['enumeration', 'a']]), /write a choice of "value"/);
      assert.match(refusal('string', [['whiteSpace', 'collapse']]), /not allowed as a parameter/);
      assert.match(refusal('string', [['maxLength', '1'], ['maxLength', '2']]), /more than once/);
      assert.match(refusal('string', [['minInclusive', '1']]), /not ordered/);
      assert.match(refusal('integer', [['length', '1']]), /has no length/);
      assert.match(refusal('double', [['totalDigits', '2']]), /derived from decimal/);
      assert.match(refusal('date', [['minInclusive', 'yesterday']]), /not an ISO date/);
      assert.match(refusal('string', [['pattern', '[a-']]), /invalid regular expression/);
      assert.match(refusal('nonsense', []), /not a datatype/);
      assert.ok(typeof makeDatatype(XSD_LIBRARY, 'string', [{ name: 'pattern', value: 'a.*' }, { name: 'pattern', value: '.*b' }]) !== 'string');
    });

    it('apply every pattern parameter given', () => {
      accepts(xsd('string', [['pattern', 'a.*'], ['pattern', '.*b']]), ['ab', 'axb'], ['a', 'b']);
    });

    it('compare values in the value space', () => {
      const decimal = xsd('decimal');
      assert.ok(decimal.sameValue(decimal.parse('1.50', NO_CONTEXT), decimal.parse('+01.5', NO_CONTEXT)));
      const date = xsd('dateTime');
      assert.ok(date.sameValue(date.parse('2024-01-01T12:00:00Z', NO_CONTEXT), date.parse('2024-01-01T14:00:00+02:00', NO_CONTEXT)));
      assert.ok(!date.sameValue(date.parse('2024-01-01T12:00:00Z', NO_CONTEXT), date.parse('2024-01-01T12:00:00', NO_CONTEXT)));
    });
  });

  describe('built-in and DTD compatibility libraries', () => {
    it('string and token, with no parameters', () => {
      const token = makeDatatype('', 'token', []) as Datatype;
      assert.ok(token.sameValue(token.parse(' a  b ', NO_CONTEXT), token.parse('a b', NO_CONTEXT)));
      assert.equal(typeof makeDatatype('', 'token', [{ name: 'length', value: '1' }]), 'string');
      assert.equal(typeof makeDatatype('', 'integer', []), 'string');
    });

    it('ID, IDREF and IDREFS carry their ID-types', () => {
      const compat = 'http://relaxng.org/ns/compatibility/datatypes/1.0';
      assert.equal((makeDatatype(compat, 'ID', []) as Datatype).idType, 'ID');
      assert.equal((makeDatatype(compat, 'IDREFS', []) as Datatype).idType, 'IDREFS');
      assert.equal(xsd('IDREF').idType, 'IDREF');
      accepts(makeDatatype(compat, 'IDREFS', []) as Datatype, ['a b'], ['', 'a:b']);
    });
  });
});

/**
 * XML name characters as XML 1.0 (second edition) defines them, which
 * XML Schema 1.0 datatypes (Name, NCName, NMTOKEN, ID…) and its regular
 * expressions' `\i` and `\c` refer to, and which jing and the RELAX NG test
 * suite follow (U+0E35, a combining mark, cannot start a name). The tables
 * come from xmlchars (saxes' own dependency), loaded on first use: building
 * its expressions costs milliseconds a run that checks no name would waste.
 */
import { createRequire } from 'node:module';

interface NameTables {
  /** Characters that can start a name, ready to go inside a `[...]` of a `u` regex. */
  start: string;
  /** Characters of a name (the literal "-" escaped, so the class can be extended). */
  chars: string;
  name: RegExp;
  ncName: RegExp;
  nmtoken: RegExp;
}

let tables: NameTables | undefined;

export function nameTables(): NameTables {
  if (tables === undefined) {
    const { LETTER, NAME_CHAR } = createRequire(import.meta.url)('xmlchars/xml/1.0/ed4.js') as { LETTER: string; NAME_CHAR: string };
    const start = `${LETTER}_:`;
    const chars = `${NAME_CHAR.replace(/^-/, '')}\\-`;
    tables = {
      start, chars,
      name: new RegExp(`^[${start}][${chars}]*$`, 'u'),
      ncName: new RegExp(`^[${start.replace(':', '')}][${chars.replace(':', '')}]*$`, 'u'),
      nmtoken: new RegExp(`^[${chars}]+$`, 'u'),
    };
  }
  return tables;
}

/*
 * The ASCII characters of those tables are exactly these (letters start a
 * name; digits, ".", "-" and "_" continue it; ":" both): a value wholly in
 * ASCII, as nearly every identifier is, is decided without the tables, so a
 * run that meets no other name never builds them (milliseconds of a cold start).
 */
const ASCII_NAME = /^[A-Za-z_:][A-Za-z0-9._:-]*$/;
const ASCII_NC_NAME = /^[A-Za-z_][A-Za-z0-9._-]*$/;
const ASCII_NMTOKEN = /^[A-Za-z0-9._:-]+$/;
const NON_ASCII = /[^\x00-\x7f]/;

/** `ascii` decides a string wholly in ASCII; only one with other characters needs the full class. */
const byAscii = (ascii: RegExp, full: () => RegExp) => (s: string): boolean => (NON_ASCII.test(s) ? full().test(s) : ascii.test(s));

export const isName = byAscii(ASCII_NAME, () => nameTables().name);
export const isNcName = byAscii(ASCII_NC_NAME, () => nameTables().ncName);
export const isNmtoken = byAscii(ASCII_NMTOKEN, () => nameTables().nmtoken);

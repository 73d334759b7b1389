/**
 * XML name characters as XML 1.0 (second edition) defines them, which
 * XML Schema 1.0 datatypes (Name, NCName, NMTOKEN, ID…) and its regular
 * expressions' `\i` and `\c` refer to, and which jing and the RELAX NG test
 * suite follow (U+0E35, a combining mark, cannot start a name). The tables
 * come from xmlchars (saxes' own dependency).
 */
import { LETTER, NAME_CHAR } from 'xmlchars/xml/1.0/ed4.js';

/** Characters that can start a name, ready to go inside a `[...]` of a `u` regex. */
export const NAME_START_CLASS = `${LETTER}_:`;
/** Characters of a name (the literal "-" escaped, so the class can be extended). */
export const NAME_CHAR_CLASS = `${NAME_CHAR.replace(/^-/, '')}\\-`;

const NAME = new RegExp(`^[${NAME_START_CLASS}][${NAME_CHAR_CLASS}]*$`, 'u');
const NCNAME = new RegExp(`^[${NAME_START_CLASS.replace(':', '')}][${NAME_CHAR_CLASS.replace(':', '')}]*$`, 'u');
const NMTOKEN = new RegExp(`^[${NAME_CHAR_CLASS}]+$`, 'u');

export const isName = (s: string): boolean => NAME.test(s);
export const isNcName = (s: string): boolean => NCNAME.test(s);
export const isNmtoken = (s: string): boolean => NMTOKEN.test(s);

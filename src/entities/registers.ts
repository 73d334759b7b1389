/**
 * Registers: TEI files that keep entries and nothing else (standOff lists,
 * no <text>, no apparatus). Their entries' anchors are their xml:ids; every other file's
 * are `<document>:<xml:id>`. The stylesheet learns which files are registers
 * from its `registers` parameter.
 */
import { dirname, relative, sep } from 'node:path';

/** A register is a TEI file with standOff lists and no <text>: its entries are listed, it has no page. An apparatus file is none. */
export function isRegister(text: string): boolean {
  return !/<(?:[A-Za-z_][\w.-]*:)?text[\s>\/]/.test(text) && /<(?:[A-Za-z_][\w.-]*:)?standOff[\s>]/.test(text) && !isApparatusFile(text);
}

/**
 * A standOff file holding an apparatus (listApp) and no lists of entities
 * (docs/apparatus.md): it is neither published nor a register, and its
 * entries, if any, are not the edition's.
 */
export function isApparatusFile(text: string): boolean {
  return !/<(?:[A-Za-z_][\w.-]*:)?text[\s>\/]/.test(text) && /<(?:[A-Za-z_][\w.-]*:)?listApp[\s>]/.test(text)
    && !/<(?:[A-Za-z_][\w.-]*:)?list(?:Person|Place|Org|Event|Object|Nym|Relation)[\s>]/.test(text);
}

/** The stylesheet's `registers` parameter for a file: every register, relative to the file's folder. */
export function registersParameter(file: string, registers: readonly string[]): string {
  return registers.map((r) => relative(dirname(file), r).split(sep).join('/')).join(' ');
}

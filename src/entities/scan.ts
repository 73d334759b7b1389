/**
 * The entities of a set of TEI files read straight from disk, outside a
 * build: what `validate --verbose` needs to list the entries nobody
 * mentions. Each file goes through the HTML stylesheet's `entries` output,
 * the same procedure the build uses, so both agree on what an entry is and
 * on what points at it.
 */
import { basename } from 'node:path';
import { HTML_STYLESHEET, TransformProblem, compileStylesheet, parseSource, teiSource, transformSource, type CompileOptions } from '../transform/index.js';
import { readDocumentText, readingLimits, type ReadingLimits } from '../xml/index.js';
import { Catalogue, type EntitySource } from './catalogue.js';
import { entityData } from './model.js';
import { isRegister, registersParameter } from './registers.js';

export interface UnmentionedEntry {
  file: string;
  line?: number;
  column?: number;
  anchor: string;
  name: string;
}

export interface EditionScan {
  catalogue: Catalogue;
  /** Every anchor the files point at from outside their entries. */
  references: Set<string>;
  /** Where each entry is written: its file, and the line and column of its start tag. */
  locate(anchor: string): { file: string; line?: number; column?: number } | undefined;
}

/**
 * Reads the entities of `files` (documents and registers alike) under the
 * reading limits every command uses; files that cannot be read as XML are
 * left out (validate has already said why).
 */
export async function scanEdition(files: readonly string[], options: CompileOptions & { stylesheet?: string; limits?: Partial<ReadingLimits> } = {}): Promise<EditionScan> {
  const limits = readingLimits(options.limits);
  const texts = new Map<string, string>();
  for (const file of files) {
    const read = await readDocumentText(file, limits.maxDocumentSize);
    if (!('ruleId' in read)) texts.set(file, read.text);
  }
  const registers = [...texts].filter(([, text]) => isRegister(text)).map(([file]) => file);
  const stylesheet = await compileStylesheet(options.stylesheet ?? HTML_STYLESHEET, options);
  const sources: EntitySource[] = [];
  const references = new Set<string>();
  const fileOf = new Map<string, string>();
  for (const [file, text] of texts) {
    let json: string;
    try {
      const source = await parseSource(teiSource(text, file, limits));
      json = String(transformSource(stylesheet, source, { params: { registers: registersParameter(file, registers), output: 'entries' }, raw: true }).principal);
    } catch (error) {
      if (error instanceof TransformProblem) continue;
      throw error;
    }
    const data = entityData(json, basename(file));
    sources.push({ name: file, register: registers.includes(file), entries: data.entries, relations: data.relations });
    for (const anchor of data.references) references.add(anchor);
    for (const entry of data.entries) if (!fileOf.has(entry.anchor)) fileOf.set(entry.anchor, file);
  }
  const catalogue = new Catalogue(sources);
  return {
    catalogue,
    references,
    locate(anchor) {
      const file = fileOf.get(anchor);
      const id = catalogue.entry(anchor)?.id;
      if (file === undefined || id === undefined) return undefined;
      return { file, ...startTagOf(texts.get(file)!, id) };
    },
  };
}

/** The entries of a scanned edition that nothing points at (aliases count for the entry they stand for). */
export function unmentioned(scan: EditionScan): UnmentionedEntry[] {
  const { catalogue } = scan;
  const pointedAt = new Set<string>();
  for (const anchor of scan.references) pointedAt.add(catalogue.canonical(anchor) ?? anchor);
  return catalogue.entries()
    .filter((entry) => catalogue.isCanonical(entry.anchor) && !pointedAt.has(entry.anchor))
    .map((entry) => ({ ...scan.locate(entry.anchor)!, anchor: entry.anchor, name: entry.names[0]?.text ?? entry.id }));
}

/** Line and column of the start tag of the element with this xml:id. */
function startTagOf(text: string, id: string): { line?: number; column?: number } {
  const attribute = new RegExp(`xml:id\\s*=\\s*(["'])${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\1`).exec(text);
  if (!attribute) return {};
  const start = text.lastIndexOf('<', attribute.index);
  const before = text.slice(0, start);
  const line = before.split('\n').length;
  return { line, column: start - before.lastIndexOf('\n') };
}

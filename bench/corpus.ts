/**
 * The benchmark's synthetic edition: `size` documents made from the flagship
 * chapter and from a corpus of real TEI (test/corpora, or a larger copy), plus the flagship's register, written
 * the same way byte for byte on every run.
 *
 * Layout of the corpus root (every relative schema reference keeps working):
 *
 *   schemas/            a copy of samizdat's schemas/ (samizdat.rng, the rules, vendor/tei_all.rng)
 *   schemas/eltec-1.rng the ELTeC level-1 schema
 *   tei/register.xml    the flagship's register, unchanged
 *   tei/NNNN-*.xml      the documents, one folder deep like the flagship
 *   flagship/           the flagship chapter and register, unchanged (for the start-up timings)
 *
 * Nineteen documents in twenty are copies of the flagship; the second and
 * every twentieth after it come from the corpora (ELTeC novels, DraCor plays, the TEI
 * Stylesheets test files that tei_all accepts), taken in turn. Each copy gets
 * its number in its first <title>, so no two documents have the same bytes
 * or the same pages and no cache can serve one document for another.
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';

/** Where a kind of document comes from and how its copies find their schema. */
export type SourceKind = 'flagship' | 'eltec' | 'dracor' | 'tei-stylesheets';

export interface CorpusSource {
  kind: SourceKind;
  /** Absolute path of the original document. */
  file: string;
}

export interface CorpusDocument {
  /** File name in the corpus's tei/ folder. */
  name: string;
  source: CorpusSource;
  /** The copy's number, 1-based, written into its title. */
  copy: number;
}

export interface Corpus {
  root: string;
  /** The folder validated and built: documents and register. */
  tei: string;
  /** Every XML file in tei/, sorted: the documents, then the register. */
  files: string[];
  documents: number;
  bytes: number;
  /** Documents and bytes per kind of source (the register counts as flagship). */
  kinds: Record<SourceKind, { documents: number; bytes: number }>;
  /** The RELAX NG schema each file names, for running jing on the same pairs. */
  schemaOf: Map<string, string>;
  /** The flagship edition alone: its folder holds `tei/` beside `schemas/`. */
  flagship: string;
}

/** The pieces of the samizdat checkout and the corpora the corpus is made from. */
export interface CorpusInputs {
  /** The samizdat repository (tei/, schemas/). */
  repo: string;
  /** A folder laid out as test/corpora is, or undefined (then only flagship copies). */
  corpora?: string;
}

const FLAGSHIP = 'tei/1923-opposition-ch01.xml';
const REGISTER = 'tei/register.xml';
/** One document in CORPUS_EVERY comes from the corpora. */
export const CORPUS_EVERY = 20;

/** The corpora's documents that samizdat build and validate --grammar-only both accept, in a fixed order. */
const CORPORA_FILES: Record<Exclude<SourceKind, 'flagship'>, string[]> = {
  eltec: [
    'ENG18400_Trollope', 'ENG18482_Gaskell', 'ENG18531_Yonge', 'ENG18570_Bronte', 'ENG18632_Reade',
    'ENG18652_Carroll', 'ENG18702_Jenkins', 'ENG18742_Trollope', 'ENG18830_Broughton', 'ENG18870_Barry',
    'ENG18900_Doyle', 'ENG18930_Benson', 'ENG18951_Ward', 'ENG18961_Griffiths', 'ENG19001_Glyn',
    'ENG19020_Nesbit', 'ENG19090_Wells', 'ENG19121_Belloc', 'ENG19190_Benson',
  ].map((n) => `eltec/ELTeC-eng/level1/${n}.xml`),
  dracor: [
    'a-midsummer-nights-dream', 'cymbeline', 'henry-vi-part-1', 'king-john',
    'much-ado-about-nothing', 'romeo-and-juliet', 'the-tempest', 'twelfth-night',
  ].map((n) => `shakedracor/tei/${n}.xml`),
  // The other test files of the TEI Stylesheets are TEI P4 or invalid on purpose.
  'tei-stylesheets': ['bare_test', 'test-tree', 'test6'].map((n) => `tei-stylesheets-tests/${n}.xml`),
};

/** The schema reference each kind of copy carries, relative to tei/. */
const SCHEMA_HREF: Record<SourceKind, string> = {
  flagship: '../schemas/samizdat.rng',
  eltec: '../schemas/eltec-1.rng',
  dracor: '../schemas/vendor/tei_all.rng',
  'tei-stylesheets': '../schemas/vendor/tei_all.rng',
};

/**
 * The corpora's documents that are present, kinds interleaved (novel, play,
 * test file, novel, …) so that a small corpus has some of each. The subset in
 * test/corpora has a few of each kind; a fuller copy given with --corpora has all.
 */
export function corporaSources(corpora: string): CorpusSource[] {
  const lists = (Object.keys(CORPORA_FILES) as Exclude<SourceKind, 'flagship'>[])
    .map((kind) => CORPORA_FILES[kind].map((file) => ({ kind, file: join(corpora, file) })).filter((source) => existsSync(source.file)));
  const sources: CorpusSource[] = [];
  for (let i = 0; sources.length < lists.reduce((n, l) => n + l.length, 0); i++) {
    for (const list of lists) if (i < list.length) sources.push(list[i]);
  }
  return sources;
}

/** Which document goes where: every CORPUS_EVERY-th from the corpora in turn, the rest flagship copies. */
export function planCorpus(size: number, inputs: CorpusInputs): CorpusDocument[] {
  const flagship: CorpusSource = { kind: 'flagship', file: join(inputs.repo, FLAGSHIP) };
  const others = inputs.corpora ? corporaSources(inputs.corpora) : [];
  const plan: CorpusDocument[] = [];
  let taken = 0;
  for (let copy = 1; copy <= size; copy++) {
    // The second document and every CORPUS_EVERY-th after it, so that even a tiny corpus has one.
    const fromCorpora = others.length > 0 && copy % CORPUS_EVERY === 2;
    const source = fromCorpora ? others[taken++ % others.length] : flagship;
    const stem = basename(source.file, '.xml').replace(/[^A-Za-z0-9_-]/g, '_');
    plan.push({ name: `${String(copy).padStart(4, '0')}-${source.kind}-${stem}.xml`, source, copy });
  }
  return plan;
}

const XML_DECLARATION = /^\uFEFF?<\?xml\s[^?]*\?>/;

/** The copy of a document: numbered in its first <title>, its schema reference pointing into the corpus's schemas/. */
export function copyDocument(text: string, document: CorpusDocument): string {
  const label = ` (bench copy ${String(document.copy).padStart(4, '0')})`;
  let copy = text.replace(/(<title\b[^>]*>)([^<]*)/, (_, tag: string, title: string) => `${tag}${title.trimEnd()}${label}`);
  if (copy === text) throw new Error(`${document.source.file} has no <title> to number`);
  const href = SCHEMA_HREF[document.source.kind];
  if (document.source.kind === 'eltec') copy = copy.replaceAll('../../Schemas/eltec-1.rng', href);
  else if (document.source.kind !== 'flagship') copy = withSchemaReference(copy, href);
  if (!copy.includes(href)) throw new Error(`${document.source.file}: the copy does not name ${href}`);
  return copy;
}

/**
 * A document that names no schema, given an `<?xml-model?>` naming the
 * RELAX NG schema at `href` (after its XML declaration, if any) and, with
 * `embeddedSchematron`, a second naming the same file as Schematron, as
 * TEI's own templates do, so that the rules embedded in it run too.
 */
export function withSchemaReference(text: string, href: string, embeddedSchematron = false): string {
  const model = (namespace: string): string => `<?xml-model href="${href}" type="application/xml" schematypens="${namespace}"?>\n`;
  const models = model('http://relaxng.org/ns/structure/1.0') + (embeddedSchematron ? model('http://purl.oclc.org/dsdl/schematron') : '');
  const declaration = XML_DECLARATION.exec(text);
  return declaration ? `${declaration[0]}\n${models}${text.slice(declaration[0].length).replace(/^\r?\n/, '')}` : models + text;
}

/** A change to one document's text for the incremental runs: a sentence at the end of its first paragraph in <body>. */
export function reviseDocument(text: string, revision: number): string {
  const body = text.search(/<body[\s>]/);
  const end = body < 0 ? -1 : text.indexOf('</p>', body);
  if (end < 0) throw new Error('no paragraph in <body> to revise');
  return `${text.slice(0, end)} Revised for the benchmark (${revision}).${text.slice(end)}`;
}

/** Writes the corpus into `root` (which should be empty) and describes it. */
export async function writeCorpus(root: string, size: number, inputs: CorpusInputs): Promise<Corpus> {
  const tei = join(root, 'tei');
  const schemas = join(root, 'schemas');
  await cp(join(inputs.repo, 'schemas'), schemas, { recursive: true });
  if (inputs.corpora) await cp(join(inputs.corpora, 'eltec/Schemas/eltec-1.rng'), join(schemas, 'eltec-1.rng'));
  await mkdir(tei, { recursive: true });
  const flagship = join(root, 'flagship');
  await mkdir(join(flagship, 'tei'), { recursive: true });
  await cp(schemas, join(flagship, 'schemas'), { recursive: true });
  for (const file of [FLAGSHIP, REGISTER]) await cp(join(inputs.repo, file), join(flagship, file));

  const kinds = { flagship: { documents: 0, bytes: 0 }, eltec: { documents: 0, bytes: 0 }, dracor: { documents: 0, bytes: 0 }, 'tei-stylesheets': { documents: 0, bytes: 0 } };
  const files: string[] = [];
  const schemaOf = new Map<string, string>();
  const originals = new Map<string, string>();
  const add = async (file: string, content: string, kind: SourceKind, documents: number): Promise<void> => {
    await writeFile(file, content);
    const bytes = Buffer.byteLength(content);
    kinds[kind].documents += documents;
    kinds[kind].bytes += bytes;
    files.push(file);
    schemaOf.set(file, join(tei, SCHEMA_HREF[kind]));
  };
  for (const document of planCorpus(size, inputs)) {
    let original = originals.get(document.source.file);
    if (original === undefined) originals.set(document.source.file, (original = await readFile(document.source.file, 'utf8')));
    await add(join(tei, document.name), copyDocument(original, document), document.source.kind, 1);
  }
  await add(join(tei, 'register.xml'), await readFile(join(inputs.repo, REGISTER), 'utf8'), 'flagship', 0);
  const bytes = Object.values(kinds).reduce((n, k) => n + k.bytes, 0);
  return { root, tei, files, documents: size, bytes, kinds, schemaOf, flagship };
}

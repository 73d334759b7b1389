/**
 * The entities of a set of TEI files read straight from disk, outside a
 * build: what `validate --verbose` needs to list the entries nobody
 * mentions. Each file goes through the HTML stylesheet's `entries` output,
 * the same procedure the build uses, so both agree on what an entry is and
 * on what points at it.
 */
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import { stylesheetSeesPlace } from '../build/location.js';
import { HTML_STYLESHEET, stylesheetKey, type CompileOptions } from '../transform/index.js';
import { WorkerPool, stackFor } from '../workers/pool.js';
import { readDocumentText, readingLimits, type ReadingLimits } from '../xml/index.js';
import { Catalogue, type EntitySource } from './catalogue.js';
import { entityData } from './model.js';
import { isRegister, registersParameter } from './registers.js';
import { entriesOf, type EntriesJob, type EntriesSetup } from './entries.js';
import { openEntriesCache } from './entries-cache.js';

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

export interface ScanOptions {
  cacheDir?: CompileOptions['cacheDir'];
  stylesheet?: string;
  limits?: Partial<ReadingLimits>;
  /** Threads to read documents in (default: one per core); fewer than `WORKERS_FROM` documents are read in the calling thread. */
  jobs?: number;
  /** A file keeping each document's entries between runs (entries-cache.ts), or false (the default) to read every document afresh. */
  entriesCache?: string | false;
}

/** Below this many documents, starting threads costs more than it saves. */
export const WORKERS_FROM = 8;

/** Each job's entries, in the jobs' order: in worker threads when there are enough documents and cores. */
async function entriesOfAll(jobs: readonly EntriesJob[], setup: EntriesSetup, threads: number): Promise<(string | undefined)[]> {
  if (threads < 2 || jobs.length < WORKERS_FROM) {
    const found: (string | undefined)[] = [];
    for (const job of jobs) found.push(await entriesOf(job, setup));
    return found;
  }
  // A stack for the deepest document the limits accept, as validate's workers have (saxon-js recurses with the depth).
  const pool = new WorkerPool<EntriesJob, string | null>(new URL('./entries-worker.js', import.meta.url), Math.min(threads, jobs.length), setup,
    { stackSizeMb: stackFor(setup.limits.maxDepth), depth: 2 });
  try {
    return (await Promise.all(jobs.map((job) => pool.run(job)))).map((json) => json ?? undefined);
  } finally {
    await pool.close();
  }
}

/** `entriesOfAll`, but only for the jobs whose result the cache does not keep: unchanged documents cost a digest. */
async function cachedEntriesOfAll(jobs: readonly EntriesJob[], setup: EntriesSetup, threads: number, cachePath: string | false): Promise<(string | undefined)[]> {
  if (cachePath === false) return entriesOfAll(jobs, setup, threads);
  const stylesheet = setup.compile.stylesheet ?? HTML_STYLESHEET;
  const [stylesheetKeyOf, stylesheetSees] = await Promise.all([stylesheetKey(stylesheet), stylesheetSeesPlace(stylesheet)]);
  const cache = await openEntriesCache(cachePath, { stylesheetKey: stylesheetKeyOf, stylesheetSeesPlace: stylesheetSees, limits: setup.limits });
  const looked = jobs.map((job) => cache.look(job.file, job.text, job.registers));
  const found = looked.map((look) => look.json);
  const missing = jobs.flatMap((_, i) => (found[i] === undefined ? [i] : []));
  const read = await entriesOfAll(missing.map((i) => jobs[i]), setup, threads);
  missing.forEach((i, n) => {
    found[i] = read[n];
    // A document the stylesheet refuses is not kept: it is rare, and asked again next time.
    if (read[n] !== undefined) cache.keep(looked[i], read[n]!);
  });
  // A cache folder that cannot be written loses the shortcut, not the listing.
  await cache.save().catch(() => undefined);
  return found;
}

/**
 * Reads the entities of `files` (documents and registers alike) under the
 * reading limits every command uses; files that cannot be read as XML are
 * left out (validate has already said why).
 */
export async function scanEdition(files: readonly string[], options: ScanOptions = {}): Promise<EditionScan> {
  const limits = readingLimits(options.limits);
  const texts = new Map<string, string>();
  for (const file of files) {
    const read = await readDocumentText(file, limits.maxDocumentSize);
    if (!('ruleId' in read)) texts.set(file, read.text);
  }
  const registers = [...texts].filter(([, text]) => isRegister(text)).map(([file]) => file);
  const jobs: EntriesJob[] = [...texts].map(([file, text]) => ({ file, text, registers: registersParameter(file, registers) }));
  const setup: EntriesSetup = { compile: { cacheDir: options.cacheDir, stylesheet: options.stylesheet }, limits };
  const found = await cachedEntriesOfAll(jobs, setup, Math.max(1, options.jobs ?? availableParallelism()), options.entriesCache ?? false);
  const sources: EntitySource[] = [];
  const references = new Set<string>();
  const fileOf = new Map<string, string>();
  jobs.forEach(({ file }, i) => {
    const json = found[i];
    if (json === undefined) return;
    const data = entityData(json, basename(file));
    sources.push({ name: file, register: registers.includes(file), entries: data.entries, relations: data.relations });
    for (const anchor of data.references) references.add(anchor);
    for (const entry of data.entries) if (!fileOf.has(entry.anchor)) fileOf.set(entry.anchor, file);
  });
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

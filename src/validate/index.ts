/**
 * `validate(paths, options)`: every document through the layers — 1
 * well-formedness and safety, 2 RELAX NG, then (unless `grammarOnly`)
 * Schematron and edition rules (layers 3–4). Documents are checked in
 * parallel in worker threads, each loading a schema and the rules once.
 */
import { availableParallelism } from 'node:os';
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { checkDocument, type DocumentCheckOptions, type DocumentResult } from './document.js';
import { DEFAULT_SOURCES, editionFoldersOf, expandPaths } from './files.js';
import type { Catalog } from './grammar-catalog.js';
import { RunSchemas } from './run-schemas.js';
import type { SchematronOptions } from './schematron.js';
import { limited } from '../workers/limit.js';
import { WORKERS_FROM } from '../workers/pool.js';
import { DEFAULT_CACHE_DIR } from './grammar-cache.js';
import { documentsWanted, type DocumentPool } from './pool.js';
import { Verdicts } from './verdicts.js';
import { readingLimits, type ReadingLimits } from '../xml/index.js';

/** A document handed to the rules layer (only when it is well-formed). */
export interface RulesDocument {
  path: string;
  text: string;
}

/** Layers 3–4: returns the rule diagnostics of one document. */
export type RulesHook = (document: RulesDocument) => Promise<Diagnostic[]>;

export interface ValidateOptions {
  /** Schema (path or URL) for every document, overriding `<?xml-model?>`. */
  schema?: string;
  /** URL → local path for schemas, added to the built-in TEI catalog. */
  catalog?: Catalog;
  /** Directory of converted schemas (default `.samizdat/cache`); false: no disk cache. */
  cacheDir?: string | false;
  /** Layers 1–2 only (what jing checks). */
  grammarOnly?: boolean;
  /** Schematron and edition rules (layers 3–4), run beside layers 1–2 in the worker threads; ignored when `grammarOnly`. */
  schematron?: SchematronOptions;
  /** A further rules layer of the caller's, run in this thread; ignored when `grammarOnly`. */
  rules?: RulesHook;
  /** Threads checking documents in parallel, the calling thread one of them (default: the machine's parallelism); 1 checks in this thread alone. */
  jobs?: number;
  /** Limits documents are read under (default `DEFAULT_LIMITS`), as for every command. */
  limits?: Partial<ReadingLimits>;
  /** The edition's root folder (default: the current folder): symbolic links, and schemas named by `<?xml-model?>`, are followed only inside it, `allowRead`, the catalog and samizdat's own schemas. */
  root?: string;
  /** Folders outside the edition that may be read (config `allowRead`). */
  allowRead?: readonly string[];
  /** Called after each document, with its report. `found` grows while documents are still being found. */
  onProgress?: (progress: { done: number; found: number; file: string; report: FileReport }) => void;
}

export interface FileReport {
  file: string;
  /** The RELAX NG schema the document was checked against. */
  schema?: string;
  diagnostics: Diagnostic[];
  errors: number;
  warnings: number;
  /** Absolute paths of the files its verdict depends on besides itself: its schema's files, its rule files, the local files it names (which rules may read). */
  dependsOn?: string[];
}

export interface ValidationReport {
  /** One entry per document (and per pattern that matched nothing), in the order found. */
  files: FileReport[];
  summary: { files: number; invalidFiles: number; errors: number; warnings: number };
  /** Threads the documents were checked in, in parallel: the calling thread and workers beside it (0: in the calling thread alone, or none was checked). */
  threads: number;
  /** How many verdicts were given from the cache of earlier runs (their documents and what they depend on unchanged). */
  remembered: number;
}

export async function validate(paths: readonly string[] = DEFAULT_SOURCES, options: ValidateOptions = {}): Promise<ValidationReport> {
  const rules = options.grammarOnly ? undefined : options.rules;
  const documentOptions: DocumentCheckOptions = {
    schema: options.schema, catalog: options.catalog, cacheDir: options.cacheDir, keepText: rules !== undefined,
    schematron: options.grammarOnly ? undefined : options.schematron,
    limits: readingLimits(options.limits),
    readable: { root: options.root ?? process.cwd(), allowRead: [...(options.allowRead ?? []), ...editionFoldersOf(paths.length === 0 ? DEFAULT_SOURCES : paths, options.root ?? process.cwd())] },
  };
  const jobs = Math.max(1, options.jobs ?? availableParallelism());
  const found = expandPaths(paths.length === 0 ? DEFAULT_SOURCES : paths, { root: options.root, allowRead: options.allowRead })[Symbol.asyncIterator]();

  // Look ahead a little: a few documents are checked here, more in workers.
  const head: (string | Diagnostic)[] = [];
  let next = await found.next();
  while (!next.done && head.filter((e) => typeof e === 'string').length < WORKERS_FROM) {
    head.push(next.value);
    next = await found.next();
  }
  const exhausted = next.done;
  if (!next.done) head.push(next.value);
  const files = head.filter((e) => typeof e === 'string').length;
  const parallel = jobs > 1 && files >= WORKERS_FROM;
  const threads = exhausted ? Math.min(jobs, files) : jobs;
  const schemas = new RunSchemas();
  // Started on the first document the verdicts cannot answer for.
  let pool: Promise<DocumentPool> | undefined;
  const poolCheck = (file: string): Promise<DocumentResult> => {
    // The calling thread checks documents beside the workers (reading each without a round trip through libuv's threads, as they do).
    if (pool === undefined) verdicts?.fingerprintMeanwhile();
    pool ??= import('./pool.js').then(({ DocumentPool }) => new DocumentPool(threads, documentOptions, (file, waitingForRules) => checkDocument(file, { ...documentOptions, readSynchronously: true, waitingForRules }, schemas)));
    return pool.then((started) => started.check(file));
  };
  const verdicts = options.cacheDir === false || rules !== undefined ? undefined
    : await Verdicts.open(options.cacheDir ?? DEFAULT_CACHE_DIR, { cwd: process.cwd(), ...documentOptions, cacheDir: undefined }, documentOptions.readable!.root);
  let remembered = 0;

  const checkOne = async (file: string): Promise<FileReport> => {
    let result: DocumentResult;
    try {
      const recalled = await verdicts?.recall(file);
      if (recalled) {
        result = recalled;
        remembered++;
      } else {
        result = parallel ? await poolCheck(file) : await checkDocument(file, documentOptions, schemas);
        await verdicts?.remember(result);
      }
    } catch (err) {
      result = { file, diagnostics: [diagnostic('error', 'internal', `samizdat failed on this file: ${(err as Error).message}`, { file })] };
    }
    const diagnostics = [...result.diagnostics];
    if (rules && result.text !== undefined) {
      try {
        diagnostics.push(...await rules({ path: file, text: result.text }));
      } catch (err) {
        diagnostics.push(diagnostic('error', 'internal', `the rules layer failed on this file: ${(err as Error).message}`, { file }));
      }
    }
    const report = fileReport(file, diagnostics, result.schema);
    return result.dependsOn ? { ...report, dependsOn: result.dependsOn } : report;
  };

  let closed: Promise<void> | undefined;
  /** Stops the pool's workers, once. */
  const closePool = (): Promise<void> => (closed ??= (async () => { await (await pool?.catch(() => undefined))?.close(); })());

  const pending: Promise<FileReport>[] = [];
  let done = 0;
  // Without workers, documents are checked one after another: started all at
  // once they would hold every document's text in memory together, and finish
  // (and report progress) in whatever order their reads happen to complete.
  // In parallel, enough are under way to keep every thread busy (see
  // pool.ts).
  const turn = limited(parallel ? documentsWanted(threads) : 1);
  const check = (file: string) => {
    pending.push(turn(() => checkOne(file)).then((finished) => {
      done++;
      options.onProgress?.({ done, found: pending.length, file, report: finished });
      return finished;
    }));
  };
  const take = (entry: string | Diagnostic) => {
    if (typeof entry === 'string') check(entry);
    else pending.push(Promise.resolve(fileReport(entry.file, [entry])));
  };
  try {
    head.forEach(take);
    if (!exhausted) for (next = await found.next(); !next.done; next = await found.next()) take(next.value);
    const reports = await Promise.all(pending);
    // Every document is answered: the workers are stopped while the verdicts are written, not after (10-20 ms of a cold run's tail on the bench corpus).
    const closing = closePool();
    await verdicts?.save();
    await closing;
    return { files: reports, summary: summarise(reports), threads: pool ? (await pool).threads : 0, remembered };
  } finally {
    await closePool();
  }
}

function fileReport(file: string, diagnostics: Diagnostic[], schema?: string): FileReport {
  return {
    file, schema, diagnostics,
    errors: diagnostics.filter((d) => d.severity === 'error').length,
    warnings: diagnostics.filter((d) => d.severity === 'warning').length,
  };
}

function summarise(reports: readonly FileReport[]): ValidationReport['summary'] {
  return {
    files: reports.length,
    invalidFiles: reports.filter((r) => r.errors > 0).length,
    errors: reports.reduce((n, r) => n + r.errors, 0),
    warnings: reports.reduce((n, r) => n + r.warnings, 0),
  };
}

export { checkDocument } from './document.js';
export type { DocumentCheckOptions, DocumentResult } from './document.js';
export { DEFAULT_SOURCES } from './files.js';
export type { Catalog } from './grammar-catalog.js';
export type { SchematronOptions } from './schematron.js';

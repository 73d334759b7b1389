/**
 * A document as a unit of the build: read it, render it, store what it
 * produced in the build cache. The same function runs in worker threads and,
 * for a single document, in the calling thread.
 */
import { isMainThread } from 'node:worker_threads';
import { type Diagnostic } from '../diagnostics.js';
import { TransformProblem, compileStylesheet, loadXsltRuntime, sourceOf, type CompiledStylesheet } from '../transform/index.js';
import { readXml } from '../xml/index.js';
import { CALLING_THREAD_DEPTH, WorkerPool, stackFor } from '../workers/pool.js';
import { BuildCache, type UnitRecord } from './cache.js';
import { citeInThisThread, renderDocument, type Citing, type DocumentStylesheets, type RenderRequest } from './render.js';
import { citationsKey, type DocumentCitations } from './citations.js';

/** Plain data every renderer receives once. */
export interface RenderSetup {
  /** The HTML stylesheet (samizdat's or the user's) and the text stylesheet. */
  html: string;
  text: string;
  /** The search records stylesheet, when the edition has search. */
  records?: string;
  /** Their content keys (`stylesheetKey`): a thread compiles them again when these change, as they do while `watch` runs. */
  keys: { html: string; text: string; records?: string };
  /** Where compiled stylesheets are cached (false: compile afresh). */
  xsltCacheDir?: string | false;
  /** Draw every document's citations up afresh (`--force`), not from the cache. */
  force?: boolean;
  /** The build cache's root folder and the output folder it belongs to. */
  cacheRoot: string;
  out: string;
}

export interface RenderJob {
  request: RenderRequest;
  /** Cache key of the unit: everything its output depends on. */
  key: string;
}

export type RenderOutcome = { ok: true; record: UnitRecord } | { ok: false; problem: Diagnostic };

let loaded: { setup: string; stylesheets: Promise<DocumentStylesheets> } | undefined;

/** The stylesheets of `setup`, compiled (or read from the cache) once per thread. */
function stylesheetsOf(setup: RenderSetup): Promise<DocumentStylesheets> {
  const id = JSON.stringify([setup.html, setup.text, setup.records, setup.keys, setup.xsltCacheDir]);
  if (loaded?.setup !== id) {
    const options = { cacheDir: setup.xsltCacheDir };
    const stylesheets = Promise.all([setup.html, setup.text, setup.records].map((path) => (path === undefined ? undefined : compileStylesheet(path, options))))
      .then(([html, text, records]: (CompiledStylesheet | undefined)[]) => ({ html: html!, text: text!, ...(records && { records }) }));
    // Each render awaits it once its citations have started; a render that
    // stops before that must not leave a compile error unhandled.
    stylesheets.catch(() => undefined);
    loaded = { setup: id, stylesheets };
  }
  return loaded.stylesheets;
}

/** Loads what documents are rendered with (saxon-js, the stylesheets of `setup`) ahead of the first one. */
export async function prepareRendering(setup: RenderSetup): Promise<void> {
  const stylesheets = stylesheetsOf(setup);
  loadXsltRuntime();
  await stylesheets;
}

/**
 * Reads the document through the reading layer, renders it and stores what
 * it produced; `cite` draws up its citations (in this thread unless the
 * build says otherwise). In the calling thread, whose stack is small, a
 * deeply nested document (or one whose stylesheet recursion overflowed the
 * stack) is rendered in a thread of its own with a stack large enough for
 * its depth.
 */
export async function renderUnit(job: RenderJob, setup: RenderSetup, cite: Citing = citeInThisThread): Promise<RenderOutcome> {
  const { file, limits } = job.request;
  const read = await readXml(file, limits);
  if (!read.ok) return { ok: false, problem: read.problem };
  const inLargeStack = () => WorkerPool.once<RenderJob, RenderOutcome>(new URL('./worker.js', import.meta.url), setup, job, { stackSizeMb: stackFor(Math.max(read.document.depth, limits.maxDepth)) });
  if (isMainThread && read.document.depth > CALLING_THREAD_DEPTH) return inLargeStack();
  try {
    // The stylesheets may still be loading: the document's citations start first.
    // A cache for this document alone: it looks at its own few blobs, not at a listing of the whole cache.
    const cache = new BuildCache(setup.out, setup.cacheRoot, 'each');
    const kept: string[] = [];
    const rendered = await renderDocument(sourceOf(read.document, limits), job.request, stylesheetsOf(setup), citedThrough(cache, cite, kept, setup.force ?? false));
    // The document's citations are kept in the cache as long as its record is: their unit is a part of it.
    const record = await cache.store(job.key, { ...rendered, ...(kept.length > 0 && { parts: kept }) });
    return { ok: true, record };
  } catch (error) {
    if (!(error instanceof TransformProblem)) throw error;
    if (isMainThread && /Maximum call stack size exceeded/.test(error.problem.message)) return inLargeStack();
    return { ok: false, problem: error.problem };
  }
}

/**
 * Where a document's citations are kept in their unit of the cache: the
 * parts of the page they fill, as a fact of its record (one file, not a
 * record and a blob: a cold build stores a unit of citations per document).
 */
const CITATIONS_FACT = 'citations.json';

/**
 * `cite` through the build cache: a document's citations are kept as a unit
 * of their own, under a key of what they are drawn up from
 * (`citationsKey`), so that a change to a document's text that leaves its
 * header and paragraphs as they were does not start citeproc (about a
 * second of CPU) again (nor with `force`, which draws them up afresh). The
 * keys of the units used are added to `kept`.
 */
function citedThrough(cache: BuildCache, cite: Citing, kept: string[], force: boolean): Citing {
  return async (options, document) => {
    const key = citationsKey(options, document);
    if (key === undefined) return cite(options, document);
    const known = force ? undefined : await cache.unit(key);
    const text = known?.facts?.[CITATIONS_FACT];
    if (known && text !== undefined) {
      const { head, block } = JSON.parse(text) as Pick<DocumentCitations, 'head' | 'block'>;
      const files = Object.fromEntries(await Promise.all(Object.entries(known.files).map(async ([name, hash]) => [name, await cache.read(hash)] as const)));
      kept.push(key);
      return { head, block, files };
    }
    const citations = await cite(options, document);
    await cache.store(key, {
      name: document.name, title: '', entities: { mentions: [], entries: [], relations: [] }, links: [],
      files: new Map(Object.entries(citations.files ?? {})), facts: { [CITATIONS_FACT]: JSON.stringify({ head: citations.head, block: citations.block }) },
    });
    kept.push(key);
    return citations;
  };
}

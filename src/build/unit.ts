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
    const rendered = await renderDocument(sourceOf(read.document, limits), job.request, stylesheetsOf(setup), cite);
    const record = await new BuildCache(setup.out, setup.cacheRoot).store(job.key, rendered);
    return { ok: true, record };
  } catch (error) {
    if (!(error instanceof TransformProblem)) throw error;
    if (isMainThread && /Maximum call stack size exceeded/.test(error.problem.message)) return inLargeStack();
    return { ok: false, problem: error.problem };
  }
}

/**
 * A document as a unit of the build: read it, render it, store what it
 * produced in the build cache. The same function runs in worker threads and,
 * for a single document, in the calling thread.
 */
import { readFile } from 'node:fs/promises';
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { TransformProblem, compileStylesheet, type CompiledStylesheet } from '../transform/index.js';
import { BuildCache, type UnitRecord } from './cache.js';
import { renderDocument, type DocumentStylesheets, type RenderRequest } from './render.js';

/** Plain data every renderer receives once. */
export interface RenderSetup {
  /** The HTML stylesheet (samizdat's or the user's) and the text stylesheet. */
  html: string;
  text: string;
  /** Their content keys (`stylesheetKey`): a thread compiles them again when these change, as they do while `watch` runs. */
  keys: { html: string; text: string };
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
  const id = JSON.stringify([setup.html, setup.text, setup.keys, setup.xsltCacheDir]);
  if (loaded?.setup !== id) {
    const options = { cacheDir: setup.xsltCacheDir };
    const stylesheets = Promise.all([compileStylesheet(setup.html, options), compileStylesheet(setup.text, options)])
      .then(([html, text]: CompiledStylesheet[]) => ({ html, text }));
    loaded = { setup: id, stylesheets };
  }
  return loaded.stylesheets;
}

export async function renderUnit(job: RenderJob, setup: RenderSetup): Promise<RenderOutcome> {
  const { file } = job.request;
  try {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      return { ok: false, problem: diagnostic('error', 'io', `${file} cannot be read: ${(error as Error).message}`, { file }) };
    }
    const rendered = await renderDocument(text, job.request, await stylesheetsOf(setup));
    const record = await new BuildCache(setup.out, setup.cacheRoot).store(job.key, rendered);
    return { ok: true, record };
  } catch (error) {
    if (error instanceof TransformProblem) return { ok: false, problem: error.problem };
    throw error;
  }
}

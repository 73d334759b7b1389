/**
 * The edition-wide pages: the list of documents (`index.html`, with the
 * edition's CSS) and the entity index (`entities/index.html` and a page per
 * letter of a large part). Each page is a unit of its own, keyed by exactly
 * the data it shows: a change to one document re-renders the index pages
 * whose entries it mentions, not the whole index (on a 1,000-document
 * edition rendering every page took ~10 s).
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { urlPath } from '../escape.js';
import {
  SITE_STYLESHEET, TransformProblem, XSLT_DIR, compileStylesheet, loadXsltRuntime, transformSource, type CompileOptions, type CompiledStylesheet,
} from '../transform/index.js';
import { TRANSFORMING_YOUNG_GENERATION_MB, WorkerPool } from '../workers/pool.js';
import type { EditionEntities } from './entities.js';
import { BuildCache, cacheKey, type UnitRecord } from './cache.js';

/**
 * Characters of entity-index data (the pages' JSON) from which the pages
 * still to render go to a thread of their own: about a second of saxon-js
 * (the index of a 200-document edition is 4.4 MB and took 4.5 s), against
 * the half second of CPU a thread takes to load saxon-js and the
 * stylesheet. Meanwhile the calling thread feeds the search index's
 * Pagefind processes, which otherwise wait for it (on the bench's edition,
 * shards that take a second stood half a minute).
 */
export const SITE_THREAD_FROM = 1_000_000;

/** One edition-wide page for the site thread: a named template of the site stylesheet and all its parameters. */
export interface SiteJob {
  initialTemplate: string;
  params: Record<string, string>;
}

/** A page as the stylesheet gave it: the principal result and the secondary ones by href. */
export interface RenderedSitePage {
  principal: string;
  results: Record<string, string>;
}

/** What the site thread sends back: the page, or the problem the stylesheet raised. */
export type SiteOutcome = { page: RenderedSitePage } | { problem: Diagnostic };

export interface SiteContext {
  cache: BuildCache;
  /** The build cache's format and version, part of every key. */
  format: string;
  /** The site stylesheet's content key (`stylesheetKey`). */
  siteKey: string;
  editionTitle: string;
  /** The search page from the edition's root, '' without search. */
  searchHref: string;
  force?: boolean;
  compile?: CompileOptions;
  /** Whether a large entity index may be rendered in a thread of its own (not where the build keeps to one thread, `--jobs 1`). */
  thread?: boolean;
  /** Characters of page data from which it is (default `SITE_THREAD_FROM`). */
  threadFrom?: number;
  /** The site stylesheet, when it was loaded ahead (`siteStylesheetAhead`); compiled when first needed otherwise. */
  stylesheet?: Promise<CompiledStylesheet>;
}

/**
 * saxon-js and the site stylesheet, loaded in this thread on a later turn of
 * its event loop. A build whose changed documents render in the render
 * thread leaves this thread idle meanwhile, and the entity index's pages
 * that a changed document's mentions change render here after them: loading
 * saxon-js (synchronous) and the stylesheet then took ~0.2 s of the
 * flagship's build after one change, between the render and the output.
 */
export function siteStylesheetAhead(compile?: CompileOptions): Promise<CompiledStylesheet> {
  const loaded = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
    loadXsltRuntime();
    return compileStylesheet(SITE_STYLESHEET, compile);
  });
  // Awaited only if the site's pages render here; a compile error is reported then.
  loaded.catch(() => undefined);
  return loaded;
}

/** The edition-wide pages' units, and the output paths of those this build rendered (the others came from the cache). */
export interface SitePages {
  records: UnitRecord[];
  rendered: string[];
}

/** The list of documents and each page of the entity index, each rendered again only when what it shows (or the stylesheet) changed. */
export async function sitePages(documents: readonly UnitRecord[], entities: EditionEntities, context: SiteContext): Promise<SitePages> {
  const shared = { 'edition-title': context.editionTitle, 'search-href': context.searchHref };
  const css = await readFile(resolve(XSLT_DIR, 'html', 'samizdat.css'));
  let stylesheet: Promise<CompiledStylesheet> | undefined;
  const rendered: string[] = [];
  /** A page rendered in this thread. */
  const here = async (template: string, params: Record<string, string>): Promise<RenderedSitePage> => {
    stylesheet ??= context.stylesheet ?? compileStylesheet(SITE_STYLESHEET, context.compile);
    const result = transformSource(await stylesheet, undefined, { params: { ...shared, ...params }, initialTemplate: `Q{urn:samizdat}${template}` });
    return { principal: String(result.principal), results: result.results };
  };

  /** One page's unit: `params` are all it shows, and its key; `files` makes its files of the rendered page. */
  interface Wanted {
    label: string;
    template: string;
    params: Record<string, string>;
    key: string;
    files: (page: RenderedSitePage) => Map<string, string | Uint8Array>;
  }
  const wanted = (label: string, template: string, params: Record<string, string>, extra: readonly (string | Uint8Array)[], files: Wanted['files']): Wanted => ({
    label, template, params, files,
    // The parameters as parts of the key, not serialised again in one object: they hold the page's data as JSON
    // already, and a second JSON.stringify escaped every quote of it (the largest cost of an unchanged edition's pages).
    key: cacheKey([context.format, 'site', label, context.siteKey, ...Object.entries({ ...shared, ...params }).flat(), ...extra]),
  });
  const known = (page: Wanted) => (context.force ? Promise.resolve(undefined) : context.cache.unit(page.key));
  const made = async (page: Wanted, rendering: Promise<RenderedSitePage>): Promise<UnitRecord> => {
    const files = page.files(await rendering);
    rendered.push(...files.keys());
    return context.cache.store(page.key, { name: '', title: context.editionTitle, entities: { mentions: [], entries: [], relations: [] }, links: [], files });
  };

  const listParams = {
    'site-json': JSON.stringify({
      documents: documents.map((r) => ({ name: r.name, title: r.title, href: `${urlPath(r.name)}/index.html` })),
      entries: entities.catalogue.entries().length,
    }),
  };
  const list = wanted('document-list', 'document-list', listParams, [css], (page) => new Map<string, string | Uint8Array>([
    ['index.html', page.principal],
    ['samizdat.css', css],
  ]));
  const listed = async (): Promise<UnitRecord> => await known(list) ?? await made(list, here(list.template, list.params));
  // The entity index whole is one unit more, keyed by the digests of what it is made from: an edition whose
  // entities, titles and names are as they were takes it from the cache without making the pages' data (on a
  // 1,000-document edition, building that data and serialising and hashing it for each page's key took ~0.6 s).
  const indexKey = cacheKey([context.format, 'site', 'entity-index', context.siteKey, ...Object.entries(shared).flat(), entities.key]);
  const whole = context.force ? undefined : await context.cache.unit(indexKey);
  if (whole) return { records: [await listed(), whole], rendered: rendered.sort() };
  // The stylesheet renders the pages it is given: one at a time, the first (index.html) as the principal result, a letter's page as a secondary one.
  const indexPages = entities.index.pages.map((indexPage) => wanted(`entities/${indexPage.file}`, 'entity-index', { 'index-json': JSON.stringify([indexPage]) }, [], (page) => (
    indexPage.file === 'index.html'
      ? new Map([['entities/index.html', page.principal]])
      : new Map(Object.entries(page.results).map(([path, html]): [string, string] => [`entities/${path}`, html])))));
  const found = await Promise.all(indexPages.map(known));
  const missing = indexPages.filter((_, i) => found[i] === undefined);
  const data = missing.reduce((sum, page) => sum + page.params['index-json'].length, 0);
  const thread = context.thread && missing.length > 0 && data >= (context.threadFrom ?? SITE_THREAD_FROM)
    ? new WorkerPool<SiteJob, SiteOutcome>(new URL('./site-worker.js', import.meta.url), 1, { cacheDir: context.compile?.cacheDir }, { youngGenerationMb: TRANSFORMING_YOUNG_GENERATION_MB })
    : undefined;
  try {
    // All sent to the thread at once: it renders them one after another while this thread stores each as it
    // comes. In this thread, each is rendered when its turn comes, so that one page at a time is held.
    const renderings = new Map(thread ? missing.map((page) => {
      const rendering = thread.run({ initialTemplate: `Q{urn:samizdat}${page.template}`, params: { ...shared, ...page.params } }).then((outcome) => {
        if ('problem' in outcome) throw new TransformProblem(outcome.problem);
        return outcome.page;
      });
      rendering.catch(() => undefined);
      return [page, rendering] as const;
    }) : []);
    // The list of documents once the index's pages are on their way to their thread, which then starts with them.
    const records = [await listed()];
    const pages: UnitRecord[] = [];
    for (const [i, page] of indexPages.entries()) pages.push(found[i] ?? await made(page, renderings.get(page) ?? here(page.template, page.params)));
    records.push(await context.cache.gather(indexKey, 'entity index', pages));
    return { records, rendered: rendered.sort() };
  } finally {
    await thread?.close();
  }
}

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
import { urlPath } from '../escape.js';
import { SITE_STYLESHEET, XSLT_DIR, compileStylesheet, transformSource, type CompileOptions, type CompiledStylesheet } from '../transform/index.js';
import type { EditionEntities } from './entities.js';
import { BuildCache, cacheKey, type UnitRecord } from './cache.js';

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

  /** One page's unit: `params` are all it shows; `files` renders it with the compiled stylesheet. */
  const page = async (
    label: string,
    params: Record<string, string>,
    extra: readonly (string | Uint8Array)[],
    files: (site: CompiledStylesheet) => Map<string, string | Uint8Array>,
  ): Promise<UnitRecord> => {
    // The parameters as parts of the key, not serialised again in one object: they hold the page's data as JSON
    // already, and a second JSON.stringify escaped every quote of it (the largest cost of an unchanged edition's pages).
    const key = cacheKey([context.format, 'site', label, context.siteKey, ...Object.entries({ ...shared, ...params }).flat(), ...extra]);
    const known = context.force ? undefined : await context.cache.unit(key);
    if (known) return known;
    stylesheet ??= compileStylesheet(SITE_STYLESHEET, context.compile);
    const made = files(await stylesheet);
    rendered.push(...made.keys());
    return context.cache.store(key, { name: '', title: context.editionTitle, entities: { mentions: [], entries: [], relations: [] }, links: [], files: made });
  };
  const run = (site: CompiledStylesheet, template: string, params: Record<string, string>) =>
    transformSource(site, undefined, { params: { ...shared, ...params }, initialTemplate: `Q{urn:samizdat}${template}` });

  const listParams = {
    'site-json': JSON.stringify({
      documents: documents.map((r) => ({ name: r.name, title: r.title, href: `${urlPath(r.name)}/index.html` })),
      entries: entities.catalogue.entries().length,
    }),
  };
  const records = [await page('document-list', listParams, [css], (site) => new Map<string, string | Uint8Array>([
    ['index.html', String(run(site, 'document-list', listParams).principal)],
    ['samizdat.css', css],
  ]))];
  // The entity index whole is one unit more, keyed by the digests of what it is made from: an edition whose
  // entities, titles and names are as they were takes it from the cache without making the pages' data (on a
  // 1,000-document edition, building that data and serialising and hashing it for each page's key took ~0.6 s).
  const indexKey = cacheKey([context.format, 'site', 'entity-index', context.siteKey, ...Object.entries(shared).flat(), entities.key]);
  const whole = context.force ? undefined : await context.cache.unit(indexKey);
  if (whole) return { records: [...records, whole], rendered: rendered.sort() };
  const pages: UnitRecord[] = [];
  // The stylesheet renders the pages it is given: one at a time, the first (index.html) as the principal result, a letter's page as a secondary one.
  for (const indexPage of entities.index.pages) {
    const params = { 'index-json': JSON.stringify([indexPage]) };
    pages.push(await page(`entities/${indexPage.file}`, params, [], (site) => {
      const result = run(site, 'entity-index', params);
      return indexPage.file === 'index.html'
        ? new Map([['entities/index.html', String(result.principal)]])
        : new Map(Object.entries(result.results).map(([path, html]): [string, string] => [`entities/${path}`, html]));
    }));
  }
  records.push(await context.cache.gather(indexKey, 'entity index', pages));
  return { records, rendered: rendered.sort() };
}

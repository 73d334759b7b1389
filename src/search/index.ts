/**
 * Search: the edition's full text and entities, searchable in the browser
 * with no server code. The build gathers each document's passages (in the
 * document's unit, by `xslt/search/records.xsl`); this stage turns them into
 * a Pagefind index (static files, fetched in small chunks as a reader
 * searches) and writes the search page, `search/index.html`, whose script
 * (`xslt/search/search.js`) queries it. See docs/search.md.
 *
 * The index is made in shards (shards.ts), each a build unit whose key
 * covers its documents' passages, titles and the entities they mention (with
 * every form of their names, from the build's entity catalogue), what all
 * shards must agree on, and Pagefind's version: an unchanged edition does
 * not index again, and a change to one document indexes its shard alone.
 * The search page and its script are one more unit.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { diagnostic } from '../diagnostics.js';
import {
  TransformProblem, XSLT_DIR, compileStylesheet, runStylesheet, stylesheetKey, type CompileOptions, type CompiledStylesheet,
} from '../transform/index.js';
import type { BuildCache, UnitRecord } from '../build/cache.js';
import { cacheKey, sha256 } from '../build/cache.js';
import type { Entity } from './entities.js';
import { MAX_FRAGMENTS, PagefindProblem, indexRecords, pagefindVersion } from './pagefind.js';
import { PASSAGES_DATA, type DocumentPassages } from './passages.js';
import {
  LANGUAGES_DATA, documentLabels, documentRecords, indexLanguage, languageCounts, type LanguageCounts, type SearchRecord,
} from './records.js';
import { shardCount, shardFolder, shardOf } from './shards.js';

export { PASSAGES_DATA } from './passages.js';
export { SEARCH_SHARD_SIZE } from './shards.js';

/** The search page's folder in the output, and thus a name no document may take. */
export const SEARCH_FOLDER = 'search';
/** The search page, from the edition's root. */
export const SEARCH_PAGE = `${SEARCH_FOLDER}/index.html`;
export const SEARCH_RULE = 'search';

export const RECORDS_STYLESHEET = join(XSLT_DIR, 'search', 'records.xsl');
export const SEARCH_PAGE_STYLESHEET = join(XSLT_DIR, 'search', 'page.xsl');
const SEARCH_SCRIPT = join(XSLT_DIR, 'search', 'search.js');

/**
 * What the build learns of the search index: how many shards it has, and
 * whether this build made any of them again (the cached ones were still
 * right otherwise); then what it indexed: the passages, records, files and
 * bytes of the shards it made, and the time it took.
 */
export type SearchSummary =
  | { indexed: false; shards: number }
  | { indexed: true; shards: number; made: number; passages: number; records: number; files: number; bytes: number; seconds: number };

export interface SearchContext {
  cache: BuildCache;
  /** The build cache's format and version, part of every key. */
  format: string;
  editionTitle: string;
  force?: boolean;
  compile?: CompileOptions;
  /** The search page's stylesheet, when its compilation was started earlier (see `compileSearchPage`). */
  page?: Promise<CompiledStylesheet>;
  /** Documents per shard of the index, on average, before it is split further (default `SEARCH_SHARD_SIZE`; see shards.ts). */
  shardSize?: number;
}

/**
 * Starts compiling the search page's stylesheet, so that a first build (with
 * no compiled stylesheets cached) compiles it while documents render rather
 * than after the index is made. A failure is reported where it is awaited.
 */
export function compileSearchPage(options: CompileOptions = {}): Promise<CompiledStylesheet> {
  const compiling = compileStylesheet(SEARCH_PAGE_STYLESHEET, options);
  compiling.catch(() => undefined);
  return compiling;
}

/** What the search learns of the edition's entities from the build's catalogue (src/entities). */
export interface SearchEntities {
  /** Per document name, the entities it mentions (`BuildReport.entities`). */
  mentioned: ReadonlyMap<string, readonly Entity[]>;
  /** Whether the edition has an entity index to send readers to. */
  index: boolean;
}

/**
 * Makes (or takes from the cache) the search page and the index of
 * `documents`, in the order the edition lists them: one unit for the page
 * and its script, one per shard of the index (shards.ts). What the shards
 * must agree on is decided here, once for the edition, and is part of the
 * key of every shard it shapes: the index's language, each document's label
 * and position in the edition, whether records carry their sort keys.
 */
export async function searchUnit(
  documents: readonly UnitRecord[],
  entities: SearchEntities,
  context: SearchContext,
): Promise<{ records: UnitRecord[]; summary: SearchSummary }> {
  const [recordsKey, pageKey, script, pagefind] = await Promise.all([
    stylesheetKey(RECORDS_STYLESHEET), stylesheetKey(SEARCH_PAGE_STYLESHEET), readFile(SEARCH_SCRIPT), pagefindVersion(),
  ]);
  const passagesOf = async (document: UnitRecord): Promise<DocumentPassages> => {
    const hash = document.data?.[PASSAGES_DATA];
    if (!hash) throw new TransformProblem(diagnostic('error', 'internal', `the passages of ${document.name} are missing from the build cache; build again with --force.`, { file: document.name }));
    return JSON.parse((await context.cache.read(hash)).toString('utf8')) as DocumentPassages;
  };
  const languagesOf = async (document: UnitRecord): Promise<LanguageCounts> => {
    const hash = document.data?.[LANGUAGES_DATA];
    return hash ? JSON.parse((await context.cache.read(hash)).toString('utf8')) as LanguageCounts : languageCounts(await passagesOf(document));
  };
  const language = indexLanguage(await Promise.all(documents.map(languagesOf)));
  const labels = documentLabels(documents);
  const count = shardCount(documents.length, context.shardSize);
  const sortMeta = count > 1;
  const maxFragments = Math.ceil(MAX_FRAGMENTS / count);
  const members = new Map<number, { document: UnitRecord; position: number }[]>();
  for (const [position, document] of documents.entries()) {
    const shard = shardOf(document.name, count);
    const shared = members.get(shard);
    if (shared) shared.push({ document, position });
    else members.set(shard, [{ document, position }]);
  }
  // An edition of registers alone still publishes an index (an empty one) for the search page to load.
  if (members.size === 0) members.set(0, []);
  const shards = [...members.keys()].sort((a, b) => a - b).map((shard, i) => ({ folder: `${SEARCH_FOLDER}/${shardFolder(shard, i === 0)}`, members: members.get(shard)! }));

  const records: UnitRecord[] = [];
  const made = { passages: 0, records: 0, files: 0, bytes: 0 };
  let remade = 0;
  const started = performance.now();
  for (const { folder, members } of shards) {
    const key = cacheKey([
      context.format, 'search-shard', pagefind, recordsKey, folder, language, String(sortMeta), String(maxFragments),
      ...members.map(({ document, position }) => JSON.stringify([
        document.name, labels.get(document.name), position, document.data?.[PASSAGES_DATA] ?? '', sha256(JSON.stringify(entities.mentioned.get(document.name) ?? [])),
      ])),
    ]);
    const known = context.force ? undefined : await context.cache.unit(key);
    if (known) {
      records.push(known);
      continue;
    }
    let passages = 0;
    async function* batches(): AsyncIterable<SearchRecord[]> {
      for (const { document, position } of members) {
        const read = await passagesOf(document);
        passages += read.passages.length;
        yield documentRecords({ name: document.name, title: document.title, entities: entities.mentioned.get(document.name) ?? [], passages: read }, position,
          { language, label: labels.get(document.name)!, sortMeta });
      }
    }
    let index: Awaited<ReturnType<typeof indexRecords>>;
    try {
      index = await indexRecords(batches(), maxFragments);
    } catch (error) {
      if (!(error instanceof PagefindProblem)) throw error;
      throw new TransformProblem(diagnostic('error', SEARCH_RULE,
        `the search index could not be made: ${error.message}. Set "search": false in samizdat.config.json to publish without search.`, { file: SEARCH_PAGE }));
    }
    const files = new Map<string, Uint8Array>();
    for (const [path, content] of index.files) {
      files.set(`${folder}/${path}`, content);
      made.bytes += content.length;
    }
    remade += 1;
    made.passages += passages;
    made.records += index.records;
    made.files += index.files.size;
    records.push(await context.cache.store(key, { name: '', title: `search index (${folder})`, entities: { mentions: [], entries: [], relations: [] }, links: [], files }));
  }
  const seconds = (performance.now() - started) / 1000;

  // The page lists the bundles its script loads: the first, then the others to merge with it.
  const bundles = shards.map(({ folder }) => `${folder.slice(SEARCH_FOLDER.length + 1)}/`);
  const key = cacheKey([context.format, 'search-page', pageKey, script, context.editionTitle, String(entities.index), ...bundles]);
  let page = context.force ? undefined : await context.cache.unit(key);
  if (!page) {
    const html = String(runStylesheet(await (context.page ?? compileSearchPage(context.compile)), undefined, {
      params: { 'edition-title': context.editionTitle, 'entity-index': entities.index, bundles },
      initialTemplate: 'Q{urn:samizdat}search-page',
    }));
    page = await context.cache.store(key, {
      name: '', title: 'search', entities: { mentions: [], entries: [], relations: [] }, links: [],
      files: new Map<string, string | Uint8Array>([[SEARCH_PAGE, html], [`${SEARCH_FOLDER}/search.js`, script]]),
    });
  }
  const summary: SearchSummary = remade === 0
    ? { indexed: false, shards: shards.length }
    : { indexed: true, shards: shards.length, made: remade, ...made, seconds };
  return { records: [page, ...records], summary };
}

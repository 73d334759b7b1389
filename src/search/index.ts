/**
 * Search: the edition's full text and entities, searchable in the browser
 * with no server code. The build gathers each document's passages (in the
 * document's unit, by `xslt/search/records.xsl`); this stage turns them into
 * a Pagefind index (static files, fetched in small chunks as a reader
 * searches) and writes the search page, `search/index.html`, whose script
 * (`xslt/search/search.js`) queries it. See docs/search.md.
 *
 * The index is one more unit of the build: its key covers every document's
 * passages, title and the entities it mentions (with every form of their
 * names, from the build's entity catalogue), the search page's stylesheet
 * and script and Pagefind's version, so an unchanged edition does not index
 * again, and any change to what is indexed does.
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
import { PagefindProblem, indexRecords, pagefindVersion } from './pagefind.js';
import { PASSAGES_DATA, type DocumentPassages } from './passages.js';
import { documentLabels, documentRecords, indexLanguage, type SearchRecord } from './records.js';

export { PASSAGES_DATA } from './passages.js';

/** The search page's folder in the output, and thus a name no document may take. */
export const SEARCH_FOLDER = 'search';
/** The search page, from the edition's root. */
export const SEARCH_PAGE = `${SEARCH_FOLDER}/index.html`;
export const SEARCH_RULE = 'search';

export const RECORDS_STYLESHEET = join(XSLT_DIR, 'search', 'records.xsl');
export const SEARCH_PAGE_STYLESHEET = join(XSLT_DIR, 'search', 'page.xsl');
const SEARCH_SCRIPT = join(XSLT_DIR, 'search', 'search.js');

/** What the build learns of the search index: whether this build made it (or the cached one was still right), and then its size and time. */
export type SearchSummary =
  | { indexed: false }
  | { indexed: true; passages: number; records: number; files: number; bytes: number; seconds: number };

export interface SearchContext {
  cache: BuildCache;
  /** The build cache's format and version, part of every key. */
  format: string;
  editionTitle: string;
  force?: boolean;
  compile?: CompileOptions;
  /** The search page's stylesheet, when its compilation was started earlier (see `compileSearchPage`). */
  page?: Promise<CompiledStylesheet>;
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

/** Makes (or takes from the cache) the search page and the index of `documents`, in the order the edition lists them. */
export async function searchUnit(
  documents: readonly UnitRecord[],
  entities: SearchEntities,
  context: SearchContext,
): Promise<{ record: UnitRecord; summary: SearchSummary }> {
  const [recordsKey, pageKey, script, pagefind] = await Promise.all([
    stylesheetKey(RECORDS_STYLESHEET), stylesheetKey(SEARCH_PAGE_STYLESHEET), readFile(SEARCH_SCRIPT), pagefindVersion(),
  ]);
  const key = cacheKey([
    context.format, 'search', pagefind, recordsKey, pageKey, script, context.editionTitle, String(entities.index),
    ...documents.map((d) => JSON.stringify([d.name, d.title, d.data?.[PASSAGES_DATA] ?? '', sha256(JSON.stringify(entities.mentioned.get(d.name) ?? []))])),
  ]);
  const known = context.force ? undefined : await context.cache.unit(key);
  if (known) return { record: known, summary: { indexed: false } };

  const page = context.page ?? compileSearchPage(context.compile);
  const started = performance.now();
  const passagesOf = async (document: UnitRecord): Promise<DocumentPassages> => {
    const hash = document.data?.[PASSAGES_DATA];
    if (!hash) throw new TransformProblem(diagnostic('error', 'internal', `the passages of ${document.name} are missing from the build cache; build again with --force.`, { file: document.name }));
    return JSON.parse((await context.cache.read(hash)).toString('utf8')) as DocumentPassages;
  };
  // The index's language must be known before the first record; passages are read again below rather than all held at once.
  const languages: DocumentPassages[] = [];
  for (const document of documents) languages.push(languageOnly(await passagesOf(document)));
  const language = indexLanguage(languages);
  const labels = documentLabels(documents);
  let passages = 0;
  async function* batches(): AsyncIterable<SearchRecord[]> {
    for (const [position, document] of documents.entries()) {
      const read = await passagesOf(document);
      passages += read.passages.length;
      yield documentRecords({ name: document.name, title: document.title, entities: entities.mentioned.get(document.name) ?? [], passages: read }, position,
        { language, label: labels.get(document.name)! });
    }
  }
  let index: Awaited<ReturnType<typeof indexRecords>>;
  try {
    index = await indexRecords(batches());
  } catch (error) {
    if (!(error instanceof PagefindProblem)) throw error;
    throw new TransformProblem(diagnostic('error', SEARCH_RULE,
      `the search index could not be made: ${error.message}. Set "search": false in samizdat.config.json to publish without search.`, { file: SEARCH_PAGE }));
  }

  const seconds = (performance.now() - started) / 1000;

  const files = new Map<string, string | Uint8Array>([
    [SEARCH_PAGE, String(runStylesheet(await page, undefined, {
      params: { 'edition-title': context.editionTitle, 'entity-index': entities.index },
      initialTemplate: 'Q{urn:samizdat}search-page',
    }))],
    [`${SEARCH_FOLDER}/search.js`, script],
  ]);
  let bytes = 0;
  for (const [path, content] of index.files) {
    files.set(`${SEARCH_FOLDER}/pagefind/${path}`, content);
    bytes += content.length;
  }
  const record = await context.cache.store(key, { name: '', title: 'search', entities: { mentions: [], entries: [], relations: [] }, links: [], files });
  return { record, summary: { indexed: true, passages, records: index.records, files: index.files.size, bytes, seconds } };
}

/** A document's passages reduced to what choosing the index's language needs. */
function languageOnly(document: DocumentPassages): DocumentPassages {
  return { language: document.language, passages: document.passages.map((p) => ({ ...p, text: '', forms: [], contains: [], dates: [], heading: '' })) };
}

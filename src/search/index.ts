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
import { setImmediate as nextTurn } from 'node:timers/promises';
import { join } from 'node:path';
import { diagnostic } from '../diagnostics.js';
import {
  TransformProblem, XSLT_DIR, compileStylesheet, runStylesheet, stylesheetKey, type CompileOptions, type CompiledStylesheet,
} from '../transform/index.js';
import type { BuildCache, UnitRecord } from '../build/cache.js';
import { cacheKey } from '../build/cache.js';
import type { Entity } from './entities.js';
import { BATCHES_IN_FLIGHT, MAX_FRAGMENTS, PAGEFIND_RECORD_FORM, PagefindProblem, dropPreparedIndex, indexRecords, pagefindVersion, prepareIndex, whenAllSent } from './pagefind.js';
import { PASSAGES_DATA, type DocumentPassages } from './passages.js';
import {
  LANGUAGES_DATA, RECORDS_FORMAT, documentLabels, documentRecords, indexLanguage, languageCounts, type LanguageCounts, type SearchRecord,
} from './records.js';
import { assignShards, shardCount, type Shard, type ShardMember } from './shards.js';

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
  | {
    indexed: true; shards: number; made: number; passages: number; records: number; files: number; bytes: number; seconds: number;
    /** Documents of the shards made again whose records were made; the others' were read from the build cache. */
    recordsMade: number;
  };

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
  /** What the search's keys are made of, when the build started reading it earlier (see `searchKeys`). */
  keys?: Promise<SearchKeys>;
  /**
   * Called once the search needs the calling thread no more than to take
   * Pagefind's answers: every record of the shards made again is on its way
   * to Pagefind, or no shard is made again. When more shards are made again
   * than Pagefind processes run at once, called at once: the search is then
   * long, and the caller's other work is better done beside it than after.
   */
  recordsSent?: () => void;
  /**
   * Names of the documents this build rendered: the shards that hold them,
   * likely made again, are keyed and looked up first, and start indexing
   * before the other shards are keyed (~35 ms of keys on the bench corpus's
   * 16 shards, which Pagefind, the longest step after one change, then no
   * longer waits for).
   */
  rendered?: ReadonlySet<string>;
}

/** What every key of the search's units is made of besides the edition: the stylesheets', the script's and Pagefind's versions. */
export interface SearchKeys {
  recordsKey: string;
  pageKey: string;
  script: Buffer;
  pagefind: string;
}

/**
 * Reads what the search's keys are made of. A build starts it with its own
 * reading, so that the search, which waits on the documents' rendering,
 * does not then wait on the disk.
 */
export async function searchKeys(): Promise<SearchKeys> {
  const [recordsKey, pageKey, script, pagefind] = await Promise.all([
    stylesheetKey(RECORDS_STYLESHEET), stylesheetKey(SEARCH_PAGE_STYLESHEET), readFile(SEARCH_SCRIPT), pagefindVersion(),
  ]);
  return { recordsKey, pageKey, script, pagefind };
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

/** Fragment files each shard of an index of `count` shards may have: `MAX_FRAGMENTS` shared out. */
function shardFragments(count: number): number {
  return Math.ceil(MAX_FRAGMENTS / count);
}

/**
 * Starts Pagefind for the shard a build is likely to make again (an
 * edition of `documents` documents), while the changed document renders:
 * its process and an empty index are then ready when the records are
 * (pagefind.ts, `prepareIndex`). The build ends it with `searchDone`.
 */
export function prepareSearchIndex(documents: number, shardSize?: number): void {
  prepareIndex(shardFragments(shardCount(documents, shardSize)));
}

/** Stops Pagefind if `prepareSearchIndex` started it and no shard was made with it. */
export function searchDone(): Promise<void> {
  return dropPreparedIndex();
}

/** What the search learns of the edition's entities from the build's catalogue (src/entities). */
export interface SearchEntities {
  /** Per document name, the entities it mentions (`BuildReport.entities`), asked of the documents of the shards made again. */
  mentioned(documents: readonly string[]): ReadonlyMap<string, readonly Entity[]>;
  /** A digest of what `mentioned` gives for a document, part of its shard's key (worked out without reading its mentions). */
  digest(document: string): string;
  /** Whether the edition has an entity index to send readers to. */
  index: boolean;
}

/** What every shard of the index must agree on: decided once for the edition, part of the key of each shard. */
interface EditionTerms {
  /** The language whose rules the index follows (`indexLanguage`). */
  language: string;
  /** Each document's label in the document filter, by name. */
  labels: ReadonlyMap<string, string>;
  /** Whether records repeat their sort keys in their metadata, for the search page to merge the shards' orders. */
  sortMeta: boolean;
  /** Fragment files a shard may have. */
  maxFragments: number;
}

/** What the build reads of each document's passages in its cache. */
interface PassagesReader {
  passages(document: UnitRecord): Promise<DocumentPassages>;
  languages(document: UnitRecord): Promise<LanguageCounts>;
}

/** What making one shard again gave: its figures, for the summary. */
interface ShardFigures { passages: number; records: number; files: number; bytes: number; recordsMade: number }

/**
 * Makes (or takes from the cache) the search page and the index of
 * `documents`, in the order the edition lists them: one unit per shard of
 * the index (shards.ts), one for the page and its script.
 */
export async function searchUnit(
  documents: readonly UnitRecord[],
  entities: SearchEntities,
  context: SearchContext,
): Promise<{ records: UnitRecord[]; summary: SearchSummary }> {
  const { recordsKey, pageKey, script, pagefind } = await (context.keys ?? searchKeys());
  const reader = passagesReader(context.cache);
  const count = shardCount(documents.length, context.shardSize);
  const terms: EditionTerms = {
    language: indexLanguage(await Promise.all(documents.map((d) => reader.languages(d)))),
    labels: documentLabels(documents),
    sortMeta: count > 1,
    maxFragments: shardFragments(count),
  };
  const shards = assignShards(documents, count);
  const made: ShardFigures = { passages: 0, records: 0, files: 0, bytes: 0, recordsMade: 0 };
  // Date, not performance: `performance` is loaded on first use, ~8 ms here, after the changed page has rendered.
  const started = Date.now();
  const keyOf = (shard: Shard<UnitRecord>): string => cacheKey([
    context.format, 'search-shard', RECORDS_FORMAT, PAGEFIND_RECORD_FORM, pagefind, recordsKey, `${SEARCH_FOLDER}/${shard.folder}`, terms.language, String(terms.sortMeta), String(terms.maxFragments),
    ...shard.members.map(({ document, position }) => JSON.stringify([
      document.name, terms.labels.get(document.name), position, document.data?.[PASSAGES_DATA] ?? '', entities.digest(document.name),
    ])),
  ]);
  const keys: string[] = new Array(shards.length);
  const known: (UnitRecord | undefined)[] = new Array(shards.length);
  const sending = whenAllSent(() => context.recordsSent?.());
  const shardRecord = async (shard: Shard<UnitRecord>, i: number, sent: () => void): Promise<UnitRecord> => {
    const folder = `${SEARCH_FOLDER}/${shard.folder}`;
    const recordsCache = new DocumentRecordsCache(context, recordsKey, terms);
    const { files, figures } = await indexShard(shard.members, terms, entities, reader, recordsCache, sent);
    for (const figure of ['passages', 'records', 'files', 'bytes', 'recordsMade'] as const) made[figure] += figures[figure];
    const prefixed = new Map([...files].map(([path, content]) => [`${folder}/${path}`, content]));
    const parts = await recordsCache.units();
    return context.cache.store(keys[i], {
      name: '', title: `search index (${folder})`, entities: NO_ENTITIES, links: [], files: prefixed,
      parts: parts.map((part) => part.key), storedData: Object.fromEntries(parts.map((part) => [`${RECORDS_DATA}/${part.key}`, part.data![RECORDS_DATA]])),
    });
  };
  // Side by side: each shard made again waits in indexRecords for a Pagefind process of its own (pagefind.ts).
  const making: Promise<UnitRecord>[] = new Array(shards.length);
  const lookUp = async (indexes: readonly number[], yielding = false): Promise<void> => {
    for (const i of indexes) {
      // With shards under way, a turn of the event loop before each key: they go on reading and sending their records.
      if (yielding) await nextTurn();
      keys[i] = keyOf(shards[i]);
    }
    await Promise.all(indexes.map(async (i) => { known[i] = context.force ? undefined : await context.cache.unit(keys[i]); }));
    for (const i of indexes) {
      if (known[i] !== undefined) continue;
      making[i] = shardRecord(shards[i], i, sending.one());
      making[i].catch(() => undefined);
    }
  };
  // The shards of the documents rendered first: the one a change made again starts at once, the others are keyed beside it.
  const rendered = context.rendered ?? new Set<string>();
  const holds = shards.map((shard) => shard.members.some(({ document }) => rendered.has(document.name)));
  const first = [...shards.keys()].filter((i) => holds[i]);
  const rest = [...shards.keys()].filter((i) => !holds[i]);
  // Every shard is settled before a failure is reported, so that none is still writing to the cache after.
  const looked = await Promise.allSettled([lookUp(first).then(() => lookUp(rest, making.some((m) => m !== undefined)))]);
  sending.all();
  const settled = await Promise.allSettled(shards.map((_, i) => making[i] ?? Promise.resolve(known[i]!)));
  const failure = [...looked, ...settled].find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failure) throw failure.reason;
  const remade = known.filter((record) => record === undefined).length;
  const records = settled.map((result) => (result as PromiseFulfilledResult<UnitRecord>).value);
  const seconds = (Date.now() - started) / 1000;
  const page = await searchPage(shards.map((shard) => `${shard.folder}/`), entities, context, { pageKey, script });
  const summary: SearchSummary = remade === 0
    ? { indexed: false, shards: shards.length }
    : { indexed: true, shards: shards.length, made: remade, ...made, seconds };
  return { records: [page, ...records], summary };
}

const NO_ENTITIES = { mentions: [], entries: [], relations: [] };

/** Reads documents' passages (and their count per language, kept beside them; counted from the passages for a unit cached without it). */
function passagesReader(cache: BuildCache): PassagesReader {
  const passages = async (document: UnitRecord): Promise<DocumentPassages> => {
    const hash = document.data?.[PASSAGES_DATA];
    if (!hash) throw new TransformProblem(diagnostic('error', 'internal', `the passages of ${document.name} are missing from the build cache; build again with --force.`, { file: document.name }));
    return JSON.parse((await cache.read(hash)).toString('utf8')) as DocumentPassages;
  };
  return {
    passages,
    languages: async (document) => {
      const counts = document.facts?.[LANGUAGES_DATA];
      return counts ? JSON.parse(counts) as LanguageCounts : languageCounts(await passages(document));
    },
  };
}

/** Name of a document's search records among the data of their unit (a JSON array of `SearchRecord`). */
const RECORDS_DATA = 'search-records.json';
/** Name of the count of a document's passages among the facts of its records' unit (for the summary). */
const PASSAGE_COUNT = 'passages';

/**
 * Each document's search records, kept in the build cache as a unit of
 * their own, a part of its shard's unit: after one document changed, its
 * shard is indexed again, and the records of the shard's other documents
 * (about 130 ms of making, from their passages and mentions) are read
 * instead. Their key is everything `documentRecords` is given.
 */
class DocumentRecordsCache {
  private readonly kept: Promise<UnitRecord>[] = [];

  constructor(private readonly context: SearchContext, private readonly recordsKey: string, private readonly terms: EditionTerms) {}

  key(document: UnitRecord, position: number, digest: string): string {
    return cacheKey([
      this.context.format, 'search-records', RECORDS_FORMAT, this.recordsKey, document.name, document.title, this.terms.labels.get(document.name) ?? '', String(position),
      this.terms.language, String(this.terms.sortMeta), document.data?.[PASSAGES_DATA] ?? '', digest,
    ]);
  }

  /** The unit of the records kept under `key`, if the cache has them (their records are read by `records`, when their turn comes). */
  async recall(key: string): Promise<UnitRecord | undefined> {
    if (this.context.force) return undefined;
    const known = await this.context.cache.unit(key);
    if (!known || known.data?.[RECORDS_DATA] === undefined || known.facts?.[PASSAGE_COUNT] === undefined) return undefined;
    this.kept.push(Promise.resolve(known));
    return known;
  }

  /** The records a unit `recall` found holds, and their document's count of passages. */
  async records(unit: UnitRecord): Promise<{ records: SearchRecord[]; passages: number }> {
    const text = (await this.context.cache.read(unit.data![RECORDS_DATA])).toString('utf8');
    return { records: JSON.parse(text) as SearchRecord[], passages: Number(unit.facts![PASSAGE_COUNT]) };
  }

  /** Keeps a document's records under `key` (written while the index is made; `units` waits for it). */
  remember(key: string, document: UnitRecord, records: readonly SearchRecord[], passages: number): void {
    const storing = this.context.cache.store(key, {
      name: document.name, title: '', entities: NO_ENTITIES, links: [], files: new Map(),
      data: new Map([[RECORDS_DATA, JSON.stringify(records)]]), facts: { [PASSAGE_COUNT]: String(passages) },
    });
    storing.catch(() => undefined);
    this.kept.push(storing);
  }

  /** The units of the records read or kept, in the shard's order. */
  units(): Promise<UnitRecord[]> {
    return Promise.all(this.kept);
  }
}

/** The Pagefind bundle of one shard's documents (files by path within it), and what it holds. */
async function indexShard(
  members: readonly ShardMember<UnitRecord>[],
  terms: EditionTerms,
  entities: SearchEntities,
  reader: PassagesReader,
  recordsCache: DocumentRecordsCache,
  sent: () => void,
): Promise<{ files: Map<string, Uint8Array>; figures: ShardFigures }> {
  let passages = 0;
  // Only the documents whose records are not in the cache need their mentions read (known: their units, small records).
  const keys = members.map(({ document, position }) => recordsCache.key(document, position, entities.digest(document.name)));
  const known = await Promise.all(keys.map((key) => recordsCache.recall(key)));
  const mentioned = entities.mentioned(members.filter((_, i) => known[i] === undefined).map(({ document }) => document.name));
  // The kept records of the next few documents are read while Pagefind takes those before (as many as it may have
  // in flight): read in turn, each read waited for a round trip through the disk between two documents. A shard's
  // records are still not all held at once.
  const reads = new Map<number, Promise<{ records: SearchRecord[]; passages: number }>>();
  const readAhead = (from: number): void => {
    for (let j = from; j < Math.min(members.length, from + BATCHES_IN_FLIGHT); j++) {
      if (known[j] === undefined || reads.has(j)) continue;
      const reading = recordsCache.records(known[j]!);
      // Awaited in its turn; a read left behind by a failed index must not be an unhandled rejection.
      reading.catch(() => undefined);
      reads.set(j, reading);
    }
  };
  async function* batches(): AsyncIterable<SearchRecord[]> {
    for (const [i, { document, position }] of members.entries()) {
      readAhead(i);
      const recalled = known[i] && await reads.get(i);
      reads.delete(i);
      if (recalled) {
        passages += recalled.passages;
        yield recalled.records;
        continue;
      }
      const read = await reader.passages(document);
      passages += read.passages.length;
      const records = documentRecords({ name: document.name, title: document.title, entities: mentioned.get(document.name) ?? [], passages: read }, position,
        { language: terms.language, label: terms.labels.get(document.name)!, sortMeta: terms.sortMeta });
      recordsCache.remember(keys[i], document, records, read.passages.length);
      yield records;
    }
  }
  try {
    const index = await indexRecords(batches(), terms.maxFragments, sent);
    let bytes = 0;
    for (const content of index.files.values()) bytes += content.length;
    return { files: index.files, figures: { passages, records: index.records, files: index.files.size, bytes, recordsMade: known.filter((k) => k === undefined).length } };
  } catch (error) {
    if (!(error instanceof PagefindProblem)) throw error;
    throw new TransformProblem(diagnostic('error', SEARCH_RULE,
      `the search index could not be made: ${error.message}. Set "search": false in samizdat.config.json to publish without search.`, { file: SEARCH_PAGE }));
  }
}

/** The search page and its script (made, or taken from the cache), the page listing the `bundles` its script loads: the first, then the others to merge with it. */
async function searchPage(
  bundles: readonly string[],
  entities: SearchEntities,
  context: SearchContext,
  keys: { pageKey: string; script: Buffer },
): Promise<UnitRecord> {
  const key = cacheKey([context.format, 'search-page', keys.pageKey, keys.script, context.editionTitle, String(entities.index), ...bundles]);
  const known = context.force ? undefined : await context.cache.unit(key);
  if (known) return known;
  const html = String(runStylesheet(await (context.page ?? compileSearchPage(context.compile)), undefined, {
    params: { 'edition-title': context.editionTitle, 'entity-index': entities.index, bundles },
    initialTemplate: 'Q{urn:samizdat}search-page',
  }));
  return context.cache.store(key, {
    name: '', title: 'search', entities: NO_ENTITIES, links: [],
    files: new Map<string, string | Uint8Array>([[SEARCH_PAGE, html], [`${SEARCH_FOLDER}/search.js`, keys.script]]),
  });
}

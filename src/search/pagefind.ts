/**
 * Pagefind, the static search engine, through its Node API: records in, the
 * index's files out, in memory (the build publishes them through its output
 * map like every other file). Pagefind runs as a child process (its binary
 * comes with the `pagefind` package, for this platform); it is started for
 * one index and stopped after it. One process makes one index at a time, on
 * one core mostly (it takes records one message after another), so an
 * index of several shards is made by as many processes as there are cores,
 * up to PAGEFIND_PROCESSES, one shard each at a time.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SearchRecord } from './records.js';

type PagefindApi = typeof import('pagefind');
type PagefindIndex = import('pagefind').PagefindIndex;

/** Pagefind processes at work at once, at most. */
export const PAGEFIND_PROCESSES = Math.max(1, Math.min(2, availableParallelism()));

/** The pagefind package as installed: its folder and manifest. */
interface PagefindPackage {
  folder: string;
  manifest: { version: string; exports: { '.': { import: string } } };
}

/**
 * The pagefind package, found where Node finds packages for this module.
 * Its manifest is read, not resolved: the package exports its module for
 * `import` only, and `import.meta.resolve` is missing where a test runner
 * loads this module as CommonJS.
 */
async function pagefindPackage(): Promise<PagefindPackage | undefined> {
  for (const folder of createRequire(import.meta.url).resolve.paths('pagefind') ?? []) {
    const manifest = await readFile(join(folder, 'pagefind', 'package.json'), 'utf8').catch(() => undefined);
    if (manifest !== undefined) return { folder: join(folder, 'pagefind'), manifest: JSON.parse(manifest) as PagefindPackage['manifest'] };
  }
  return undefined;
}

/** Pagefind's version (part of the search unit's cache key), or 'missing' when it is not installed. */
export async function pagefindVersion(): Promise<string> {
  return (await pagefindPackage().catch(() => undefined))?.manifest.version ?? 'missing';
}

/** Pagefind's own interfaces (its default, modular and component UIs, its highlight script): samizdat's search page does not use them. */
const UNUSED = /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/;

/**
 * At most this many fragment files in an edition (one per record until
 * then, bundled beyond; shared out among the index's shards): an edition of
 * 100,000 paragraphs publishes a few thousand files, not 100,000, and a
 * result's fragment stays a small download.
 */
export const MAX_FRAGMENTS = 5000;

/** Records added to Pagefind at once (each is a message to its process). */
const BATCH = 256;

/**
 * Batches sent to Pagefind and not yet answered, at most. A shard's records
 * come a document at a time (a dozen records, often), so a batch is often a
 * document's: with two in flight, Pagefind waited, after each, for its
 * answers to reach this thread and the next document's to come back, and
 * took a shard's records in ~0.23 s where it takes them in ~0.14 s when they
 * come without a pause. Batches are still sent, and taken, in order; this
 * many documents' records are held at once.
 */
export const BATCHES_IN_FLIGHT = 8;

export class PagefindProblem extends Error {}

/**
 * How a record reaches Pagefind, part of the search shards' cache keys: a
 * samizdat that gives Pagefind its records otherwise does not take an
 * earlier one's bundles (2: what a record carries for the search page in its
 * address, not its metadata; `pagefindRecord`).
 */
export const PAGEFIND_RECORD_FORM = 'address-carries-meta-2';

/**
 * A name or value of an address's query, as `URLSearchParams` reads it, its
 * colons left as they are (a query may hold them): a record's spans are
 * colon-separated, and a fragment file holds every record's address.
 */
function queryPart(text: string): string {
  return encodeURIComponent(text).replace(/%3A/g, ':').replace(/%20/g, '+');
}

/**
 * A record as Pagefind is given it, its address none of `taken` (which it
 * joins). Pagefind indexes every metadata value
 * as words of its record (its metadata search), and a record's metadata here
 * are no words of the text but where its passages are, their heading and
 * its sort keys (`documentRecords`): a word such as "0para117" for each
 * record, a third more words in the index (its chunks, which readers load,
 * 37% larger on a shard of the bench's edition) and about a third of
 * Pagefind's work. They travel in the record's address instead, as its
 * query, which Pagefind keeps and does not index; the search page reads them
 * there (search.js, `recordAbout`) and leaves them out of its links.
 */
export function pagefindRecord({ meta, ...record }: SearchRecord, taken: Set<string> = new Set()): Omit<SearchRecord, 'meta'> {
  const hash = record.url.indexOf('#');
  const address = hash < 0 ? record.url : record.url.slice(0, hash);
  const fragment = hash < 0 ? '' : record.url.slice(hash);
  const query = Object.entries(meta).map(([name, value]) => `${queryPart(name)}=${queryPart(value)}`);
  const url = (parts: readonly string[]): string => `${address}${parts.length > 0 ? `?${parts.join('&')}` : ''}${fragment}`;
  let unique = url(query);
  // Pagefind keeps one record per address, the last: a division's heading and the verse after it, both at the
  // division's id, were one record, the heading's words lost from the search.
  for (let n = 2; taken.has(unique); n++) unique = url([...query, `record=${n}`]);
  taken.add(unique);
  return { ...record, url: unique };
}

/**
 * Pagefind's module for process `slot`. The module keeps its one process
 * in a variable of its own, so each slot is an instance of the module of
 * its own: Node loads a file URL that differs by its query as another
 * module.
 */
async function pagefindModule(slot: number): Promise<PagefindApi> {
  const found = await pagefindPackage();
  if (found === undefined) throw new Error('the pagefind package is not installed');
  const entry = pathToFileURL(join(found.folder, found.manifest.exports['.'].import));
  entry.search = `process=${slot}`;
  return import(entry.href) as Promise<PagefindApi>;
}

/** The slots whose process is free, and the indexes waiting for one. */
const idle = Array.from({ length: PAGEFIND_PROCESSES }, (_, slot) => PAGEFIND_PROCESSES - 1 - slot);
const waiting: ((slot: number) => void)[] = [];

function release(slot: number): void {
  const next = waiting.shift();
  if (next) next(slot);
  else idle.push(slot);
}

async function withProcess<T>(work: (slot: number) => Promise<T>): Promise<T> {
  const slot = idle.pop() ?? await new Promise<number>((turn) => waiting.push(turn));
  try {
    return await work(slot);
  } finally {
    release(slot);
  }
}

/** A Pagefind process with an empty index in it, or why there is none (with the module to close, when it was loaded). */
interface Started {
  pagefind?: PagefindApi;
  index?: PagefindIndex;
  problem?: PagefindProblem;
}

/** Starts Pagefind's process for `slot` and has it make an empty index. */
async function startIndex(slot: number, maxFragments: number): Promise<Started> {
  let pagefind: PagefindApi;
  try {
    pagefind = await pagefindModule(slot);
  } catch (error) {
    return { problem: new PagefindProblem(`Pagefind could not be loaded (${(error as Error).message}); reinstall samizdat's dependencies`) };
  }
  try {
    const created = await pagefind.createIndex({ maxFragments }).catch((error: Error) => ({ errors: [error.message], index: undefined }));
    if (!created.index) return { pagefind, problem: new PagefindProblem(`Pagefind did not start: ${created.errors.join('; ') || 'no reason given'}`) };
    return { pagefind, index: created.index };
  } catch (error) {
    return { pagefind, problem: new PagefindProblem(`Pagefind failed: ${(error as Error).message.split('\n')[0]}`) };
  }
}

/** The index `prepareIndex` started ahead, until `indexRecords` takes it or `dropPreparedIndex` stops it. */
let prepared: { slot: number; maxFragments: number; started: Promise<Started> } | undefined;

/**
 * Starts a Pagefind process and an empty index of at most `maxFragments`
 * fragment files in it, for the next `indexRecords` with that limit to
 * take: a build after one change calls it while the changed document
 * renders, so that Pagefind is ready when its records are. (Nothing of the
 * shard can be sent ahead: Pagefind numbers records in the order they are
 * added, and its files depend on that order, so the changed document's
 * records must come in their place, first when it is the shard's first.)
 * Nothing is started when a process is already prepared or none is free.
 * Whoever prepares must `dropPreparedIndex` once the index is made or not needed.
 */
export function prepareIndex(maxFragments: number): void {
  if (prepared || idle.length === 0) return;
  const slot = idle.pop()!;
  const started = startIndex(slot, maxFragments);
  prepared = { slot, maxFragments, started };
}

/** The fragment limit of the index `prepareIndex` started, while no `indexRecords` has taken it. */
export function preparedIndex(): number | undefined {
  return prepared?.maxFragments;
}

/** Stops the index `prepareIndex` started when no `indexRecords` took it, and frees its process's slot. */
export async function dropPreparedIndex(): Promise<void> {
  const dropped = prepared;
  prepared = undefined;
  if (!dropped) return;
  try {
    await (await dropped.started).pagefind?.close().catch(() => undefined);
  } finally {
    release(dropped.slot);
  }
}

/**
 * Indexes the records `source` yields, batch by batch, in at most
 * `maxFragments` fragment files, and returns the index's files by path
 * within the bundle folder; `sent` is called once, when the last record
 * is on its way to Pagefind (or the index failed before). Fails with a
 * `PagefindProblem` saying what Pagefind said. Called again before an
 * index is made, it makes the next one in another process, if one is free.
 */
export function indexRecords(source: AsyncIterable<SearchRecord[]>, maxFragments: number = MAX_FRAGMENTS, sent: () => void = () => {}): Promise<{ files: Map<string, Uint8Array>; records: number }> {
  let told = false;
  const tell = (): void => {
    if (!told) sent();
    told = true;
  };
  const ahead = prepared?.maxFragments === maxFragments ? prepared : undefined;
  if (ahead) {
    prepared = undefined;
    return indexNow(source, tell, ahead.started).finally(() => { release(ahead.slot); tell(); });
  }
  return withProcess((slot) => indexNow(source, tell, startIndex(slot, maxFragments))).finally(tell);
}

/**
 * Tells a caller when the indexes it starts have sent their records: `one()`
 * gives the `sent` of each `indexRecords` as it is called, and `all()` says
 * that no more will be. `done` is called once: when the last of them has
 * sent its records, or at once (on `all()`) when there is none, or more
 * than PAGEFIND_PROCESSES (some then wait for a process: the caller's other
 * work is better done beside them than after). Indexes may start before
 * their number is known: a build starts the shard it changed before it has
 * looked at the others.
 */
export function whenAllSent(done: () => void): { one: () => () => void; all: () => void } {
  let started = 0;
  let sending = 0;
  let counted = false;
  let told = false;
  const tell = (): void => {
    if (!told) done();
    told = true;
  };
  return {
    one: () => {
      started += 1;
      sending += 1;
      let sent = false;
      return () => {
        if (sent) return;
        sent = true;
        sending -= 1;
        if (counted && sending === 0) tell();
      };
    },
    all: () => {
      counted = true;
      if (started === 0 || started > PAGEFIND_PROCESSES || sending === 0) tell();
    },
  };
}

/**
 * Gives the records of `source` to `add` in their order, in batches of at
 * most BATCH, with up to `inFlight` batches given and not yet answered at
 * once; calls `drained` once the source is drained, then waits for every
 * answer. Fails with the first failure it meets (of the source, or of an
 * answer), as soon as it meets it.
 */
export async function addInOrder<T>(
  source: AsyncIterable<readonly T[]>,
  add: (batch: readonly T[]) => Promise<void>,
  drained: () => void,
  inFlight: number = BATCHES_IN_FLIGHT,
): Promise<void> {
  const unanswered: Promise<void>[] = [];
  for await (const batch of source) {
    for (let i = 0; i < batch.length; i += BATCH) {
      const adding = add(batch.slice(i, i + BATCH));
      // Awaited in its turn: one that fails while the source is read, or is left behind by another failure, is no unhandled rejection.
      adding.catch(() => undefined);
      unanswered.push(adding);
      if (unanswered.length >= inFlight) await unanswered.shift();
    }
  }
  drained();
  await Promise.all(unanswered);
}

async function indexNow(source: AsyncIterable<SearchRecord[]>, sent: () => void, starting: Promise<Started>): Promise<{ files: Map<string, Uint8Array>; records: number }> {
  const { pagefind, index, problem } = await starting;
  try {
    if (!index) throw problem ?? new PagefindProblem('Pagefind did not start: no reason given');
    let records = 0;
    const addresses = new Set<string>();
    const add = async (batch: readonly SearchRecord[]): Promise<void> => {
      const answers = await Promise.all(batch.map((record) => index.addCustomRecord(pagefindRecord(record, addresses))));
      const failed = answers.findIndex((answer) => answer.errors.length > 0);
      if (failed >= 0) throw new PagefindProblem(`Pagefind refused the record for ${batch[failed].url}: ${answers[failed].errors.join('; ')}`);
      records += answers.length;
    };
    // Pagefind indexes the batches in flight while the next are made here.
    await addInOrder(source, add, sent);
    const written = await index.getFiles();
    if (written.errors.length > 0) throw new PagefindProblem(`Pagefind could not write the index: ${written.errors.join('; ')}`);
    const files = new Map<string, Uint8Array>();
    for (const file of [...written.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
      if (!UNUSED.test(file.path)) files.set(file.path.replace(/\\/g, '/'), file.content);
    }
    return { files, records };
  } catch (error) {
    // Pagefind's service rejects a message it cannot read instead of answering with errors.
    throw error instanceof PagefindProblem ? error : new PagefindProblem(`Pagefind failed: ${(error as Error).message.split('\n')[0]}`);
  } finally {
    await pagefind?.close().catch(() => undefined);
  }
}

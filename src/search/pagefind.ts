/**
 * Pagefind, the static search engine, through its Node API: records in, the
 * index's files out, in memory (the build publishes them through its output
 * map like every other file). Pagefind runs as a child process (its binary
 * comes with the `pagefind` package, for this platform); it is started for
 * one index and stopped after it, and indexes are made one at a time, since
 * the process is shared by everything in this Node process.
 */
import { readFile } from 'node:fs/promises';
import type { SearchRecord } from './records.js';

/** Pagefind's version (part of the search unit's cache key), or 'missing' when it is not installed. */
export async function pagefindVersion(): Promise<string> {
  try {
    const manifest = new URL('../package.json', import.meta.resolve('pagefind'));
    return (JSON.parse(await readFile(manifest, 'utf8')) as { version: string }).version;
  } catch {
    return 'missing';
  }
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

export class PagefindProblem extends Error {}

let turn: Promise<unknown> = Promise.resolve();

/**
 * Indexes the records `source` yields, batch by batch, in at most
 * `maxFragments` fragment files, and returns the index's files by path
 * within the bundle folder. Fails with a
 * `PagefindProblem` saying what Pagefind said.
 */
export function indexRecords(source: AsyncIterable<SearchRecord[]>, maxFragments: number = MAX_FRAGMENTS): Promise<{ files: Map<string, Uint8Array>; records: number }> {
  const run = turn.then(() => indexNow(source, maxFragments));
  turn = run.catch(() => undefined);
  return run;
}

async function indexNow(source: AsyncIterable<SearchRecord[]>, maxFragments: number): Promise<{ files: Map<string, Uint8Array>; records: number }> {
  let pagefind: typeof import('pagefind');
  try {
    pagefind = await import('pagefind');
  } catch (error) {
    throw new PagefindProblem(`Pagefind could not be loaded (${(error as Error).message}); reinstall samizdat's dependencies`);
  }
  try {
    const created = await pagefind.createIndex({ maxFragments }).catch((error: Error) => ({ errors: [error.message], index: undefined }));
    if (!created.index) throw new PagefindProblem(`Pagefind did not start: ${created.errors.join('; ') || 'no reason given'}`);
    const index = created.index;
    let records = 0;
    const add = async (batch: readonly SearchRecord[]): Promise<void> => {
      const answers = await Promise.all(batch.map((record) => index.addCustomRecord(record)));
      const failed = answers.findIndex((answer) => answer.errors.length > 0);
      if (failed >= 0) throw new PagefindProblem(`Pagefind refused the record for ${batch[failed].url}: ${answers[failed].errors.join('; ')}`);
      records += answers.length;
    };
    // Two batches in flight: Pagefind indexes one while the next is made here (records are sent, and taken, in order).
    let previous: Promise<void> = Promise.resolve();
    for await (const batch of source) {
      for (let i = 0; i < batch.length; i += BATCH) {
        const adding = add(batch.slice(i, i + BATCH));
        adding.catch(() => undefined);
        await previous;
        previous = adding;
      }
    }
    await previous;
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
    await pagefind.close().catch(() => undefined);
  }
}

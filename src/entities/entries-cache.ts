/**
 * The entries JSON of each document `scanEdition` read, kept between runs:
 * reading them runs the page stylesheet over every document (about 19 s on
 * the 1,001-document bench corpus), and `validate --verbose` asks again on
 * every run though few documents change in between.
 *
 * One file holds every document's result, filed under the document's path
 * with a digest of all the result depends on: the stylesheet (its content
 * key), the document's path and text, its `registers` parameter and the
 * reading limits. The stylesheet reads no other file (no doc()), so a
 * result whose digest matches is the one the stylesheet would give now.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { writeAtomically } from '../write-atomically.js';
import type { ReadingLimits } from '../xml/index.js';

/** Bumped when the file's form changes: an older file is then ignored. */
const FORMAT = 'samizdat-entries-1';

interface Kept {
  format: string;
  /** Per document path: the digest of what its result was made from, and the result. */
  documents: Record<string, { digest: string; json: string }>;
}

export interface EntriesCache {
  /** The kept result of this job, if its digest still matches. */
  find(file: string, digest: string): string | undefined;
  /** Keeps a fresh result (written by `save`). */
  keep(file: string, digest: string, json: string): void;
  /** Writes the file if anything was kept since it was read. */
  save(): Promise<void>;
}

/** What a document's entries are made from, as one sha256. */
export function entriesDigest(stylesheetKey: string, file: string, registers: string, limits: ReadingLimits, text: string): string {
  return createHash('sha256')
    .update(`${stylesheetKey}\n${file}\n${registers}\n${JSON.stringify(limits)}\n${text.length}\n`)
    .update(text)
    .digest('hex');
}

/** The cache kept at `path`; a missing or unreadable file is an empty cache (it is only ever a shortcut). */
export async function openEntriesCache(path: string): Promise<EntriesCache> {
  let kept: Kept = { format: FORMAT, documents: {} };
  try {
    const read = JSON.parse(await readFile(path, 'utf8')) as Kept;
    if (read?.format === FORMAT && typeof read.documents === 'object' && read.documents !== null) kept = read;
  } catch {
    // Missing or damaged: every document is read afresh and the file written again.
  }
  const documents = new Map(Object.entries(kept.documents));
  let changed = false;
  return {
    find(file, digest) {
      const found = documents.get(file);
      return found?.digest === digest && typeof found.json === 'string' ? found.json : undefined;
    },
    keep(file, digest, json) {
      documents.set(file, { digest, json });
      changed = true;
    },
    async save() {
      if (!changed) return;
      // Sorted, so that the file is the same whatever order the results came in.
      const sorted = Object.fromEntries([...documents].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
      await writeAtomically(path, JSON.stringify({ format: FORMAT, documents: sorted } satisfies Kept));
      changed = false;
    },
  };
}

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
 *
 * Documents are named by their path from the file's folder, as the build
 * cache and the verdicts name them: a project moved or copied with its
 * cache keeps its results; a document whose result may change with where
 * it lies (src/place.ts), or any under a stylesheet that may read it, by
 * its absolute path.
 */
import { createHash } from 'node:crypto';
import { access, readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { placeFrom, placeReach, seesPlace } from '../place.js';
import { writeAtomically } from '../write-atomically.js';
import type { ReadingLimits } from '../xml/index.js';

/** Bumped when the file's form changes: an older file is then ignored. */
const FORMAT = 'samizdat-entries-2';

/** A kept result: the digest of what it was made from, how far its document's references reach (`placeReach`), and the result. */
interface KeptResult { digest: string; reach: number; json: string }

interface Kept {
  format: string;
  /** Per document name (`EntriesCache.look`). */
  documents: Record<string, KeptResult>;
}

/** What every result in one cache is made with. */
export interface EntriesSetting {
  /** The stylesheet's content key. */
  stylesheetKey: string;
  /** Whether the stylesheet may read where a document lies (build/location.ts `stylesheetSeesPlace`). */
  stylesheetSeesPlace: boolean;
  limits: ReadingLimits;
}

/** A document as the cache names it, and its kept result when there is one. */
export interface Looked { name: string; digest: string; reach: number; json?: string }

export interface EntriesCache {
  /** The document at `file` (read as `text`, with this `registers` parameter): its name, digest and kept result. */
  look(file: string, text: string, registers: string): Looked;
  /** Keeps a fresh result of a document `look` named (written by `save`). */
  keep(looked: Looked, json: string): void;
  /**
   * Writes the file if anything was kept since it was read, without the
   * results of documents that no longer exist (a run over part of the
   * project keeps the others').
   */
  save(): Promise<void>;
}

/** What a document's entries are made from, as one sha256. */
function entriesDigest(stylesheetKey: string, name: string, registers: string, limits: ReadingLimits, text: string): string {
  return createHash('sha256')
    .update(`${stylesheetKey}\n${name}\n${registers}\n${JSON.stringify(limits)}\n${text.length}\n`)
    .update(text)
    .digest('hex');
}

/** The cache kept at `path` for results made with `setting`; a missing or unreadable file is an empty cache (it is only ever a shortcut). */
export async function openEntriesCache(path: string, setting: EntriesSetting): Promise<EntriesCache> {
  let kept: Kept = { format: FORMAT, documents: {} };
  try {
    const read = JSON.parse(await readFile(path, 'utf8')) as Kept;
    if (read?.format === FORMAT && typeof read.documents === 'object' && read.documents !== null) kept = read;
  } catch {
    // Missing or damaged: every document is read afresh and the file written again.
  }
  const documents = new Map(Object.entries(kept.documents));
  const folder = dirname(resolve(path));
  let changed = false;
  const digestOf = (name: string, registers: string, text: string): string => entriesDigest(setting.stylesheetKey, name, registers, setting.limits, text);
  const keptAs = (name: string, digest: string): KeptResult | undefined => {
    const found = documents.get(name);
    return found?.digest === digest && typeof found.json === 'string' && typeof found.reach === 'number' ? found : undefined;
  };
  return {
    look(file, text, registers) {
      const place = placeFrom(folder, file);
      let placeDigest: string | undefined;
      if (!setting.stylesheetSeesPlace) {
        // A result kept under the document's place was made from this text, whose reach it keeps: no need to read the text for it again.
        placeDigest = digestOf(place, registers, text);
        const found = keptAs(place, placeDigest);
        if (found && !seesPlace(file, found.reach)) return { name: place, digest: placeDigest, reach: found.reach, json: found.json };
      }
      const reach = placeReach(text);
      const moves = !setting.stylesheetSeesPlace && !seesPlace(file, reach);
      const name = moves ? place : resolve(file);
      const digest = moves && placeDigest !== undefined ? placeDigest : digestOf(name, registers, text);
      return { name, digest, reach, json: keptAs(name, digest)?.json };
    },
    keep({ name, digest, reach }, json) {
      documents.set(name, { digest, reach, json });
      changed = true;
    },
    async save() {
      if (!changed) return;
      // resolve() leaves an absolute name as it is.
      const gone = await Promise.all([...documents.keys()].map((name) => access(resolve(folder, name)).then(() => false, () => true)));
      [...documents.keys()].forEach((name, i) => { if (gone[i]) documents.delete(name); });
      // Sorted, so that the file is the same whatever order the results came in.
      const sorted = Object.fromEntries([...documents].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
      await writeAtomically(path, JSON.stringify({ format: FORMAT, documents: sorted } satisfies Kept));
      changed = false;
    },
  };
}

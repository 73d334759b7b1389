/**
 * The build cache: what each unit of the edition (a document, the
 * edition-wide pages) rendered to, kept under a key made of everything the
 * rendering depends on. Output files are stored once by content hash
 * (`blobs/<sha256>`), units as small JSON records (`units/<key>.json`) that
 * name their files' hashes, so a rebuild learns what a document produces
 * without reading its pages, and writing the edition is copying blobs.
 *
 * A document's mentions (the largest part of its entity data, tens of
 * kilobytes for a chapter) are kept in a blob of their own, not in its
 * record: a build reads every record, and needs the mentions only of the
 * documents whose search shard or entity index it makes again.
 *
 * One cache per output folder: pruning after a build then only drops what
 * that edition no longer uses. The output folder's lock (output.ts) keeps two
 * builds of the same output (say `watch` and a build by hand) from pruning
 * under each other.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import pMap from 'p-map';
import { placeFrom } from '../place.js';
import { writeAtomically, writeAtomicallySync } from '../write-atomically.js';
import type { EntityData, Mention } from '../entities/index.js';

export const DEFAULT_BUILD_CACHE_DIR = join('.samizdat', 'cache', 'build');

/** How a cache folder is named from its output folder (see the constructor of `BuildCache`). */
const CACHE_NAMING = 'samizdat-build-cache-folder-2';

/** What a unit produced: enough to write the edition and the edition-wide pages without rendering again. */
export interface UnitRecord {
  key: string;
  name: string;
  title: string;
  /** The entries and relations the unit's document keeps (empty for the edition-wide pages); its mentions are a datum (`MENTIONS_DATA`, read by `mentionsOf`). */
  entities: KeptEntities;
  /** The anchors the document's mentions point at, each once, in order of first mention: what the search asks of the catalogue for it without reading its mentions. */
  mentioned?: string[];
  /** The anchors its page's entity links point at. */
  links: string[];
  /** Output path (relative to the output folder) → sha256 of its bytes. */
  files: Record<string, string>;
  /** What the unit made for other units to read (the search index reads each document's passages) → sha256; kept in the cache, never published. */
  data?: Record<string, string>;
  /** Data kept in the record itself, no file to read or write for it: small data other units read of every document (its passages' languages), or what a unit of citations fills its page with. */
  facts?: Record<string, string>;
  /** sha256 of its `EntityData` (mentions, entries, relations) as JSON: what the edition-wide steps compare instead of the entities themselves. */
  entitiesHash: string;
  /** Keys of the units this one gathers (each page of the entity index; a document's citations), kept in the cache as long as it is. */
  parts?: string[];
}

/** A unit's results as `store` takes them. */
export interface UnitContent {
  name: string;
  title: string;
  entities: EntityData;
  links: string[];
  files: Map<string, string | Uint8Array>;
  data?: Map<string, string | Uint8Array>;
  facts?: Record<string, string>;
  parts?: string[];
  /** Data already stored as blobs (by another unit, a part of this one) → sha256: named in the record so that pruning keeps them with it. */
  storedData?: Record<string, string>;
}

/** The entity data a unit's record carries: all but the mentions. */
export type KeptEntities = Pick<EntityData, 'entries' | 'relations'>;

/** Name of a unit's mentions among its data (a JSON array of `Mention`). */
export const MENTIONS_DATA = 'mentions.json';

const NO_ENTITIES: EntityData = { mentions: [], entries: [], relations: [] };
const NO_ENTITIES_HASH = sha256(JSON.stringify(NO_ENTITIES));

export function sha256(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

/** A cache key over the parts, each length-prefixed so that no two lists of parts give the same key. */
export function cacheKey(parts: readonly (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(`${part.length}:`).update(part);
  return hash.digest('hex');
}

/**
 * How a cache learns which blobs it holds: `list` reads the blobs folder
 * once and remembers it (for a build's calling thread, which looks up the
 * units of every document: tens of thousands of blobs); `each` looks at each
 * blob it is asked about (for a cache that stores and looks up one
 * document's few blobs: a renderer makes one per document, and listing a
 * folder of thousands of blobs for each took ~10 ms, some 10 s of CPU in a
 * cold build of 1,000 documents, growing with the edition).
 */
export type BlobLookup = 'list' | 'each';

export class BuildCache {
  readonly dir: string;
  /** The folder (absolute) that holds the caches of every output folder. */
  readonly root: string;
  /** Where an earlier samizdat kept this output's cache, named by its absolute path: a build removes it. */
  readonly legacyDir: string;

  /**
   * The cache of the edition written to `out`, under `root` (default `.samizdat/cache/build`).
   *
   * Named by the output folder's path as seen from `root`, not by its
   * absolute path: a project moved or copied with its cache (a CI checkout
   * elsewhere restoring `.samizdat/`) finds it, and two output folders still
   * have a cache each. Lexical, not through symbolic links: a `.samizdat`
   * that is a link to a cache kept elsewhere still names `dist` `../../../dist`
   * wherever the project is (what the cache holds does not depend on where the
   * output folder really is; publishing checks the folder itself).
   */
  constructor(out: string, root: string = DEFAULT_BUILD_CACHE_DIR, private readonly lookup: BlobLookup = 'list') {
    this.root = resolve(root);
    this.dir = join(this.root, sha256(`${CACHE_NAMING}\0${this.place(out)}`).slice(0, 16));
    this.legacyDir = join(this.root, sha256(resolve(out)).slice(0, 16));
  }

  /** A file's path as the cache's keys name it: from the cache's root folder, '/'-separated (see the constructor). */
  place(file: string): string {
    return placeFrom(this.root, file);
  }

  /** The blobs in the cache, listed once (a build's units name tens of thousands: one listing, not a look at each). */
  private blobNames?: Promise<Set<string>>;

  private blobs(): Promise<Set<string>> {
    this.blobNames ??= readdir(join(this.dir, 'blobs')).then((names) => new Set(names), () => new Set<string>());
    return this.blobNames;
  }

  /** Whether a blob is in the cache: by the listing, or by a look at it now (see `BlobLookup`). */
  private async holding(): Promise<(hash: string) => boolean> {
    if (this.lookup === 'each') return (hash) => existsSync(this.blobPath(hash));
    const present = await this.blobs();
    return (hash) => present.has(hash);
  }

  blobPath(hash: string): string {
    return join(this.dir, 'blobs', hash);
  }

  private unitPath(key: string): string {
    return join(this.dir, 'units', `${key}.json`);
  }

  /** The unit stored under `key`, if it and all its files are still there. */
  async unit(key: string): Promise<UnitRecord | undefined> {
    let record: UnitRecord;
    try {
      // Read in one call, not through the thread pool: a build looks up a unit per document, and a thousand
      // small reads each waiting its turn in the pool took ~0.6 s where reading them in turn takes ~0.2 s.
      record = JSON.parse(readFileSync(this.unitPath(key), 'utf8')) as UnitRecord;
    } catch {
      // A miss is known without listing the blobs: a changed document goes to its render thread at once.
      return undefined;
    }
    const holds = await this.holding();
    return blobsOf(record).every(holds) ? record : undefined;
  }

  /** The bytes stored under `hash` (a file or a datum of a unit). */
  async read(hash: string): Promise<Buffer> {
    // In one call, for the reason `unit` gives: the search reads a small datum of every document.
    return readFileSync(this.blobPath(hash));
  }

  /**
   * Stores a unit's files and data (as blobs) and its record; returns the record.
   *
   * A renderer's cache (`each`, one document's few blobs) writes them in
   * turn, each in one go (`writeAtomicallySync`): its thread has nothing else
   * to do meanwhile, and each call through the thread pool waited for a pool
   * thread to get a core the renderers keep busy (on the bench corpus, a
   * render thread stood idle ~4% of a cold build, mostly here). The calling
   * thread's cache (`list`), which also answers Pagefind and the other
   * threads, writes through the pool, many blobs at once (a search shard
   * stores hundreds of files: one after another, ~1.5 s of a 250-document
   * build's end on a 2-core AMD EPYC VM).
   */
  async store(key: string, unit: UnitContent): Promise<UnitRecord> {
    const inTurn = this.lookup === 'each';
    const blobs = async (contents: Map<string, string | Uint8Array>): Promise<Record<string, string>> => {
      const hashes: Record<string, string> = {};
      const holds = await this.holding();
      const missing = new Map<string, string | Uint8Array>();
      for (const [path, content] of contents) {
        const hash = sha256(content);
        hashes[path] = hash;
        if (!holds(hash)) missing.set(hash, content);
      }
      if (inTurn) for (const [hash, content] of missing) writeAtomicallySync(this.blobPath(hash), content);
      else {
        await pMap(missing, ([hash, content]) => writeAtomically(this.blobPath(hash), content), { concurrency: BLOBS_IN_FLIGHT });
        const listed = await this.blobs();
        for (const hash of missing.keys()) listed.add(hash);
      }
      return hashes;
    };
    const { mentions, entries, relations } = unit.entities;
    const data = new Map(unit.data);
    if (mentions.length > 0) data.set(MENTIONS_DATA, JSON.stringify(mentions));
    const record: UnitRecord = {
      key, name: unit.name, title: unit.title, entities: { entries, relations },
      ...(mentions.length > 0 && { mentioned: [...new Set(mentions.map((m) => m.entry))] }),
      links: unit.links, files: await blobs(unit.files),
      ...((data.size > 0 || unit.storedData) && { data: { ...await blobs(data), ...unit.storedData } }),
      ...(unit.facts && { facts: unit.facts }),
      entitiesHash: sha256(JSON.stringify({ mentions, entries, relations } satisfies EntityData)),
      ...(unit.parts && { parts: unit.parts }),
    };
    if (inTurn) writeAtomicallySync(this.unitPath(key), JSON.stringify(record));
    else await writeAtomically(this.unitPath(key), JSON.stringify(record));
    return record;
  }

  /** Stores a unit made of other units (kept with it): their files together, under `key`; returns its record. */
  async gather(key: string, title: string, parts: readonly UnitRecord[]): Promise<UnitRecord> {
    const record: UnitRecord = {
      key, name: '', title, entities: { entries: [], relations: [] }, links: [],
      files: Object.assign({}, ...parts.map((part) => part.files)) as Record<string, string>,
      entitiesHash: NO_ENTITIES_HASH,
      parts: parts.map((part) => part.key),
    };
    await writeAtomically(this.unitPath(key), JSON.stringify(record));
    return record;
  }

  /** What the unit's document mentions, in document order (read from its datum: a record does not carry them). */
  mentionsOf(record: UnitRecord): Mention[] {
    const hash = record.data?.[MENTIONS_DATA];
    return hash === undefined ? [] : JSON.parse(readFileSync(this.blobPath(hash), 'utf8')) as Mention[];
  }

  /** Removes every unit and blob the given units do not use. */
  async prune(keep: readonly UnitRecord[]): Promise<void> {
    await this.preparePrune(keep)([]);
  }

  /**
   * Starts a `prune`: lists the units and blobs the cache holds now and
   * notes which of them `kept` uses; the function returned, given the rest
   * of what is kept, removes every other unit and blob listed. A build
   * starts it while Pagefind makes the search index (the calling thread is
   * idle then) for the units known by then: listing the bench corpus's
   * ~17,000 units and blobs and noting what ~2,000 units use was ~30 ms of
   * a build after one change, after the index was made. What is stored
   * after the listing is not listed, so never removed: it must be among
   * what is kept (or it stays until the next prune).
   */
  preparePrune(kept: readonly UnitRecord[]): (more: readonly UnitRecord[]) => Promise<void> {
    const unitsOf = (records: readonly UnitRecord[]) => records.flatMap((u) => [u.key, ...u.parts ?? []]).map((key) => `${key}.json`);
    const wanted = { units: new Set(unitsOf(kept)), blobs: new Set(kept.flatMap(blobsOf)) };
    const listing = Promise.all((['units', 'blobs'] as const).map((folder) => readdir(join(this.dir, folder)).catch(() => [] as string[])));
    listing.catch(() => undefined);
    return async (more) => {
      for (const unit of unitsOf(more)) wanted.units.add(unit);
      for (const blob of more.flatMap(blobsOf)) wanted.blobs.add(blob);
      const [units, blobs] = await listing;
      for (const [folder, names] of [['units', units], ['blobs', blobs]] as const) {
        await Promise.all(names.filter((n) => !wanted[folder].has(n)).map((n) => rm(join(this.dir, folder, n), { force: true })));
      }
      this.blobNames = undefined;
    };
  }
}

/** Blobs the calling thread's cache writes at once (see `store`). */
const BLOBS_IN_FLIGHT = 16;

/** Every blob a unit's record names: its files and its data. */
function blobsOf(record: UnitRecord): string[] {
  return [...Object.values(record.files), ...Object.values(record.data ?? {})];
}

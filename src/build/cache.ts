/**
 * The build cache: what each unit of the edition (a document, the
 * edition-wide pages) rendered to, kept under a key made of everything the
 * rendering depends on. Output files are stored once by content hash
 * (`blobs/<sha256>`), units as small JSON records (`units/<key>.json`) that
 * name their files' hashes, so a rebuild learns what a document produces
 * without reading its pages, and writing the edition is copying blobs.
 *
 * One cache per output folder: pruning after a build then only drops what
 * that edition no longer uses. A lock keeps two builds of the same output
 * (say `watch` and a build by hand) from pruning under each other.
 */
import { createHash } from 'node:crypto';
import { mkdir, open, readFile, readdir, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { writeAtomically } from '../transform/index.js';
import type { Mention } from './render.js';

export const DEFAULT_BUILD_CACHE_DIR = join('.samizdat', 'cache', 'build');

/** What a unit produced: enough to write the edition and the edition-wide pages without rendering again. */
export interface UnitRecord {
  key: string;
  name: string;
  title: string;
  mentions: Mention[];
  /** Output path (relative to the output folder) → sha256 of its bytes. */
  files: Record<string, string>;
}

export function sha256(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

/** A cache key over the parts, each length-prefixed so that no two lists of parts give the same key. */
export function cacheKey(parts: readonly (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(`${part.length}:`).update(part);
  return hash.digest('hex');
}

export class BuildCache {
  readonly dir: string;

  /** The cache of the edition written to `out`, under `root` (default `.samizdat/cache/build`). */
  constructor(out: string, root: string = DEFAULT_BUILD_CACHE_DIR) {
    this.dir = join(resolve(root), sha256(resolve(out)).slice(0, 16));
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
      record = JSON.parse(await readFile(this.unitPath(key), 'utf8')) as UnitRecord;
    } catch {
      return undefined;
    }
    for (const hash of Object.values(record.files)) {
      if (!(await stat(this.blobPath(hash)).catch(() => undefined))) return undefined;
    }
    return record;
  }

  /** Stores a unit's files (as blobs) and its record; returns the record. */
  async store(key: string, unit: { name: string; title: string; mentions: Mention[]; files: Map<string, string | Uint8Array> }): Promise<UnitRecord> {
    const files: Record<string, string> = {};
    for (const [path, content] of unit.files) {
      const hash = sha256(content);
      files[path] = hash;
      if (!(await stat(this.blobPath(hash)).catch(() => undefined))) await writeAtomically(this.blobPath(hash), content);
    }
    const record: UnitRecord = { key, name: unit.name, title: unit.title, mentions: unit.mentions, files };
    await writeAtomically(this.unitPath(key), JSON.stringify(record));
    return record;
  }

  /** Removes every unit and blob the given units do not use. */
  async prune(keep: readonly UnitRecord[]): Promise<void> {
    const units = new Set(keep.map((u) => `${u.key}.json`));
    const blobs = new Set(keep.flatMap((u) => Object.values(u.files)));
    for (const [folder, wanted] of [['units', units], ['blobs', blobs]] as const) {
      const names = await readdir(join(this.dir, folder)).catch(() => [] as string[]);
      await Promise.all(names.filter((n) => !wanted.has(n)).map((n) => rm(join(this.dir, folder, n), { force: true })));
    }
  }

  /**
   * Holds the cache's lock while `work` runs. A lock left by a process that
   * no longer exists is taken over; one held by a live process is waited
   * for, up to `waitMs`.
   */
  async locked<T>(work: () => Promise<T>, waitMs = 60_000): Promise<T> {
    await mkdir(this.dir, { recursive: true });
    const lock = join(this.dir, 'lock');
    const deadline = Date.now() + waitMs;
    for (;;) {
      try {
        const handle = await open(lock, 'wx');
        await handle.writeFile(String(process.pid));
        await handle.close();
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const holder = Number(await readFile(lock, 'utf8').catch(() => ''));
        if (!isAlive(holder)) {
          await rm(lock, { force: true });
          continue;
        }
        if (Date.now() > deadline) throw new Error(`another samizdat build (process ${holder}) is still writing this edition; its lock is ${lock}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    try {
      return await work();
    } finally {
      await rm(lock, { force: true });
    }
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

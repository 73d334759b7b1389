/**
 * What a file looked like when it was read (size, inode, modification and
 * change times), so that a later run can tell an unchanged file without
 * reading it. The change time cannot be set by programs, so a file copied
 * with its old modification time (`cp -p`, `rsync -t`) still looks changed.
 * A file whose times are within `SETTLING_MS` of its reading may change
 * again within the file system's clock tick without its times showing it
 * (git's "racy" files): such a look is not trusted later.
 */
import { statSync, type Stats } from 'node:fs';

export interface FileLook {
  size: number;
  ino: number;
  mtimeMs: number;
  ctimeMs: number;
}

/** How old a file's times must be, when it is read, for its look to be trusted later. */
export const SETTLING_MS = 2000;

export function lookOf(stats: Stats): FileLook {
  return { size: stats.size, ino: stats.ino, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs };
}

export function sameLook(a: FileLook, b: FileLook): boolean {
  return a.size === b.size && a.ino === b.ino && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs;
}

/** Whether a file that looked like `look` at `lookedAt` (ms since the epoch) had been still long enough for its look to be trusted. */
export function settled(look: FileLook, lookedAt: number): boolean {
  return lookedAt - Math.max(look.mtimeMs, look.ctimeMs) >= SETTLING_MS;
}

/**
 * A file's stat, or undefined when it is missing or cannot be looked at.
 * Synchronous: a stat takes microseconds, and the promise machinery of an
 * asynchronous one cost more than the call where it ran once per document.
 */
export function statIfAny(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

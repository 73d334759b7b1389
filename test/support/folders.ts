/**
 * Whole folders as values, for tests of what the build leaves on disk: every
 * file (and empty folder, and symbolic link) under a folder with its bytes,
 * so that "exactly as it was" and "entirely the new edition" are one
 * comparison each.
 */
import { cpSync, lstatSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** Path (relative, `/`-separated) → bytes (as latin1 text), `<folder>` for an empty folder, `-> target` for a link. */
export type FolderSnapshot = Map<string, string>;

export function snapshotFolder(dir: string): FolderSnapshot {
  const entries: FolderSnapshot = new Map();
  const walk = (folder: string, prefix: string): void => {
    const names = readdirSync(folder).sort();
    if (names.length === 0 && prefix !== '') entries.set(prefix.slice(0, -1), '<folder>');
    for (const name of names) {
      const path = join(folder, name);
      const info = lstatSync(path);
      if (info.isDirectory()) walk(path, `${prefix}${name}/`);
      else if (info.isSymbolicLink()) entries.set(`${prefix}${name}`, `-> ${readlinkSync(path)}`);
      else entries.set(`${prefix}${name}`, readFileSync(path, 'latin1'));
    }
  };
  walk(dir, '');
  return entries;
}

/** Replaces `to` by a copy of `from` (links copied as links). */
export function copyFolder(from: string, to: string): void {
  rmSync(to, { recursive: true, force: true });
  cpSync(from, to, { recursive: true, verbatimSymlinks: true });
}

/** Which of the given states `actual` is exactly, by name; undefined when it is none of them. */
export function whichState(actual: FolderSnapshot, states: Record<string, FolderSnapshot>): string | undefined {
  for (const [name, state] of Object.entries(states)) {
    if (actual.size === state.size && [...state].every(([path, bytes]) => actual.get(path) === bytes)) return name;
  }
  return undefined;
}

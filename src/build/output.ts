/**
 * Writing the edition into its output folder, touching only what changed.
 * Every file is written atomically (a temporary file, then a rename), so a
 * reader or a server never sees half a page. Nothing is written before the
 * whole edition has rendered: a build that fails leaves the folder as it was.
 *
 * The manifest (in the build cache) records what the last build wrote, with
 * each file's size and modification time: a file whose hash is unchanged and
 * that nobody has touched since is left alone, and files the edition no
 * longer produces are removed. While files are being written there is no
 * manifest, so a build cut off half-way is followed by one that compares
 * contents instead of trusting a record that no longer holds.
 */
import { copyFile, mkdir, readFile, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { sha256, type BuildCache } from './cache.js';

interface ManifestEntry {
  hash: string;
  size: number;
  mtimeMs: number;
}

interface Manifest {
  out: string;
  files: Record<string, ManifestEntry>;
}

export interface PublishResult {
  /** Output paths written by this build (new or changed), relative to the output folder. */
  written: string[];
  /** Output paths removed because the edition no longer produces them. */
  removed: string[];
}

/** Writes `files` (output path → content hash, contents in the cache) into `out`. */
export async function publish(out: string, files: ReadonlyMap<string, string>, cache: BuildCache, options: { force?: boolean } = {}): Promise<PublishResult> {
  const root = resolve(out);
  const manifestPath = join(cache.dir, 'manifest.json');
  const previous = await readManifest(manifestPath, root);
  await rm(manifestPath, { force: true });

  const result: PublishResult = { written: [], removed: [] };
  const entries: Record<string, ManifestEntry> = {};
  for (const path of [...files.keys()].sort()) {
    const hash = files.get(path)!;
    const target = join(root, path);
    if (options.force || !(await isCurrent(target, hash, previous?.files[path]))) {
      await mkdir(dirname(target), { recursive: true });
      const partial = `${target}.${process.pid}.partial`;
      await copyFile(cache.blobPath(hash), partial);
      await rename(partial, target);
      result.written.push(path);
    }
    const info = await stat(target);
    entries[path] = { hash, size: info.size, mtimeMs: info.mtimeMs };
  }
  for (const path of Object.keys(previous?.files ?? {}).sort()) {
    if (files.has(path)) continue;
    await rm(join(root, path), { force: true });
    await removeEmptyFolders(dirname(join(root, path)), root);
    result.removed.push(path);
  }
  await writeFile(manifestPath, JSON.stringify({ out: root, files: entries } satisfies Manifest));
  return result;
}

/** Whether the file at `target` already holds the content with `hash`. */
async function isCurrent(target: string, hash: string, recorded: ManifestEntry | undefined): Promise<boolean> {
  const info = await stat(target).catch(() => undefined);
  if (!info?.isFile()) return false;
  if (recorded) return recorded.hash === hash && recorded.size === info.size && recorded.mtimeMs === info.mtimeMs;
  return sha256(await readFile(target)) === hash;
}

async function readManifest(path: string, out: string): Promise<Manifest | undefined> {
  try {
    const manifest = JSON.parse(await readFile(path, 'utf8')) as Manifest;
    return manifest.out === out ? manifest : undefined;
  } catch {
    return undefined;
  }
}

async function removeEmptyFolders(folder: string, root: string): Promise<void> {
  for (let current = folder; current.startsWith(`${root}${sep}`); current = dirname(current)) {
    try {
      await rmdir(current);
    } catch {
      return; // not empty (or already gone): stop climbing
    }
  }
}

import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** A name beside `path` for its bytes while they are written: unique to this process and call. */
function partialOf(path: string): string {
  return `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.partial`;
}

/**
 * Whether a write failed because the folder it writes into is missing: the
 * folder is then made and the write tried once more. Most writes go into a
 * folder that exists (a cache's blobs, thousands of them in a build), and
 * making it before each was one more call through the thread pool per file.
 */
function folderMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException)?.code === 'ENOENT';
}

/** Writes `text` to `path` through a temporary file and a rename, so no reader sees half a file. */
export async function writeAtomically(path: string, text: string | Uint8Array): Promise<void> {
  const partial = partialOf(path);
  try {
    await writeFile(partial, text).catch(async (error: unknown) => {
      if (!folderMissing(error)) throw error;
      await mkdir(dirname(path), { recursive: true });
      await writeFile(partial, text);
    });
    await rename(partial, path);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

/**
 * `writeAtomically` in one go, without the thread pool: for a thread that has
 * nothing else to do meanwhile (a renderer storing a document's files), where
 * each of the calls above waits for a pool thread, and on a machine whose
 * cores are busy rendering, for that thread's turn on a core.
 */
export function writeAtomicallySync(path: string, text: string | Uint8Array): void {
  const partial = partialOf(path);
  try {
    try {
      writeFileSync(partial, text);
    } catch (error) {
      if (!folderMissing(error)) throw error;
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(partial, text);
    }
    renameSync(partial, path);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

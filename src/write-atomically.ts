import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** A name beside `path` for its bytes while they are written: unique to this process and call. */
function partialOf(path: string): string {
  return `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.partial`;
}

/** Writes `text` to `path` through a temporary file and a rename, so no reader sees half a file. */
export async function writeAtomically(path: string, text: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const partial = partialOf(path);
  try {
    await writeFile(partial, text);
    await rename(partial, path);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

/**
 * `writeAtomically` in one go, without the thread pool: for a thread that has
 * nothing else to do meanwhile (a renderer storing a document's files), where
 * each of the five calls above waits for a pool thread, and on a machine whose
 * cores are busy rendering, for that thread's turn on a core.
 */
export function writeAtomicallySync(path: string, text: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const partial = partialOf(path);
  try {
    writeFileSync(partial, text);
    renameSync(partial, path);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

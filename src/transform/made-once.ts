/**
 * A cached file made by one maker at a time, across threads and processes.
 *
 * Validation's worker threads (and two samizdat runs side by side) meet the
 * same uncompiled Schematron at the same moment: on the bench corpus both
 * workers compiled ELTeC's rules, each for about three seconds of xslt3,
 * and each stood idle meanwhile. The first to come takes a lock file next
 * to the result; the others wait for the result to appear and read it.
 *
 * A lock whose maker is gone (its process died, or it is older than any
 * compile takes) is taken over; a maker that fails removes its lock, and a
 * waiter then makes the file itself (and meets the same error, reported as
 * its own). Nothing here is trusted for correctness: the result is written
 * atomically, and a waiter that gives up makes the file itself.
 */
import { mkdir, open, readFile, rm, stat, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { writeAtomically } from '../write-atomically.js';

export interface MadeOnceOptions {
  /** How often a waiter looks for the result (ms). */
  pollMs?: number;
  /** A lock older than this is a maker that will not finish (ms). */
  staleMs?: number;
}

const DEFAULTS: Required<MadeOnceOptions> = { pollMs: 50, staleMs: 10 * 60_000 };

/**
 * The text of `result`: read if it exists, else made by `make` and written
 * there, by one caller at a time; a caller that finds another making it
 * waits and reads what the other wrote.
 */
export async function madeOnce(result: string, make: () => Promise<string>, options: MadeOnceOptions = {}): Promise<string> {
  const { pollMs, staleMs } = { ...DEFAULTS, ...options };
  const lock = `${result}.lock`;
  // A result that cannot be written only costs time on the next run.
  const makeAndKeep = async (): Promise<string> => {
    const text = await make();
    await writeAtomically(result, text).catch(() => undefined);
    return text;
  };
  await mkdir(dirname(result), { recursive: true }).catch(() => undefined);
  for (;;) {
    const found = await readFile(result, 'utf8').catch(() => undefined);
    if (found !== undefined) return found;
    let held: FileHandle | undefined;
    try {
      held = await open(lock, 'wx');
    } catch (error) {
      // A folder where no lock can be taken (read-only): made here, as if alone.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return makeAndKeep();
    }
    if (held) {
      try {
        await held.writeFile(String(process.pid));
        // Made by another while this one was taking the lock.
        const made = await readFile(result, 'utf8').catch(() => undefined);
        return made ?? (await makeAndKeep());
      } finally {
        await held.close();
        await rm(lock, { force: true });
      }
    }
    await waitWhileHeld(lock, result, pollMs, staleMs);
  }
}

/** Until the result exists or the lock is gone (released, or removed as stale). */
async function waitWhileHeld(lock: string, result: string, pollMs: number, staleMs: number): Promise<void> {
  for (;;) {
    if (await exists(result)) return;
    const holder = await lockHolder(lock);
    if (holder === undefined) return;
    if (holder.stale(staleMs)) {
      await rm(lock, { force: true });
      return;
    }
    await sleep(pollMs);
  }
}

async function lockHolder(lock: string): Promise<{ stale(staleMs: number): boolean } | undefined> {
  const [info, text] = await Promise.all([stat(lock).catch(() => undefined), readFile(lock, 'utf8').catch(() => undefined)]);
  if (info === undefined) return undefined;
  const pid = Number(text);
  return {
    // An empty pid is a lock just taken, not yet written: only its age can make it stale.
    stale: (staleMs) => Date.now() - info.mtimeMs > staleMs || (Number.isInteger(pid) && pid > 0 && !alive(pid)),
  };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(() => true, () => false);
}

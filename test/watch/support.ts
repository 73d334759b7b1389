/**
 * A throw-away copy of the flagship edition (tei/ and the schemas its
 * documents name) for the watch and serve tests, and waiting by polling.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repository = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface ScratchEdition {
  dir: string;
  tei: string;
  out: string;
  /** The flagship document in the copy. */
  document: string;
  /** Its page in the output. */
  page: string;
  /** The document's text as copied. */
  original: string;
  remove(): void;
}

export function scratchEdition(): ScratchEdition {
  const dir = mkdtempSync(join(tmpdir(), 'samizdat-watch-'));
  cpSync(join(repository, 'tei'), join(dir, 'tei'), { recursive: true });
  mkdirSync(join(dir, 'schemas'));
  for (const file of ['samizdat.rng', 'samizdat-rules.sch']) cpSync(join(repository, 'schemas', file), join(dir, 'schemas', file));
  const document = join(dir, 'tei', '1923-opposition-ch01.xml');
  return {
    dir, document,
    tei: join(dir, 'tei'),
    out: join(dir, 'dist'),
    page: join(dir, 'dist', '1923-opposition-ch01', 'index.html'),
    original: readFileSync(document, 'utf8'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The flagship with its title changed (a visible edit that still builds). */
export function retitled(original: string, title: string): string {
  const edited = original.replace(/Trotsky opens the attack/g, title);
  if (edited === original) throw new Error('the flagship title was not found');
  return edited;
}

/** The flagship with its first </p> turned into </q>: not well-formed. */
export function broken(original: string): string {
  return original.replace('</p>', '</q>');
}

export function save(path: string, text: string): void {
  writeFileSync(path, text);
}

export const delay = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/** Polls `check` until it returns something truthy, or fails after `timeout` ms saying what was awaited. */
export async function waitFor<T>(what: string, check: () => T | Promise<T>, timeout = 30_000): Promise<NonNullable<T>> {
  const until = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > until) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await delay(25);
  }
}

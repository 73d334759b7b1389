/**
 * RELAX NG schemas compiled once. Compiling tei_all takes about a second;
 * the compiled grammar is kept in a compact form (relaxng/precompiled.ts)
 * keyed by the sha256 of the schema and every file it includes: samizdat's
 * own schemas ship in that form (precompiled/grammar/, made by the package's
 * prepack step, src/precompiled/), other schemas are cached on disk, and later runs
 * read the form in a few milliseconds. Within one process (or worker) a
 * schema is loaded once, and again only when one of its files changes (as
 * it may while `watch` runs).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { PRECOMPILED_GRAMMAR_DIR } from '../precompiled/index.js';
import { writeAtomically } from '../write-atomically.js';
import { FreshMemo, type TrackRead } from './fresh-memo.js';
import { isIncorrectSchema, PRECOMPILED_FORMAT, readPrecompiled, writePrecompiled, type Grammar } from './relaxng/index.js';

export const DEFAULT_CACHE_DIR = join('.samizdat', 'cache');

/** Part of every digest, so that forms written by another version of the format are never read. */
const CACHE_FORMAT = PRECOMPILED_FORMAT;

export type LoadedGrammar =
  /** `files`: the schema and every file it includes, whose changes change the grammar. */
  | { grammar: Grammar; digest: string; files: string[] }
  | { problem: Diagnostic };

const loaded = new FreshMemo<LoadedGrammar>();

/**
 * The grammar of the schema at `schemaPath`, from this process's memory, the
 * shipped or cached compact form, or by compilation (then written to the
 * cache). `cacheDir: false` disables the disk cache.
 */
export function loadGrammar(schemaPath: string, options: { cacheDir?: string | false } = {}): Promise<LoadedGrammar> {
  const cacheDir = options.cacheDir === undefined ? DEFAULT_CACHE_DIR : options.cacheDir;
  return loaded.get(`${resolve(schemaPath)}\0${options.cacheDir}`, (track) => compileGrammar(resolve(schemaPath), cacheDir, track));
}

// Schema files and compact forms are read synchronously: once per schema and
// thread, while the thread's documents wait for the grammar anyway, and an
// asynchronous read waits in libuv's queue behind the file system calls of
// every other thread (50 ms at the start of a corpus's validation).

/** The file name of the compact form of the schema whose digest is `digest`. */
const formFile = (dir: string, digest: string): string => join(dir, `${digest}.json`);

async function compileGrammar(schemaPath: string, cacheDir: string | false, track: TrackRead): Promise<LoadedGrammar> {
  const where = { file: schemaPath };
  let digest: string;
  const files: string[] = [];
  try {
    digest = await schemaDigest(schemaPath, (path) => {
      files.push(path);
      return track(path);
    });
  } catch (err) {
    return { problem: diagnostic('error', 'rng-schema-unavailable', `the schema ${schemaPath} cannot be read: ${(err as Error).message}`, where) };
  }
  const cacheFile = cacheDir === false ? undefined : formFile(resolve(cacheDir), digest);
  for (const candidate of [formFile(PRECOMPILED_GRAMMAR_DIR, digest), cacheFile]) {
    if (!candidate) continue;
    try {
      return { grammar: readPrecompiled(readFileSync(candidate, 'utf8')), digest, files };
    } catch { /* not there, or unreadable: next place, or compile */ }
  }
  let compiled;
  try {
    const { compileSchema } = await import('./relaxng/compile.js');
    compiled = compileSchema(schemaPath);
  } catch (err) {
    if (!isIncorrectSchema(err)) throw err;
    return { problem: diagnostic('error', 'rng-schema-incorrect', `the schema ${schemaPath} is not a correct RELAX NG schema: ${err.message}`, err.at ?? where) };
  }
  if (cacheFile) await writeAtomically(cacheFile, writePrecompiled(compiled.grammar.start, compiled.grammar.idTypes)).catch(() => undefined);
  return { grammar: compiled.grammar, digest, files };
}

/**
 * sha256 of the schema and, recursively, every file it includes
 * (`include` / `externalRef`), so that editing an included file invalidates
 * the cache entry of every schema that includes it.
 */
export async function schemaDigest(schemaPath: string, track?: TrackRead): Promise<string> {
  const hash = createHash('sha256').update(CACHE_FORMAT);
  const seen = new Set<string>();
  async function visit(path: string): Promise<void> {
    if (seen.has(path)) return;
    seen.add(path);
    await track?.(path);
    const text = readFileSync(path, 'utf8');
    hash.update(`\0${text.length}\0`).update(text);
    for (const href of includedHrefs(text)) {
      if (/^[a-z][a-z0-9+.-]+:/i.test(href) && !href.startsWith('file:')) {
        hash.update(`\0url\0${href}`);
        continue;
      }
      const target = href.startsWith('file:') ? fileURLToPath(href) : resolve(dirname(path), decodeURI(href));
      // An include we cannot find (xml:base, a typo) is hashed by name; the conversion reports it.
      await visit(target).catch(() => hash.update(`\0missing\0${href}`));
    }
  }
  await visit(schemaPath);
  return hash.digest('hex');
}

function includedHrefs(rng: string): string[] {
  const hrefs: string[] = [];
  for (const m of rng.matchAll(/<(?:[\w.-]+:)?(?:include|externalRef)\b[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    hrefs.push((m[1] ?? m[2]).trim());
  }
  return hrefs;
}

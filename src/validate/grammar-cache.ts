/**
 * RELAX NG schemas compiled once: salve-annos converts a schema (≈1 s for
 * tei_all), the result is cached on disk as JSON keyed by the sha256 of the
 * schema and every file it includes, and later runs load the JSON (≈0.3 s).
 * Within one process (or worker) a schema is loaded once, and again only
 * when one of its files changes (as it may while `watch` runs).
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { FreshMemo, type TrackRead } from './fresh-memo.js';
import { compileSchema, IncorrectSchema, type Grammar } from './relaxng/index.js';

export const DEFAULT_CACHE_DIR = join('.samizdat', 'cache');

/** Bumped when the cached form changes, so old cache files are ignored. */
const CACHE_FORMAT = 'samizdat-rng-2';

export type LoadedGrammar =
  /** `files`: the schema and every file it includes, whose changes change the grammar. */
  | { grammar: Grammar; digest: string; files: string[] }
  | { problem: Diagnostic };

const loaded = new FreshMemo<LoadedGrammar>();

/**
 * The grammar of the schema at `schemaPath`, from this process's memory, the
 * disk cache, or by compilation (then written to the cache).
 * `cacheDir: false` disables the disk cache.
 */
export function loadGrammar(schemaPath: string, options: { cacheDir?: string | false } = {}): Promise<LoadedGrammar> {
  const cacheDir = options.cacheDir === undefined ? DEFAULT_CACHE_DIR : options.cacheDir;
  return loaded.get(`${resolve(schemaPath)}\0${options.cacheDir}`, (track) => compileGrammar(resolve(schemaPath), cacheDir, track));
}

async function compileGrammar(schemaPath: string, _cacheDir: string | false, track: TrackRead): Promise<LoadedGrammar> {
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
  try {
    const compiled = compileSchema(schemaPath);
    return { grammar: compiled.grammar, digest, files };
  } catch (err) {
    if (!(err instanceof IncorrectSchema)) throw err;
    const at = err.at ?? where;
    return { problem: diagnostic('error', 'rng-schema-incorrect', `the schema ${schemaPath} is not a correct RELAX NG schema: ${err.message}`, at) };
  }
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
    const text = await readFile(path, 'utf8');
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

/**
 * Compiling XSLT 3 stylesheets to SEF with xslt3, once, for the whole
 * program: samizdat's own stylesheets, a user's customisation, and the
 * stylesheets the rule layer generates from Schematron all go through here.
 *
 * A SEF is known by a content key: the sha256 of the stylesheet and of every
 * module it imports or includes (by their paths relative to it, so a copy
 * elsewhere has the same key), and of the saxon-js version. It is looked for,
 * in turn, in this thread's memory, among the package's precompiled files
 * (`precompiled/sef/`, written when the package is packed), in the cache
 * folder, and only then compiled and written to the cache folder. Changing
 * any module changes the key, so a stale SEF is never used.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { PRECOMPILED_SEF_DIR } from '../precompiled/index.js';
import { writeAtomically } from '../write-atomically.js';
import { cachedFunctionNames, markCachedFunctions } from './cached-functions.js';
import { madeOnce } from './made-once.js';
import { saxonVersion, xslt3Script } from './saxon.js';

export { writeAtomically };

const run = promisify(execFile);

export const XSLT_COMPILE_RULE = 'xslt-compile';

/** Where samizdat's own stylesheets are (xslt/ beside lib/ and src/). */
export const XSLT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'xslt');
export const HTML_STYLESHEET = join(XSLT_DIR, 'html', 'html.xsl');
export const SITE_STYLESHEET = join(XSLT_DIR, 'html', 'site.xsl');
export const TEXT_STYLESHEET = join(XSLT_DIR, 'text', 'text.xsl');
/** The critical apparatus as JSON (imports text.xsl), read by `readApparatus`. */
export const APPARATUS_STYLESHEET = join(XSLT_DIR, 'text', 'apparatus.xsl');
export const DEFAULT_XSLT_CACHE_DIR = join('.samizdat', 'cache', 'xslt');

/** Where a SEF came from: this thread's memory, the package's precompiled files, the cache folder, or xslt3 just now. */
export type SefOrigin = 'memory' | 'precompiled' | 'cache' | 'compiled';

export interface CompiledStylesheet {
  /** Absolute path of the main module (for a generated stylesheet, of what it was generated from). */
  path: string;
  /** The content key: sha256 of the stylesheet, its modules and the saxon-js version. */
  key: string;
  /** The SEF, parsed: what saxon-js runs. */
  sef: object;
  origin: SefOrigin;
}

export interface CompileOptions {
  /** Cache folder (default `.samizdat/cache/xslt`); `false` compiles every time. */
  cacheDir?: string | false;
}

/** Raised when a stylesheet cannot be compiled or run; carries the problem as a value, and the processor's own error as `cause`. */
export class TransformProblem extends Error {
  constructor(readonly problem: Diagnostic, cause?: unknown) {
    super(problem.message, cause === undefined ? undefined : { cause });
  }
}

/** SEFs known in this thread, by key; a promise, so that two callers asking at once compile once. */
const memory = new Map<string, Promise<CompiledStylesheet>>();

/** The stylesheet at `path`, compiled (or found precompiled, or in the cache). */
export async function compileStylesheet(path: string, options: CompileOptions = {}): Promise<CompiledStylesheet> {
  const absolute = resolve(path);
  const { key, cached } = await readModules(absolute);
  const compiled = await findOrCompile(key, absolute, options, () => exportSef(absolute));
  // The SEF keeps nothing of cache="yes" (cached-functions.ts): read from the modules' text, as the rule
  // layer reads it from a schema. Marking the same SEF again (one kept in memory) changes nothing.
  markCachedFunctions(compiled.sef, cached);
  return compiled;
}

/** A stylesheet samizdat writes itself (from Schematron), known by a key its caller computed from what it was generated from. */
export interface GeneratedStylesheet {
  key: string;
  /** The file it is generated from, for messages. */
  from: string;
  /** Writes the XSLT; called only when no SEF is known for `key`. */
  generate: () => string | Promise<string>;
}

/**
 * A generated stylesheet, compiled through the same cache as any other. Its
 * XSLT is kept beside the SEF in the cache folder (`<key>.xsl`) for whoever
 * debugs a rule; a compile error names that file.
 */
export async function compileGeneratedStylesheet(generated: GeneratedStylesheet, options: CompileOptions = {}): Promise<CompiledStylesheet> {
  return findOrCompile(generated.key, resolve(generated.from), options, async () => {
    const xslt = await generated.generate();
    const cacheDir = cacheDirOf(options);
    if (cacheDir === false) {
      return withScratch(async (scratch) => {
        await writeFile(join(scratch, 'generated.xsl'), xslt, 'utf8');
        return exportSef(join(scratch, 'generated.xsl'));
      });
    }
    const kept = join(cacheDir, `${generated.key}.xsl`);
    await writeAtomically(kept, xslt);
    return exportSef(kept);
  });
}

function cacheDirOf(options: CompileOptions): string | false {
  return options.cacheDir === undefined ? DEFAULT_XSLT_CACHE_DIR : options.cacheDir;
}

function findOrCompile(key: string, path: string, options: CompileOptions, compile: () => Promise<string>): Promise<CompiledStylesheet> {
  const known = memory.get(key);
  if (known) return known.then((found) => ({ ...found, path, origin: 'memory' }));
  const found = (async (): Promise<CompiledStylesheet> => {
    const cacheDir = cacheDirOf(options);
    const stored: [SefOrigin, string][] = [['precompiled', PRECOMPILED_SEF_DIR]];
    if (cacheDir !== false) stored.push(['cache', cacheDir]);
    for (const [origin, folder] of stored) {
      const file = join(folder, `${key}.sef.json`);
      const text = await readFile(file, 'utf8').catch(() => undefined);
      if (text === undefined) continue;
      try {
        const sef = JSON.parse(text) as object;
        return { path, key, sef: origin === 'precompiled' ? vouchedFor(sef) : sef, origin };
      } catch {
        // Not JSON (a damaged file): compiled again, and the file replaced.
        if (origin === 'cache') await rm(file, { force: true });
      }
    }
    let compiled = false;
    const made = () => {
      compiled = true;
      return compile();
    };
    // Compiled by one thread or process at a time: the others wait for its SEF (see made-once.ts).
    const text = cacheDir === false ? await made() : await madeOnce(join(cacheDir, `${key}.sef.json`), made);
    const sef = JSON.parse(text) as object;
    return { path, key, sef: compiled ? vouchedFor(sef) : sef, origin: compiled ? 'compiled' : 'cache' };
  })();
  memory.set(key, found);
  // A failure is not remembered: the next use tries again.
  found.catch(() => {
    if (memory.get(key) === found) memory.delete(key);
  });
  return found;
}

/**
 * Marks a SEF samizdat produced itself, found by the content key it was
 * filed under just now (the package's precompiled SEFs, made by its prepack
 * from exactly these stylesheets), or written by xslt3 for this call: saxon-js
 * then skips checking it against its checksum before its first run, a walk
 * over the whole tree (saxon-patches.ts, `own-sef-checksum-vouched`). A SEF
 * from the cache folder, which anyone may have edited, is still checked. Not
 * enumerable, so that the checksum of a SEF checked anyway is unchanged.
 */
export function vouchedFor<T extends object>(sef: T): T {
  Object.defineProperty(sef, 'samizdatVouched', { value: true, enumerable: false, configurable: true });
  return sef;
}

/**
 * sha256 over the saxon-js version, the stylesheet and every module it
 * imports or includes, in order, each under its path relative to the
 * stylesheet's folder: the key says what the SEF is made of, not where.
 */
export async function stylesheetKey(path: string): Promise<string> {
  return (await readModules(path)).key;
}

/** The content key of a stylesheet, and the functions its modules declare cache="yes", read in one walk. */
async function readModules(path: string): Promise<{ key: string; cached: Set<string> }> {
  const hash = createHash('sha256').update(`samizdat-sef-2 saxon-js ${saxonVersion}\n`);
  const base = dirname(resolve(path));
  const cached = new Set<string>();
  await visitModules(path, (file, text) => {
    hash.update(`${relative(base, file).split(sep).join('/')}\n${text.length}\n`).update(text);
    for (const name of cachedFunctionNames(text)) cached.add(name);
  });
  return { key: hash.digest('hex'), cached };
}

/** The stylesheet's file and those of every module it imports or includes, transitively, in order. */
export async function stylesheetModules(path: string): Promise<string[]> {
  const modules: string[] = [];
  await visitModules(path, (file) => modules.push(file));
  return modules;
}

async function visitModules(path: string, visit: (file: string, text: string) => void): Promise<void> {
  const seen = new Set<string>();
  async function walk(file: string): Promise<void> {
    if (seen.has(file)) return;
    seen.add(file);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      throw new TransformProblem(diagnostic('error', XSLT_COMPILE_RULE, `the stylesheet ${file} cannot be read: ${(error as Error).message}`, { file }), error);
    }
    visit(file, text);
    for (const m of text.matchAll(/<xsl:(?:import|include)\b[^>]*\bhref\s*=\s*(["'])([^"']+)\1/g)) {
      // Resolved as the XSLT processor does, as a URI against the module's own;
      // other schemes (http:) are the compiler's to fetch or refuse, with no local file to follow.
      const target = URL.canParse(m[2], pathToFileURL(file)) ? new URL(m[2], pathToFileURL(file)) : undefined;
      if (target?.protocol === 'file:') await walk(fileURLToPath(target));
    }
  }
  await walk(resolve(path));
}

/** xslt3 -export of the stylesheet at `xslPath`: the SEF's JSON text. */
async function exportSef(xslPath: string): Promise<string> {
  return withScratch(async (scratch) => {
    const exported = join(scratch, 'export.sef.json');
    try {
      await run(process.execPath, [xslt3Script(), `-xsl:${xslPath}`, `-export:${exported}`, '-nogo', '-relocate:on'], { maxBuffer: 64 * 1024 * 1024 });
      return await readFile(exported, 'utf8');
    } catch (error) {
      const stderr = (error as { stderr?: string }).stderr?.trim();
      const message = stderr || (error as Error).message;
      throw new TransformProblem(diagnostic('error', XSLT_COMPILE_RULE, `the stylesheet ${xslPath} cannot be compiled: ${message}`, { file: xslPath }), new Error(message));
    }
  });
}

/** Runs `work` with a fresh temporary folder, removed afterwards. */
async function withScratch<T>(work: (folder: string) => Promise<T>): Promise<T> {
  const folder = await mkdtemp(join(tmpdir(), 'samizdat-xslt-'));
  try {
    return await work(folder);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/**
 * Compiling XSLT 3 stylesheets to SEF with xslt3, once: the SEF is cached on
 * disk under a key made of the sha256 of the stylesheet and of every module it
 * imports or includes (recursively), and of the saxon-js version. Changing any
 * module changes the key; an unchanged stylesheet is never recompiled.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { writeAtomically } from '../write-atomically.js';
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

export interface CompiledStylesheet {
  /** Absolute path of the main module. */
  path: string;
  /** sha256 of the stylesheet, its modules and the saxon-js version. */
  key: string;
  /** The SEF, parsed: what saxon-js runs. */
  sef: unknown;
  /** Whether the SEF came from the disk cache (or memory) instead of xslt3. */
  fromCache: boolean;
}

export interface CompileOptions {
  /** Cache folder (default `.samizdat/cache/xslt`); `false` compiles every time. */
  cacheDir?: string | false;
}

/** Raised when a stylesheet cannot be compiled or run; carries the problem as a value. */
export class TransformProblem extends Error {
  constructor(readonly problem: Diagnostic) {
    super(problem.message);
  }
}

const memory = new Map<string, CompiledStylesheet>();

/** The stylesheet at `path`, compiled (or read from the cache). */
export async function compileStylesheet(path: string, options: CompileOptions = {}): Promise<CompiledStylesheet> {
  const absolute = resolve(path);
  const key = await stylesheetKey(absolute);
  const known = memory.get(key);
  if (known) return { ...known, fromCache: true };
  const cacheDir = options.cacheDir === undefined ? DEFAULT_XSLT_CACHE_DIR : options.cacheDir;
  let compiled: CompiledStylesheet | undefined;
  if (cacheDir !== false) {
    try {
      compiled = { path: absolute, key, sef: JSON.parse(await readFile(join(cacheDir, `${key}.sef.json`), 'utf8')), fromCache: true };
    } catch {
      compiled = undefined;
    }
  }
  if (!compiled) {
    const sefText = await exportSef(absolute, cacheDir);
    const sef = JSON.parse(sefText) as unknown;
    if (cacheDir !== false) await writeAtomically(join(cacheDir, `${key}.sef.json`), sefText);
    compiled = { path: absolute, key, sef, fromCache: false };
  }
  memory.set(key, compiled);
  return compiled;
}

/** sha256 over the stylesheet and every module it imports or includes, in order. */
export async function stylesheetKey(path: string): Promise<string> {
  const hash = createHash('sha256').update(`samizdat-sef-1 saxon-js ${saxonVersion}\n`);
  await visitModules(path, (file, text) => hash.update(`${file}\n${text.length}\n`).update(text));
  return hash.digest('hex');
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
      throw new TransformProblem(diagnostic('error', XSLT_COMPILE_RULE, `the stylesheet ${file} cannot be read: ${(error as Error).message}`, { file }));
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

async function exportSef(xslPath: string, cacheDir: string | false): Promise<string> {
  const folder = cacheDir === false ? join('.samizdat', 'tmp') : cacheDir;
  await mkdir(folder, { recursive: true });
  const partial = join(folder, `export-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.partial`);
  try {
    await run(process.execPath, [xslt3Script, `-xsl:${xslPath}`, `-export:${partial}`, '-nogo', '-relocate:on'], { maxBuffer: 64 * 1024 * 1024 });
    return await readFile(partial, 'utf8');
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    const message = stderr || (error as Error).message;
    throw new TransformProblem(diagnostic('error', XSLT_COMPILE_RULE, `the stylesheet ${xslPath} cannot be compiled: ${message}`, { file: xslPath }));
  } finally {
    await import('node:fs/promises').then((fs) => fs.rm(partial, { force: true }));
  }
}


/**
 * Schematron → XSLT 3 → SEF, cached on disk.
 *
 * xslt/schematron/compile.xsl turns a Schematron schema (or a RELAX NG
 * grammar carrying embedded Schematron) into an XSLT 3 stylesheet; the xslt3
 * compiler exports that stylesheet as a SEF file that saxon-js runs. Both
 * steps are cached under the cache folder, keyed by the sha256 of the
 * Schematron text, of the files it includes and of the compiler, so unchanged
 * rules are never compiled twice.
 */
import { execFile } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { diagnostic, type Diagnostic } from '../../diagnostics.js';
import { saxon, xslt3Script } from './saxon.js';

const run = promisify(execFile);

/** Rule id of problems in the Schematron itself (not in the checked document). */
export const SCHEMATRON_COMPILE_RULE = 'sch-compile';

/** Bump when the generated XSLT changes in a way compile.xsl's text does not show. */
const COMPILER_REVISION = '1';

const COMPILER_XSL = fileURLToPath(new URL('../../../xslt/schematron/compile.xsl', import.meta.url));

/** A Schematron schema compiled to a SEF that saxon-js can run. */
export interface CompiledSchematron {
  /** The file the rules came from. */
  source: string;
  /** The SEF (JSON text) of the generated XSLT. */
  sef: string;
  /** True when the SEF was read from the cache instead of being compiled. */
  fromCache: boolean;
  /** Cache key: sha256 of the compiler, the Schematron text and the files it includes. */
  key: string;
  /** The source and the files it includes: the rules change when one of them does. */
  files: string[];
}

/** A file pulled in by `sch:include`, with its text (undefined: it cannot be read). */
export interface IncludedFile {
  path: string;
  text: string | undefined;
}

/**
 * The files a Schematron source includes, transitively. Any `include` with an
 * `href` counts (in a RELAX NG grammar that is also RELAX NG's own include):
 * taking one file too many only means compiling again when it changes.
 */
export async function schematronIncludes(path: string, text: string, track?: (path: string) => Promise<void>): Promise<IncludedFile[]> {
  const found: IncludedFile[] = [];
  const seen = new Set([path]);
  const visit = async (from: string, content: string): Promise<void> => {
    for (const m of content.matchAll(/<(?:[\w.-]+:)?include\b[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      const href = m[1] ?? m[2];
      const target = URL.canParse(href, pathToFileURL(from)) ? new URL(href, pathToFileURL(from)) : undefined;
      if (target?.protocol !== 'file:') continue;
      const file = fileURLToPath(target);
      if (seen.has(file)) continue;
      seen.add(file);
      await track?.(file);
      const included = await readFile(file, 'utf8').catch(() => undefined);
      found.push({ path: file, text: included });
      if (included !== undefined) await visit(file, included);
    }
  };
  await visit(path, text);
  return found;
}

let compilerSef: Promise<{ sef: string; version: string }> | undefined;

/** The compiled Schematron compiler itself (compiled once per cache folder). */
function loadCompiler(cacheDir: string): Promise<{ sef: string; version: string }> {
  compilerSef ??= (async () => {
    const xsl = await readFile(COMPILER_XSL, 'utf8');
    const version = sha256(`${COMPILER_REVISION}\0${saxon.getProcessorInfo().productVersion}\0${xsl}`);
    const sefPath = join(cacheDir, `compiler-${version}.sef.json`);
    try {
      return { sef: await readFile(sefPath, 'utf8'), version };
    } catch {
      await exportSef(COMPILER_XSL, sefPath);
      return { sef: await readFile(sefPath, 'utf8'), version };
    }
  })();
  const pending = compilerSef;
  pending.catch(() => {
    if (compilerSef === pending) compilerSef = undefined;
  });
  return pending;
}

/** Compiles one Schematron source, or says why it cannot be used. */
export async function compileSchematron(source: { path: string; text: string; includes?: readonly IncludedFile[] }, cacheDir: string): Promise<CompiledSchematron | Diagnostic> {
  const where = { file: source.path };
  const includes = source.includes ?? [];
  const files = [source.path, ...includes.map((i) => i.path)];
  try {
    await mkdir(cacheDir, { recursive: true });
    const compiler = await loadCompiler(cacheDir);
    const included = includes.map((i) => `\0${i.path}\0${i.text === undefined ? 'missing' : sha256(i.text)}`).join('');
    const key = sha256(`${compiler.version}\0${source.text}${included}`);
    const sefPath = join(cacheDir, `${key}.sef.json`);
    try {
      return { source: source.path, sef: await readFile(sefPath, 'utf8'), fromCache: true, key, files };
    } catch {
      // not cached yet
    }
    let xslt: string;
    try {
      xslt = saxon.transform({
        stylesheetText: compiler.sef,
        sourceText: source.text,
        sourceBaseURI: pathToFileURL(source.path).href,
        destination: 'serialized',
        deliverMessage: () => undefined, // the terminating message comes back as the error
      }).principalResult;
    } catch (error) {
      const reason = messageOf(error).replace(/^Terminated with /, '').replace(/^Schematron: /, '');
      return diagnostic('error', SCHEMATRON_COMPILE_RULE, `the Schematron in ${source.path} cannot be used: ${reason}`, where);
    }
    const xslPath = join(cacheDir, `${key}.xsl`);
    await writeFile(xslPath, xslt, 'utf8');
    try {
      await exportSef(xslPath, sefPath);
    } catch (error) {
      return diagnostic('error', SCHEMATRON_COMPILE_RULE,
        `the Schematron in ${source.path} cannot be compiled (an XPath expression in a rule is probably wrong; the generated XSLT is ${xslPath}): ${messageOf(error)}`, where);
    }
    return { source: source.path, sef: await readFile(sefPath, 'utf8'), fromCache: false, key, files };
  } catch (error) {
    return diagnostic('error', SCHEMATRON_COMPILE_RULE, `the Schematron in ${source.path} cannot be compiled: ${messageOf(error)}`, where);
  }
}

/** xslt3 -export, written to a temporary name first so parallel runs never read half a file. */
async function exportSef(xslPath: string, sefPath: string): Promise<void> {
  const partial = `${sefPath}.${randomUUID()}.partial`; // unique across processes and worker threads
  try {
    await run(process.execPath, [xslt3Script, `-xsl:${xslPath}`, `-export:${partial}`, '-nogo', '-relocate:on'], { maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new Error(stderr || messageOf(error));
  }
  await rename(partial, sefPath);
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && 'message' in error) return String((error as { message: unknown }).message);
  return String(error);
}

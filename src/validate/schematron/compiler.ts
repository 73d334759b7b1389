/**
 * Schematron → XSLT 3 → SEF, through the transform layer.
 *
 * xslt/schematron/compile.xsl turns a Schematron schema (or a RELAX NG
 * grammar carrying embedded Schematron) into an XSLT 3 stylesheet; the
 * transform layer compiles that stylesheet to a SEF and caches it, as it does
 * every stylesheet. The key covers the compiler (compile.xsl's own key), the
 * Schematron text and the files it includes, so unchanged rules are never
 * compiled twice, and samizdat's own rules are found precompiled.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { diagnostic, type Diagnostic } from '../../diagnostics.js';
import { cachedFunctionNames, markCachedFunctions } from '../../transform/cached-functions.js';
import {
  TransformProblem, XSLT_COMPILE_RULE, compileGeneratedStylesheet, compileStylesheet, stylesheetKey, transformSource, type CompiledStylesheet, type SefOrigin,
} from '../../transform/index.js';

/** Rule id of problems in the Schematron itself (not in the checked document). */
export const SCHEMATRON_COMPILE_RULE = 'sch-compile';

/** Bump when the generated XSLT changes in a way compile.xsl's text does not show. */
const COMPILER_REVISION = '2';

/** The Schematron compiler, a stylesheet like any other. */
export const COMPILER_XSL = fileURLToPath(new URL('../../../xslt/schematron/compile.xsl', import.meta.url));

/** A Schematron schema compiled to a stylesheet that saxon-js can run. */
export interface CompiledSchematron {
  /** The file the rules came from. */
  source: string;
  /** The generated stylesheet, compiled. */
  stylesheet: CompiledStylesheet;
  /** Where its SEF came from (`compiled`: the rules were compiled just now). */
  origin: SefOrigin;
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

/** Compiles one Schematron source, or says why it cannot be used. */
export async function compileSchematron(source: { path: string; text: string; includes?: readonly IncludedFile[] }, cacheDir: string | false): Promise<CompiledSchematron | Diagnostic> {
  const where = { file: source.path };
  const includes = source.includes ?? [];
  const files = [source.path, ...includes.map((i) => i.path)];
  // The compiler's key names the rules' SEF; the compiler itself (a 100 KB SEF to read and parse) is needed only to generate them anew.
  let compilerKey: string;
  try {
    compilerKey = await stylesheetKey(COMPILER_XSL);
  } catch (error) {
    return diagnostic('error', SCHEMATRON_COMPILE_RULE, `the Schematron in ${source.path} cannot be compiled: ${messageOf(error)}`, where);
  }
  // Included files by their path relative to the source: the key says what the rules are made of, not where.
  const included = includes.map((i) => `\0${relative(dirname(source.path), i.path).split(sep).join('/')}\0${i.text === undefined ? 'missing' : sha256(i.text)}`).join('');
  const key = sha256(`samizdat-sch-${COMPILER_REVISION}\0${compilerKey}\0${source.text}${included}`);
  const generate = async (): Promise<string> => {
    let compiler: CompiledStylesheet;
    try {
      compiler = await compileStylesheet(COMPILER_XSL, { cacheDir });
    } catch (error) {
      // Not the rules' fault: reported as the compiler's problem, not as a wrong XPath expression in a rule.
      throw new Error(messageOf(error));
    }
    return String(transformSource(compiler, { file: source.path, text: source.text, baseUri: pathToFileURL(source.path).href }, {
      messages: () => undefined, // the terminating message comes back as the error
    }).principal);
  };
  try {
    const stylesheet = await compileGeneratedStylesheet({ key, from: source.path, generate }, { cacheDir });
    // The generated stylesheet copies the schema's xsl:functions as they are: cache="yes" is read from the schema.
    markCachedFunctions(stylesheet.sef, cachedFunctionNames(source.text));
    return { source: source.path, stylesheet, origin: stylesheet.origin, key, files };
  } catch (error) {
    if (!(error instanceof TransformProblem)) {
      return diagnostic('error', SCHEMATRON_COMPILE_RULE, `the Schematron in ${source.path} cannot be compiled: ${messageOf(error)}`, where);
    }
    const reason = messageOf(error.cause ?? error);
    if (error.problem.ruleId === XSLT_COMPILE_RULE) {
      const kept = cacheDir === false ? '' : `; the generated XSLT is ${error.problem.file}`;
      return diagnostic('error', SCHEMATRON_COMPILE_RULE,
        `the Schematron in ${source.path} cannot be compiled (an XPath expression in a rule is probably wrong${kept}): ${reason}`, where);
    }
    return diagnostic('error', SCHEMATRON_COMPILE_RULE,
      `the Schematron in ${source.path} cannot be used: ${reason.replace(/^Terminated with /, '').replace(/^Schematron: /, '')}`, where);
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && 'message' in error) return String((error as { message: unknown }).message);
  return String(error);
}

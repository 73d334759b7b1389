/**
 * The transform layer: TEI documents to plain text and HTML through samizdat's
 * XSLT 3 stylesheets (or a user's stylesheet importing them), compiled once to
 * SEF and run in-process with saxon-js.
 */
import { diagnostic } from '../diagnostics.js';
import { saxon } from './saxon.js';
import { type TeiSource, readTeiSource, teiSource } from './source.js';
import { type CompileOptions, type CompiledStylesheet, HTML_STYLESHEET, TEXT_STYLESHEET, TransformProblem, compileStylesheet } from './stylesheet.js';

export { compileStylesheet, stylesheetKey, stylesheetModules, writeAtomically, TransformProblem, HTML_STYLESHEET, SITE_STYLESHEET, TEXT_STYLESHEET, XSLT_DIR, DEFAULT_XSLT_CACHE_DIR, XSLT_COMPILE_RULE } from './stylesheet.js';
export type { CompiledStylesheet, CompileOptions } from './stylesheet.js';
export { teiSource, readTeiSource, doctypeOf } from './source.js';
export type { TeiSource } from './source.js';

export const XSLT_RUN_RULE = 'xslt-run';

export type TextMode = 'reading' | 'diplomatic';
export const TEXT_MODES: readonly TextMode[] = ['reading', 'diplomatic'];

/** A document given by path, or as text with a name for messages. */
export type DocumentInput = string | { text: string; file: string };

async function sourceOf(input: DocumentInput | TeiSource): Promise<TeiSource> {
  if (typeof input === 'string') return readTeiSource(input);
  if ('baseUri' in input) return input;
  return teiSource(input.text, input.file);
}

/** A source parsed once, so that several transformations of it do not each parse it again. */
export interface ParsedSource extends TeiSource {
  /** The document node, as saxon-js holds it. */
  node: unknown;
}

/** Parses a source for `runStylesheet`/`transformSource`; a document that is not XML is a `TransformProblem`. */
export async function parseSource(source: TeiSource): Promise<ParsedSource> {
  try {
    return { ...source, node: await saxon.getResource({ text: source.text, type: 'xml', baseURI: source.baseUri }) };
  } catch (error) {
    const message = (error as { message?: string }).message ?? String(error);
    throw new TransformProblem(diagnostic('error', XSLT_RUN_RULE, `${source.file} cannot be read as XML: ${message}`, { file: source.file }));
  }
}

/** Secondary results (`xsl:result-document`) are kept in memory under this base, never written as files. */
const RESULT_BASE = 'file:///samizdat-results/';

export interface TransformResult {
  /** The serialized (or raw) principal result. */
  principal: unknown;
  /** Serialized secondary results, by their `href` relative to the output base. */
  results: Record<string, string>;
}

/** Runs a compiled stylesheet over a source (text or parsed). */
export function transformSource(
  stylesheet: CompiledStylesheet,
  source: TeiSource | ParsedSource | undefined,
  options: { params?: Record<string, unknown>; initialTemplate?: string; raw?: boolean } = {},
): TransformResult {
  let output: ReturnType<typeof saxon.transform>;
  try {
    output = saxon.transform({
      stylesheetInternal: stylesheet.sef,
      ...(source === undefined ? {} : 'node' in source ? { sourceNode: source.node } : { sourceText: source.text, sourceBaseURI: source.baseUri }),
      ...(options.initialTemplate ? { initialTemplate: options.initialTemplate } : {}),
      destination: options.raw ? 'raw' : 'serialized',
      stylesheetParams: options.params ?? {},
      deliverResultDocument: () => ({ destination: 'serialized' }),
      baseOutputURI: RESULT_BASE,
    });
  } catch (error) {
    const file = source?.file ?? stylesheet.path;
    const message = (error as { message?: string }).message ?? String(error);
    throw new TransformProblem(diagnostic('error', XSLT_RUN_RULE, `${file} could not be transformed with ${stylesheet.path}: ${message}`, { file }));
  }
  const results: Record<string, string> = {};
  for (const [uri, value] of Object.entries(output.resultDocuments ?? {})) results[uri.startsWith(RESULT_BASE) ? uri.slice(RESULT_BASE.length) : uri] = String(value);
  return { principal: output.principalResult, results };
}

/** Runs a compiled stylesheet over a source; the serialized (or raw) principal result. */
export function runStylesheet(
  stylesheet: CompiledStylesheet,
  source: TeiSource | ParsedSource | undefined,
  options: { params?: Record<string, unknown>; initialTemplate?: string; raw?: boolean } = {},
): unknown {
  return transformSource(stylesheet, source, options).principal;
}

export interface TextOptions extends CompileOptions {
  mode?: TextMode;
}

/** The plain text of a TEI document: reading (default) or diplomatic. */
export async function toText(input: DocumentInput, options: TextOptions = {}): Promise<string> {
  const mode = options.mode ?? 'reading';
  if (!TEXT_MODES.includes(mode)) throw new TransformProblem(diagnostic('error', 'usage', `the text mode must be reading or diplomatic, not '${mode}'`, { file: typeof input === 'string' ? input : input.file }));
  const stylesheet = await compileStylesheet(TEXT_STYLESHEET, options);
  return String(runStylesheet(stylesheet, await sourceOf(input), { params: { mode } }));
}

export interface HtmlOptions extends CompileOptions {
  /** A stylesheet that imports xslt/html/html.xsl and overrides parts of it. */
  stylesheet?: string;
  /** Parameters of the HTML stylesheet (see docs/xslt.md). */
  params?: Record<string, unknown>;
}

/** One document as an HTML page (the page of `dist/<name>/index.html`). */
export async function toHtml(input: DocumentInput, options: HtmlOptions = {}): Promise<string> {
  const stylesheet = await compileStylesheet(options.stylesheet ?? HTML_STYLESHEET, options);
  return String(runStylesheet(stylesheet, await sourceOf(input), { params: options.params }));
}

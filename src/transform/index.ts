/**
 * The transform layer: TEI documents to plain text and HTML through samizdat's
 * XSLT 3 stylesheets (or a user's stylesheet importing them), compiled once to
 * SEF and run in-process with saxon-js. It is the program's one XSLT
 * runtime: the rule layer compiles, caches and runs the stylesheets it
 * generates from Schematron through it too.
 */
import { isMainThread } from 'node:worker_threads';
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { CALLING_THREAD_DEPTH, WorkerPool, stackFor } from '../workers/pool.js';
import { readingLimits, type ReadingLimits } from '../xml/index.js';
import { type Apparatus, WitnessTextProblem, apparatusOf, findWitness, witnessTextProblems } from './apparatus.js';
import { buildCheckedTree } from './checked-tree.js';
import { forgetRunIndexes, saxon, type SaxonApi, type SaxonDocument } from './saxon.js';
import { withReadsLimitedTo } from './sandbox.js';
import { type TeiSource, readTeiSource, teiSource } from './source.js';
import { type CompileOptions, type CompiledStylesheet, APPARATUS_STYLESHEET, HTML_STYLESHEET, TEXT_STYLESHEET, TransformProblem, compileStylesheet } from './stylesheet.js';

export { compileStylesheet, compileGeneratedStylesheet, stylesheetKey, stylesheetModules, writeAtomically, TransformProblem, APPARATUS_STYLESHEET, HTML_STYLESHEET, SITE_STYLESHEET, TEXT_STYLESHEET, XSLT_DIR, DEFAULT_XSLT_CACHE_DIR, XSLT_COMPILE_RULE } from './stylesheet.js';
export type { CompiledStylesheet, CompileOptions, GeneratedStylesheet, SefOrigin } from './stylesheet.js';
export type { SaxonDocument } from './saxon.js';
export { saxon as loadXsltRuntime } from './saxon.js';
export { withReadsLimitedTo } from './sandbox.js';
export { teiSource, readTeiSource, sourceOf, doctypeOf } from './source.js';
export type { TeiSource } from './source.js';
export { apparatusOf, findWitness, witnessTextProblems, WitnessTextProblem, VARIANT_METHODS, WITNESS_TEXT_RULE, WITNESS_USAGE_RULE } from './apparatus.js';
export type {
  Apparatus, ApparatusEntry, ApparatusReading, ApparatusWitness, FragmentLimit, Place, ReadingGroup, VariantMethod, WitnessProblem,
} from './apparatus.js';

export const XSLT_RUN_RULE = 'xslt-run';

export type TextMode = 'reading' | 'diplomatic';
export const TEXT_MODES: readonly TextMode[] = ['reading', 'diplomatic'];

/** A document given by path, or as text with a name for messages. */
export type DocumentInput = string | { text: string; file: string };

async function sourceOfInput(input: DocumentInput, limits?: Partial<ReadingLimits>): Promise<TeiSource> {
  if (typeof input === 'string') return readTeiSource(input, limits);
  return teiSource(input.text, input.file, limits);
}

/** A source parsed once, so that several transformations of it do not each parse it again. */
export interface ParsedSource extends TeiSource {
  /** The document node, as saxon-js holds it. */
  node: SaxonDocument;
}

/**
 * Parses a source for `runStylesheet`/`transformSource`; a document that is
 * not XML is a `TransformProblem`. The parser reads no file (`readable`
 * empty) unless told which it may.
 */
export async function parseSource<Source extends Pick<TeiSource, 'file' | 'text' | 'baseUri'>>(source: Source, readable: ReadonlySet<string> = new Set()): Promise<Source & { node: SaxonDocument }> {
  try {
    const node = await withReadsLimitedTo(readable, () => saxon().getResource({ text: source.text, type: 'xml', baseURI: source.baseUri }));
    return { ...source, node };
  } catch (error) {
    const message = (error as { message?: string }).message ?? String(error);
    throw new TransformProblem(diagnostic('error', XSLT_RUN_RULE, `${source.file} cannot be read as XML: ${message}`, { file: source.file }), error);
  }
}

/** Trees made by `parseCheckedSource`, each waiting under its token for saxon-js to ask for it. */
const handedOver = new Map<string, SaxonDocument>();
/** The platform objects whose parser looks for handed-over trees first. */
const handingOver = new WeakSet<object>();
let tokens = 0;

/**
 * `parseSource` for text the reading layer found well-formed: its tree is
 * built without saxon-js's character-by-character parser (checked-tree.ts),
 * the same tree, unless the builder leaves the document to it. The tree
 * still goes through saxon-js's getResource, as the text would: its parser
 * is asked for a token and answers with the tree, which saxon-js then
 * numbers (the order of nodes across documents) and gives its base URI as
 * it does every document it parses.
 */
export async function parseCheckedSource<Source extends Pick<TeiSource, 'file' | 'text' | 'baseUri'>>(source: Source): Promise<Source & { node: SaxonDocument }> {
  const api = saxon();
  const platform = api.getPlatform() as Record<string, unknown> & { createDocument(): SaxonDocument; parseXmlFromString(text: string, ...rest: unknown[]): SaxonDocument };
  let tree: SaxonDocument | undefined;
  try {
    tree = buildCheckedTree(source.text, platform.createDocument());
  } catch {
    tree = undefined; // the builder's failure is not the document's: saxon-js parses it as before
  }
  if (tree === undefined) return parseSource(source);
  if (!handingOver.has(platform)) {
    const parse = platform.parseXmlFromString;
    platform.parseXmlFromString = function (this: unknown, text: string, ...rest: unknown[]) {
      const handed = typeof text === 'string' ? handedOver.get(text) : undefined;
      return handed ?? parse.call(this, text, ...rest);
    };
    handingOver.add(platform);
  }
  const token = `\u0000samizdat-checked-tree-${++tokens}`;
  handedOver.set(token, tree);
  try {
    return { ...source, node: await api.getResource({ text: token, type: 'xml', baseURI: source.baseUri }) };
  } finally {
    handedOver.delete(token);
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

export interface TransformOptions {
  /** Stylesheet parameters, by name. */
  params?: Record<string, unknown>;
  /** Start at this named template (EQName) instead of the source's root. */
  initialTemplate?: string;
  /** The principal result as saxon-js returns it (e.g. a map), not serialized. */
  raw?: boolean;
  /** Documents doc() finds already parsed, by absolute URI. */
  documentPool?: Record<string, SaxonDocument>;
  /** When given, the only files (real paths) the stylesheet may read; nothing else, and no network. */
  readable?: ReadonlySet<string>;
  /** Receives `xsl:message` output, which saxon-js would print on the console. */
  messages?: (message: unknown) => void;
  /**
   * Another instance of saxon-js to run on than the one samizdat loads: the
   * one its code cache is made from (precompiled/warm-up.ts). Reads are
   * limited (`readable`) on samizdat's own instance only.
   */
  runtime?: SaxonApi;
}

/** A source to transform: its text (parsed by saxon-js) or its tree (`parseSource`). */
export type TransformInput = Pick<TeiSource, 'file' | 'text' | 'baseUri'> & { node?: SaxonDocument };

/** Runs a compiled stylesheet over a source (text or parsed). */
export function transformSource(
  stylesheet: CompiledStylesheet,
  source: TransformInput | undefined,
  options: TransformOptions = {},
): TransformResult {
  if (options.runtime && options.readable) throw new Error('reads can be limited on samizdat\'s own saxon-js only, not on another runtime');
  let output: ReturnType<SaxonApi['transform']>;
  const transform = () => (options.runtime ?? saxon()).transform({
    stylesheetInternal: stylesheet.sef,
    ...(source === undefined ? {} : source.node !== undefined ? { sourceNode: source.node } : { sourceText: source.text, sourceBaseURI: source.baseUri }),
    ...(options.initialTemplate ? { initialTemplate: options.initialTemplate } : {}),
    ...(options.documentPool ? { documentPool: options.documentPool } : {}),
    ...(options.messages ? { deliverMessage: options.messages } : {}),
    destination: options.raw ? 'raw' : 'serialized',
    stylesheetParams: options.params ?? {},
    deliverResultDocument: () => ({ destination: 'serialized' }),
    baseOutputURI: RESULT_BASE,
  });
  try {
    output = options.readable ? withReadsLimitedTo(options.readable, transform) : transform();
  } catch (error) {
    const file = source?.file ?? stylesheet.path;
    const message = (error as { message?: string }).message ?? String(error);
    throw new TransformProblem(diagnostic('error', XSLT_RUN_RULE, `${file} could not be transformed with ${stylesheet.path}: ${message}`, { file }), error);
  } finally {
    // The pool's trees outlive this run, and the source's may: what it indexed on them is of no use to the next, but for the indexes of keys that depend on the tree alone.
    for (const tree of [...(source?.node === undefined ? [] : [source.node]), ...Object.values(options.documentPool ?? {})]) forgetRunIndexes(tree);
  }
  const results: Record<string, string> = {};
  for (const [uri, value] of Object.entries(output.resultDocuments ?? {})) results[uri.startsWith(RESULT_BASE) ? uri.slice(RESULT_BASE.length) : uri] = String(value);
  return { principal: output.principalResult, results };
}

/** Runs a compiled stylesheet over a source; the serialized (or raw) principal result. */
export function runStylesheet(
  stylesheet: CompiledStylesheet,
  source: TransformInput | undefined,
  options: TransformOptions = {},
): unknown {
  return transformSource(stylesheet, source, options).principal;
}

/** What reading a document takes: the limits (default `DEFAULT_LIMITS`). */
export interface ReadOptions {
  limits?: Partial<ReadingLimits>;
}

export interface TextOptions extends CompileOptions, ReadOptions {
  mode?: TextMode;
  /**
   * The text of one witness (its siglum or xml:id) from a parallel-segmentation
   * apparatus, instead of the edited text. A siglum the document does not know
   * is a `usage` problem naming those it knows; a text that cannot be read (a
   * reading missing or given twice) a `WitnessTextProblem` with every place.
   */
  witness?: string;
}

/** The plain text of a TEI document: reading (default) or diplomatic; the edited text, or one witness's. */
export async function toText(input: DocumentInput, options: TextOptions = {}): Promise<string> {
  const mode = options.mode ?? 'reading';
  if (!TEXT_MODES.includes(mode)) throw new TransformProblem(diagnostic('error', 'usage', `the text mode must be reading or diplomatic, not '${mode}'`, { file: typeof input === 'string' ? input : input.file }));
  return transformDocument({ kind: 'text', input, options: { ...options, mode } });
}

/** The text of one witness, after checking that the apparatus lets it be read. */
async function witnessText(stylesheet: CompiledStylesheet, source: TeiSource, mode: TextMode, siglum: string, options: CompileOptions): Promise<string> {
  const parsed = await parseSource(source);
  const apparatus = apparatusOf(parsed, String(runStylesheet(await compileStylesheet(APPARATUS_STYLESHEET, options), parsed)));
  const witness = findWitness(apparatus, siglum);
  const problems = witnessTextProblems(apparatus, witness);
  if (problems.length > 0) throw new WitnessTextProblem(problems);
  return String(runStylesheet(stylesheet, parsed, { params: { mode, witness: witness.id } }));
}

/** The critical apparatus of a TEI document: its witnesses and entries, typed (see apparatus.ts). */
export async function readApparatus(input: DocumentInput, options: CompileOptions & ReadOptions = {}): Promise<Apparatus> {
  const stylesheet = await compileStylesheet(APPARATUS_STYLESHEET, options);
  const source = await sourceOfInput(input, options.limits);
  return apparatusOf(source, String(runStylesheet(stylesheet, source)));
}

export interface HtmlOptions extends CompileOptions, ReadOptions {
  /** A stylesheet that imports xslt/html/html.xsl and overrides parts of it. */
  stylesheet?: string;
  /** Parameters of the HTML stylesheet (see docs/xslt.md). */
  params?: Record<string, unknown>;
}

/** One document as an HTML page (the page of `dist/<name>/index.html`). */
export async function toHtml(input: DocumentInput, options: HtmlOptions = {}): Promise<string> {
  return transformDocument({ kind: 'html', input, options });
}

/** What a thread sends back for a `TransformJob`: the result, or the problem with the document (every place, for a witness text). */
export type TransformOutcome = { result: string } | { problem: Diagnostic; witnessProblems?: Diagnostic[] };

/** A document to transform to text or HTML: plain data, so that a thread with a larger stack can take it. */
export type TransformJob = { kind: 'text'; input: DocumentInput; options: TextOptions } | { kind: 'html'; input: DocumentInput; options: HtmlOptions };

/**
 * Runs a transform job. A document deeper than the calling thread's stack
 * allows (or whose transform overflowed it) goes to a thread with a stack
 * large enough for the deepest document the limits accept.
 */
export async function transformDocument(job: TransformJob): Promise<string> {
  const source = await sourceOfInput(job.input, job.options.limits);
  const inLargeStack = async (): Promise<string> => {
    const outcome = await WorkerPool.once<TransformJob, TransformOutcome>(new URL('./worker.js', import.meta.url), undefined, job,
      { stackSizeMb: stackFor(Math.max(source.depth, readingLimits(job.options.limits).maxDepth)) });
    if ('problem' in outcome) throw outcome.witnessProblems ? new WitnessTextProblem(outcome.witnessProblems) : new TransformProblem(outcome.problem);
    return outcome.result;
  };
  if (isMainThread && source.depth > CALLING_THREAD_DEPTH) return inLargeStack();
  try {
    if (job.kind === 'text') {
      const stylesheet = await compileStylesheet(TEXT_STYLESHEET, job.options);
      const mode = job.options.mode ?? 'reading';
      if (job.options.witness !== undefined) return await witnessText(stylesheet, source, mode, job.options.witness, job.options);
      return String(runStylesheet(stylesheet, source, { params: { mode } }));
    }
    const stylesheet = await compileStylesheet(job.options.stylesheet ?? HTML_STYLESHEET, job.options);
    return String(runStylesheet(stylesheet, source, { params: job.options.params }));
  } catch (error) {
    if (isMainThread && error instanceof TransformProblem && /Maximum call stack size exceeded/.test(error.problem.message)) return inLargeStack();
    throw error;
  }
}

/**
 * One document through the layers: read (streaming), well-formedness and
 * safety, RELAX NG, then (when asked) Schematron and the edition rules. The
 * schema is chosen from the prolog before the body is parsed, so the
 * document is read once, and held whole only when the rules need its text.
 * Everything here is plain data in and out, so it runs the same in a worker
 * thread (where each worker keeps its compiled schemas and rules) as here.
 */
import { isMainThread } from 'node:worker_threads';
import { statIfAny, type FileLook } from '../file-look.js';
import { CALLING_THREAD_DEPTH, WorkerPool, stackFor } from '../workers/pool.js';
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { readDocument, readingLimits, ReadRecord, tooLarge, WellFormednessCheck, type DocumentChunk, type ReadingLimits, type XmlEvents } from '../xml/index.js';
import { prologComplete, readXmlModels } from '../xml/xml-model.js';
import { chooseSchema, type Catalog, type ReadableFolders } from './grammar-catalog.js';
import { RunSchemas } from './run-schemas.js';
import { GrammarCheck } from './grammar.js';
import type { DocumentAnswer } from './pool.js';
import type { SchematronOptions } from './schematron.js';
import { OutlineEvents } from './schematron/locations.js';

/** Options a document check needs; plain data, so they can be sent to a worker. */
export interface DocumentCheckOptions {
  /** Schema for every document (path or URL), overriding xml-model PIs. */
  schema?: string;
  /** Extra URL → local path mappings for schemas. */
  catalog?: Catalog;
  /** Where converted schemas are cached (default `.samizdat/cache`); false: no disk cache. */
  cacheDir?: string | false;
  /** Keep the document's text in the result (for a rules hook run by the caller). */
  keepText?: boolean;
  /** Layers 3–4 (Schematron, edition rules) on a well-formed document; absent: layers 1–2 only. */
  schematron?: SchematronOptions;
  /** Limits the document is read under (default `DEFAULT_LIMITS`), as for every command. */
  limits?: Partial<ReadingLimits>;
  /** Where schemas named by `<?xml-model?>` may be read (default: the current folder as the edition's root). */
  readable?: ReadableFolders;
  /** Read without a round trip through libuv's threads at each step (default: only in a worker thread); see `readDocument`. */
  readSynchronously?: boolean;
  /** Given to the rules layer: called when this document waits for rules not yet loaded in this thread (step-aside.ts). */
  waitingForRules?: () => void;
}

export interface DocumentResult {
  file: string;
  diagnostics: Diagnostic[];
  /** The RELAX NG schema used, when one was found. */
  schema?: string;
  /** The text, when asked for and the document is well-formed. */
  text?: string;
  /** The files its verdict depends on besides itself: its schema's files, its rule files and the local files it names (which rules may read). */
  dependsOn?: string[];
  /** The bytes checked (their sha256) and how the file looked before they were read: what a verdict is remembered by. */
  source?: DocumentSource;
}

export interface DocumentSource {
  sha256: string;
  look: FileLook;
  /** When `look` was taken (ms since the epoch). */
  lookedAt: number;
}

const PROLOG_LIMIT = 1 << 20;

/**
 * Checks the document at `file`. `schemas` is what the documents of one run
 * share (in one thread): the schemas they name are looked at once.
 */
export async function checkDocument(file: string, options: DocumentCheckOptions = {}, schemas = new RunSchemas()): Promise<DocumentResult> {
  const record = new ReadRecord();
  const chunks = readDocument(file, { record, synchronous: options.readSynchronously });
  try {
    const result = await checkChunks(file, chunks, options, schemas);
    await chunks.return(undefined);
    await record.complete(file);
    return record.sha256 === undefined ? result : { ...result, source: { sha256: record.sha256, look: record.look!, lookedAt: record.lookedAt } };
  } catch (error) {
    if (error instanceof NeedsLargeStack) {
      const [answer] = await WorkerPool.once<string[], DocumentAnswer[]>(new URL('./worker.js', import.meta.url), options, [file], { stackSizeMb: stackFor(error.depth) });
      if ('error' in answer) throw new Error(answer.error);
      return answer.result;
    }
    throw error;
  } finally {
    await chunks.return(undefined); // closes the file if we stopped early
  }
}

/** The rules layer (saxon-js) recurses with the depth: a document deeper than the calling thread's stack allows is checked in a thread of its own. */
class NeedsLargeStack extends Error {
  constructor(readonly depth: number) {
    super(`nested ${depth} levels deep`);
  }
}

async function checkChunks(file: string, chunks: AsyncGenerator<DocumentChunk>, options: DocumentCheckOptions, schemas: RunSchemas): Promise<DocumentResult> {
  const diagnostics: Diagnostic[] = [];
  let prolog = '';
  let next = await chunks.next();
  while (!next.done && 'text' in next.value) {
    prolog += next.value.text;
    if (prologComplete(prolog) || prolog.length > PROLOG_LIMIT) break;
    next = await chunks.next();
  }
  if (!next.done && 'problem' in next.value) return { file, diagnostics: [next.value.problem] };

  let grammarCheck: GrammarCheck | undefined;
  let schema: string | undefined;
  let grammarFiles: string[] = [];
  const readable = options.readable ?? { root: process.cwd() };
  let choice = chooseSchema(file, readXmlModels(prolog), options, schemas.exists);
  if ('schema' in choice && choice.model) {
    const problem = await schemas.problem(choice.schema, 'rng', readable, options.catalog ?? {}, { file, line: choice.model.line, column: choice.model.column });
    if (problem) choice = { problem };
  }
  if ('problem' in choice) diagnostics.push(choice.problem);
  else {
    schema = choice.schema;
    const loaded = await schemas.grammar(choice.schema, { cacheDir: options.cacheDir });
    if ('problem' in loaded) diagnostics.push(loaded.problem);
    else {
      grammarFiles = loaded.files;
      grammarCheck = new GrammarCheck(loaded.grammar, file);
    }
  }

  const limits = readingLimits(options.limits);
  // The rules report their firings by element number: the places are taken in this pass, not by parsing the document again.
  const outline = options.schematron !== undefined ? new OutlineEvents() : undefined;
  const wellFormedness = new WellFormednessCheck(file, both(grammarCheck, outline), limits);
  // The rules layer holds the text whole (and saxon-js its tree): only within the size limit. Layers 1–2 stream, whatever the size.
  const kept: string[] = [];
  const wanted = options.keepText || options.schematron !== undefined;
  const size = wanted ? fileSize(file) : 0;
  const tooLargeToKeep = size > limits.maxDocumentSize;
  const keep = wanted && !tooLargeToKeep;
  const feed = (text: string) => {
    if (keep) kept.push(text);
    wellFormedness.write(text);
  };
  feed(prolog);
  if (!next.done) {
    for (next = await chunks.next(); !next.done && !wellFormedness.problem; next = await chunks.next()) {
      if ('problem' in next.value) {
        diagnostics.push(next.value.problem);
        return { file, diagnostics, schema };
      }
      feed(next.value.text);
    }
  }
  const fatal = wellFormedness.close();
  if (grammarCheck) diagnostics.push(...grammarCheck.diagnostics);
  if (fatal) diagnostics.push(fatal);
  diagnostics.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  const text = fatal || tooLargeToKeep ? undefined : kept.join('');
  const dependsOn = new Set(grammarFiles);
  if (!fatal && tooLargeToKeep) {
    diagnostics.push(tooLarge(file, size, limits.maxDocumentSize, 'the rules layer holds a document whole; its well-formedness and RELAX NG were checked in full'));
  }
  if (text !== undefined && options.schematron) {
    if (isMainThread && wellFormedness.deepest > CALLING_THREAD_DEPTH) throw new NeedsLargeStack(Math.max(wellFormedness.deepest, limits.maxDepth));
    diagnostics.push(...await checkRules(file, text, { ...options.schematron, readable, dependsOn, outline: outline?.outline, schemas, wellFormed: true, waitingForRules: options.waitingForRules }));
  }
  return { file, diagnostics, schema, text: options.keepText ? text : undefined, dependsOn: [...dependsOn].sort() };
}

/** The events of the reading layer, for each of the layers that listen (either may be absent). */
function both(first: XmlEvents | undefined, second: XmlEvents | undefined): XmlEvents | undefined {
  if (first === undefined || second === undefined) return first ?? second;
  return {
    startElement: (tag, at) => { first.startElement(tag, at); second.startElement(tag, at); },
    endElement: (uri, local, at) => { first.endElement(uri, local, at); second.endElement(uri, local, at); },
    text: (text, at) => { first.text(text, at); second.text(text, at); },
    end: (at) => { first.end(at); second.end(at); },
  };
}

function fileSize(file: string): number {
  return statIfAny(file)?.size ?? 0;
}

async function checkRules(file: string, text: string, options: SchematronOptions): Promise<Diagnostic[]> {
  try {
    // Loaded on first use, so that --grammar-only never pays for saxon-js.
    const { runSchematron } = await import('./schematron.js');
    return await runSchematron({ path: file, text }, options);
  } catch (err) {
    return [diagnostic('error', 'internal', `the rules layer failed on this file: ${(err as Error).message}`, { file })];
  }
}

/**
 * The one slice of saxon-js (which ships no types) that samizdat uses: the
 * transform layer and, through it, the rule layer. saxon-js is loaded on
 * first use, not when this module is: loading it costs about 0.2 s, which
 * `--version`, `init` or `validate --grammar-only` never need to pay; and it
 * is loaded from the package's code cache when there is one, with its HTTP
 * client left unloaded until something calls it (code-cache.ts).
 */
import { createRequire } from 'node:module';
import { PRECOMPILED_CODE_CACHE_DIR } from '../precompiled/index.js';
import { requireWithCodeCache, type CodeCacheOptions } from './code-cache.js';
import { KEPT_KEY_PREFIX, SAXON_PATCHES } from './saxon-patches.js';

/** A document tree as saxon-js holds it (opaque here). */
export type SaxonDocument = object;

export interface SaxonTransformOptions {
  /** The SEF, already parsed (saxon-js would otherwise parse the JSON text on every run). */
  stylesheetInternal: object;
  sourceText?: string;
  sourceNode?: SaxonDocument;
  sourceBaseURI?: string;
  initialTemplate?: string;
  destination: 'serialized' | 'raw';
  stylesheetParams?: Record<string, unknown>;
  /** Documents that doc() finds here, by absolute URI, instead of reading and parsing them. */
  documentPool?: Record<string, SaxonDocument>;
  /** Receives xsl:message output (saxon-js prints it to the console otherwise). */
  deliverMessage?: (message: unknown, errorCode?: unknown) => void;
  /** Where `xsl:result-document` output goes; without it saxon-js on Node writes files. */
  deliverResultDocument?: (uri: string) => { destination: 'serialized' };
  baseOutputURI?: string;
}

export interface SaxonApi {
  transform(options: SaxonTransformOptions): { principalResult: unknown; resultDocuments?: Record<string, unknown> };
  /** Parses XML text into a document node (rejects with the parser's message). */
  getResource(options: { text: string; type: 'xml'; baseURI?: string }): Promise<SaxonDocument>;
  /** The platform object through which saxon-js reads files and makes requests (see sandbox.ts). */
  getPlatform(): Record<string, (...args: unknown[]) => unknown>;
}

const require = createRequire(import.meta.url);

let loaded: SaxonApi | undefined;

/** How saxon-js is loaded: its code cache among the package's precompiled files; axios, which the sandbox never lets it call, only if called; two costs that do not depend on the work removed (saxon-patches.ts). */
export const SAXON_LOADING: CodeCacheOptions = { cacheDir: PRECOMPILED_CODE_CACHE_DIR, deferred: ['axios'], patches: SAXON_PATCHES };

/** The file saxon-js is loaded from. */
export function saxonScript(): string {
  return require.resolve('saxon-js');
}

/** saxon-js, loaded on the first call. */
export function saxon(): SaxonApi {
  loaded ??= requireWithCodeCache(saxonScript(), SAXON_LOADING).exports as SaxonApi;
  return loaded;
}

/**
 * Forgets the key indexes a run of a stylesheet left on a tree that are of
 * no use to the next. saxon-js keeps a document's indexes on its document
 * node, under an id it draws afresh for every run: a tree kept from one run
 * to the next (a register in the document pool of the rules, checked against
 * every document of an edition) would keep every run's indexes, never used
 * again, and grow with each document checked (about 50 KB per document for
 * the flagship's register of 11 KB; with a register of thousands of
 * persons, megabytes). The indexes of keys that depend on the tree alone
 * are filed under one id per stylesheet (KEPT_KEY_PREFIX,
 * saxon-patches.ts): those are kept for the next run, unless one was left
 * unfinished by a run that failed while building it.
 * (Accumulator values are kept on each node likewise; no rule of samizdat's
 * reads them on a pooled document.)
 */
export function forgetRunIndexes(tree: SaxonDocument): void {
  const node = tree as { _saxonIndexes?: Record<string, unknown>; _saxonIndexesBC?: Record<string, unknown> };
  const indexes = node._saxonIndexes;
  if (indexes === undefined) return;
  const flags = node._saxonIndexesBC ?? {};
  for (const id of Object.keys(indexes)) {
    if (id.startsWith(KEPT_KEY_PREFIX) && indexes[id] !== 'under construction') continue;
    delete indexes[id];
    delete flags[id];
  }
}

/** The xslt3 compiler script, which exports stylesheets as SEF (run as a child process). */
export function xslt3Script(): string {
  return require.resolve('xslt3/xslt3.js');
}

/** Version of saxon-js, part of every SEF's key (a SEF is tied to its runtime). */
export const saxonVersion: string = (require('saxon-js/package.json') as { version: string }).version;

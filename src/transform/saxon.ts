/**
 * The slice of saxon-js (which ships no types) that the transform layer uses.
 */
import { createRequire } from 'node:module';

export interface SaxonTransformOptions {
  stylesheetInternal: unknown;
  sourceText?: string;
  sourceNode?: unknown;
  sourceBaseURI?: string;
  initialTemplate?: string;
  destination: 'serialized' | 'raw';
  stylesheetParams?: Record<string, unknown>;
  /** Where `xsl:result-document` output goes; without it saxon-js on Node writes files. */
  deliverResultDocument?: (uri: string) => { destination: 'serialized' };
  baseOutputURI?: string;
}

export interface SaxonApi {
  transform(options: SaxonTransformOptions): { principalResult: unknown; resultDocuments?: Record<string, unknown> };
  /** Parses XML text into a document node (rejects with the parser's message). */
  getResource(options: { text: string; type: 'xml'; baseURI?: string }): Promise<unknown>;
}

const require = createRequire(import.meta.url);

export const saxon = require('saxon-js') as SaxonApi;

/** The xslt3 compiler script, which exports stylesheets as SEF. */
export const xslt3Script: string = require.resolve('xslt3/xslt3.js');

/** Version of saxon-js, part of every cache key (a SEF is tied to its runtime). */
export const saxonVersion: string = (require('saxon-js/package.json') as { version: string }).version;

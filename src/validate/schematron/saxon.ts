/**
 * The slice of saxon-js that the rule layer uses, typed here (the package
 * ships no types). Loaded through require so that no ambient module
 * declaration is needed.
 */
import { createRequire } from 'node:module';

/** A document tree as saxon-js holds it (opaque here). */
export type SaxonDocument = object;

export interface SaxonTransformOptions {
  /** The SEF as JSON text, or (`stylesheetInternal`) already parsed, which spares parsing it on every run. */
  stylesheetText?: string;
  stylesheetInternal?: object;
  sourceText: string;
  sourceBaseURI?: string;
  /** Documents that doc() finds here, by absolute URI, instead of reading and parsing them. */
  documentPool?: Record<string, SaxonDocument>;
  destination: 'serialized';
  stylesheetParams?: Record<string, unknown>;
  /** Receives xsl:message output (saxon-js prints it to the console otherwise). */
  deliverMessage?: (message: unknown, errorCode?: unknown) => void;
}

export interface SaxonApi {
  transform(options: SaxonTransformOptions): { principalResult: string };
  getPlatform(): Record<string, (...args: unknown[]) => unknown>;
  getResource(options: { type: 'xml'; text: string; baseURI: string }): Promise<SaxonDocument>;
  getProcessorInfo(): { productVersion: string };
}

const require = createRequire(import.meta.url);

export const saxon = require('saxon-js') as SaxonApi;

/** Path of the xslt3 command-line compiler script (exports SEF files). */
export const xslt3Script: string = require.resolve('xslt3/xslt3.js');

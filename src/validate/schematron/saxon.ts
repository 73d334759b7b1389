/**
 * The slice of saxon-js that the rule layer uses, typed here (the package
 * ships no types). Loaded through require so that no ambient module
 * declaration is needed.
 */
import { createRequire } from 'node:module';

export interface SaxonTransformOptions {
  stylesheetText: string;
  sourceText: string;
  sourceBaseURI?: string;
  destination: 'serialized';
  stylesheetParams?: Record<string, unknown>;
  /** Receives xsl:message output (saxon-js prints it to the console otherwise). */
  deliverMessage?: (message: unknown, errorCode?: unknown) => void;
}

export interface SaxonApi {
  transform(options: SaxonTransformOptions): { principalResult: string };
  getPlatform(): Record<string, (...args: unknown[]) => unknown>;
  getProcessorInfo(): { productVersion: string };
}

const require = createRequire(import.meta.url);

export const saxon = require('saxon-js') as SaxonApi;

/** Path of the xslt3 command-line compiler script (exports SEF files). */
export const xslt3Script: string = require.resolve('xslt3/xslt3.js');

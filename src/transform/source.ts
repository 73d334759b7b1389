/**
 * TEI documents are untrusted. Before a document reaches saxon-js its
 * DOCTYPE, if any, is checked by the XML layer's rules (no external DTD,
 * no external or parameter entities, no entity expansion beyond the limit).
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { diagnostic } from '../diagnostics.js';
import { checkDoctype } from '../xml/doctype.js';
import { TransformProblem } from './stylesheet.js';

/** A TEI document ready to transform: its text and where it lives. */
export interface TeiSource {
  /** Path of the file, or a name for text given directly. */
  file: string;
  text: string;
  /** file: URL of the document, the base for its relative pointers. */
  baseUri: string;
}

/** The DOCTYPE's text after `<!DOCTYPE`, or undefined when there is none. */
export function doctypeOf(text: string): string | undefined {
  const start = text.indexOf('<!DOCTYPE');
  if (start < 0) return undefined;
  const firstElement = text.search(/<[A-Za-z_]/);
  if (firstElement >= 0 && firstElement < start) return undefined;
  let i = start + '<!DOCTYPE'.length;
  let depth = 0;
  let quote = '';
  for (; i < text.length; i++) {
    const c = text[i];
    if (quote) { if (c === quote) quote = ''; continue; }
    if (c === '"' || c === "'") quote = c;
    else if (c === '[') depth++;
    else if (c === ']') depth--;
    else if (c === '>' && depth <= 0) break;
  }
  return text.slice(start + '<!DOCTYPE'.length, i);
}

/** Checks `text` (from `file`) and returns it as a source, or raises the problem. */
export function teiSource(text: string, file: string): TeiSource {
  const doctype = doctypeOf(text);
  if (doctype !== undefined) {
    const verdict = checkDoctype(doctype);
    if (!verdict.ok) throw new TransformProblem(diagnostic('error', verdict.ruleId, `${file}: ${verdict.message}`, { file, line: lineOf(text, text.indexOf('<!DOCTYPE')) }));
  }
  return { file, text: text.replace(/^\uFEFF/, ''), baseUri: pathToFileURL(resolve(file)).href };
}

/** Reads and checks the document at `path`. */
export async function readTeiSource(path: string): Promise<TeiSource> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new TransformProblem(diagnostic('error', 'io', `${path} cannot be read: ${(error as Error).message}`, { file: path }));
  }
  return teiSource(text, path);
}

function lineOf(text: string, index: number): number {
  return text.slice(0, Math.max(0, index)).split('\n').length;
}

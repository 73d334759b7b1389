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
  let checked = text.replace(/^\uFEFF/, '');
  if (doctype !== undefined) {
    const where = { file, line: lineOf(text, text.indexOf('<!DOCTYPE')) };
    const verdict = checkDoctype(doctype);
    if (!verdict.ok) throw new TransformProblem(diagnostic('error', verdict.ruleId, `${file}: ${verdict.message}`, where));
    checked = expandInternalEntities(checked, doctype, verdict.entities, file, where.line);
  }
  return { file, text: checked, baseUri: pathToFileURL(resolve(file)).href };
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

/** Largest growth, in characters, that expanding a document's internal entities may cause. */
export const DOCUMENT_EXPANSION_LIMIT = 20_000_000;

/**
 * saxon-js does not expand entities declared in a DOCTYPE, so the checked,
 * text-only internal entities are expanded here (escaped as XML) and the
 * DOCTYPE removed. The total growth is capped.
 */
function expandInternalEntities(text: string, doctype: string, entities: Record<string, string>, file: string, line: number): string {
  const start = text.indexOf('<!DOCTYPE');
  const end = start + '<!DOCTYPE'.length + doctype.length + 1;
  const body = text.slice(end);
  if (Object.keys(entities).length === 0) return text.slice(0, start) + body;
  const escape = (value: string): string => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  let growth = 0;
  const expanded = body.replace(/&([A-Za-z_][\w.-]*);/g, (whole, name: string) => {
    if (!(name in entities)) return whole;
    const value = escape(entities[name]);
    growth += value.length;
    if (growth > DOCUMENT_EXPANSION_LIMIT) {
      throw new TransformProblem(diagnostic('error', 'xml-entity-expansion', `${file}: its entities would expand the document by more than ${DOCUMENT_EXPANSION_LIMIT} characters; rejected.`, { file, line }));
    }
    return value;
  });
  return text.slice(0, start) + expanded;
}

function lineOf(text: string, index: number): number {
  return text.slice(0, Math.max(0, index)).split('\n').length;
}

/**
 * TEI documents are untrusted. A document reaches saxon-js only through the
 * reading layer (src/xml): decoded exactly, well-formed, its DOCTYPE checked
 * (no external DTD, no external or parameter entities) and its entity
 * expansion, depth and size within the limits every command shares.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkDoctype } from '../xml/doctype.js';
import { checkXml, readXml, type ReadingLimits, type XmlDocument, type XmlRead } from '../xml/index.js';
import { TransformProblem } from './stylesheet.js';

/** A TEI document ready to transform: its text and where it lives. */
export interface TeiSource {
  /** Path of the file, or a name for text given directly. */
  file: string;
  /** The text saxon-js parses: the document with its internal entities expanded and its DOCTYPE blanked out. */
  text: string;
  /** file: URL of the document, the base for its relative pointers. */
  baseUri: string;
  /** The deepest element nesting (the transform needs stack in proportion). */
  depth: number;
  /** The text as written, when `text` differs from it (its DOCTYPE removed, its entities expanded): what line numbers refer to. */
  original?: string;
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

function sourceOrProblem(read: XmlRead, limits?: Partial<ReadingLimits>): TeiSource {
  if (!read.ok) throw new TransformProblem(read.problem);
  return sourceOf(read.document, limits);
}

/** A checked document as a source for saxon-js. */
export function sourceOf(document: XmlDocument, limits?: Partial<ReadingLimits>): TeiSource {
  const text = forSaxon(document.text, limits);
  return {
    file: document.file,
    text,
    baseUri: pathToFileURL(resolve(document.file)).href,
    depth: document.depth,
    ...(text === document.text ? {} : { original: document.text }),
  };
}

/** Checks `text` (from `file`) through the reading layer and returns it as a source, or raises the problem. */
export function teiSource(text: string, file: string, limits?: Partial<ReadingLimits>): TeiSource {
  return sourceOrProblem(checkXml(text, file, limits), limits);
}

/** Reads and checks the document at `path`. */
export async function readTeiSource(path: string, limits?: Partial<ReadingLimits>): Promise<TeiSource> {
  return sourceOrProblem(await readXml(path, limits), limits);
}

const ESCAPED: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * saxon-js does not expand entities declared in a DOCTYPE, so the internal
 * (text-only, size-checked) entities are expanded here, escaped as XML, in
 * content and attribute values but not in comments, CDATA sections and
 * processing instructions; the DOCTYPE is blanked out with as many line
 * breaks as it held, so lines keep their numbers.
 */
function forSaxon(text: string, limits?: Partial<ReadingLimits>): string {
  const doctype = doctypeOf(text);
  if (doctype === undefined) return text;
  const start = text.indexOf('<!DOCTYPE');
  const end = start + '<!DOCTYPE'.length + doctype.length + 1;
  const blank = '\n'.repeat(doctype.split('\n').length - 1);
  const verdict = checkDoctype(doctype, limits?.maxEntityExpansion);
  const entities = verdict.ok ? verdict.entities : {};
  const body = text.slice(end);
  if (Object.keys(entities).length === 0) return text.slice(0, start) + blank + body;
  const expanded = body.replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|&([^\s&;<#][^\s&;<]*);/g, (whole, name: string | undefined) => {
    if (name === undefined || !Object.hasOwn(entities, name)) return whole;
    return entities[name].replace(/[&<>"']/g, (c) => ESCAPED[c]);
  });
  return text.slice(0, start) + blank + expanded;
}

/**
 * A small element tree of a TEI document, enough to read its header and find
 * its paragraphs: element names without prefix, attributes by their qualified
 * name (`xml:id`), children in document order. Built with fast-xml-parser; no
 * DTD or entity is ever fetched (internal entities of the DOCTYPE are expanded
 * only when `checkDoctype` allows them).
 */
import { XMLParser } from 'fast-xml-parser';
import { checkDoctype } from '../xml/doctype.js';

export interface TeiElement {
  name: string;
  attributes: Record<string, string>;
  children: TeiNode[];
}

export type TeiNode = TeiElement | string;

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

/** The root element of `text`, or a message saying why it cannot be read. */
export function parseTei(text: string): { root: TeiElement } | { message: string } {
  let body = text.replace(/^\uFEFF/, '');
  const doctype = /<!DOCTYPE\b/.exec(body);
  let entities: Record<string, string> = {};
  if (doctype) {
    const end = doctypeEnd(body, doctype.index);
    if (end < 0) return { message: 'the DOCTYPE declaration is not closed.' };
    const verdict = checkDoctype(body.slice(doctype.index + '<!DOCTYPE'.length, end));
    if (verdict.ok) entities = verdict.entities;
    // An external DTD is never read; its entities stay unexpanded.
    body = body.slice(0, doctype.index) + body.slice(end + 1);
  }
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    processEntities: true,
    // Also decodes numeric character references (&#x2019;), which XML requires.
    htmlEntities: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
    commentPropName: '#comment',
  });
  // Internal entities (already expanded and size-checked by checkDoctype) are
  // put in place as text before parsing.
  const names = Object.keys(entities).filter((n) => /^[\p{L}_][\p{L}\p{N}._:-]*$/u.test(n));
  if (names.length) {
    const reference = new RegExp(`&(${names.map((n) => n.replace(/[.]/g, '\\.')).join('|')});`, 'gu');
    body = body.replace(reference, (_, name: string) => escapeText(entities[name]!));
  }
  let ordered: OrderedNode[];
  try {
    ordered = parser.parse(body) as OrderedNode[];
  } catch (err) {
    return { message: `the document is not well-formed XML (${err instanceof Error ? err.message : String(err)}).` };
  }
  const root = ordered.map(convert).find((node): node is TeiElement => typeof node !== 'string');
  if (!root) return { message: 'the document has no root element.' };
  return { root };
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function doctypeEnd(text: string, start: number): number {
  let inSubset = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '[') inSubset = true;
    else if (c === ']') inSubset = false;
    else if (c === '>' && !inSubset) return i;
  }
  return -1;
}

function convert(node: OrderedNode): TeiNode {
  if ('#text' in node) return String(node['#text']);
  const name = Object.keys(node).find((key) => key !== ':@')!;
  if (name === '#comment') return '';
  const children = (node[name] as OrderedNode[] | undefined) ?? [];
  return {
    name: localName(name),
    attributes: { ...(node[':@'] ?? {}) },
    children: children.map(convert).filter((child) => child !== ''),
  };
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

export function elements(parent: TeiElement | undefined): TeiElement[] {
  return parent ? parent.children.filter((c): c is TeiElement => typeof c !== 'string') : [];
}

/** The first child element named `name` (or at the end of a path `a/b/c`). */
export function child(parent: TeiElement | undefined, path: string): TeiElement | undefined {
  return children(parent, path)[0];
}

/** Every element reached by the path `a/b/c` of child names. */
export function children(parent: TeiElement | undefined, path: string): TeiElement[] {
  let current = parent ? [parent] : [];
  for (const step of path.split('/')) {
    current = current.flatMap((el) => elements(el).filter((c) => c.name === step));
  }
  return current;
}

/** Every descendant element named `name`, in document order. */
export function descendants(parent: TeiElement | undefined, name: string): TeiElement[] {
  const found: TeiElement[] = [];
  const visit = (el: TeiElement): void => {
    for (const c of elements(el)) {
      if (c.name === name) found.push(c);
      visit(c);
    }
  };
  if (parent) visit(parent);
  return found;
}

/** Elements whose text is not part of their parent's text (notes, identifiers). */
const SKIPPED = new Set(['note', 'idno']);

/** The text content, with runs of white space made one space and trimmed. */
export function textOf(node: TeiNode | undefined): string {
  if (node === undefined) return '';
  const collect = (n: TeiNode): string => {
    if (typeof n === 'string') return n;
    return n.children.map((c) => (typeof c !== 'string' && SKIPPED.has(c.name) ? '' : collect(c))).join('');
  };
  const raw = collect(node);
  return raw.replace(/\s+/g, ' ').trim();
}

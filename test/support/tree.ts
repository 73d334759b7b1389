/**
 * A small ordered XML tree for tests that inspect the encoding directly,
 * independent of samizdat's own pipeline (so a bug there cannot hide a bug
 * in the TEI). Built with fast-xml-parser in order-preserving mode.
 */
import { XMLParser } from 'fast-xml-parser';
import { readFileSync } from 'node:fs';

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  parent?: XmlElement;
}
export type XmlNode = XmlElement | string;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  ignorePiTags: true,
  commentPropName: '#comment',
  processEntities: true,
});

type Ordered = Record<string, unknown> & { ':@'?: Record<string, string> };

function build(items: Ordered[], parent?: XmlElement): XmlNode[] {
  const nodes: XmlNode[] = [];
  for (const item of items) {
    const key = Object.keys(item).find((k) => k !== ':@');
    if (key === undefined || key === '#comment' || key.startsWith('?')) continue;
    if (key === '#text') {
      nodes.push(String(item[key]));
      continue;
    }
    const element: XmlElement = { name: key, attrs: { ...(item[':@'] ?? {}) }, children: [], parent };
    element.children = build(item[key] as Ordered[], element);
    nodes.push(element);
  }
  return nodes;
}

export function parseXmlFile(path: string): XmlElement {
  const roots = build(parser.parse(readFileSync(path, 'utf8')) as Ordered[]);
  const root = roots.find((n): n is XmlElement => typeof n !== 'string');
  if (!root) throw new Error(`${path}: no root element`);
  return root;
}

export function* descendants(element: XmlElement): Generator<XmlElement> {
  for (const child of element.children) {
    if (typeof child === 'string') continue;
    yield child;
    yield* descendants(child);
  }
}

export function elements(root: XmlElement, name: string): XmlElement[] {
  return [...descendants(root)].filter((e) => e.name === name);
}

export function child(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((c): c is XmlElement => typeof c !== 'string' && c.name === name);
}

/**
 * Text content in document order. `replace` lets a caller stand an element's
 * text in for something else (e.g. an omission for the glyphs it printed).
 */
export function textOf(node: XmlNode, replace?: (e: XmlElement) => string | undefined): string {
  if (typeof node === 'string') return node;
  const replaced = replace?.(node);
  if (replaced !== undefined) return replaced;
  return node.children.map((c) => textOf(c, replace)).join('');
}

export function normaliseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

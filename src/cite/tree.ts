/**
 * A small element tree of a TEI document, enough to read its header and find
 * its paragraphs: element names without prefix, attributes by their qualified
 * name (`xml:id`), children in document order. Built from the reading layer's
 * events (src/xml), so a document is read here exactly as every other
 * command reads it: the same well-formedness verdict, DOCTYPE rules and
 * limits, and the same messages at `file:line:col`.
 */
import type { Diagnostic } from '../diagnostics.js';
import { checkXml, type ReadingLimits, type XmlEvents, type XmlStartTag } from '../xml/index.js';

export interface TeiElement {
  name: string;
  attributes: Record<string, string>;
  children: TeiNode[];
}

export type TeiNode = TeiElement | string;

const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** Builds the tree from the well-formedness check's events (without recursion: any depth the limits allow). */
class TreeBuilder implements XmlEvents {
  root: TeiElement | undefined;
  private readonly open: TeiElement[] = [];

  startElement(tag: XmlStartTag): void {
    const attributes: Record<string, string> = {};
    for (const attribute of tag.attributes) {
      const name = attribute.uri === XML_NS ? `xml:${attribute.local}` : attribute.uri === '' ? attribute.local : `{${attribute.uri}}${attribute.local}`;
      attributes[name] = attribute.value;
    }
    const element: TeiElement = { name: tag.local, attributes, children: [] };
    const parent = this.open.at(-1);
    if (parent) parent.children.push(element);
    else this.root = element;
    this.open.push(element);
  }

  endElement(): void {
    this.open.pop();
  }

  text(text: string): void {
    this.open.at(-1)?.children.push(text);
  }

  end(): void {}
}

/** The root element of `text` (from `file`), or the problem that stops it being read. */
export function parseTei(text: string, file: string, limits?: Partial<ReadingLimits>): { root: TeiElement } | { problem: Diagnostic } {
  const tree = new TreeBuilder();
  const read = checkXml(text, file, limits, tree);
  if (!read.ok) return { problem: read.problem };
  return { root: tree.root! };
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

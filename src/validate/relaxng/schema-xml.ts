/**
 * Reading a RELAX NG schema document (XML syntax) into a tree of its RELAX
 * NG elements, with what simplification needs from the XML: each element's
 * place (for messages), base URI (`xml:base`), in-scope namespace prefixes
 * and character data. Foreign elements and attributes (annotations, such as
 * TEI's documentation and embedded Schematron) are dropped here (spec 4.1).
 * Only local files are read, and a DOCTYPE follows the same safety rules as
 * a document's.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { checkDoctype } from '../../xml/doctype.js';
import { IncorrectSchema, type SchemaLocation } from './schema-error.js';

export const RELAXNG_NAMESPACE = 'http://relaxng.org/ns/structure/1.0';

export interface SchemaElement {
  /** Local name of a RELAX NG element (`element`, `ref`, `grammar`, …). */
  readonly local: string;
  /** Its unqualified attributes. */
  readonly attributes: ReadonlyMap<string, string>;
  readonly children: SchemaElement[];
  /** Its own character data (what `value`, `param` and `name` hold). */
  text: string;
  /** It has foreign (annotation) elements as children: dropped, but `value`, `param` and `name` cannot have any. */
  foreignChildren: boolean;
  readonly at: SchemaLocation;
  /** Its base URI, after `xml:base`. */
  readonly base: string;
  /** Prefixes in scope ('' for the default namespace, when declared). */
  readonly namespaces: Readonly<Record<string, string>>;
}

const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';

/** Reads the schema document at `url` (a `file:` URL); throws IncorrectSchema. */
export function readSchemaDocument(url: URL, reference?: SchemaLocation): SchemaElement {
  if (url.protocol !== 'file:') {
    throw new IncorrectSchema(`${url.href} is not a local file; samizdat never downloads schemas (map the URL to a local copy in the catalog)`, reference);
  }
  const file = fileURLToPath(url);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new IncorrectSchema(code === 'ENOENT' ? `the schema file ${file} does not exist` : `the schema file ${file} cannot be read: ${(err as Error).message}`, reference);
  }
  return parseSchemaText(text, url, file);
}

/** Parses schema text that was read from `url`. */
export function parseSchemaText(text: string, url: URL, file = fileURLToPath(url)): SchemaElement {
  const parser = new SaxesParser({ xmlns: true, position: true, additionalNamespaces: {} });
  let root: SchemaElement | undefined;
  /** Open elements: a RELAX NG element, or null for a foreign element (whose content is dropped). */
  const stack: (SchemaElement | null)[] = [];
  const bases: string[] = [];
  const scopes: Record<string, string>[] = [];
  let tagStart = { line: 1, column: 1 };
  let problem: IncorrectSchema | undefined;
  const fail = (message: string, at?: { line: number; column: number }): void => {
    problem ??= new IncorrectSchema(message, { file, ...(at ?? { line: parser.line, column: parser.column + 1 }) });
  };

  parser.on('error', (err) => fail(`the schema is not well-formed XML: ${err.message.replace(/^[^:]*:\d+:\d+: /, '')}`));
  parser.on('doctype', (doctype) => {
    const verdict = checkDoctype(doctype);
    if (!verdict.ok) fail(verdict.message);
    else Object.assign(parser.ENTITIES, verdict.entities);
  });
  parser.on('opentagstart', () => {
    tagStart = { line: parser.line, column: Math.max(1, parser.column) };
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    const parent = stack.length === 0 ? undefined : stack[stack.length - 1];
    const parentBase = bases.length === 0 ? url.href : bases[bases.length - 1];
    let base = parentBase;
    const xmlBase = Object.values(tag.attributes).find((a) => a.uri === XML_NAMESPACE && a.local === 'base');
    if (xmlBase) {
      try {
        base = new URL(xmlBase.value, parentBase).href;
      } catch {
        fail(`xml:base="${xmlBase.value}" is not a URI reference`, tagStart);
      }
    }
    bases.push(base);
    const namespaces = { ...(scopes.length === 0 ? {} : scopes[scopes.length - 1]), ...(tag.ns ?? {}) };
    scopes.push(namespaces);
    if (parent === null || tag.uri !== RELAXNG_NAMESPACE) {
      if (parent) parent.foreignChildren = true;
      if (parent === undefined) fail(`the root element <${tag.name}> is not in the RELAX NG namespace (${RELAXNG_NAMESPACE}): this is not a RELAX NG schema in the XML syntax`, tagStart);
      stack.push(null);
      return;
    }
    const attributes = new Map<string, string>();
    for (const attribute of Object.values(tag.attributes)) {
      if (attribute.uri === '') attributes.set(attribute.local, attribute.value);
      else if (attribute.uri === RELAXNG_NAMESPACE) fail(`the attribute ${attribute.name} is in the RELAX NG namespace, where no attribute is allowed`, tagStart);
    }
    const element: SchemaElement = {
      local: tag.local, attributes, children: [], text: '', foreignChildren: false, at: { file, ...tagStart }, base,
      namespaces,
    };
    if (parent) parent.children.push(element);
    else root = element;
    stack.push(element);
  });
  parser.on('closetag', () => {
    stack.pop();
    bases.pop();
    scopes.pop();
  });
  const addText = (data: string): void => {
    const top = stack[stack.length - 1];
    if (top) top.text += data;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  try {
    parser.write(text).close();
  } catch (err) {
    fail(`the schema is not well-formed XML: ${(err as Error).message.replace(/^[^:]*:\d+:\d+: /, '')}`);
  }
  if (problem) throw problem;
  if (!root) throw new IncorrectSchema('the schema has no root element', { file, line: 1, column: 1 });
  return root;
}

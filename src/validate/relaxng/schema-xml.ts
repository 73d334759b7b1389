/**
 * Reading a RELAX NG schema document (XML syntax) into a tree of its RELAX
 * NG elements, with what simplification needs from the XML: each element's
 * place (for messages), base URI (`xml:base`), in-scope namespace prefixes
 * and character data. Foreign elements and attributes (annotations, such as
 * TEI's documentation and embedded Schematron) are dropped here (spec 4.1).
 * Only local files are read, with the scanner that reads documents, and a
 * DOCTYPE follows the same safety rules as a document's.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkDoctype } from '../../xml/doctype.js';
import { XmlScanner, XML_NAMESPACE, type ScanHandler, type ScannedTag } from '../../xml/scanner.js';
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
  const reader = new SchemaReader(url, file);
  const scanner = new XmlScanner(reader);
  try {
    scanner.write(text);
    scanner.close();
  } catch (err) {
    if (err !== STOP) throw err;
  }
  if (reader.problem) throw reader.problem;
  if (!reader.root) throw new IncorrectSchema('the schema has no root element', { file, line: 1, column: 1 });
  return reader.root;
}

/** Thrown through the scanner to stop at the first problem. */
const STOP = Symbol('stop reading the schema');

/** Builds the tree of RELAX NG elements from the scanner's events. */
class SchemaReader implements ScanHandler {
  root: SchemaElement | undefined;
  problem: IncorrectSchema | undefined;
  /** Open elements: a RELAX NG element, or null for a foreign element (whose content is dropped). */
  private readonly stack: (SchemaElement | null)[] = [];
  private readonly bases: string[] = [];
  private readonly scopes: Record<string, string>[] = [];
  private entities: Record<string, string> = {};

  constructor(private readonly url: URL, private readonly file: string) {}

  private fail(message: string, line: number, column: number): never {
    this.problem ??= new IncorrectSchema(message, { file: this.file, line, column });
    throw STOP;
  }

  doctype(doctype: string, line: number, column: number): void {
    const verdict = checkDoctype(doctype);
    if (!verdict.ok) this.fail(verdict.message, line, column);
    this.entities = verdict.entities;
  }

  entity(name: string): string | undefined {
    return Object.hasOwn(this.entities, name) ? this.entities[name] : undefined;
  }

  startTag(tag: ScannedTag, line: number, nameColumn: number): void {
    const column = Math.max(1, nameColumn - 1); // at the "<"
    const { stack, bases, scopes } = this;
    const parent = stack.length === 0 ? undefined : stack[stack.length - 1];
    const parentBase = bases.length === 0 ? this.url.href : bases[bases.length - 1];
    let base = parentBase;
    const xmlBase = tag.attributes.find((a) => a.uri === XML_NAMESPACE && a.local === 'base');
    if (xmlBase) {
      try {
        base = new URL(xmlBase.value, parentBase).href;
      } catch {
        this.fail(`xml:base="${xmlBase.value}" is not a URI reference`, line, column);
      }
    }
    bases.push(base);
    const outer = scopes.length === 0 ? {} : scopes[scopes.length - 1];
    const namespaces = tag.namespaces ? { ...outer, ...tag.namespaces } : outer;
    scopes.push(namespaces);
    if (parent === null || tag.uri !== RELAXNG_NAMESPACE) {
      if (parent) parent.foreignChildren = true;
      if (parent === undefined) this.fail(`the root element <${tag.name}> is not in the RELAX NG namespace (${RELAXNG_NAMESPACE}): this is not a RELAX NG schema in the XML syntax`, line, column);
      stack.push(null);
      return;
    }
    const attributes = new Map<string, string>();
    for (const attribute of tag.attributes) {
      if (attribute.uri === '') attributes.set(attribute.local, attribute.value);
      else if (attribute.uri === RELAXNG_NAMESPACE) this.fail(`the attribute ${attribute.name} is in the RELAX NG namespace, where no attribute is allowed`, line, column);
    }
    const element: SchemaElement = {
      local: tag.local, attributes, children: [], text: '', foreignChildren: false, at: { file: this.file, line, column }, base, namespaces,
    };
    if (parent) parent.children.push(element);
    else this.root = element;
    stack.push(element);
  }

  endTag(): void {
    this.stack.pop();
    this.bases.pop();
    this.scopes.pop();
  }

  text(text: string): void {
    const top = this.stack[this.stack.length - 1];
    if (top) top.text += text;
  }

  markup(): void {
    // comments and processing instructions are not part of a schema
  }

  error(message: string, line: number, column: number): never {
    return this.fail(`the schema is not well-formed XML: ${message}`, line, column);
  }

  end(): void {
    // the tree is complete
  }
}

/**
 * Which RELAX NG schema a document is validated against, and where it is on
 * disk. In order: the schema the caller names (`--schema`, then config),
 * then the document's `<?xml-model?>` PIs with RELAX NG schematypens.
 * A URL is mapped to a local file through the catalog (well-known TEI URLs
 * built in, extended by the user); nothing is ever downloaded.
 */
import { existsSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { diagnostic, type Diagnostic, type SourceLocation } from '../diagnostics.js';
import { readDocument, WellFormednessCheck } from '../xml/index.js';
import { isRelaxNgModel, RELAXNG_NS, SCHEMATRON_NS, type XmlModel } from '../xml/xml-model.js';

/** samizdat's own schemas (the edition's grammar and rules, the vendored TEI). */
export const SAMIZDAT_SCHEMAS = fileURLToPath(new URL('../../schemas/', import.meta.url));

/** The vendored TEI P5 4.11.0 tei_all.rng. */
export const VENDORED_TEI_ALL = fileURLToPath(new URL('../../schemas/vendor/tei_all.rng', import.meta.url));

/**
 * URLs under which the TEI Consortium publishes tei_all.rng in the vendored
 * version: `release` and `Vault/P5/current` (4.11.0 at the time of writing)
 * and `Vault/P5/4.11.0`, over http and https, with or without `www.`.
 */
const TEI_ALL_URL = /^https?:\/\/(?:www\.)?tei-c\.org\/(?:release|Vault\/P5\/(?:current|4\.11\.0))\/xml\/tei\/custom\/schema\/relaxng\/tei_all\.rng$/;

const TEI_PUBLISHED_SCHEMA = /^https?:\/\/(?:www\.)?tei-c\.org\/.*\/(tei_\w+)\.rng$/;

/** URL → local path. Relative paths are resolved against the current directory. */
export type Catalog = Record<string, string>;

/** The schema for one document (and the `<?xml-model?>` that named it, if one did), or the problem that prevents knowing it. */
export type SchemaChoice = { schema: string; model?: XmlModel } | { problem: Diagnostic };

/** Where schemas named by documents may be read from, besides the catalog's files and samizdat's own schemas. */
export interface ReadableFolders {
  /** The edition's root folder. */
  root: string;
  /** Further folders the configuration allows (`allowRead`). */
  allowRead?: readonly string[];
}

/**
 * The problem with a schema file a document names in `<?xml-model?>`, if
 * any: it must lie inside the edition, a folder the configuration allows, a
 * file the catalog maps to or samizdat's own schemas (through symbolic links
 * too), and be a schema of the kind named (its root element in the RELAX NG
 * or Schematron namespace). A document cannot make samizdat read any other
 * file, and no message quotes a file that is not a schema.
 */
export async function namedSchemaProblem(path: string, kind: SchemaKind, readable: ReadableFolders, catalog: Catalog, where: SourceLocation): Promise<Diagnostic | undefined> {
  const refusal = await schemaRefusal(path, kind, readable, catalog);
  return refusal === undefined ? undefined : diagnostic('error', refusalRule(kind), refusal, where);
}

export type SchemaKind = 'rng' | 'sch';

export const refusalRule = (kind: SchemaKind) => (kind === 'rng' ? 'rng-schema-unavailable' : 'sch-schema-unavailable');

/** Why the schema at `path` may not be used (see `namedSchemaProblem`), or undefined. */
export async function schemaRefusal(path: string, kind: SchemaKind, readable: ReadableFolders, catalog: Catalog): Promise<string | undefined> {
  const real = await realpath(path).catch(() => undefined);
  if (real === undefined) return undefined; // missing: reported where it is loaded
  const allowed = [readable.root, ...(readable.allowRead ?? []), SAMIZDAT_SCHEMAS];
  const folders = await Promise.all(allowed.map((folder) => realpath(folder).catch(() => resolve(folder))));
  const mapped = await Promise.all(Object.values(catalog).map((file) => realpath(resolve(file)).catch(() => resolve(file))));
  if (!folders.some((folder) => inside(folder, real)) && !mapped.includes(real)) {
    return `the schema ${path} named by <?xml-model?> lies outside the edition (${resolve(readable.root)}); samizdat reads the schemas documents name only inside the edition, the catalog's files and its own schemas. Map it in the catalog, or add its folder to "allowRead" in samizdat.config.json.`;
  }
  const namespace = await rootNamespace(path);
  const expected = kind === 'rng' ? [RELAXNG_NS] : [SCHEMATRON_NS, RELAXNG_NS];
  if (namespace === undefined) return `${path}, named by <?xml-model?>, is not an XML file (nor a schema, then); it was not used.`;
  if (!expected.includes(namespace)) {
    return `${path}, named by <?xml-model?>, is not a ${kind === 'rng' ? 'RELAX NG' : 'Schematron'} schema (its root element is not in the ${kind === 'rng' ? 'RELAX NG' : 'Schematron or RELAX NG'} namespace); it was not used.`;
  }
  return undefined;
}

function inside(folder: string, path: string): boolean {
  const rest = relative(folder, path);
  return rest === '' || (!rest.startsWith(`..${sep}`) && rest !== '..' && !isAbsolute(rest));
}

/**
 * The namespace of the root element of the file at `path`, read through the
 * reading layer up to that element (a few kilobytes at a time: a schema's
 * root is near its start, and tei_all.rng is a megabyte); undefined when it
 * is not XML (an empty or missing file counts as XML: the loader reports
 * those).
 */
async function rootNamespace(path: string): Promise<string | undefined> {
  let namespace: string | undefined;
  const check = new WellFormednessCheck(path, {
    startElement(tag) { namespace ??= tag.uri; },
    endElement() {},
    text() {},
    end() {},
  });
  const chunks = readDocument(path, { chunkSize: 8192, synchronous: true });
  try {
    for await (const chunk of chunks) {
      if ('problem' in chunk) return chunk.problem.ruleId === 'io' || chunk.problem.ruleId === 'xml-empty' ? '' : undefined;
      check.write(chunk.text);
      if (namespace !== undefined || check.problem) break;
    }
  } finally {
    await chunks.return(undefined);
  }
  return check.problem ? undefined : namespace ?? '';
}

/** Whether a file is there (`existsSync`, or a caller's memo of it). */
export type Exists = (path: string) => boolean;

/** Maps a schema reference (URL or path) to a local file; `exists` tells whether a local file is there. */
export function resolveSchemaReference(href: string, base: string, catalog: Catalog = {}, where: { file: string; line?: number; column?: number }, exists: Exists = existsSync): SchemaChoice {
  if (href in catalog) return { schema: resolve(catalog[href]) };
  if (TEI_ALL_URL.test(href)) return { schema: VENDORED_TEI_ALL };
  if (/^[a-z][a-z0-9+.-]+:/i.test(href) && !/^file:/i.test(href) && !/^[a-z]:[\\/]/i.test(href)) {
    const known = TEI_PUBLISHED_SCHEMA.exec(href);
    const what = known ? `the TEI schema ${known[1]}.rng is not vendored with samizdat` : 'it is not a local file';
    return {
      problem: diagnostic('error', 'rng-schema-unavailable',
        `the schema ${href} cannot be used: ${what}, and samizdat never downloads schemas. Download it once, then either pass --schema PATH or add a catalog entry mapping the URL to the local file, e.g. "catalog": { "${href}": "schemas/${known ? known[1] : 'schema'}.rng" }.`, where),
    };
  }
  const path = /^file:/i.test(href) ? fileURLToPath(href) : isAbsolute(href) ? href : resolve(dirname(base), decodeURI(href));
  if (!exists(path)) {
    return { problem: diagnostic('error', 'rng-schema-unavailable', `the schema ${href} (${path}) does not exist.`, where) };
  }
  return { schema: path };
}

/**
 * The schema for `file`: the caller's schema if given, otherwise the first
 * RELAX NG xml-model of the document.
 */
export function chooseSchema(file: string, models: readonly XmlModel[], options: { schema?: string; catalog?: Catalog }, exists: Exists = existsSync): SchemaChoice {
  if (options.schema !== undefined) {
    return resolveSchemaReference(options.schema, resolve('.', 'caller'), options.catalog, { file }, exists);
  }
  const model = models.find(isRelaxNgModel);
  if (model === undefined) {
    return {
      problem: diagnostic('error', 'rng-no-schema',
        `no RELAX NG schema for ${file}: add <?xml-model href="…" schematypens="http://relaxng.org/ns/structure/1.0"?> to the document, or pass --schema PATH.`, { file, line: 1, column: 1 }),
    };
  }
  const choice = resolveSchemaReference(model.href, file, options.catalog, { file, line: model.line, column: model.column }, exists);
  return 'schema' in choice ? { ...choice, model } : choice;
}

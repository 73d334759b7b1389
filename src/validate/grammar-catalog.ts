/**
 * Which RELAX NG schema a document is validated against, and where it is on
 * disk. In order: the schema the caller names (`--schema`, then config),
 * then the document's `<?xml-model?>` PIs with RELAX NG schematypens.
 * A URL is mapped to a local file through the catalog (well-known TEI URLs
 * built in, extended by the user); nothing is ever downloaded.
 */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { isRelaxNgModel, type XmlModel } from '../xml/xml-model.js';

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

/** The schema for one document, or the problem that prevents knowing it. */
export type SchemaChoice = { schema: string } | { problem: Diagnostic };

/** Maps a schema reference (URL or path) to a local file. */
export function resolveSchemaReference(href: string, base: string, catalog: Catalog = {}, where: { file: string; line?: number; column?: number }): SchemaChoice {
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
  if (!existsSync(path)) {
    return { problem: diagnostic('error', 'rng-schema-unavailable', `the schema ${href} (${path}) does not exist.`, where) };
  }
  return { schema: path };
}

/**
 * The schema for `file`: the caller's schema if given, otherwise the first
 * RELAX NG xml-model of the document.
 */
export function chooseSchema(file: string, models: readonly XmlModel[], options: { schema?: string; catalog?: Catalog }): SchemaChoice {
  if (options.schema !== undefined) {
    return resolveSchemaReference(options.schema, resolve('.', 'caller'), options.catalog, { file });
  }
  const model = models.find(isRelaxNgModel);
  if (model === undefined) {
    return {
      problem: diagnostic('error', 'rng-no-schema',
        `no RELAX NG schema for ${file}: add <?xml-model href="…" schematypens="http://relaxng.org/ns/structure/1.0"?> to the document, or pass --schema PATH.`, { file, line: 1, column: 1 }),
    };
  }
  return resolveSchemaReference(model.href, file, options.catalog, { file, line: model.line, column: model.column });
}

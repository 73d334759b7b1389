/**
 * samizdat.config.json: read, check against its JSON Schema, and resolve
 * paths against the folder that holds it. A wrong key or type is an error
 * value with the key's path, its line:column, what was expected, and the
 * closest valid key name.
 */
import type { Node, ParseError } from 'jsonc-parser';
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Diagnostic, diagnostic } from '../diagnostics.js';
import type { ErrorObject, JsonSchemaSpec, ValidateFunction } from '../json-schema.js';
import { lineColumnAt } from '../position.js';
import { parseSize, type ReadingLimits } from '../xml/limits.js';

export const CONFIG_FILE = 'samizdat.config.json';

export type CitationStyle = 'chicago' | 'mla' | 'apa';
export type TextMode = 'reading' | 'diplomatic';

/** The configuration as written (all keys optional). */
export interface ConfigFile {
  $schema?: string;
  sources?: string[];
  out?: string;
  validate?: { schema?: string; schematron?: string[]; catalog?: Record<string, string>; disabledRules?: string[] };
  xslt?: string;
  citationStyles?: CitationStyle[];
  site?: { title?: string; baseUrl?: string };
  textModes?: TextMode[];
  limits?: { maxDepth?: number; maxEntityExpansion?: number; maxDocumentSize?: number | string };
  allowRead?: string[];
  search?: boolean;
}

/** The configuration in force: defaults filled in, paths absolute. */
export interface Config {
  /** Folder the configuration applies to (where the config file is, or the cwd). */
  root: string;
  /** The config file read, if there was one. */
  file?: string;
  sources: string[];
  out: string;
  validate: { schema?: string; schematron: string[]; catalog: Record<string, string>; disabledRules: string[] };
  xslt?: string;
  citationStyles: CitationStyle[];
  site: { title?: string; baseUrl?: string };
  textModes: TextMode[];
  /** The limits the configuration sets (the others keep their defaults). */
  limits: Partial<ReadingLimits>;
  /** Absolute folders outside the edition that it may read (symbolic links, schemas named by `<?xml-model?>`). */
  allowRead: string[];
  /** A search page and index, and a search box on every page. */
  search: boolean;
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; diagnostics: Diagnostic[] };

const schemaUrl = new URL('../../schemas/samizdat.config.schema.json', import.meta.url);
let validator: ValidateFunction | undefined;
let schemaCache: Record<string, unknown> | undefined;

async function configSchema(): Promise<Record<string, unknown>> {
  schemaCache ??= JSON.parse(await readFile(schemaUrl, 'utf8')) as Record<string, unknown>;
  return schemaCache;
}

/** The configuration's JSON Schema and the options its validator is compiled with (the package carries it precompiled). */
export const CONFIG_SCHEMA: JsonSchemaSpec = { path: fileURLToPath(schemaUrl), options: { allErrors: true, strict: true, useDefaults: false } };

async function compiledValidator(): Promise<ValidateFunction> {
  validator ??= (await import('../json-schema.js')).jsonSchemaValidator(CONFIG_SCHEMA);
  return validator;
}

/**
 * The config's syntax tree, with offsets, for saying where a problem is.
 * Loaded only when there is a problem to place: jsonc-parser costs more to
 * load (over 10 ms) than a valid config takes to read, on every command.
 */
async function syntaxTree(text: string): Promise<{ tree: Node | undefined; errors: ParseError[]; jsonc: typeof import('jsonc-parser') }> {
  const jsonc = await import('jsonc-parser');
  const errors: ParseError[] = [];
  const tree = jsonc.parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  return { tree, errors, jsonc };
}

/** Defaults for a folder without a config file. */
export function defaultConfig(root: string): Config {
  return fromFile({}, resolve(root));
}

function absolute(root: string, path: string): string {
  return isAbsolute(path) ? path : join(root, path);
}

/** A schema may be named by URL (mapped to a local copy through the catalog) or by path. */
function schemaLocation(root: string, reference: string): string {
  return /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(reference) ? reference : absolute(root, reference);
}

function fromFile(file: ConfigFile, root: string, path?: string): Config {
  const catalog: Record<string, string> = {};
  for (const [url, local] of Object.entries(file.validate?.catalog ?? {})) catalog[url] = absolute(root, local);
  return {
    root,
    file: path,
    sources: file.sources ?? ['tei/**/*.xml'],
    out: absolute(root, file.out ?? 'dist'),
    validate: {
      schema: file.validate?.schema === undefined ? undefined : schemaLocation(root, file.validate.schema),
      schematron: (file.validate?.schematron ?? []).map((p) => schemaLocation(root, p)),
      catalog,
      disabledRules: file.validate?.disabledRules ?? [],
    },
    xslt: file.xslt === undefined ? undefined : absolute(root, file.xslt),
    citationStyles: file.citationStyles ?? ['chicago', 'mla', 'apa'],
    site: { ...file.site },
    textModes: file.textModes ?? ['reading'],
    limits: {
      ...(file.limits?.maxDepth !== undefined && { maxDepth: file.limits.maxDepth }),
      ...(file.limits?.maxEntityExpansion !== undefined && { maxEntityExpansion: file.limits.maxEntityExpansion }),
      // The schema has checked its form.
      ...(file.limits?.maxDocumentSize !== undefined && { maxDocumentSize: parseSize(file.limits.maxDocumentSize) }),
    },
    allowRead: (file.allowRead ?? []).map((path) => absolute(root, path)),
    search: file.search ?? true,
  };
}

/**
 * Parses and checks a configuration text. `path` is used for messages and
 * to resolve relative paths.
 */
export async function parseConfig(text: string, path: string): Promise<ConfigResult> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const { errors, jsonc } = await syntaxTree(text);
    const problems = errors.length > 0
      ? errors.map((e) => ({ message: `not valid JSON: ${jsonc.printParseErrorCode(e.error)}`, ...lineColumnAt(text, e.offset) }))
      : [{ message: `not valid JSON: ${(error as Error).message}` }];
    return { ok: false, diagnostics: problems.map(({ message, ...where }) => diagnostic('error', 'config-json', message, { file: path, ...where })) };
  }
  const validate = await compiledValidator();
  if (!validate(value)) {
    const [schema, { tree, jsonc }] = await Promise.all([configSchema(), syntaxTree(text)]);
    const { closest, distance } = await import('fastest-levenshtein');
    return { ok: false, diagnostics: explain(validate.errors ?? [], { tree, text, path, schema, jsonc, closest, distance }) };
  }
  const size = (value as ConfigFile).limits?.maxDocumentSize;
  if (size !== undefined && parseSize(size) === undefined) {
    const { tree, jsonc } = await syntaxTree(text);
    const node = tree && jsonc.findNodeAtLocation(tree, ['limits', 'maxDocumentSize']);
    return { ok: false, diagnostics: [diagnostic('error', 'config-schema', `limits.maxDocumentSize: ${JSON.stringify(size)} is not a size of at least one byte (e.g. "16MB")`, { file: path, ...(node ? lineColumnAt(text, node.offset) : {}) })] };
  }
  return { ok: true, config: fromFile(value as ConfigFile, dirname(resolve(path)), resolve(path)) };
}

/** Reads `samizdat.config.json` from `root` if present; defaults otherwise. */
export async function loadConfig(root: string, explicitPath?: string): Promise<ConfigResult> {
  const path = explicitPath ? resolve(explicitPath) : join(resolve(root), CONFIG_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !explicitPath) return { ok: true, config: defaultConfig(root) };
    return {
      ok: false,
      diagnostics: [diagnostic('error', 'config-read', `cannot read the configuration: ${(error as Error).message}`, { file: path })],
    };
  }
  return parseConfig(text, path);
}

function pathOf(instancePath: string): Array<string | number> {
  if (instancePath === '') return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

function displayPath(segments: Array<string | number>): string {
  if (segments.length === 0) return '(top level)';
  return segments.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

/** The sub-schema describing the object at `segments`, to list its valid keys. */
function schemaAt(schema: Record<string, unknown>, segments: Array<string | number>): Record<string, unknown> | undefined {
  let current: Record<string, unknown> | undefined = schema;
  for (const segment of segments) {
    if (!current) return undefined;
    if (typeof segment === 'number') current = current.items as Record<string, unknown> | undefined;
    else current = (current.properties as Record<string, Record<string, unknown>> | undefined)?.[segment];
  }
  return current;
}

/** What explaining a schema violation needs: the text, its tree, the schema, and the libraries loaded for it. */
interface Explanation {
  tree: Node | undefined;
  text: string;
  path: string;
  schema: Record<string, unknown>;
  jsonc: typeof import('jsonc-parser');
  closest: typeof import('fastest-levenshtein').closest;
  distance: typeof import('fastest-levenshtein').distance;
}

function explain(errors: ErrorObject[], { tree, text, path, schema, jsonc, closest, distance }: Explanation): Diagnostic[] {
  return errors.map((error) => {
    const segments = pathOf(error.instancePath);
    let node = tree && jsonc.findNodeAtLocation(tree, segments);
    let message: string;
    if (error.keyword === 'additionalProperties') {
      const key = (error.params as { additionalProperty: string }).additionalProperty;
      const valid = Object.keys((schemaAt(schema, segments)?.properties as object | undefined) ?? {});
      const suggestion = valid.length > 0 ? closest(key, valid) : undefined;
      const near = suggestion !== undefined && distance(key, suggestion) <= Math.max(2, Math.floor(key.length / 3));
      message =
        `unknown key "${displayPath([...segments, key])}"` +
        (near ? ` — did you mean "${suggestion}"?` : '') +
        (valid.length > 0 ? ` (valid keys here: ${valid.join(', ')})` : '');
      node = (tree && jsonc.findNodeAtLocation(tree, [...segments, key]))?.parent ?? node;
    } else if (error.keyword === 'enum') {
      const allowed = (error.params as { allowedValues: unknown[] }).allowedValues;
      message = `${displayPath(segments)}: ${JSON.stringify(node ? JSON.parse(text.slice(node.offset, node.offset + node.length)) : undefined)} is not allowed; expected one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}`;
    } else {
      message = `${displayPath(segments)}: ${error.message ?? 'is not valid'}`;
    }
    const where = node ? lineColumnAt(text, node.offset) : {};
    return diagnostic('error', 'config-schema', message, { file: path, ...where });
  });
}

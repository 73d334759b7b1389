/**
 * Layer 3 of validation: ISO Schematron rules, run in-process with XPath 3.1
 * through saxon-js.
 *
 * Rules come from the document's `<?xml-model?>` PIs (a Schematron schema, or
 * a RELAX NG schema with embedded Schematron, as TEI's generated schemas
 * carry), from files the caller names (config), and from the edition rules
 * in schemas/samizdat-rules.sch. Each source is compiled once to a SEF and
 * cached (see schematron/compiler.ts); each firing assert or report becomes a
 * Diagnostic located at the start tag of the element it is about.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { diagnostic, type Diagnostic, type Severity } from '../diagnostics.js';
import { readXmlModels, SCHEMATRON_NS, type XmlModel } from '../xml/xml-model.js';
import { namedSchemaProblem, resolveSchemaReference, type Catalog, type ReadableFolders } from './grammar-catalog.js';
import { parseCheckedSource, parseSource, transformSource, type SaxonDocument, type TransformInput } from '../transform/index.js';
import { compileSchematron, messageOf, schematronIncludes, type CompiledSchematron } from './schematron/compiler.js';
import { outlineDocument, type DocumentOutline } from './schematron/locations.js';
import { FreshMemo, type TrackRead } from './fresh-memo.js';
import { filesNamedBy } from './schematron/sandbox.js';
import type { RunSchemas } from './run-schemas.js';

export { SCHEMATRON_COMPILE_RULE } from './schematron/compiler.js';
export type { CompiledSchematron } from './schematron/compiler.js';

/** The samizdat edition rules (ref-resolves, id-unique, …). */
export const EDITION_RULES: string = fileURLToPath(new URL('../../schemas/samizdat-rules.sch', import.meta.url));

/** Rule id of a rule run that failed (an XPath error at run time). */
export const SCHEMATRON_RUN_RULE = 'sch-run';

/** Where Schematron comes from: a file (Schematron, or RELAX NG with embedded Schematron). */
export interface RuleSource {
  path: string;
  /** The file's text, when the caller already has it. */
  text?: string;
}

export interface LoadOptions {
  /** Where compiled rules are cached. Default: `.samizdat/cache/schematron` under the current directory. */
  cacheDir?: string;
}

/** Compiled rule sets, ready to run on any number of documents. */
export interface CompiledRules {
  sets: CompiledSchematron[];
  /** Sources that could not be read or compiled. */
  problems: Diagnostic[];
}

export interface RunOptions {
  /** Rule ids to switch off, with or without the `sch:` prefix. */
  disabledRules?: readonly string[];
  /** Filled with the files the verdict depends on besides the document: the rule files, and the local files the document names, which rules may read (existing or not). */
  dependsOn?: Set<string>;
  /** The document's outline, when the caller gathered it while reading the document (validate does), so that it is not parsed again for it. */
  outline?: DocumentOutline;
  /** The text passed the reading layer (well-formed, no DOCTYPE it refuses), as validate's does: its tree is built without saxon-js's parser (transform/checked-tree.ts). */
  wellFormed?: boolean;
}

export interface SchematronOptions extends LoadOptions, RunOptions {
  /** Rule files from the config, run in addition to those the document names. */
  sources?: readonly RuleSource[];
  /** Schema URL → local file, as for RELAX NG. */
  catalog?: Catalog;
  /** Where rule files named by `<?xml-model?>` may be read (default: the current folder as the edition's root). */
  readable?: ReadableFolders;
  /** What the documents of one run share in one thread: a rule file they name is looked at once per run, not once per document. */
  schemas?: RunSchemas;
  /** Called when this document waits for rules not yet loaded in this thread (possibly a compile of seconds): its thread may take the next document (step-aside.ts). */
  waitingForRules?: () => void;
}

/** A document to check: its path (for locations and relative references) and text. */
export interface RuleDocument {
  path: string;
  text: string;
}

export function defaultCacheDir(): string {
  return resolve('.samizdat', 'cache', 'schematron');
}

/** Reads and compiles each source (from the cache when unchanged). */
export async function loadRules(sources: readonly RuleSource[], options: LoadOptions = {}, track?: TrackRead): Promise<CompiledRules> {
  const cacheDir = options.cacheDir ?? defaultCacheDir();
  const results = await Promise.all(sources.map(async (source): Promise<CompiledSchematron | Diagnostic> => {
    let text: string;
    try {
      if (source.text === undefined) await track?.(source.path);
      text = source.text ?? (await readFile(source.path, 'utf8'));
    } catch (error) {
      return diagnostic('error', 'sch-compile', `the Schematron file ${source.path} cannot be read: ${messageOf(error)}`, { file: source.path });
    }
    const path = resolve(source.path);
    return compileSchematron({ path, text, includes: await schematronIncludes(path, text, track) }, cacheDir);
  }));
  const rules: CompiledRules = { sets: [], problems: [] };
  for (const result of results) {
    if ('stylesheet' in result) rules.sets.push(result);
    else rules.problems.push(result);
  }
  return rules;
}

/** A firing as the generated XSLT reports it (see xslt/schematron/compile.xsl). */
interface Firing {
  kind: 'assert' | 'report';
  id: string | null;
  role: string | null;
  flag: string | null;
  pattern: string | null;
  /** The pattern's place among the schema's patterns (1-based). */
  order: number;
  rule: string | null;
  node: number;
  message: string;
}

/**
 * Runs every compiled rule set over one document. The document is read once
 * for all of them: one pass of the outline (where each element starts, what
 * files it names) and one parse into the tree every rule set runs on.
 */
export async function runRules(rules: CompiledRules, document: RuleDocument, options: RunOptions = {}): Promise<Diagnostic[]> {
  const disabled = new Set((options.disabledRules ?? []).map((id) => (id.startsWith('sch:') ? id : `sch:${id}`)));
  const outline = options.outline ?? outlineDocument(document.text);
  const { readable, dependsOn } = filesNamedBy(document.path, outline.attributeValues);
  for (const path of dependsOn) options.dependsOn?.add(path);
  if (rules.sets.length === 0) return [];
  const allowed = new Set(readable.values());
  const documentPool = await namedDocuments(readable);
  let tree: TransformInput;
  try {
    const source = { file: document.path, text: document.text, baseUri: pathToFileURL(resolve(document.path)).href };
    tree = await (options.wellFormed ? parseCheckedSource(source) : parseSource(source));
  } catch (error) {
    return [diagnostic('error', SCHEMATRON_RUN_RULE, `the rules cannot be run on this document: ${messageOf(error)}`, { file: document.path })];
  }
  const diagnostics: Diagnostic[] = [];
  for (const set of rules.sets) {
    let firings: Firing[];
    try {
      firings = inDocumentOrder(JSON.parse(String(transformSource(set.stylesheet, tree, { documentPool, readable: allowed }).principal)) as Firing[]);
    } catch (error) {
      const reason = messageOf((error as { cause?: unknown }).cause ?? error);
      diagnostics.push(diagnostic('error', SCHEMATRON_RUN_RULE,
        `the rules from ${set.source} failed on this document: ${reason}`, { file: document.path }));
      continue;
    }
    for (const firing of firings) {
      const ruleId = `sch:${firing.id ?? firing.pattern ?? firing.rule ?? 'schematron'}`;
      if (disabled.has(ruleId)) continue;
      const start = firing.node > 0 ? outline.elements[firing.node - 1] : undefined;
      diagnostics.push(diagnostic(severityOfRole(firing.role), ruleId, placesIn(firing.message, outline.elements),
        { file: document.path, line: start?.line, column: start?.column }));
    }
  }
  return diagnostics;
}

/**
 * Pattern by pattern, as the schema orders them, and within a pattern in
 * document order: the generated stylesheet visits a pattern's candidates
 * name by name, which spares saxon-js a sort (see compile.xsl's c:key-map).
 */
function inDocumentOrder(firings: Firing[]): Firing[] {
  return firings.sort((a, b) => a.order - b.order || a.node - b.node);
}

/**
 * A message naming another place of the document writes element n (1-based,
 * document order) between two U+E000 characters, as the edition rules'
 * s:at() does; it is reported as "line L, column C".
 */
export function placesIn(message: string, elements: readonly { line: number; column: number }[]): string {
  return message.replace(/\uE000(\d+)\uE000/g, (_, n: string) => {
    const start = elements[Number(n) - 1];
    return start ? `line ${start.line}, column ${start.column}` : 'an unknown place';
  });
}

/** XML files named by documents (a register, mostly), parsed once per thread and again when they change. */
const namedTrees = new FreshMemo<SaxonDocument | undefined>();

/**
 * The XML files a document names, parsed, by the URI its rules' doc() asks
 * for: every document of an edition points into the same register, which
 * would otherwise be read and parsed once per document. A file that does not
 * parse is left out (doc() then reads it, and fails, as before).
 */
async function namedDocuments(readable: ReadonlyMap<string, string>): Promise<Record<string, SaxonDocument>> {
  const pool: Record<string, SaxonDocument> = {};
  for (const [path, real] of readable) {
    if (!/\.xml$/i.test(path)) continue;
    const uri = pathToFileURL(path).href;
    const tree = await namedTrees.get(`${uri}\0${real}`, async (track) => {
      await track(real);
      const text = await readFile(real, 'utf8').catch(() => undefined);
      if (text === undefined) return undefined;
      // Parsed as the rules run: no entity or DTD it declares may read a file.
      return parseSource({ file: real, text, baseUri: uri }).then((parsed) => parsed.node, () => undefined);
    });
    if (tree !== undefined) pool[uri] = tree;
  }
  return pool;
}

/**
 * ISO Schematron leaves @role free; these are the values in common use.
 * Unknown roles, and no role, count as errors.
 */
export function severityOfRole(role: string | null | undefined): Severity {
  switch ((role ?? '').trim().toLowerCase()) {
    case 'warn':
    case 'warning':
    case 'nonfatal':
      return 'warning';
    case 'info':
    case 'information':
    case 'informational':
      return 'info';
    default:
      return 'error';
  }
}

/**
 * The Schematron sources a document names in its `<?xml-model?>` PIs
 * (schematypens Schematron; the href may be a .sch file or a RELAX NG schema
 * with embedded rules). URLs go through the catalog; nothing is downloaded.
 */
export async function schematronSourcesOf(
  document: RuleDocument, catalog: Catalog = {}, readable: ReadableFolders = { root: process.cwd() }, schemas?: RunSchemas,
): Promise<{ sources: RuleSource[]; problems: Diagnostic[] }> {
  const sources: RuleSource[] = [];
  const problems: Diagnostic[] = [];
  for (const model of readXmlModels(document.text).filter(isSchematronModel)) {
    const where = { file: document.path, line: model.line, column: model.column };
    const choice = resolveSchemaReference(model.href, resolve(document.path), catalog, where);
    const outside = 'schema' in choice
      ? await (schemas ? schemas.problem(choice.schema, 'sch', readable, catalog, where) : namedSchemaProblem(choice.schema, 'sch', readable, catalog, where))
      : undefined;
    if ('problem' in choice) problems.push({ ...choice.problem, ruleId: 'sch-schema-unavailable' });
    else if (outside) problems.push(outside);
    else sources.push({ path: choice.schema });
  }
  return { sources, problems };
}

function isSchematronModel(model: XmlModel): boolean {
  if (model.schematypens !== undefined) return model.schematypens === SCHEMATRON_NS;
  return /\.sch$/i.test(model.href.split(/[?#]/)[0]);
}

/** Layer 3 for one document: its own Schematron plus the configured sources. */
export async function runSchematron(document: RuleDocument, options: SchematronOptions = {}): Promise<Diagnostic[]> {
  const named = await schematronSourcesOf(document, options.catalog, options.readable, options.schemas);
  const sources = dedupe([...named.sources, ...(options.sources ?? [])]);
  const cacheDir = options.cacheDir ?? defaultCacheDir();
  const key = JSON.stringify([cacheDir, sources.map((s) => resolve(s.path))]);
  // Rules not yet loaded in this thread may have to be compiled (seconds): meanwhile the thread checks other documents.
  if (!loadedRules.has(key)) options.waitingForRules?.();
  const rules = await compiledRules.get(key, (track) => loadRules(sources, { cacheDir }, track));
  loadedRules.add(key);
  for (const source of sources) if (source.text === undefined) options.dependsOn?.add(resolve(source.path));
  for (const set of rules.sets) for (const file of set.files) options.dependsOn?.add(file);
  return [...named.problems, ...rules.problems, ...(await runRules(rules, document, options))];
}

/** Rule sets compiled in this thread, made again when one of their files changes. */
const compiledRules = new FreshMemo<CompiledRules>();
/** The keys of the rule sets loaded in this thread at least once. */
const loadedRules = new Set<string>();

function dedupe(sources: RuleSource[]): RuleSource[] {
  const seen = new Set<string>();
  return sources.filter((source) => {
    const path = resolve(source.path);
    if (seen.has(path)) return false;
    seen.add(path);
    return true;
  });
}

/** The default cache folder for a project rooted at `root`. */
export function cacheDirFor(root: string): string {
  return join(root, '.samizdat', 'cache', 'schematron');
}

/**
 * The rules layer as `validate()` takes it: the document's own Schematron,
 * the configured sources and, unless `editionRules` is false, the samizdat
 * edition rules.
 */
export function schematronRules(options: SchematronOptions & { editionRules?: boolean } = {}): (document: RuleDocument) => Promise<Diagnostic[]> {
  const sources = [...(options.editionRules === false ? [] : [{ path: EDITION_RULES }]), ...(options.sources ?? [])];
  return (document) => runSchematron(document, { ...options, sources });
}

/**
 * What the package carries precompiled, in one list: samizdat's own
 * stylesheets (the drivers: whatever modules they import are in their SEF),
 * the Schematron compiler, the edition rules and the rules embedded in the
 * vendored tei_all, the RELAX NG schemas converted, the JSON Schemas as
 * validator code, and saxon-js compiled (a V8 code cache). Each kind of
 * artefact is made by the very function the runtime uses, told to write into
 * `precompiled/` instead of the user's cache, so the file is named by the
 * same content key the runtime looks for.
 *
 * A new kind of artefact (a schema form of another engine, say) is one entry
 * in PRECOMPILERS and its sources in ARTEFACTS.
 */
import { realpathSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { CSL_DATA_SCHEMA } from '../cite/csl.js';
import { CONFIG_SCHEMA } from '../config/config.js';
import { standaloneValidator } from '../json-schema.js';
import { codeCacheFile, makeCodeCache } from '../transform/code-cache.js';
import { SAXON_LOADING, saxonScript } from '../transform/saxon.js';
import { compileStylesheet } from '../transform/stylesheet.js';
import { writeAtomically } from '../write-atomically.js';
import { saxonWarmUp } from './warm-up.js';
import { loadGrammar } from '../validate/grammar-cache.js';
import { loadRules } from '../validate/schematron.js';
import { PACKAGE_ROOT, PRECOMPILED_CODE_CACHE_DIR, PRECOMPILED_DIR, PRECOMPILED_GRAMMAR_DIR, PRECOMPILED_JSON_SCHEMA_DIR, PRECOMPILED_SEF_DIR } from './index.js';

/** Makes one kind of artefact from a source file: the files written, relative to `precompiled/`. */
export type Precompiler = (source: string) => Promise<string[]>;

export const PRECOMPILERS = {
  /** An XSLT stylesheet (and the modules it imports) → its SEF. */
  stylesheet: async (source) => {
    const compiled = await compileStylesheet(source, { cacheDir: PRECOMPILED_SEF_DIR });
    return [inFolder(join(PRECOMPILED_SEF_DIR, `${compiled.key}.sef.json`))];
  },
  /** Schematron (a .sch file, or a RELAX NG schema with embedded rules) → the SEF of the XSLT it compiles to. */
  schematron: async (source) => {
    const rules = await loadRules([{ path: source }], { cacheDir: PRECOMPILED_SEF_DIR });
    if (rules.problems.length > 0) throw new Error(rules.problems.map((p) => p.message).join('\n'));
    return rules.sets.map((set) => inFolder(join(PRECOMPILED_SEF_DIR, `${set.key}.sef.json`)));
  },
  /** A RELAX NG schema (and what it includes) → the converted grammar the validator loads. */
  grammar: async (source) => {
    const loaded = await loadGrammar(source, { cacheDir: PRECOMPILED_GRAMMAR_DIR });
    if ('problem' in loaded) throw new Error(loaded.problem.message);
    return [inFolder(join(PRECOMPILED_GRAMMAR_DIR, `${loaded.digest}.json`))];
  },
  /** A JSON Schema → its ajv validator as standalone code, compiled with the options its runtime user gives (JSON_SCHEMAS). */
  'json-schema': async (source) => {
    const spec = JSON_SCHEMAS.find((s) => s.path === source);
    if (spec === undefined) throw new Error('no module validates with this schema (JSON_SCHEMAS in registry.ts)');
    const { key, code } = standaloneValidator(spec);
    const file = join(PRECOMPILED_JSON_SCHEMA_DIR, `${key}.cjs`);
    await writeAtomically(file, code);
    return [inFolder(file)];
  },
  /**
   * saxon-js's script → its V8 code cache, for this Node version and
   * architecture (another Node compiles the script as usual), made after a
   * warm-up on the sample document (warm-up.ts). The source
   * must be the file the runtime loads, or the cache would be made for
   * another script than the one it is looked up by.
   */
  'code-cache': async (source) => {
    // By real path: node_modules may be a link (the package test packs a copy whose node_modules is one).
    if (realpathSync(source) !== realpathSync(saxonScript())) throw new Error(`saxon-js is loaded from ${saxonScript()}, not from this file`);
    const file = codeCacheFile(PRECOMPILED_CODE_CACHE_DIR, await readFile(source), SAXON_LOADING);
    await writeAtomically(file, makeCodeCache(source, { ...SAXON_LOADING, warmUp: await saxonWarmUp(PRECOMPILED_SEF_DIR) }));
    return [inFolder(file)];
  },
} satisfies Record<string, Precompiler>;

/** The JSON Schemas samizdat validates with, and how (the options are part of the key). */
const JSON_SCHEMAS = [CONFIG_SCHEMA, CSL_DATA_SCHEMA];

export type ArtefactKind = keyof typeof PRECOMPILERS;

export interface Artefact {
  kind: ArtefactKind;
  /** The source, relative to the package's root. */
  source: string;
}

export const ARTEFACTS: readonly Artefact[] = [
  { kind: 'stylesheet', source: 'xslt/html/html.xsl' },
  { kind: 'stylesheet', source: 'xslt/html/site.xsl' },
  { kind: 'stylesheet', source: 'xslt/text/text.xsl' },
  { kind: 'stylesheet', source: 'xslt/text/apparatus.xsl' },
  { kind: 'stylesheet', source: 'xslt/search/records.xsl' },
  { kind: 'stylesheet', source: 'xslt/search/page.xsl' },
  { kind: 'stylesheet', source: 'xslt/schematron/compile.xsl' },
  { kind: 'schematron', source: 'schemas/samizdat-rules.sch' },
  { kind: 'schematron', source: 'schemas/vendor/tei_all.rng' },
  { kind: 'grammar', source: 'schemas/samizdat.rng' },
  { kind: 'grammar', source: 'schemas/vendor/tei_all.rng' },
  { kind: 'json-schema', source: 'schemas/samizdat.config.schema.json' },
  { kind: 'json-schema', source: 'schemas/csl-data.json' },
  { kind: 'code-cache', source: 'node_modules/saxon-js/SaxonJS2N.js' },
];

/** A file's path relative to `precompiled/`, with forward slashes (as the manifest and the tarball list it). */
function inFolder(path: string): string {
  return relative(PRECOMPILED_DIR, path).split(sep).join('/');
}

/** The absolute path of an artefact's source. */
export function sourcePath(artefact: Artefact): string {
  return join(PACKAGE_ROOT, ...artefact.source.split('/'));
}

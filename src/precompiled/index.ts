/**
 * The package's precompiled artefacts: samizdat's own stylesheets and rules
 * as SEF, its own and the vendored schemas converted, its JSON Schemas as
 * validator code, saxon-js as a V8 code cache, written by
 * `npm pack` (the `prepack` script, see registry.ts) into `precompiled/`
 * beside `lib/`. Each file is named by the same content key as the user's
 * cache uses, so the runtime finds one only when it was made from exactly
 * the files it now has; in a git checkout without `precompiled/`, or after
 * a stylesheet changed, everything is compiled and cached as before.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package's root folder (beside lib/ and src/). */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const PRECOMPILED_DIR = join(PACKAGE_ROOT, 'precompiled');
/** SEFs of stylesheets and of compiled Schematron: `<key>.sef.json`. */
export const PRECOMPILED_SEF_DIR = join(PRECOMPILED_DIR, 'sef');
/** Converted RELAX NG schemas: `<digest>.json`. */
export const PRECOMPILED_GRAMMAR_DIR = join(PRECOMPILED_DIR, 'grammar');
/** JSON Schema validators as ajv standalone code: `<key>.cjs`. */
export const PRECOMPILED_JSON_SCHEMA_DIR = join(PRECOMPILED_DIR, 'json-schema');

/** V8 code caches of large dependencies (saxon-js): `<key>.bin`, see transform/code-cache.ts. */
export const PRECOMPILED_CODE_CACHE_DIR = join(PRECOMPILED_DIR, 'code-cache');

/** `precompiled/manifest.json`: which files were made from which source, for tests and for whoever looks in the package. */
export const PRECOMPILED_MANIFEST = join(PRECOMPILED_DIR, 'manifest.json');

export interface PrecompiledManifest {
  samizdat: string;
  saxonJs: string;
  /** One entry per artefact of the registry: its kind, its source (relative to the package's root) and the files made from it (relative to `precompiled/`). */
  artefacts: { kind: string; source: string; files: string[] }[];
}

/**
 * The package's precompiled artefacts: samizdat's own stylesheets and rules
 * as SEF, its own and the vendored schemas converted, written by
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

/**
 * Where the tests find what they read besides the code: the corpus subset and
 * the flagship's source transcription this repository carries, and the
 * vendored schemas. Nothing here reaches outside the repository, so a fresh
 * clone runs the whole suite.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root folder. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Real TEI written by others, with licences and origins (test/corpora/README.md). */
export const corporaDir = join(repoRoot, 'test', 'corpora');
/** The flagship's source transcription and what is known of it (sources/README.md). */
export const sourcesDir = join(repoRoot, 'sources');
/** TEI P5 4.11.0 tei_all, vendored (schemas/vendor/README.md). */
export const teiAllSchema = join(repoRoot, 'schemas', 'vendor', 'tei_all.rng');
/** The CSL project's JSON Schema for CSL-JSON (schemas/csl-data.README.md). */
export const cslDataSchema = join(repoRoot, 'schemas', 'csl-data.json');

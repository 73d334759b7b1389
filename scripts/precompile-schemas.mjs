#!/usr/bin/env node
/**
 * `npm run precompile-schemas` (after `tsc`): writes the compact compiled
 * form of samizdat's own RELAX NG schemas into precompiled/grammar/, named by
 * their digest, so that validating against them never compiles them.
 */
import { fileURLToPath } from 'node:url';
import { precompileSchemas } from '../lib/validate/grammar-cache.js';

const SCHEMAS = ['schemas/samizdat.rng', 'schemas/vendor/tei_all.rng'];

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);
const started = performance.now();
try {
  const written = await precompileSchemas(SCHEMAS);
  process.stderr.write(`precompile-schemas: ${SCHEMAS.join(', ')} → ${written.map((f) => f.slice(process.cwd().length + 1)).join(', ')} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
} catch (error) {
  process.stderr.write(`precompile-schemas: ${error.message}${error.at ? ` (${error.at.file}:${error.at.line}:${error.at.column})` : ''}\n`);
  process.exit(1);
}

/**
 * `npm pack`'s `prepack` step (`tsx src/precompiled/main.ts`): writes
 * `precompiled/` afresh from the registry (registry.ts), with a manifest
 * saying which source each file was made from. Fails, naming the artefact,
 * when one cannot be made: a package without its precompiled files would
 * still work, but slowly, and nobody would know.
 */
import { existsSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, relative, sep } from 'node:path';
import { saxonVersion } from '../transform/saxon.js';
import { version } from '../version.js';
import { limited } from '../workers/limit.js';
import { writeAtomically } from '../write-atomically.js';
import { PRECOMPILED_DIR, PRECOMPILED_MANIFEST, type PrecompiledManifest } from './index.js';
import { ARTEFACTS, PRECOMPILERS, sourcePath } from './registry.js';

await rm(PRECOMPILED_DIR, { recursive: true, force: true });
// Side by side, as many as there are cores: most are xslt3 child processes.
// Artefacts that share a step (every Schematron needs compile.xsl) share it
// through the transform layer's memory, so it runs once.
const turn = limited(availableParallelism());
const made = await Promise.all(ARTEFACTS.map((artefact) => turn(async () => {
  const started = performance.now();
  try {
    const files = await PRECOMPILERS[artefact.kind](sourcePath(artefact));
    process.stderr.write(`samizdat prepack: ${artefact.source} (${artefact.kind}) in ${((performance.now() - started) / 1000).toFixed(1)} s: ${files.join(', ')}\n`);
    return { ...artefact, files };
  } catch (error) {
    throw new Error(`${artefact.source} (${artefact.kind}) cannot be precompiled: ${(error as Error).message}`);
  }
}))).catch((error: Error) => {
  process.stderr.write(`samizdat prepack: ${error.message}\n`);
  process.exit(1);
});
const manifest: PrecompiledManifest = { samizdat: version, saxonJs: saxonVersion, artefacts: made };
// The compilers leave what helps debugging in a cache (the XSLT generated
// from Schematron); the package carries only what the manifest lists.
const listed = new Set(manifest.artefacts.flatMap((a) => a.files));
for (const entry of await readdir(PRECOMPILED_DIR, { recursive: true, withFileTypes: true })) {
  const path = join(entry.parentPath, entry.name);
  if (entry.isFile() && !listed.has(relative(PRECOMPILED_DIR, path).split(sep).join('/'))) await rm(path);
}
const missing = [...listed].filter((file) => !existsSync(join(PRECOMPILED_DIR, file)));
if (missing.length > 0) {
  process.stderr.write(`samizdat prepack: made but not written (is ${PRECOMPILED_DIR} writable?): ${missing.join(', ')}\n`);
  process.exit(1);
}
await writeAtomically(PRECOMPILED_MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`);

/**
 * What a run loads: saxon-js (about 0.2 s to load) only when a document has
 * rules to run, never for `validate --grammar-only`. Each case runs in a
 * fresh process, since this one has long since loaded everything.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../support/paths.js';

/** Validates the flagship in a new process and says whether saxon-js was loaded. */
function saxonLoadedAfter(options: string): boolean {
  const src = (path: string) => JSON.stringify(pathToFileURL(join(repoRoot, 'src', path)).href);
  const script = `const { validate } = await import(${src('validate/index.ts')});
    const { createRequire } = await import('node:module');
    const report = await validate([${JSON.stringify(join(repoRoot, 'tei'))}], { ...${options}, jobs: 1, cacheDir: false });
    if (report.summary.errors > 0) throw new Error(JSON.stringify(report.files));
    console.log(Object.keys(createRequire(import.meta.url).cache).some((file) => /saxon-js[\\\\/]SaxonJS2N\\.js$/.test(file)));`;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: repoRoot, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout.trim()) as boolean;
}

describe('start-up: what a validation loads', function () {
  this.timeout(300_000);

  it('never loads saxon-js for layers 1–2 (--grammar-only)', () => {
    assert.equal(saxonLoadedAfter('{ grammarOnly: true }'), false);
  });

  it('loads saxon-js once a document has rules to run', () => {
    assert.equal(saxonLoadedAfter('{ schematron: {} }'), true);
  });
});

/**
 * What a run loads: saxon-js (about 0.2 s to load) only when a document has
 * rules to run, never for `validate --grammar-only`; and never axios, the
 * HTTP client saxon-js requires, which the rule layer does not let it use.
 * Each case runs in a fresh process, since this one has long since loaded
 * everything.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../support/paths.js';

/** Validates the flagship in a new process and says which of saxon-js and axios were loaded. */
function loadedAfter(options: string): { saxon: boolean; axios: boolean } {
  const src = (path: string) => JSON.stringify(pathToFileURL(join(repoRoot, 'src', path)).href);
  const script = `const { validate } = await import(${src('validate/index.ts')});
    const { createRequire } = await import('node:module');
    const report = await validate([${JSON.stringify(join(repoRoot, 'tei'))}], { ...${options}, jobs: 1, cacheDir: false });
    if (report.summary.errors > 0) throw new Error(JSON.stringify(report.files));
    const loaded = Object.keys(createRequire(import.meta.url).cache);
    console.log(JSON.stringify({
      saxon: loaded.some((file) => /saxon-js[\\\\/]SaxonJS2N\\.js$/.test(file)),
      axios: loaded.some((file) => /[\\\\/]node_modules[\\\\/]axios[\\\\/]/.test(file)),
    }));`;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: repoRoot, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout.trim()) as { saxon: boolean; axios: boolean };
}

describe('start-up: what a validation loads', function () {
  this.timeout(300_000);

  it('never loads saxon-js for layers 1–2 (--grammar-only)', () => {
    assert.equal(loadedAfter('{ grammarOnly: true }').saxon, false);
  });

  it('loads saxon-js once a document has rules to run, but not its HTTP client', () => {
    assert.deepEqual(loadedAfter('{ schematron: {} }'), { saxon: true, axios: false });
  });
});

import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const cli = new URL('../bin/samizdat.js', import.meta.url).pathname;

describe('samizdat CLI', () => {
  it('prints the package version with --version', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    assert.equal(execFileSync('node', [cli, '--version'], { encoding: 'utf8' }).trim(), pkg.version);
  });

  it('exits 2 with usage on an unknown command', () => {
    const result = spawnSync('node', [cli, 'frobnicate'], { encoding: 'utf8' });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /unknown command 'frobnicate'/);
  });
});

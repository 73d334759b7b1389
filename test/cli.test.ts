import { strict as assert } from 'node:assert';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';

const cli = new URL('../bin/samizdat.js', import.meta.url).pathname;

describe('samizdat CLI', () => {
  it('prints the package version with --version', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    assert.equal(execFileSync('node', [cli, '--version'], { encoding: 'utf8' }).trim(), pkg.version);
  });

  it('prints the version after a command name too', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    assert.equal(execFileSync('node', [cli, 'build', '--version'], { encoding: 'utf8' }).trim(), pkg.version);
  });

  it('ends quietly when the reader closes the pipe early', async () => {
    const tei = new URL('../tei/1923-opposition-ch01.xml', import.meta.url).pathname;
    const child = spawn('node', [cli, 'text', tei], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy(); // the reader is gone before the command writes a byte
    let stderr = '';
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    const [code] = await once(child, 'close');
    assert.equal(stderr, '');
    assert.equal(code, 0);
  });

  it('exits 2 with usage on an unknown command', () => {
    const result = spawnSync('node', [cli, 'frobnicate'], { encoding: 'utf8' });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /unknown command 'frobnicate'/);
  });
});

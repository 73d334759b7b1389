/** The render thread the CLI starts before `build` loads its modules (cli/ahead.ts). */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { renderAheadFor } from '../../src/cli/ahead.js';

const cli = new URL('../../bin/samizdat.js', import.meta.url).pathname;
const template = new URL('../../templates/init/tei', import.meta.url).pathname;

describe('cli: the render thread started ahead of build', () => {
  it('is started for a build that may render a few documents, with a core to spare', () => {
    for (const argv of [['build'], ['build', 'tei'], ['build', '--out', 'site', '--jobs', '2'], ['build', '--', '--force']]) {
      assert.equal(renderAheadFor(argv, 2), true, argv.join(' '));
    }
  });

  it('is not started for other commands, a forced build, help, one job or one core', () => {
    for (const argv of [['validate', 'tei'], ['watch'], ['serve'], ['text', 'a.xml'], [], ['build', '--force'], ['build', '--no-cache'], ['build', '--help'], ['build', '-h'],
      ['build', '--version'], ['build', '--jobs', '1'], ['build', '--jobs=1']]) {
      assert.equal(renderAheadFor(argv, 2), false, argv.join(' '));
    }
    assert.equal(renderAheadFor(['build'], 1), false, 'one core');
  });

  describe('a build through the CLI', function () {
    this.timeout(300_000);
    let scratch: string;
    before(() => { scratch = mkdtempSync(join(tmpdir(), 'samizdat-ahead-')); });
    after(() => rmSync(scratch, { recursive: true, force: true }));

    const edition = (name: string): string => {
      const root = join(scratch, name);
      cpSync(template, join(root, 'tei'), { recursive: true });
      return root;
    };
    const samizdat = (root: string, ...args: string[]) => spawnSync(process.execPath, [cli, 'build', ...args], { cwd: root, encoding: 'utf8' });
    const tree = (root: string): Record<string, string> => {
      const files: Record<string, string> = {};
      const walk = (folder: string): void => {
        for (const name of readdirSync(folder).sort()) {
          const path = join(folder, name);
          if (statSync(path).isDirectory()) walk(path);
          else files[relative(root, path)] = readFileSync(path, 'latin1');
        }
      };
      walk(root);
      return files;
    };
    const revise = (root: string): void => {
      const file = join(root, 'tei', 'sample.xml');
      const text = readFileSync(file, 'utf8');
      const revised = text.replace(/<\/p>/, ' Revised after the first build.</p>');
      assert.notEqual(revised, text);
      writeFileSync(file, revised);
    };

    it('publishes after a change what a cold build of the changed edition publishes, and exits when nothing changed', () => {
      const root = edition('incremental');
      assert.equal(samizdat(root).status, 0, 'cold');
      revise(root);
      const changed = samizdat(root);
      assert.equal(changed.status, 0, changed.stderr);
      assert.match(changed.stdout + changed.stderr, /1 rendered/);
      const unchanged = samizdat(root);
      assert.equal(unchanged.status, 0, unchanged.stderr);
      assert.match(unchanged.stdout + unchanged.stderr, /0 rendered/);
      const cold = edition('cold');
      revise(cold);
      assert.equal(samizdat(cold).status, 0, 'cold build of the changed edition');
      assert.deepEqual(tree(join(root, 'dist')), tree(join(cold, 'dist')));
    });
  });
});

/** The render thread the CLI starts before `build` loads its modules (cli/ahead.ts). */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderAheadFor } from '../../src/cli/ahead.js';

const cli = new URL('../../bin/samizdat.js', import.meta.url).pathname;
const template = new URL('../../templates/init/tei', import.meta.url).pathname;
const RENDER_THREAD = fileURLToPath(new URL('../../src/build/render-thread.ts', import.meta.url));
const BUILD = fileURLToPath(new URL('../../src/build/index.ts', import.meta.url));

/** Runs `body` in a process of its own (the render thread is one per process); what it printed. */
function runAlone(body: string): string {
  const script = `import { renderThreadRunning, startRenderThread, startRenderThreadAhead } from ${JSON.stringify(RENDER_THREAD)};\nimport { build } from ${JSON.stringify(BUILD)};\n${body}`;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 240_000 });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout;
}

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

  it('is not counted as running until a build asks something of it', function () {
    assert.equal(runAlone(`startRenderThreadAhead(16); console.log(renderThreadRunning()); startRenderThread(16); console.log(renderThreadRunning());`), 'false\ntrue\n');
  });

  it('leaves a first build of a small edition rendering in the calling thread, which compiled the stylesheets', function () {
    this.timeout(300_000);
    const root = mkdtempSync(join(tmpdir(), 'samizdat-ahead-first-'));
    try {
      cpSync(template, join(root, 'tei'), { recursive: true });
      const options = { out: join(root, 'dist'), root, buildCacheDir: join(root, '.samizdat', 'cache', 'build'), cacheDir: join(root, '.samizdat', 'cache', 'xslt') };
      const printed = runAlone(`startRenderThreadAhead(16); const report = await build(${JSON.stringify(join(root, 'tei'))}, ${JSON.stringify(options)}); console.log(JSON.stringify([report.written, report.rendered, report.threads, renderThreadRunning()]));`);
      // Had the build rendered in the thread started ahead, it would count as running now (a build asked something of it).
      assert.deepEqual(JSON.parse(printed), [true, ['sample'], 0, false]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  describe('a build through the CLI', function () {
    this.timeout(600_000);
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

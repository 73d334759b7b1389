/**
 * The threads a build starts to transform documents (its render pool, its
 * site-pages thread and the render thread of an incremental build) get the
 * young generation `TRANSFORMING_YOUNG_GENERATION_MB`. Seen from outside:
 * every Worker the build constructs is recorded, with the resource limits it
 * was given, by wrapping node:worker_threads' Worker for the test's duration.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ResourceLimits, WorkerOptions } from 'node:worker_threads';
import { build, type BuildOptions } from '../../src/build/index.js';
import { SETTLING_MS } from '../../src/build/reads.js';
import { stopRenderThread } from '../../src/build/render-thread.js';
import { TRANSFORMING_YOUNG_GENERATION_MB } from '../../src/workers/pool.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const flagship = readFileSync(join(root, 'tei', '1923-opposition-ch01.xml'), 'utf8');
const threads = createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');

/** A thread started during `during`: which worker module (its file name) and with what limits. */
interface Started { module: string; limits: ResourceLimits | undefined }

async function threadsStartedBy(during: () => Promise<void>): Promise<Started[]> {
  const started: Started[] = [];
  const Original = threads.Worker;
  threads.Worker = class extends Original {
    constructor(module: string | URL, options?: WorkerOptions) {
      // Run from source, a pool starts its module through a line of code that imports it (workers/pool.ts).
      const named = String(module).match(/([\w-]+)\.[jt]s\b/g)?.at(-1) ?? String(module);
      started.push({ module: named.replace(/\.[jt]s$/, ''), limits: options?.resourceLimits });
      super(module, options);
    }
  };
  syncBuiltinESMExports();
  try {
    await during();
  } finally {
    threads.Worker = Original;
    syncBuiltinESMExports();
  }
  return started;
}

describe('samizdat build: the young generation of the threads that transform', function () {
  const scratch = mkdtempSync(join(tmpdir(), 'samizdat-thread-limits-'));
  const tei = join(scratch, 'tei');
  const options: BuildOptions = { out: join(scratch, 'dist'), buildCacheDir: join(scratch, 'cache'), jobs: 2, siteThreadFrom: 0 };
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('gives it to the render pool and the site-pages thread of a cold build, and to the render thread after a change', async () => {
    mkdirSync(tei);
    writeFileSync(join(tei, 'register.xml'), readFileSync(join(root, 'tei', 'register.xml')));
    for (const name of ['a', 'b', 'c', 'd', 'e']) writeFileSync(join(tei, `${name}.xml`), flagship.replace('>Trotsky opens the attack</title>', `>Chapter ${name}</title>`));
    await sleep(SETTLING_MS + 100);

    const cold = await threadsStartedBy(async () => {
      const report = await build(tei, options);
      assert.deepEqual(report.diagnostics, []);
      assert.equal(report.threads, 2);
    });
    const renderers = cold.filter((thread) => thread.module === 'worker');
    assert.equal(renderers.length, 2, JSON.stringify(cold));
    const site = cold.filter((thread) => thread.module === 'site-worker');
    assert.equal(site.length, 1, JSON.stringify(cold));
    for (const thread of [...renderers, ...site]) assert.equal(thread.limits?.maxYoungGenerationSizeMb, TRANSFORMING_YOUNG_GENERATION_MB, thread.module);

    // A render thread an earlier build of this process left running would be used again, not started.
    await stopRenderThread();
    writeFileSync(join(tei, 'c.xml'), flagship.replace('>Trotsky opens the attack</title>', '>Chapter c, revised</title>'));
    await sleep(SETTLING_MS + 100);
    const changed = await threadsStartedBy(async () => {
      const report = await build(tei, options);
      assert.deepEqual(report.rendered, ['c']);
    });
    const renderThread = changed.filter((thread) => thread.module === 'render-thread-worker');
    assert.equal(renderThread.length, 1, JSON.stringify(changed));
    assert.equal(renderThread[0].limits?.maxYoungGenerationSizeMb, TRANSFORMING_YOUNG_GENERATION_MB);
  });
});

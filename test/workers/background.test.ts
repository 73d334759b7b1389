/**
 * A background pool (workers/pool.ts): idle, its workers do not keep the
 * process alive, whether or not it was ever given a job. Node refs a worker
 * again when a 'message' listener is added to it; a pool that unrefs its
 * workers before adding its listeners kept the process alive until it was
 * closed (a pool started ahead of a job that never came would have held
 * every such command open).
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const POOL = fileURLToPath(new URL('../../src/workers/pool.ts', import.meta.url));
const SLEEPY = new URL('../fixtures/workers/sleepy-worker.js', import.meta.url).href;

/** Runs `body` (after importing WorkerPool) in a process of its own; how it ended, within `timeoutMs`. */
function runAlone(body: string, timeoutMs = 30_000): { status: number | null; signal: string | null; stdout: string } {
  const script = `import { WorkerPool } from ${JSON.stringify(POOL)};\n${body}`;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: timeoutMs });
  return { status: run.status, signal: run.signal, stdout: run.stdout };
}

describe('workers: a background pool', function () {

  it('never given a job, lets the process end', () => {
    const ended = runAlone(`new WorkerPool(new URL(${JSON.stringify(SLEEPY)}), 1, { interleaved: false }, { background: true }); console.log('started');`);
    assert.equal(ended.signal, null, 'the process was still running when the test stopped it');
    assert.equal(ended.status, 0);
    assert.equal(ended.stdout, 'started\n');
  });

  it('after answering its jobs, lets the process end', () => {
    const ended = runAlone(`const pool = new WorkerPool(new URL(${JSON.stringify(SLEEPY)}), 1, { interleaved: false }, { background: true }); console.log(await pool.run({ name: 'answered', waitMs: 0 }));`);
    assert.equal(ended.signal, null, 'the process was still running when the test stopped it');
    assert.equal(ended.status, 0);
    assert.equal(ended.stdout, 'answered\n');
  });
});

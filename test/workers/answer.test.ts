/**
 * How a worker answers the jobs it is given at once (workers/answer.ts): in
 * the order given, or, interleaved, a job that waits does not hold up the
 * next (validate's workers: a batch waiting for rules compiled elsewhere).
 */
import { strict as assert } from 'node:assert';
import { WorkerPool } from '../../src/workers/pool.js';

const SLEEPY = new URL('../fixtures/workers/sleepy-worker.js', import.meta.url);

async function answerOrder(interleaved: boolean): Promise<string[]> {
  const pool = new WorkerPool<{ name: string; waitMs: number }, string>(SLEEPY, 1, { interleaved }, { depth: 2 });
  try {
    const order: string[] = [];
    await Promise.all([
      pool.run({ name: 'slow', waitMs: 400 }).then((name) => order.push(name)),
      pool.run({ name: 'quick', waitMs: 0 }).then((name) => order.push(name)),
    ]);
    return order;
  } finally {
    await pool.close();
  }
}

describe('workers: answering the jobs given at once', function () {

  it('answers in the order given by default', async () => {
    assert.deepEqual(await answerOrder(false), ['slow', 'quick']);
  });

  it('interleaved, answers a quick job while an earlier one waits', async () => {
    assert.deepEqual(await answerOrder(true), ['quick', 'slow']);
  });
});

/** The resource limits a pool's threads are started with (workers/pool.ts): their stack, and their young generation. */
import { strict as assert } from 'node:assert';
import { WorkerPool } from '../../src/workers/pool.js';

const LIMITS = new URL('../fixtures/workers/limits-worker.js', import.meta.url);
type Limits = { stackSizeMb?: number; maxYoungGenerationSizeMb?: number };

async function limitsOf(options: ConstructorParameters<typeof WorkerPool>[3]): Promise<Limits> {
  const pool = new WorkerPool<null, Limits>(LIMITS, 1, undefined, options);
  try {
    return await pool.run(null);
  } finally {
    await pool.close();
  }
}

describe('workers: the limits a pool starts its threads with', function () {
  this.timeout(60_000);

  it('gives a thread the young generation asked, beside its stack', async () => {
    const limits = await limitsOf({ stackSizeMb: 16, youngGenerationMb: 64 });
    assert.equal(limits.maxYoungGenerationSizeMb, 64);
    assert.equal(limits.stackSizeMb, 16);
  });

  it('gives a thread V8\'s young generation when none is asked (the pool that renders a cold build)', async () => {
    const limits = await limitsOf({ stackSizeMb: 16 });
    assert.notEqual(limits.maxYoungGenerationSizeMb, 64);
    assert.equal(limits.stackSizeMb, 16);
  });

  it('gives the young generation alone, with Node\'s stack, when no stack is asked', async () => {
    const limits = await limitsOf({ youngGenerationMb: 48 });
    assert.equal(limits.maxYoungGenerationSizeMb, 48);
  });
});

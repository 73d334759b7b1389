/**
 * The heap and stack a pool's threads are started with (workers/pool.ts):
 * the build's renderers and site thread get a young generation larger than
 * V8's default (see TRANSFORMING_YOUNG_GENERATION_MB), other pools keep it.
 */
import { strict as assert } from 'node:assert';
import type { ResourceLimits } from 'node:worker_threads';
import { TRANSFORMING_YOUNG_GENERATION_MB, WorkerPool, type ThreadOptions } from '../../src/workers/pool.js';

const LIMITS = new URL('../fixtures/workers/limits-worker.js', import.meta.url);

async function limitsOf(options: ThreadOptions): Promise<ResourceLimits> {
  const pool = new WorkerPool<null, ResourceLimits>(LIMITS, 1, undefined, options);
  try {
    return await pool.run(null);
  } finally {
    await pool.close();
  }
}

describe('workers: the resource limits of a pool\'s threads', function () {

  it('gives a thread the young generation asked for, with the stack asked for', async () => {
    const limits = await limitsOf({ youngGenerationMb: TRANSFORMING_YOUNG_GENERATION_MB, stackSizeMb: 16 });
    assert.equal(limits.maxYoungGenerationSizeMb, TRANSFORMING_YOUNG_GENERATION_MB);
    assert.equal(limits.stackSizeMb, 16);
  });

  it('leaves V8\'s own young generation to a thread that asks for none', async () => {
    const limits = await limitsOf({ stackSizeMb: 16 });
    assert.ok(limits.maxYoungGenerationSizeMb! < TRANSFORMING_YOUNG_GENERATION_MB, `young generation ${limits.maxYoungGenerationSizeMb} MB`);
  });

  it('is larger than V8\'s default young generation (three 16 MB semi-space sizes)', () => {
    assert.ok(TRANSFORMING_YOUNG_GENERATION_MB > 48);
  });

  it('gives the young generation alone, with Node\'s stack, when no stack is asked', async () => {
    const limits = await limitsOf({ youngGenerationMb: 96 });
    assert.equal(limits.maxYoungGenerationSizeMb, 96);
  });
});

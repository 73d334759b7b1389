/**
 * How the documents asked for at once are cut into batches for the
 * workers (validate/pool.ts): every worker gets a share, so a few large
 * documents (eight plays, a chapter and its register) are checked in
 * parallel, and a long run of documents goes in full batches.
 */
import { strict as assert } from 'node:assert';
import { BATCH, batchSizes } from '../../src/validate/pool.js';

describe('validate: documents shared among the workers in batches', () => {
  it('gives each of the workers a share of a few documents', () => {
    assert.deepEqual(batchSizes(8, 2), [4, 4]);
    assert.deepEqual(batchSizes(2, 2), [1, 1]);
    assert.deepEqual(batchSizes(3, 2), [2, 1]);
    assert.deepEqual(batchSizes(4, 3), [2, 1, 1]);
    assert.deepEqual(batchSizes(1, 4), [1]);
  });

  it('sends many documents in full batches, and never more than a batch at once', () => {
    assert.equal(BATCH, 8);
    assert.deepEqual(batchSizes(32, 2), [8, 8, 8, 8]);
    assert.deepEqual(batchSizes(21, 1), [7, 7, 7]);
    for (let asked = 0; asked <= 70; asked++) {
      for (const workers of [1, 2, 3, 8]) {
        const sizes = batchSizes(asked, workers);
        assert.equal(sizes.reduce((a, b) => a + b, 0), asked, `${asked} documents, ${workers} workers`);
        assert.ok(sizes.every((size) => size >= 1 && size <= BATCH));
        assert.ok(sizes.length === 0 || Math.max(...sizes) - Math.min(...sizes) <= 1, `${asked} documents in even batches: ${sizes}`);
        assert.equal(sizes.length, Math.max(Math.ceil(asked / BATCH), Math.min(asked, workers)), 'as few batches as that allows');
        assert.ok(sizes.length >= Math.min(asked, workers), `${asked} documents reach ${workers} workers`);
      }
    }
  });
});

/**
 * The table of id pairs that interns groups, interleaves and afters: every
 * pair stored is found again, through collisions and growth, and a pair
 * never stored is not.
 */
import { strict as assert } from 'node:assert';
import { PairTable } from '../../../src/validate/relaxng/pair-table.js';

describe('PairTable', () => {
  it('finds every pair stored, through growth from a small start, and misses the others', () => {
    const table = new PairTable(4);
    for (let a = 0; a < 300; a++) for (let b = 0; b < 40; b += 3) table.set(a, b, a * 1000 + b);
    for (let a = 0; a < 300; a++) {
      for (let b = 0; b < 40; b++) assert.equal(table.get(a, b), b % 3 === 0 ? a * 1000 + b : -1, `(${a}, ${b})`);
    }
    assert.equal(table.get(300, 0), -1);
  });

  it('keeps (a, b) and (b, a) apart, and replaces a value set again', () => {
    const table = new PairTable();
    table.set(1, 2, 10);
    table.set(2, 1, 20);
    table.set(1, 2, 30);
    assert.deepEqual([table.get(1, 2), table.get(2, 1)], [30, 20]);
  });
});

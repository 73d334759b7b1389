/**
 * A hash table from a pair of small integers (pattern ids) to an integer,
 * in typed arrays: interning a group, an interleave or an after looks up a
 * pair of ids, and Map keys made of two ids would not be small integers
 * (every lookup would allocate).
 */
export class PairTable {
  private firsts: Int32Array;
  private seconds: Int32Array;
  private values: Int32Array;
  private mask: number;
  private count = 0;

  constructor(capacity = 1024) {
    const size = 1 << Math.ceil(Math.log2(Math.max(16, capacity * 2)));
    this.firsts = new Int32Array(size).fill(-1);
    this.seconds = new Int32Array(size);
    this.values = new Int32Array(size);
    this.mask = size - 1;
  }

  /** The value stored for (a, b), or -1. */
  get(a: number, b: number): number {
    const { firsts, seconds, mask } = this;
    for (let i = hash(a, b) & mask; ; i = (i + 1) & mask) {
      const first = firsts[i];
      if (first === -1) return -1;
      if (first === a && seconds[i] === b) return this.values[i];
    }
  }

  set(a: number, b: number, value: number): void {
    if ((this.count + 1) * 2 > this.firsts.length) this.grow();
    const { firsts, seconds, mask } = this;
    for (let i = hash(a, b) & mask; ; i = (i + 1) & mask) {
      const first = firsts[i];
      if (first === -1) {
        firsts[i] = a;
        seconds[i] = b;
        this.values[i] = value;
        this.count++;
        return;
      }
      if (first === a && seconds[i] === b) {
        this.values[i] = value;
        return;
      }
    }
  }

  private grow(): void {
    const { firsts, seconds, values } = this;
    const size = firsts.length * 2;
    this.firsts = new Int32Array(size).fill(-1);
    this.seconds = new Int32Array(size);
    this.values = new Int32Array(size);
    this.mask = size - 1;
    this.count = 0;
    for (let i = 0; i < firsts.length; i++) if (firsts[i] !== -1) this.set(firsts[i], seconds[i], values[i]);
  }
}

function hash(a: number, b: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ b;
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  return h ^ (h >>> 13);
}

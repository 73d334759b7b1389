/** write-atomically.ts: a file written whole or not at all, its folder made only when missing. */
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeAtomically, writeAtomicallySync } from '../src/write-atomically.js';

describe('writeAtomically and writeAtomicallySync', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'samizdat-write-atomically-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  for (const [label, write] of [
    ['async', writeAtomically],
    ['sync', async (path: string, text: string | Uint8Array) => writeAtomicallySync(path, text)],
  ] as const) {
    it(`${label}: writes into a folder that exists, replacing the file, and leaves nothing beside it`, async () => {
      const path = join(dir, 'blob');
      await write(path, 'first');
      await write(path, new TextEncoder().encode('second'));
      assert.equal(readFileSync(path, 'utf8'), 'second');
      assert.deepEqual(readdirSync(dir), ['blob']);
    });

    it(`${label}: makes the folders a file goes into when they are missing (the first write into a cache)`, async () => {
      const path = join(dir, 'a', 'b', 'blob');
      await write(path, 'text');
      assert.equal(readFileSync(path, 'utf8'), 'text');
      assert.deepEqual(readdirSync(join(dir, 'a', 'b')), ['blob']);
      // Made again after it was removed (a cache cleared under a long-running watch).
      rmSync(join(dir, 'a'), { recursive: true });
      await write(path, 'again');
      assert.equal(readFileSync(path, 'utf8'), 'again');
    });

    it(`${label}: fails, leaving no partial file, when the folder cannot be made`, async () => {
      writeFileSync(join(dir, 'file'), 'not a folder');
      await assert.rejects(write(join(dir, 'file', 'blob'), 'text'), { code: 'ENOTDIR' });
      mkdirSync(join(dir, 'target'));
      // A folder where the file goes: the rename fails, and the partial file is removed.
      await assert.rejects(write(join(dir, 'target'), 'text'));
      assert.deepEqual(readdirSync(dir).sort(), ['file', 'target']);
      assert.deepEqual(readdirSync(join(dir, 'target')), []);
    });
  }
});

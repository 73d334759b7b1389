/**
 * Documents checked in parallel (validate/pool.ts): the calling thread
 * checks documents beside the workers, documents go to a worker in batches
 * sized by what still waits, and the calling thread reads a document as a
 * worker does.
 */
import { strict as assert } from 'node:assert';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkDocument, type DocumentResult } from '../../src/validate/document.js';
import { BATCH, DEPTH, DocumentPool, batchFor } from '../../src/validate/pool.js';

const fixtures = new URL('../fixtures/validate/', import.meta.url).pathname;

/** A result without what changes from one reading to the next (when the file was looked at). */
function verdict(result: DocumentResult): unknown {
  return { ...result, source: result.source && { sha256: result.source.sha256, look: result.source.look } };
}

describe('validate: documents shared among the threads', function () {

  describe('batchFor', () => {
    it('sends full batches while many documents wait, and one at a time when few do', () => {
      assert.equal(BATCH, 8);
      assert.equal(batchFor(1000, 2), BATCH, 'a thousand documents go in full batches');
      assert.equal(batchFor(7, 2), 1, 'seven plays left for a worker and the calling thread go one at a time');
      assert.equal(DEPTH, 4);
      assert.equal(batchFor(20, 2), 2);
      assert.equal(batchFor(64, 2), 8, 'full batches while a worker holding four leaves the calling thread its share');
      assert.equal(batchFor(63, 2), 7);
      assert.equal(batchFor(1, 8), 1);
    });

    it('never sends more than wait, nor more than a batch, nor nothing, and less as fewer wait', () => {
      for (const takers of [1, 2, 3, 8]) {
        let previous = 0;
        for (let queued = 1; queued <= 300; queued++) {
          const size = batchFor(queued, takers);
          assert.ok(size >= 1 && size <= Math.min(BATCH, queued), `${queued} waiting, ${takers} threads: ${size}`);
          assert.ok(size >= previous, `${queued} waiting, ${takers} threads: a batch no smaller than for fewer waiting`);
          // A worker holds DEPTH batches: what it is given leaves a share for every other thread.
          if (size > 1) assert.ok(DEPTH * size * takers <= queued, `${queued} waiting, ${takers} threads: ${size} leaves the others their share`);
          previous = size;
        }
      }
    });
  });

  describe('DocumentPool', () => {
    let folder: string;
    let files: string[];
    before(() => {
      folder = mkdtempSync(join(tmpdir(), 'samizdat-pool-'));
      files = Array.from({ length: 12 }, (_, i) => {
        const file = join(folder, `doc${String(i).padStart(2, '0')}.xml`);
        copyFileSync(join(fixtures, i % 4 === 3 ? 'not-wellformed.xml' : 'tei-minimal.xml'), file);
        return file;
      });
    });
    after(() => rmSync(folder, { recursive: true, force: true }));

    it('checks documents in the calling thread and in a worker, with the verdicts of one thread', async () => {
      const here: string[] = [];
      const pool = new DocumentPool(2, {}, (file) => {
        here.push(file);
        return checkDocument(file, { readSynchronously: true });
      });
      try {
        const results = await Promise.all(files.map((file) => pool.check(file)));
        const serial = await Promise.all(files.map((file) => checkDocument(file)));
        assert.deepEqual(results.map(verdict), serial.map(verdict));
        assert.ok(here.length > 0, 'the calling thread checked documents');
        assert.ok(here.length < files.length, `a worker checked documents too (the calling thread checked ${here.length} of ${files.length})`);
        assert.ok(results.some((r) => r.diagnostics.some((d) => d.ruleId.startsWith('xml-'))), 'the documents that are not well-formed were reported');
      } finally {
        await pool.close();
      }
    });

    it('fails a document the calling thread could not check alone', async () => {
      let failed: string | undefined;
      const pool = new DocumentPool(2, {}, async (file) => {
        if (failed === undefined) {
          failed = file;
          throw new Error('the calling thread failed');
        }
        return checkDocument(file, { readSynchronously: true });
      });
      try {
        const settled = await Promise.allSettled(files.map((file) => pool.check(file)));
        const rejected = files.filter((_, i) => settled[i].status === 'rejected');
        assert.deepEqual(rejected, [failed]);
        assert.match(String((settled[files.indexOf(failed!)] as PromiseRejectedResult).reason), /the calling thread failed/);
      } finally {
        await pool.close();
      }
    });

    it('without the calling thread, checks every document in the workers', async () => {
      const pool = new DocumentPool(1, {});
      try {
        const results = await Promise.all(files.slice(0, 3).map((file) => pool.check(file)));
        assert.deepEqual(results.map((r) => r.file), files.slice(0, 3));
      } finally {
        await pool.close();
      }
    });
  });

  it('reads a document in the calling thread synchronously to the same verdict as asynchronously, whatever is wrong with it', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'samizdat-sync-read-'));
    try {
      writeFileSync(join(folder, 'large.xml'), `<?xml version="1.0"?><r>${'<p>text &amp; more</p>\n'.repeat(80_000)}</r>`);
      const cases = ['tei-minimal.xml', 'tei-minimal-utf16le.xml', 'latin1-declared.xml', 'invalid-utf8.xml', 'empty.xml', 'nul-byte.xml', 'not-wellformed.xml', 'a-directory.xml', 'missing.xml']
        .map((name) => join(fixtures, name)).concat(join(folder, 'large.xml'));
      for (const file of cases) {
        const synchronous = await checkDocument(file, { readSynchronously: true });
        const asynchronous = await checkDocument(file, { readSynchronously: false });
        assert.deepEqual(verdict(synchronous), verdict(asynchronous), file);
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

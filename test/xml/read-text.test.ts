/**
 * `readDocumentTextSync` (read in one call, for an incremental build's few
 * changed documents) gives what `readDocumentText` gives, for a document
 * and for every problem on the way.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readDocumentText, readDocumentTextSync } from '../../src/xml/index.js';

describe('reading a document whole, in one call or through the thread pool', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'samizdat-read-text-'));
  after(() => rmSync(scratch, { recursive: true, force: true }));

  const cases: [string, () => string, number][] = [
    ['a UTF-8 document with a byte-order mark', () => file('bom.xml', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<TEI>é</TEI>')])), 1000],
    ['a UTF-16 document', () => file('utf16.xml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<?xml version="1.0" encoding="UTF-16"?><TEI>ü</TEI>', 'utf16le')])), 1000],
    ['bytes that are not UTF-8', () => file('bad.xml', Buffer.from([0x3c, 0x61, 0x3e, 0xff, 0x3c, 0x2f, 0x61, 0x3e])), 1000],
    ['an empty file', () => file('empty.xml', Buffer.alloc(0)), 1000],
    ['a document over the size limit', () => file('large.xml', Buffer.from(`<TEI>${'x'.repeat(200)}</TEI>`)), 100],
    ['a folder', () => { mkdirSync(join(scratch, 'folder.xml'), { recursive: true }); return join(scratch, 'folder.xml'); }, 1000],
    ['a missing file', () => join(scratch, 'missing.xml'), 1000],
  ];
  function file(name: string, bytes: Buffer): string {
    writeFileSync(join(scratch, name), bytes);
    return join(scratch, name);
  }

  for (const [what, path, limit] of cases) {
    it(`gives the same for ${what}`, async () => {
      const at = path();
      const sync = readDocumentTextSync(at, limit);
      assert.deepEqual(sync, await readDocumentText(at, limit));
      assert.ok('ruleId' in sync || sync.text.length > 0);
    });
  }
});

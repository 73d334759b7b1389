/** file-look.ts: the stat that every per-document freshness and size check goes through. */
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { statIfAny } from '../src/file-look.js';

describe('file looks: statIfAny', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'samizdat-file-look-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('gives a file\'s stat, and undefined for a missing file or a path through a file, never an exception', () => {
    const file = join(dir, 'register.xml');
    writeFileSync(file, '<TEI/>');
    assert.equal(statIfAny(file)?.size, 6);
    assert.equal(statIfAny(join(dir, 'missing.xml')), undefined);
    // ENOTDIR, which a stat told not to throw for a missing entry still throws.
    assert.equal(statIfAny(join(file, 'inside.xml')), undefined);
  });
});

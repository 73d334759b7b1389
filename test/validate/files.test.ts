/**
 * `expandPaths`: which files a folder or a glob stands for. Hidden files are
 * skipped like hidden folders: an editor's lock file beside a document (emacs
 * writes `.#name.xml`, a link to nowhere, while the buffer is modified) is
 * not a document, and must not stop `validate` or `build`.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expandPaths, splitGlob } from '../../src/validate/files.js';

async function expanded(patterns: string[]): Promise<string[]> {
  const found: string[] = [];
  for await (const entry of expandPaths(patterns)) found.push(typeof entry === 'string' ? entry : `problem: ${entry.message}`);
  return found;
}

describe('expandPaths', () => {
  const dir = mkdtempSync(join(tmpdir(), 'samizdat-files-'));
  before(() => {
    mkdirSync(join(dir, 'tei', 'letters'), { recursive: true });
    mkdirSync(join(dir, 'tei', '.git'));
    mkdirSync(join(dir, 'tei', 'node_modules'));
    for (const file of ['a.xml', 'letters/b.xml', '.hidden.xml', '.git/c.xml', 'node_modules/d.xml', 'notes.txt']) writeFileSync(join(dir, 'tei', file), '<TEI/>');
    symlinkSync('editor@host.1234:1700000000', join(dir, 'tei', '.#a.xml'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('takes every .xml file under a folder, skipping hidden files and folders (editor lock links among them) and node_modules', async () => {
    assert.deepEqual(await expanded([join(dir, 'tei')]), [join(dir, 'tei', 'a.xml'), join(dir, 'tei', 'letters', 'b.xml')]);
  });

  it('does the same for a glob', async () => {
    assert.deepEqual(await expanded([`${dir}/tei/**/*.xml`]), [join(dir, 'tei', 'a.xml'), join(dir, 'tei', 'letters', 'b.xml')]);
  });

  it('still checks a hidden file named on its own', async () => {
    assert.deepEqual(await expanded([join(dir, 'tei', '.hidden.xml')]), [join(dir, 'tei', '.hidden.xml')]);
  });

  it('splits a glob into its fixed folder and a matcher', () => {
    const { base, matcher } = splitGlob('tei/letters/**/*.xml');
    assert.equal(base, 'tei/letters');
    assert.ok(matcher.test('a.xml') && matcher.test('x/y/a.xml') && !matcher.test('a.txt'));
  });
});

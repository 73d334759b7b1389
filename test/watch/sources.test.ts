/**
 * Which changed paths reach the watcher: a document its patterns name, not
 * an editor's temporary file, not the output folder or a cache.
 */
import { strict as assert } from 'node:assert';
import { join, resolve } from 'node:path';
import { isEditorTemporary, isOutputOrCache, sourcePattern } from '../../src/watch/sources.js';

describe('watch: what counts as a source', () => {
  const root = resolve('/edition');

  it('takes a folder to mean its .xml files outside hidden folders and node_modules', () => {
    const folder = sourcePattern(join(root, 'tei'));
    assert.equal(folder.base, join(root, 'tei'));
    assert.ok(folder.matches(join(root, 'tei', 'a.xml')));
    assert.ok(folder.matches(join(root, 'tei', 'letters', 'b.xml')));
    for (const other of ['tei/notes.txt', 'tei/.git/c.xml', 'tei/node_modules/d.xml', 'tei/.#a.xml', 'other/a.xml', 'tei-old/a.xml']) {
      assert.ok(!folder.matches(join(root, other)), other);
    }
  });

  it('takes a glob to mean what it matches under its fixed folder', () => {
    const glob = sourcePattern(`${root}/tei/letters/*.xml`);
    assert.equal(glob.base, join(root, 'tei', 'letters'));
    assert.ok(glob.matches(join(root, 'tei', 'letters', 'b.xml')));
    assert.ok(!glob.matches(join(root, 'tei', 'letters', 'deeper', 'b.xml')));
    assert.ok(!glob.matches(join(root, 'tei', 'a.xml')));
  });

  it('takes a file to mean itself', () => {
    const file = sourcePattern(join(root, 'tei', 'a.xml'));
    assert.ok(file.matches(join(root, 'tei', 'a.xml')));
    assert.ok(!file.matches(join(root, 'tei', 'b.xml')));
  });

  it('knows the temporary files of vim, emacs, JetBrains editors and backups', () => {
    for (const name of ['.a.xml.swp', 'a.xml.swx', 'a.xml~', '.#a.xml', '#a.xml#', '4913', 'a.xml___jb_tmp___', 'a.xml.bak', 'a.xml.tmp']) assert.ok(isEditorTemporary(join(root, name)), name);
    for (const name of ['a.xml', 'swap.xml', 'tilde~ish.xml']) assert.ok(!isEditorTemporary(join(root, name)), name);
  });

  it('leaves out the output folder, build staging beside it, caches and repositories', () => {
    const out = join(root, 'dist');
    for (const path of ['dist', 'dist/a/index.html', 'dist.partial-123', 'dist.old-123', '.samizdat/cache/x', 'tei/.git/HEAD', 'node_modules/x/a.xml']) {
      assert.ok(isOutputOrCache(join(root, path), out), path);
    }
    for (const path of ['tei/a.xml', 'distant/a.xml', 'tei/dist/a.xml']) assert.ok(!isOutputOrCache(join(root, path), out), path);
  });
});

/**
 * The build cache's two ways of knowing which blobs it holds: a listing
 * read once (the build's calling thread), or a look at each blob (a
 * renderer's cache for one document). Both must store and find the same
 * units; the second must see the folder as it is now.
 */
import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BuildCache, sha256, type UnitContent } from '../../src/build/cache.js';

const content = (page: string): UnitContent => ({
  name: 'a', title: 'A', entities: { mentions: [], entries: [], relations: [] }, links: [],
  files: new Map([['a/index.html', page], ['a/a.txt', 'text']]),
});

describe('build cache, blobs looked at one by one', () => {
  let scratch: string;
  beforeEach(() => { scratch = mkdtempSync(join(tmpdir(), 'samizdat-cache-')); });
  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  it('stores a unit that a listing cache finds, blobs and all', async () => {
    const each = new BuildCache(join(scratch, 'dist'), join(scratch, 'cache'), 'each');
    const stored = await each.store('k1', content('<p>one</p>'));
    assert.equal(stored.files['a/index.html'], sha256('<p>one</p>'));
    assert.equal(readFileSync(each.blobPath(sha256('<p>one</p>')), 'utf8'), '<p>one</p>');
    assert.deepEqual(await new BuildCache(join(scratch, 'dist'), join(scratch, 'cache')).unit('k1'), stored);
    assert.deepEqual(await each.unit('k1'), stored);
  });

  it('sees blobs written and removed after it was made, where a listing cache keeps what it listed', async () => {
    const out = join(scratch, 'dist');
    const root = join(scratch, 'cache');
    const each = new BuildCache(out, root, 'each');
    const listing = new BuildCache(out, root);
    // Listed while empty: the listing cache now takes the cache for empty.
    assert.equal(await listing.unit('missing'), undefined);
    await listing.store('k0', content('<p>zero</p>'));
    const stored = await new BuildCache(out, root).store('k1', content('<p>one</p>'));
    assert.deepEqual(await each.unit('k1'), stored, 'a blob written by another cache is seen');
    assert.equal(await listing.unit('k1'), undefined, 'the listing cache knows only the blobs it listed or wrote');
    const blob = each.blobPath(sha256('<p>one</p>'));
    rmSync(blob);
    assert.equal(await each.unit('k1'), undefined, 'a unit whose blob was removed is not found');
    await each.store('k2', content('<p>one</p>'));
    assert.ok(existsSync(blob), 'a blob removed since is written again');
  });

  it('writes a blob once when two files of a unit hold the same bytes', async () => {
    const each = new BuildCache(join(scratch, 'dist'), join(scratch, 'cache'), 'each');
    const record = await each.store('k', { ...content('same'), files: new Map([['a/index.html', 'same'], ['a/b.html', 'same']]) });
    assert.equal(record.files['a/index.html'], record.files['a/b.html']);
    assert.ok(existsSync(each.blobPath(sha256('same'))));
  });
});

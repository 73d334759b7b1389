/**
 * The build cache's two ways of knowing which blobs it holds: a listing
 * read once (the build's calling thread), or a look at each blob (a
 * renderer's cache for one document). Both must store and find the same
 * units; the second must see the folder as it is now.
 */
import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
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

  it('stores a renderer\'s unit without the thread pool: no file system call is in flight while it stores', async () => {
    const each = new BuildCache(join(scratch, 'dist'), join(scratch, 'cache'), 'each');
    const inFlight = () => process.getActiveResourcesInfo().filter((resource) => resource.startsWith('FSReq')).length;
    // What the test runner has in flight of its own, if anything, is not the cache's.
    const before = inFlight();
    let most = before;
    let stored = false;
    const storing = each.store('k', content('<p>one</p>')).finally(() => { stored = true; });
    // Looked at between turns of the event loop until it has stored: a call through the pool would be seen in flight.
    while (!stored) {
      most = Math.max(most, inFlight());
      await new Promise((turn) => setImmediate(turn));
    }
    const record = await storing;
    assert.equal(most, before);
    assert.equal(readFileSync(each.blobPath(record.files['a/index.html']), 'utf8'), '<p>one</p>');
    assert.deepEqual(await new BuildCache(join(scratch, 'dist'), join(scratch, 'cache')).unit('k'), record);
  });
});

describe('build cache, blobs listed once', () => {
  let scratch: string;
  beforeEach(() => { scratch = mkdtempSync(join(tmpdir(), 'samizdat-cache-')); });
  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  it('stores a unit of many files (written many at once), each once, and finds it with the blobs it wrote', async () => {
    const listing = new BuildCache(join(scratch, 'dist'), join(scratch, 'cache'));
    // Looked up first, so that the listing is made (empty) before the unit is stored: what it finds then, it wrote.
    assert.equal(await listing.unit('missing'), undefined);
    const files = new Map<string, string>();
    for (let i = 0; i < 100; i++) files.set(`search/f${i}.pf`, `fragment ${i % 60}`);
    const record = await listing.store('many', { ...content('x'), files });
    assert.equal(new Set(Object.values(record.files)).size, 60);
    for (const [path, text] of files) assert.equal(readFileSync(listing.blobPath(record.files[path]), 'utf8'), text);
    assert.deepEqual(readdirSync(join(listing.dir, 'blobs')).filter((name) => name.endsWith('.partial')), []);
    assert.deepEqual(await listing.unit('many'), record);
  });
});

describe('build cache, pruning in two steps', () => {
  let scratch: string;
  beforeEach(() => { scratch = mkdtempSync(join(tmpdir(), 'samizdat-cache-')); });
  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  it('removes what neither step keeps, keeps what either keeps, and leaves alone what was stored after the listing', async () => {
    const cache = new BuildCache(join(scratch, 'dist'), join(scratch, 'cache'));
    const early = await cache.store('early', content('<p>early</p>'));
    const late = await cache.store('late', content('<p>late</p>'));
    const old = await cache.store('old', content('<p>old</p>'));
    const finish = cache.preparePrune([early]);
    // Stored once the listing was made, as a build stores the search index while the prune waits for it.
    const after = await cache.store('after', content('<p>after</p>'));
    await finish([late]);
    const units = readdirSync(join(cache.dir, 'units')).sort();
    assert.deepEqual(units, ['after.json', 'early.json', 'late.json']);
    for (const record of [early, late, after]) for (const hash of Object.values(record.files)) assert.ok(existsSync(cache.blobPath(hash)), hash);
    assert.equal(existsSync(cache.blobPath(old.files['a/index.html'])), false, 'a blob only the old unit used is removed');
    // The shared blob (a/a.txt, "text") stays: kept units use it.
    assert.ok(existsSync(cache.blobPath(old.files['a/a.txt'])));
    assert.deepEqual(await new BuildCache(join(scratch, 'dist'), join(scratch, 'cache')).unit('late'), late);
  });

  it('prunes in one step as in two', async () => {
    const cache = new BuildCache(join(scratch, 'dist'), join(scratch, 'cache'));
    const kept = await cache.store('kept', content('<p>kept</p>'));
    await cache.store('gone', content('<p>gone</p>'));
    await cache.prune([kept]);
    assert.deepEqual(readdirSync(join(cache.dir, 'units')), ['kept.json']);
    assert.deepEqual(readdirSync(join(cache.dir, 'blobs')).sort(), Object.values(kept.files).sort());
  });
});

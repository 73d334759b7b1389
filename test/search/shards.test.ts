/**
 * The search index in shards: which shard holds a document (a rule that
 * moves no document when another changes, and as few as it can when the
 * edition grows or shrinks), and what the build makes of it: a bundle per
 * shard beside the first, made again only for the shard whose document
 * changed, and one bundle for an edition that fits one shard.
 */
import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { build, type BuildOptions } from '../../src/build/index.js';
import type { BuildCache, UnitRecord } from '../../src/build/cache.js';
import { searchUnit } from '../../src/search/index.js';
import { PASSAGES_DATA } from '../../src/search/passages.js';
import { LANGUAGES_DATA } from '../../src/search/records.js';
import { SEARCH_SHARD_SIZE, assignShards, shardCount, shardFolder, shardOf } from '../../src/search/shards.js';
import { snapshot } from '../support/snapshot.js';
import { LETTERS, writeLetters } from './letters.js';

const names = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 40 }), { minLength: 1, maxLength: 200 });

describe('search shards: the rule', () => {
  it('keeps an edition of up to one shard size in one shard, and splits in powers of two', () => {
    assert.equal(shardCount(1), 1);
    assert.equal(shardCount(SEARCH_SHARD_SIZE), 1);
    assert.equal(shardCount(SEARCH_SHARD_SIZE + 1), 2);
    fc.assert(fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 1, max: 500 }), (documents, size) => {
      const count = shardCount(documents, size);
      assert.equal(count & (count - 1), 0, 'a power of two');
      assert.ok(documents <= count * size, 'at most `size` documents a shard on average');
      assert.ok(count === 1 || documents > (count / 2) * size, 'no more shards than that needs');
    }));
    assert.throws(() => shardCount(10, 0), /at least 1/);
  });

  it('puts a thousand documents in 16 shards of about a sixteenth each', () => {
    const count = shardCount(1000);
    assert.equal(count, 16);
    const sizes = new Array<number>(count).fill(0);
    for (let i = 1; i <= 1000; i++) sizes[shardOf(`${String(i).padStart(4, '0')}-eltec-ENG18400_Trollope`, count)] += 1;
    assert.ok(Math.max(...sizes) <= 1000 / 16 * 1.5, `shard sizes ${sizes.join(' ')}`);
  });

  it('moves no other document when a document is added or removed, unless the number of shards changes', () => {
    fc.assert(fc.property(names, fc.string({ minLength: 1 }), fc.integer({ min: 1, max: 8 }), (edition, added, size) => {
      fc.pre(!edition.includes(added));
      const before = shardCount(edition.length, size);
      const after = shardCount(edition.length + 1, size);
      fc.pre(before === after);
      for (const name of edition) assert.equal(shardOf(name, after), shardOf(name, before));
    }));
  });

  it('splits each shard in two when the number of shards doubles: a document stays or moves to its shard’s new half', () => {
    fc.assert(fc.property(names, fc.constantFrom(1, 2, 4, 8, 16, 32), (edition, count) => {
      for (const name of edition) {
        const shard = shardOf(name, count);
        assert.ok(shard >= 0 && shard < count);
        assert.ok([shard, shard + count].includes(shardOf(name, count * 2)));
      }
    }));
  });

  it('publishes the first shard that holds documents at pagefind/, the others beside it by number', () => {
    assert.equal(shardFolder(3, true), 'pagefind');
    assert.equal(shardFolder(3, false), 'pagefind-4');
    const documents = ['a', 'b', 'c', 'd', 'e', 'f'].map((name) => ({ name }));
    const shards = assignShards(documents, 8);
    assert.deepEqual(shards.map((s) => s.shard), [...new Set(documents.map((d) => shardOf(d.name, 8)))].sort((a, b) => a - b), 'the shards that hold any, by number');
    assert.deepEqual(shards.map((s) => s.folder), shards.map((s, i) => (i === 0 ? 'pagefind' : `pagefind-${s.shard + 1}`)));
    assert.deepEqual(shards.flatMap((s) => s.members.map((m) => m.position)).sort(), [0, 1, 2, 3, 4, 5], 'every document once');
    for (const { shard, members } of shards) {
      assert.ok(members.every((m) => shardOf(m.document.name, 8) === shard));
      assert.deepEqual(members.map((m) => m.position), [...members.map((m) => m.position)].sort(), 'in the edition’s order');
    }
    assert.deepEqual(assignShards([], 4), [{ shard: 0, folder: 'pagefind', members: [] }], 'an edition of registers alone has an (empty) index to load');
  });
});

describe('search shards: what the build makes', function () {
  const scratch = mkdtempSync(join(tmpdir(), 'samizdat-search-shards-'));
  const tei = join(scratch, 'tei');
  const out = join(scratch, 'dist');
  const options: BuildOptions = { out, buildCacheDir: join(scratch, 'cache'), jobs: 1, searchShardSize: 1 };

  before(() => writeLetters(tei));
  after(() => rmSync(scratch, { recursive: true, force: true }));

  const bundlesOf = (files: Iterable<string>): string[] => [...new Set([...files].filter((f) => /^search\/pagefind[^/]*\//.test(f)).map((f) => f.split('/')[1]))].sort();

  it('publishes an edition that fits one shard as one bundle, at search/pagefind/', async () => {
    const single = join(scratch, 'single');
    const report = await build(tei, { ...options, out: single, buildCacheDir: join(scratch, 'single-cache'), searchShardSize: undefined });
    assert.deepEqual(report.diagnostics, []);
    assert.deepEqual(bundlesOf(snapshot(single).keys()), ['pagefind']);
    assert.ok(report.search?.indexed && report.search.shards === 1 && report.search.made === 1);
    assert.doesNotMatch(readFileSync(join(single, 'search', 'index.html'), 'utf8'), /data-bundles/, 'the page says nothing of shards');
  });

  it('publishes a complete Pagefind bundle per shard, and lists them on the search page, the first first', async () => {
    const report = await build(tei, options);
    assert.deepEqual(report.diagnostics, []);
    const bundles = bundlesOf(snapshot(out).keys());
    assert.ok(report.search?.indexed);
    assert.equal(report.search.shards, bundles.length);
    assert.equal(report.search.made, bundles.length, 'a first build makes every shard');
    assert.equal(report.search.recordsMade, LETTERS.length, 'and every document\u2019s records');
    assert.ok(bundles.length >= 4, `${bundles.join(' ')}: the letters are spread over shards`);
    assert.equal(report.search.passages, LETTERS.length * 6, 'every passage, once');
    for (const bundle of bundles) {
      for (const file of ['pagefind.js', 'pagefind-worker.js', 'pagefind-entry.json', 'wasm.en.pagefind']) assert.ok(existsSync(join(out, 'search', bundle, file)), `${bundle}/${file}`);
    }
    const listed = /data-bundles="([^"]*)"/.exec(readFileSync(join(out, 'search', 'index.html'), 'utf8'))?.[1].split(' ');
    assert.equal(listed?.[0], 'pagefind/');
    assert.deepEqual([...(listed ?? [])].sort(), bundles.map((b) => `${b}/`).sort());
  });

  it('makes again only the shard of the document that changed; the others come from the cache', async () => {
    const changed = join(tei, 'rome.xml');
    writeFileSync(changed, readFileSync(changed, 'utf8').replace('A verse that stands', 'A verse that wanders'));
    const report = await build(tei, options);
    assert.deepEqual(report.rendered, ['rome']);
    assert.ok(report.search?.indexed);
    assert.equal(report.search.made, 1);
    const shard = assignShards(LETTERS.map((l) => ({ name: l.file.replace(/\.xml$/, '') })), shardCount(LETTERS.length, 1))
      .find((s) => s.members.some((m) => m.document.name === 'rome'))!;
    assert.equal(report.search.passages, 6 * shard.members.length, 'the passages of that shard alone');
    const folder = `search/${shard.folder}/`;
    const changedSearch = report.changedFiles.filter((f) => f.startsWith('search/'));
    assert.ok(changedSearch.length > 0);
    assert.deepEqual(changedSearch.filter((f) => !f.startsWith(folder)), [], 'no other shard’s files, nor the search page');
    const unchanged = await build(tei, options);
    assert.deepEqual(unchanged.search, { indexed: false, shards: report.search.shards });
  });

  it('makes the records of the document that changed alone: its shard\u2019s other documents\u2019 come from the cache, to the same bytes', async () => {
    // Two shards of several documents each: a shard made again holds documents that did not change.
    const wide = { ...options, out: join(scratch, 'wide'), buildCacheDir: join(scratch, 'wide-cache'), searchShardSize: Math.ceil(LETTERS.length / 2) };
    assert.deepEqual((await build(tei, wide)).diagnostics, []);
    const changed = join(tei, 'bath.xml');
    const before = readFileSync(changed, 'utf8');
    try {
      const end = before.indexOf('</p>', before.indexOf('<body'));
      writeFileSync(changed, `${before.slice(0, end)} A sentence added.${before.slice(end)}`);
      const report = await build(tei, wide);
      assert.deepEqual(report.rendered, ['bath']);
      assert.ok(report.search?.indexed);
      assert.equal(report.search.made, 1);
      assert.ok(report.search.passages > 6, 'the shard holds other documents');
      assert.equal(report.search.recordsMade, 1, 'the records of the changed document alone are made');
      const cold = join(scratch, 'wide-cold');
      assert.deepEqual((await build(tei, { ...wide, out: cold, buildCacheDir: join(scratch, 'wide-cold-cache') })).diagnostics, []);
      assert.deepEqual(snapshot(wide.out!), snapshot(cold), 'the same bytes as a build from nothing');
    } finally {
      writeFileSync(changed, before);
    }
  });

  it('removes the bundles of shards an edition no longer has', async () => {
    const report = await build(tei, { ...options, searchShardSize: undefined });
    assert.deepEqual(report.diagnostics, []);
    assert.deepEqual(bundlesOf(snapshot(out).keys()), ['pagefind']);
    assert.ok(report.removedFiles.some((f) => /^search\/pagefind-\d+\//.test(f)));
  });
});

describe('search shards: a change to a register entry', function () {
  const scratch = mkdtempSync(join(tmpdir(), 'samizdat-search-entry-'));
  const tei = join(scratch, 'tei');
  const options: BuildOptions = { out: join(scratch, 'dist'), buildCacheDir: join(scratch, 'cache'), jobs: 1, searchShardSize: 1 };
  const register = join(tei, 'people.xml');

  before(() => {
    writeLetters(tei);
    // One letter mentions a person no other letter does.
    writeFileSync(register, readFileSync(register, 'utf8').replace('</listPerson>', '<person xml:id="ugo"><persName type="preferred">Ugo Foscolo</persName></person></listPerson>'));
    const rome = join(tei, 'rome.xml');
    writeFileSync(rome, readFileSync(rome, 'utf8').replace('with <persName ref="people.xml#ada">Ada</persName>', 'with <persName ref="people.xml#ugo">Ugo</persName>'));
  });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('makes again the shard of the one document that mentions the entry, and no other', async () => {
    assert.deepEqual((await build(tei, options)).diagnostics, []);
    writeFileSync(register, readFileSync(register, 'utf8').replace('Ugo Foscolo', 'Niccolò Ugo Foscolo'));
    const report = await build(tei, options);
    assert.deepEqual(report.diagnostics, []);
    assert.deepEqual(report.rendered, [], 'no page shows the register\'s names');
    assert.ok(report.search?.indexed);
    assert.equal(report.search.made, 1);
    assert.equal(report.search.recordsMade, 1, 'the records of the document that mentions the entry are made again');
    const shard = assignShards(LETTERS.map((l) => ({ name: l.file.replace(/\.xml$/, '') })), report.search.shards).find((s) => s.members.some((m) => m.document.name === 'rome'))!;
    assert.deepEqual(report.changedFiles.filter((f) => f.startsWith('search/') && !f.startsWith(`search/${shard.folder}/`)), [], 'no other shard’s files');
    assert.ok(report.entities.get('rome')?.some((e) => e.names.includes('Niccolò Ugo Foscolo')), 'the build reports the new name');
    assert.ok(!report.entities.get('bath')?.some((e) => e.anchor === 'ugo'));
    const cold = join(scratch, 'cold');
    assert.deepEqual((await build(tei, { ...options, out: cold, buildCacheDir: join(scratch, 'cold-cache') })).diagnostics, []);
    assert.deepEqual(snapshot(options.out!), snapshot(cold), 'the same bytes as a build from nothing');
  });

  it('makes no shard again when an entry no document mentions changes', async () => {
    writeFileSync(register, readFileSync(register, 'utf8').replace('</listPerson>', '<person xml:id="nobody"><persName>No One</persName></person></listPerson>'));
    const report = await build(tei, options);
    assert.deepEqual(report.diagnostics, []);
    assert.deepEqual(report.search, { indexed: false, shards: report.search?.shards });
  });
});

describe('search shards: the order they are looked at', () => {
  it('keys the shard of a document the build rendered before the others, so that its indexing starts first', async () => {
    const documents: UnitRecord[] = Array.from({ length: 40 }, (_, i) => ({
      key: `unit-${i}`, name: `doc-${String(i).padStart(2, '0')}`, title: `Document ${i}`, entities: { entries: [], relations: [] }, links: [], files: {},
      data: { [PASSAGES_DATA]: `passages-${i}` }, facts: { [LANGUAGES_DATA]: JSON.stringify([['en', 1]]) }, entitiesHash: '',
    }));
    const count = shardCount(documents.length, 4);
    const shards = assignShards(documents, count);
    const changed = shards[shards.length - 1].members[0].document.name;
    const digested: string[] = [];
    // Every shard and the search page as the cache has them: nothing is indexed, only keyed and looked up.
    const cache = { unit: async (key: string): Promise<UnitRecord> => ({ ...documents[0], key, name: '', files: {} }) } as unknown as BuildCache;
    await searchUnit(documents, { mentioned: () => new Map(), digest: (name) => { digested.push(name); return ''; }, index: false }, {
      cache, format: 'test', editionTitle: 'Letters', shardSize: 4, rendered: new Set([changed]),
    });
    const first = shards.find((shard) => shard.members.some(({ document }) => document.name === changed))!.members.map(({ document }) => document.name);
    assert.ok(count > 1 && shards[0].members.every(({ document }) => document.name !== changed), 'the changed document is not in the first shard');
    assert.deepEqual(digested.slice(0, first.length), first, 'its shard keyed first');
    assert.deepEqual([...digested].sort(), documents.map((d) => d.name).sort(), 'then every other, once');
  });
});

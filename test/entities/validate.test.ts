/**
 * Entities and `samizdat validate`: the fixture edition, which keeps entries
 * in every place TEI allows and points at them every way, passes all four
 * layers; `--verbose` lists the entries nothing points at, each at its line,
 * and the flagship has none.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { readFileSync } from 'node:fs';
import { scanEdition, unmentioned } from '../../src/entities/index.js';
import { WORKERS_FROM } from '../../src/entities/scan.js';
import { entriesDigest, openEntriesCache } from '../../src/entities/entries-cache.js';
import { readingLimits } from '../../src/xml/index.js';
import { HTML_STYLESHEET, compileStylesheet, parseSource, teiSource, transformSource } from '../../src/transform/index.js';
import { corporaDir, repoRoot } from '../support/paths.js';

const cli = join(repoRoot, 'bin', 'samizdat.js');
const fixtures = join(repoRoot, 'test', 'fixtures', 'entities', 'edition');

describe('entities in samizdat validate', function () {
  this.timeout(300_000);
  const cache = mkdtempSync(join(tmpdir(), 'samizdat-entities-validate-'));
  after(() => rmSync(cache, { recursive: true, force: true }));

  const validate = (...args: string[]) => spawnSync(process.execPath, [cli, 'validate', '--cache-dir', cache, ...args], { cwd: repoRoot, encoding: 'utf8' });

  it('the fixture edition passes RELAX NG (tei_all), its Schematron and the edition rules, every pointer resolving', () => {
    const run = validate(relative(repoRoot, fixtures));
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.equal(run.stdout, '4 files, 0 errors, 0 warnings\n');
  });

  it('--verbose lists each entry nothing points at, at its line and column', () => {
    const run = validate('--verbose', relative(repoRoot, fixtures));
    assert.equal(run.status, 0, run.stderr);
    const listed = run.stderr.split('\n').filter((line) => line.endsWith('[entity-unmentioned]'));
    assert.deepEqual(listed, [
      'test/fixtures/entities/edition/cartulary.xml:62:11: entry "cartulary:tuscany" (Tuscany) is not mentioned [entity-unmentioned]',
      'test/fixtures/entities/edition/register.xml:29:7: entry "orphan" (Nobody Mentioned) is not mentioned [entity-unmentioned]',
    ]);
    assert.match(run.stderr, /^entries: 2 entries that nothing points at/m);
  });

  it('--verbose keeps each document\'s entries, and lists again what a changed document now holds', () => {
    const edition = mkdtempSync(join(tmpdir(), 'samizdat-entities-verbose-'));
    const ownCache = join(edition, 'cache');
    try {
      cpSync(fixtures, join(edition, 'tei'), { recursive: true });
      const verbose = () => {
        const run = spawnSync(process.execPath, [cli, 'validate', '--cache-dir', ownCache, '--verbose', 'tei'], { cwd: edition, encoding: 'utf8' });
        // Away from the repository the documents' schema is not found (errors, status 1): the listing is still made.
        assert.ok(run.status === 0 || run.status === 1, run.stderr);
        return run.stderr.split('\n').filter((line) => line.endsWith('[entity-unmentioned]'));
      };
      const before = [
        'tei/cartulary.xml:62:11: entry "cartulary:tuscany" (Tuscany) is not mentioned [entity-unmentioned]',
        'tei/register.xml:29:7: entry "orphan" (Nobody Mentioned) is not mentioned [entity-unmentioned]',
      ];
      assert.deepEqual(verbose(), before);
      assert.ok(existsSync(join(ownCache, 'entries.json')), 'the entries are kept');
      assert.deepEqual(verbose(), before, 'the same listing from the kept entries');
      const register = join(edition, 'tei', 'register.xml');
      writeFileSync(register, readFileSync(register, 'utf8').replace('xml:id="orphan"', 'xml:id="foundling"'));
      assert.deepEqual(verbose(), [before[0], 'tei/register.xml:29:7: entry "foundling" (Nobody Mentioned) is not mentioned [entity-unmentioned]']);
    } finally {
      rmSync(edition, { recursive: true, force: true });
    }
  });

  it('takes a document\'s entries from the cache only while its digest matches', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'samizdat-entries-cache-'));
    try {
      const path = join(folder, 'entries.json');
      const files = ['cartulary.xml', 'letters.xml', 'persons.xml', 'register.xml'].map((f) => join(fixtures, f));
      const fresh = await scanEdition(files, { cacheDir: join(cache, 'xslt'), jobs: 1 });
      const kept = await scanEdition(files, { cacheDir: join(cache, 'xslt'), jobs: 1, entriesCache: path });
      assert.deepEqual(unmentioned(kept), unmentioned(fresh));
      // What the cache holds is what is used: a result changed in the file shows.
      const store = JSON.parse(readFileSync(path, 'utf8')) as { documents: Record<string, { digest: string; json: string }> };
      const register = store.documents[join(fixtures, 'register.xml')];
      assert.ok(register, 'kept under the document\'s path');
      const data = JSON.parse(register.json) as { entries: { anchor: string }[] };
      register.json = JSON.stringify({ ...data, entries: data.entries.filter((e) => e.anchor !== 'orphan') });
      writeFileSync(path, JSON.stringify(store));
      assert.deepEqual(unmentioned(await scanEdition(files, { cacheDir: join(cache, 'xslt'), jobs: 1, entriesCache: path })).map((e) => e.anchor), ['cartulary:tuscany']);
      // A digest made of anything else is not found.
      const opened = await openEntriesCache(path);
      const limits = readingLimits();
      const digest = entriesDigest('key', '/a.xml', 'register.xml', limits, '<TEI/>');
      opened.keep('/a.xml', digest, '{}');
      assert.equal(opened.find('/a.xml', digest), '{}');
      for (const other of [entriesDigest('other', '/a.xml', 'register.xml', limits, '<TEI/>'), entriesDigest('key', '/b.xml', 'register.xml', limits, '<TEI/>'),
        entriesDigest('key', '/a.xml', '', limits, '<TEI/>'), entriesDigest('key', '/a.xml', 'register.xml', { ...limits, maxDepth: 7 }, '<TEI/>'),
        entriesDigest('key', '/a.xml', 'register.xml', limits, '<TEI />')]) assert.equal(opened.find('/a.xml', other), undefined);
      // A damaged file is an empty cache.
      writeFileSync(path, '{"format":');
      assert.equal((await openEntriesCache(path)).find('/a.xml', digest), undefined);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('--verbose says so when every entry is mentioned (the flagship)', () => {
    const run = validate('--verbose', 'tei');
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.match(run.stderr, /^entries: every entry is mentioned somewhere$/m);
  });

  it('reads entries, relations and references through the stylesheet\'s "entries" output, which is the "entities" output without the mentions', async () => {
    const stylesheet = await compileStylesheet(HTML_STYLESHEET, { cacheDir: join(cache, 'xslt') });
    const documents = [join(fixtures, 'cartulary.xml'), join(fixtures, 'letters.xml'), join(repoRoot, 'tei', '1923-opposition-ch01.xml'),
      join(corporaDir, 'shakedracor', 'tei', 'the-tempest.xml')];
    for (const file of documents) {
      const source = await parseSource(teiSource(readFileSync(file, 'utf8'), file));
      const data = (output: string) => JSON.parse(String(transformSource(stylesheet, source, { params: { output }, raw: true }).principal)) as Record<string, unknown[]>;
      const [entities, entries] = [data('entities'), data('entries')];
      assert.ok(entities.mentions.length > 0, `${file} has mentions`);
      assert.deepEqual(entries, { ...entities, mentions: [] }, file);
    }
  });

  it('reads the entries of many documents in worker threads, finding what the calling thread finds', async () => {
    const plays = ['a-midsummer-nights-dream.xml', 'cymbeline.xml', 'the-tempest.xml'].map((f) => join(corporaDir, 'shakedracor', 'tei', f));
    const files = [...['cartulary.xml', 'letters.xml', 'persons.xml', 'register.xml'].map((f) => join(fixtures, f)), ...plays,
      join(repoRoot, 'tei', '1923-opposition-ch01.xml'), join(repoRoot, 'tei', 'register.xml')];
    assert.ok(files.length >= WORKERS_FROM);
    const [alone, threaded] = await Promise.all([1, 2].map((jobs) => scanEdition(files, { cacheDir: join(cache, 'xslt'), jobs })));
    const summary = (scan: typeof alone) => ({
      entries: scan.catalogue.entries().map((e) => e.anchor).sort(),
      references: [...scan.references].sort(),
      unmentioned: unmentioned(scan),
    });
    assert.ok(summary(alone).entries.length > 50, 'the plays\' casts and the registers are read');
    assert.deepEqual(summary(threaded), summary(alone));
  });

  it('counts a pointer at an alias as a mention of the entry it is the same as', async () => {
    const scan = await scanEdition(['cartulary.xml', 'letters.xml', 'persons.xml', 'register.xml'].map((f) => join(fixtures, f)), { cacheDir: join(cache, 'xslt') });
    assert.ok(scan.references.has('cartulary:the-abbot'), 'the abbot, an alias of the register\'s Guido');
    assert.ok(!scan.references.has('cartulary:tuscany'));
    assert.equal(scan.catalogue.canonical('cartulary:the-abbot'), 'guido');
    assert.deepEqual(unmentioned(scan).map((e) => e.anchor), ['cartulary:tuscany', 'orphan']);
  });
});

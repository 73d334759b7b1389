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
import { join, relative, sep } from 'node:path';
import { readFileSync } from 'node:fs';
import { scanEdition, unmentioned } from '../../src/entities/index.js';
import { WORKERS_FROM } from '../../src/entities/scan.js';
import { openEntriesCache } from '../../src/entities/entries-cache.js';
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
      const register = store.documents[relative(folder, join(fixtures, 'register.xml')).split(sep).join('/')];
      assert.ok(register, 'kept under the document\'s path from the cache\'s folder');
      const data = JSON.parse(register.json) as { entries: { anchor: string }[] };
      register.json = JSON.stringify({ ...data, entries: data.entries.filter((e) => e.anchor !== 'orphan') });
      writeFileSync(path, JSON.stringify(store));
      assert.deepEqual(unmentioned(await scanEdition(files, { cacheDir: join(cache, 'xslt'), jobs: 1, entriesCache: path })).map((e) => e.anchor), ['cartulary:tuscany']);
      // A result is found only under the digest of everything it was made from.
      const limits = readingLimits();
      const setting = { stylesheetKey: 'key', stylesheetSeesPlace: false, limits };
      const opened = await openEntriesCache(path, setting);
      const a = join(folder, 'a.xml');
      opened.keep(opened.look(a, '<TEI/>', 'register.xml'), '{}');
      assert.equal(opened.look(a, '<TEI/>', 'register.xml').json, '{}');
      assert.equal(opened.look(a, '<TEI />', 'register.xml').json, undefined);
      assert.equal(opened.look(a, '<TEI/>', '').json, undefined);
      assert.equal(opened.look(join(folder, 'b.xml'), '<TEI/>', 'register.xml').json, undefined);
      writeFileSync(a, '<TEI/>');
      await opened.save();
      for (const other of [{ ...setting, stylesheetKey: 'other' }, { ...setting, limits: { ...limits, maxDepth: 7 } }, { ...setting, stylesheetSeesPlace: true }]) {
        assert.equal((await openEntriesCache(path, other)).look(a, '<TEI/>', 'register.xml').json, undefined);
      }
      assert.equal((await openEntriesCache(path, setting)).look(a, '<TEI/>', 'register.xml').json, '{}');
      // A damaged file is an empty cache.
      writeFileSync(path, '{"format":');
      assert.equal((await openEntriesCache(path, setting)).look(a, '<TEI/>', 'register.xml').json, undefined);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('keeps its results when the project moves with its cache, and forgets documents that are gone', async () => {
    const root = mkdtempSync(join(tmpdir(), 'samizdat-entries-moved-'));
    type Store = { documents: Record<string, { digest: string; json: string }> };
    try {
      // Deep enough that the fixtures' schema pointers (four folders up) do not reach the root.
      const first = join(root, 'one', 'two', 'first');
      cpSync(fixtures, join(first, 'tei'), { recursive: true });
      const names = ['cartulary.xml', 'letters.xml', 'persons.xml', 'register.xml'];
      const scan = (project: string, files = names) =>
        scanEdition(files.map((f) => join(project, 'tei', f)), { cacheDir: join(cache, 'xslt'), jobs: 1, entriesCache: join(project, 'cache', 'entries.json') });
      const listed = async (project: string, files?: string[]) => unmentioned(await scan(project, files)).map((e) => e.anchor);
      assert.deepEqual(await listed(first), ['cartulary:tuscany', 'orphan']);
      const kept = JSON.parse(readFileSync(join(first, 'cache', 'entries.json'), 'utf8')) as Store;
      assert.deepEqual(Object.keys(kept.documents), names.map((f) => `../tei/${f}`));
      // Moved: the kept results are the ones used (a result changed in the file shows, the file is not written again).
      const moved = join(root, 'moved', 'deeper', 'still');
      cpSync(first, moved, { recursive: true });
      const register = kept.documents['../tei/register.xml'];
      const data = JSON.parse(register.json) as { entries: { anchor: string }[] };
      register.json = JSON.stringify({ ...data, entries: data.entries.filter((e) => e.anchor !== 'orphan') });
      const tampered = JSON.stringify(kept);
      writeFileSync(join(moved, 'cache', 'entries.json'), tampered);
      assert.deepEqual(await listed(moved), ['cartulary:tuscany']);
      assert.equal(readFileSync(join(moved, 'cache', 'entries.json'), 'utf8'), tampered);
      // Moved where the schema pointers reach the root, a kept result is not taken: it may differ there.
      const shallow = join(root, 'shallow');
      cpSync(join(moved, 'cache'), join(shallow, 'cache'), { recursive: true });
      cpSync(join(first, 'tei'), join(shallow, 'tei'), { recursive: true });
      assert.deepEqual(await listed(shallow), ['cartulary:tuscany', 'orphan']);
      const there = JSON.parse(readFileSync(join(shallow, 'cache', 'entries.json'), 'utf8')) as Store;
      assert.ok(there.documents[join(shallow, 'tei', 'register.xml')], 'kept under its absolute path');
      // A run over part of the project keeps the others' results; a document deleted is forgotten at the next write.
      rmSync(join(moved, 'tei', 'letters.xml'));
      const cartulary = join(moved, 'tei', 'cartulary.xml');
      writeFileSync(cartulary, readFileSync(cartulary, 'utf8').replace('xml:id="tuscany"', 'xml:id="tuscia"'));
      assert.deepEqual(await listed(moved, ['cartulary.xml', 'persons.xml']), ['cartulary:tuscia']);
      const after = JSON.parse(readFileSync(join(moved, 'cache', 'entries.json'), 'utf8')) as Store;
      assert.deepEqual(Object.keys(after.documents), ['../tei/cartulary.xml', '../tei/persons.xml', '../tei/register.xml']);
      // A document whose result may change with where it lies (an absolute pointer) is kept under its absolute path.
      const absolute = join(moved, 'tei', 'persons.xml');
      writeFileSync(absolute, readFileSync(absolute, 'utf8').replace('<teiHeader>', '<teiHeader xml:base="/elsewhere/">'));
      await scan(moved);
      const now = JSON.parse(readFileSync(join(moved, 'cache', 'entries.json'), 'utf8')) as Store;
      assert.ok(now.documents[absolute], 'kept under its absolute path');
    } finally {
      rmSync(root, { recursive: true, force: true });
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

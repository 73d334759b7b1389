/**
 * Incremental and parallel builds: an edition of four documents and a
 * register (enough for worker threads), rebuilt after no change, a change of wording, a change of
 * mentions, a removal; the result is always what a cold build writes.
 */
import { strict as assert } from 'node:assert';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, MANIFEST, type BuildOptions, type BuildReport } from '../../src/build/index.js';
import { BuildCache } from '../../src/build/cache.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const flagship = readFileSync(join(root, 'tei', '1923-opposition-ch01.xml'), 'utf8');

/** Every file under `dir` but samizdat's manifest with its bytes and modification time, by relative path. */
function snapshot(dir: string): Map<string, { bytes: string; mtimeMs: number }> {
  const files = new Map<string, { bytes: string; mtimeMs: number }>();
  const walk = (folder: string, prefix: string): void => {
    for (const name of readdirSync(folder).sort()) {
      if (prefix === '' && name === MANIFEST) continue;
      const path = join(folder, name);
      const info = statSync(path);
      if (info.isDirectory()) walk(path, `${prefix}${name}/`);
      else files.set(`${prefix}${name}`, { bytes: readFileSync(path, 'latin1'), mtimeMs: info.mtimeMs });
    }
  };
  walk(dir, '');
  return files;
}

const bytesOf = (tree: Map<string, { bytes: string }>) => new Map([...tree].map(([path, { bytes }]) => [path, bytes]));

/** Paths whose modification time differs between two snapshots, or that only one has. */
function touched(before: ReturnType<typeof snapshot>, after: ReturnType<typeof snapshot>): string[] {
  const paths = new Set([...before.keys(), ...after.keys()]);
  return [...paths].filter((p) => before.get(p)?.mtimeMs !== after.get(p)?.mtimeMs).sort();
}

describe('samizdat build, incremental and parallel', function () {
  const scratch = mkdtempSync(join(tmpdir(), 'samizdat-incremental-'));
  const tei = join(scratch, 'tei');
  const out = join(scratch, 'dist');
  // The search index changes with every document; its own incremental tests are in test/search/build.test.ts.
  const options: BuildOptions = { out, buildCacheDir: join(scratch, 'cache'), jobs: 2, search: false };
  let cold: BuildReport;

  before(async () => {
    mkdirSync(tei);
    copyFileSync(join(root, 'tei', 'register.xml'), join(tei, 'register.xml'));
    writeFileSync(join(tei, 'ch01.xml'), flagship);
    const second = flagship.replace('<title level="a" type="main">Trotsky opens the attack</title>', '<title level="a" type="main">A second chapter</title>');
    assert.notEqual(second, flagship);
    writeFileSync(join(tei, 'ch02.xml'), second);
    for (const n of ['03', '04']) writeFileSync(join(tei, `ch${n}.xml`), flagship.replace('>Trotsky opens the attack</title>', `>Chapter ${n}</title>`));
    cold = await build(tei, options);
    assert.deepEqual(cold.diagnostics, []);
  });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  /** What a cold build of the same sources writes, built elsewhere with its own cache. */
  async function coldBuildOf(name: string, extra: BuildOptions = {}): Promise<Map<string, string>> {
    const target = join(scratch, name);
    const report = await build(tei, { out: target, buildCacheDir: join(scratch, `${name}-cache`), search: false, ...extra });
    assert.deepEqual(report.diagnostics, []);
    return bytesOf(snapshot(target));
  }

  it('renders every document on a cold build, in worker threads, and writes every file', () => {
    assert.deepEqual(cold.rendered, ['ch01', 'ch02', 'ch03', 'ch04']);
    assert.equal(cold.threads, 2);
    assert.ok(cold.sitePagesRendered);
    assert.ok(cold.changedFiles.includes('ch01/index.html') && cold.changedFiles.includes('entities/index.html'));
    assert.deepEqual(cold.changedFiles, [...snapshot(out).keys()].sort());
    assert.match(readFileSync(join(out, 'index.html'), 'utf8'), /A second chapter[\s\S]*Trotsky opens the attack|Trotsky opens the attack[\s\S]*A second chapter/);
  });

  it('gives the same bytes with one thread as with two', async () => {
    assert.deepEqual(await coldBuildOf('one-thread', { jobs: 1 }), bytesOf(snapshot(out)));
  });

  it('renders every edition-wide page on a cold build', () => {
    assert.deepEqual(cold.renderedSitePages, ['entities/index.html', 'index.html', 'samizdat.css']);
  });

  it('renders again only the pages of a paged entity index whose entries changed', async () => {
    const paged = { ...options, out: join(scratch, 'paged'), buildCacheDir: join(scratch, 'paged-cache'), entityPageSize: 2 };
    const first = await build(tei, paged);
    assert.deepEqual(first.diagnostics, []);
    const letters = first.renderedSitePages.filter((p) => /^entities\/.+-.+\.html$/.test(p));
    assert.ok(letters.length >= 2, `the index is paged by letter: ${first.renderedSitePages.join(' ')}`);
    const text = readFileSync(join(tei, 'ch01.xml'), 'utf8');
    const at = text.indexOf('<persName ref="reg:trotsky">', text.indexOf('<body>'));
    assert.ok(at > 0, 'ch01 names Trotsky in its text');
    try {
      // A word added just before a mention of Trotsky: the index quotes it on the page of Trotsky's letter, nowhere else.
      writeFileSync(join(tei, 'ch01.xml'), text.slice(0, at) + 'comrade ' + text.slice(at));
      const report = await build(tei, paged);
      assert.equal(report.renderedSitePages.length, 1, report.renderedSitePages.join(' '));
      const [letter] = report.renderedSitePages;
      assert.match(letter, /^entities\/persons-[a-z]\.html$/);
      assert.deepEqual(report.changedFiles.filter((p) => !p.startsWith('ch01/')), [letter]);
      assert.match(readFileSync(join(scratch, 'paged', letter), 'utf8'), /comrade <mark>Trotsky<\/mark>/);
    } finally {
      writeFileSync(join(tei, 'ch01.xml'), text);
    }
  });

  it('renders and writes nothing when nothing changed', async () => {
    const before = snapshot(out);
    const report = await build(tei, options);
    assert.deepEqual(report.rendered, []);
    assert.equal(report.sitePagesRendered, false);
    assert.deepEqual(report.renderedSitePages, []);
    assert.deepEqual(report.changedFiles, []);
    assert.deepEqual(touched(before, snapshot(out)), []);
    assert.deepEqual(report.documents.map((d) => d.name), ['ch01', 'ch02', 'ch03', 'ch04']);
  });

  it('after a change of wording, renders that document alone and writes only its changed files', async () => {
    // Far from every name: the entity index quotes the words around each mention, and these are in none.
    writeFileSync(join(tei, 'ch02.xml'), readFileSync(join(tei, 'ch02.xml'), 'utf8').replace('to a considerable extent\n                demagogish', 'to a considerable extent\n                demagogic'));
    const before = snapshot(out);
    const report = await build(tei, options);
    assert.deepEqual(report.rendered, ['ch02']);
    assert.equal(report.sitePagesRendered, false, 'titles, entries and the words around mentions are unchanged: the edition-wide pages stay');
    assert.deepEqual(report.changedFiles, ['ch02/ch02.txt', 'ch02/index.html']);
    assert.deepEqual(touched(before, snapshot(out)), ['ch02/ch02.txt', 'ch02/index.html']);
    assert.match(readFileSync(join(out, 'ch02', 'ch02.txt'), 'utf8'), /extent demagogic/);
    assert.deepEqual(bytesOf(snapshot(out)), await coldBuildOf('after-wording'));
  });

  it('after a change of the words around a name, renders that document and the entity index, which quotes them', async () => {
    writeFileSync(join(tei, 'ch02.xml'), readFileSync(join(tei, 'ch02.xml'), 'utf8').replace('were three months in arrears', 'were three months behind'));
    const report = await build(tei, options);
    assert.deepEqual(report.rendered, ['ch02']);
    assert.ok(report.sitePagesRendered);
    assert.deepEqual(report.renderedSitePages, ['entities/index.html'], 'the list of documents shows no words of a document: it is not rendered again');
    assert.deepEqual(report.changedFiles, ['ch02/ch02.txt', 'ch02/index.html', 'entities/index.html']);
    assert.match(readFileSync(join(out, 'entities', 'index.html'), 'utf8'), /<a href="\.\.\/ch02\/index\.html#p1">A second chapter, paragraph 1<\/a>: <span class="kwic">[^<]*months behind\. In August the <mark>State Bank<\/mark>/);
    assert.deepEqual(bytesOf(snapshot(out)), await coldBuildOf('after-context'));
  });

  it('after a change of mentions, renders that document and the entity index, not the list of documents', async () => {
    const text = readFileSync(join(tei, 'ch01.xml'), 'utf8');
    const edited = text.replace('were three months in arrears', 'were three months in arrears in <placeName ref="reg:kharkov">Kharkov</placeName>');
    assert.notEqual(edited, text);
    writeFileSync(join(tei, 'ch01.xml'), edited);
    const before = snapshot(out);
    const report = await build(tei, options);
    assert.deepEqual(report.rendered, ['ch01']);
    assert.ok(report.sitePagesRendered);
    assert.ok(report.changedFiles.includes('entities/index.html'));
    assert.ok(!report.changedFiles.includes('index.html'), 'the list of documents has the same bytes, so it is not rewritten');
    assert.ok(report.changedFiles.every((p) => p.startsWith('ch01/') || p === 'entities/index.html'), report.changedFiles.join(' '));
    assert.deepEqual(touched(before, snapshot(out)), report.changedFiles);
    assert.deepEqual(bytesOf(snapshot(out)), await coldBuildOf('after-mentions'));
  });

  it('after a change of a title, renders the list of documents and the entity index, which names the documents', async () => {
    const text = readFileSync(join(tei, 'ch03.xml'), 'utf8');
    writeFileSync(join(tei, 'ch03.xml'), text.replace('>Chapter 03</title>', '>Chapter three</title>'));
    const report = await build(tei, options);
    assert.deepEqual(report.rendered, ['ch03']);
    assert.deepEqual(report.renderedSitePages, ['entities/index.html', 'index.html', 'samizdat.css']);
    assert.match(readFileSync(join(out, 'entities', 'index.html'), 'utf8'), /Chapter three, paragraph 1/);
    assert.deepEqual(bytesOf(snapshot(out)), await coldBuildOf('after-title'));
  });

  it('removes the pages of a document that is gone, and nothing else', async () => {
    rmSync(join(tei, 'ch02.xml'));
    const report = await build(tei, options);
    assert.deepEqual(report.rendered, []);
    assert.ok(report.removedFiles.includes('ch02/index.html'));
    assert.ok(report.removedFiles.every((p) => p.startsWith('ch02/')));
    assert.ok(!existsSync(join(out, 'ch02')), 'its folder is gone too');
    assert.deepEqual(bytesOf(snapshot(out)), await coldBuildOf('after-removal'));
  });

  it('renders a document again when a file it made is missing from the cache', async () => {
    const text = readFileSync(join(out, 'ch01', 'ch01.txt'));
    const blob = new BuildCache(out, options.buildCacheDir).blobPath(createHash('sha256').update(text).digest('hex'));
    assert.ok(existsSync(blob), blob);
    rmSync(blob);
    const report = await build(tei, options);
    assert.deepEqual(report.rendered, ['ch01']);
    assert.deepEqual(report.changedFiles, []);
    assert.ok(existsSync(blob), 'the cache has it again');
  });

  it('rewrites a page someone changed by hand, though its document did not change', async () => {
    writeFileSync(join(out, 'ch01', 'index.html'), 'edited by hand');
    const report = await build(tei, options);
    assert.deepEqual(report.rendered, []);
    assert.deepEqual(report.changedFiles, ['ch01/index.html']);
    assert.match(readFileSync(join(out, 'ch01', 'index.html'), 'utf8'), /^<!DOCTYPE html>/i);
  });

  it('renders everything again and rewrites every file with force', async () => {
    const report = await build(tei, { ...options, force: true });
    assert.deepEqual(report.rendered, ['ch01', 'ch03', 'ch04']);
    assert.ok(report.threads <= 1, 'three documents are rendered sooner in this thread, or in the render thread an earlier build started, than in a pool of workers');
    assert.ok(report.sitePagesRendered);
    assert.deepEqual(report.changedFiles, [...snapshot(out).keys()].sort());
  });

  it('renders again when a setting the pages depend on changes', async () => {
    const report = await build(tei, { ...options, editionTitle: 'Opposition papers' });
    assert.deepEqual(report.rendered, ['ch01', 'ch03', 'ch04']);
    assert.ok(report.sitePagesRendered);
    assert.match(readFileSync(join(out, 'index.html'), 'utf8'), /Opposition papers/);
  });

  it('leaves the output and the cache as they were when one document breaks', async () => {
    const before = snapshot(out);
    writeFileSync(join(tei, 'ch05.xml'), '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>open</body></text></TEI>');
    const report = await build(tei, { ...options, editionTitle: 'Opposition papers' });
    assert.equal(report.written, false);
    assert.ok(report.diagnostics.some((d) => d.file.endsWith('ch05.xml') && d.line === 1));
    assert.deepEqual(touched(before, snapshot(out)), []);
    rmSync(join(tei, 'ch05.xml'));
    const again = await build(tei, { ...options, editionTitle: 'Opposition papers' });
    assert.deepEqual(again.rendered, [], 'the cache still knows the unchanged documents');
    assert.deepEqual(again.changedFiles, []);
  });
});

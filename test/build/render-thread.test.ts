/**
 * The render thread: an incremental build that finds a document changed
 * since the last build renders it in a thread of its own, started while the
 * sources are read and kept for the next build. What it publishes is what a
 * cold build in the calling thread publishes, byte for byte. A document
 * added, or read by the last build just after a change, goes to the render
 * thread too. A document's
 * citations are kept in the cache under what they are drawn up from: a
 * change of wording draws them from there.
 */
import { strict as assert } from 'node:assert';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { snapshot as tree } from '../support/snapshot.js';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { build, type BuildOptions } from '../../src/build/index.js';
import { BuildCache, type UnitRecord } from '../../src/build/cache.js';
import { SETTLING_MS } from '../../src/build/reads.js';
import { loadRuntimeInRenderThread, renderThreadRunning, startRenderThread } from '../../src/build/render-thread.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const flagship = readFileSync(join(root, 'tei', '1923-opposition-ch01.xml'), 'utf8');

describe('samizdat build, the render thread', function () {
  const scratch = mkdtempSync(join(tmpdir(), 'samizdat-render-thread-'));
  const tei = join(scratch, 'tei');
  const out = join(scratch, 'dist');
  const options: BuildOptions = { out, buildCacheDir: join(scratch, 'cache'), jobs: 2 };

  /** What a cold build of the same sources writes in the calling thread alone (`--jobs 1`), with its own cache. */
  async function coldBuildOf(name: string): Promise<Map<string, string>> {
    const target = join(scratch, name);
    const report = await build(tei, { out: target, buildCacheDir: join(scratch, `${name}-cache`), jobs: 1 });
    assert.deepEqual(report.diagnostics, []);
    assert.equal(report.threads, 0);
    return tree(target);
  }

  /** Writes `text` as tei/`name` and lets it settle: the next build remembers what it read there. */
  async function settledWrite(name: string, text: string): Promise<void> {
    writeFileSync(join(tei, name), text);
    await sleep(SETTLING_MS + 100);
  }

  before(async () => {
    mkdirSync(tei);
    copyFileSync(join(root, 'tei', 'register.xml'), join(tei, 'register.xml'));
    writeFileSync(join(tei, 'a.xml'), flagship);
    await settledWrite('b.xml', flagship.replace('>Trotsky opens the attack</title>', '>A second chapter</title>'));
    const cold = await build(tei, options);
    assert.deepEqual(cold.diagnostics, []);
    assert.deepEqual(cold.rendered, ['a', 'b']);
  });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('renders a document changed since the last build in the render thread, with the bytes a cold build in one thread writes', async () => {
    await settledWrite('b.xml', readFileSync(join(tei, 'b.xml'), 'utf8').replace('to a considerable extent\n                demagogish', 'to a considerable extent\n                demagogic'));
    const report = await build(tei, options);
    assert.deepEqual(report.diagnostics, []);
    assert.deepEqual(report.rendered, ['b']);
    assert.equal(report.threads, 1, 'rendered in the render thread');
    assert.deepEqual(report.changedFiles.filter((p) => !p.startsWith('search/')), ['b/b.txt', 'b/index.html']);
    assert.match(readFileSync(join(out, 'b', 'b.txt'), 'utf8'), /extent demagogic/);
    assert.deepEqual(tree(out), await coldBuildOf('cold-after-wording'));
  });

  it('renders a cold build of four documents in a pool of workers, though the render thread is running', async () => {
    const folder = join(scratch, 'four');
    mkdirSync(folder);
    copyFileSync(join(root, 'tei', 'register.xml'), join(folder, 'register.xml'));
    for (const n of ['1', '2', '3', '4']) writeFileSync(join(folder, `c${n}.xml`), flagship.replace('>Trotsky opens the attack</title>', `>Chapter ${n}</title>`));
    const report = await build(folder, { out: join(scratch, 'four-dist'), buildCacheDir: join(scratch, 'four-cache'), jobs: 2, search: false, citations: false });
    assert.deepEqual(report.diagnostics, []);
    assert.deepEqual(report.rendered, ['c1', 'c2', 'c3', 'c4']);
    assert.equal(report.threads, 2);
  });

  it('renders in the calling thread when the build may use one thread only (--jobs 1)', async () => {
    await settledWrite('a.xml', flagship.replace('were three months in arrears', 'were three months behind'));
    const report = await build(tei, { ...options, jobs: 1 });
    assert.deepEqual(report.rendered, ['a']);
    assert.equal(report.threads, 0);
    assert.deepEqual(tree(out), await coldBuildOf('cold-after-mention'));
  });

  it('reports a changed document that no longer reads at its line and column, and leaves the edition as it was', async () => {
    const before = tree(out);
    await settledWrite('a.xml', flagship.replace('<body>', '<body><p>unclosed'));
    try {
      const report = await build(tei, options);
      assert.equal(report.written, false);
      const [problem] = report.diagnostics.filter((d) => d.severity === 'error');
      assert.equal(problem.file, join(tei, 'a.xml'));
      assert.ok(problem.line !== undefined && problem.column !== undefined, JSON.stringify(problem));
      assert.deepEqual(tree(out), before);
    } finally {
      writeFileSync(join(tei, 'a.xml'), flagship.replace('were three months in arrears', 'were three months behind'));
    }
  });

  /** The cache record of document `name`'s page. */
  function pageRecord(name: string): UnitRecord {
    const units = join(new BuildCache(out, options.buildCacheDir).dir, 'units');
    const records = readdirSync(units).map((file) => JSON.parse(readFileSync(join(units, file), 'utf8')) as UnitRecord);
    const [record] = records.filter((r) => r.files[`${name}/index.html`] !== undefined);
    assert.ok(record, `a record publishes ${name}/index.html`);
    return record;
  }

  it('keeps a document\'s citations through a change of wording, and draws them up again when its header changes', async () => {
    const unitFile = (key: string) => join(new BuildCache(out, options.buildCacheDir).dir, 'units', `${key}.json`);
    const first = pageRecord('b');
    assert.equal(first.parts?.length, 1, 'the page keeps its citations as a part');
    const [citations] = first.parts!;
    const stored = statSync(unitFile(citations)).ino;
    // One file holds them: the record carries the parts of the page (no blob of them, named by neither record).
    const unit = JSON.parse(readFileSync(unitFile(citations), 'utf8')) as UnitRecord;
    assert.match(unit.facts?.['citations.json'] ?? '', /cite-this/);
    assert.equal(unit.data, undefined);
    assert.deepEqual(Object.keys(first.data ?? {}).filter((name) => name.startsWith('citations')), []);
    await settledWrite('b.xml', readFileSync(join(tei, 'b.xml'), 'utf8').replace('were three months in arrears', 'were three months late'));
    const reworded = await build(tei, options);
    assert.deepEqual(reworded.rendered, ['b']);
    assert.notEqual(pageRecord('b').key, first.key);
    assert.deepEqual(pageRecord('b').parts, [citations], 'the same citations, from the cache');
    assert.equal(statSync(unitFile(citations)).ino, stored, 'read from the cache, not drawn up and stored again');
    assert.deepEqual(tree(out), await coldBuildOf('cold-after-late'));

    await settledWrite('b.xml', readFileSync(join(tei, 'b.xml'), 'utf8').replace('>A second chapter</title>', '>A chapter retitled</title>'));
    const retitled = await build(tei, options);
    assert.deepEqual(retitled.rendered, ['b']);
    assert.notDeepEqual(pageRecord('b').parts, [citations]);
    assert.equal(existsSync(unitFile(citations)), false, 'the citations no page uses any more are pruned');
    assert.match(readFileSync(join(out, 'b', 'index.html'), 'utf8'), /<section class="cite-this"[\s\S]*A chapter retitled/);
    assert.match(readFileSync(join(out, 'b', 'b.bib'), 'utf8'), /A chapter retitled/);
    assert.deepEqual(tree(out), await coldBuildOf('cold-after-retitle'));
  });

  it('draws a document\'s citations up again when their unit in the cache does not carry them (as an older samizdat stored them)', async () => {
    const unitFile = (key: string) => join(new BuildCache(out, options.buildCacheDir).dir, 'units', `${key}.json`);
    const [citations] = pageRecord('b').parts!;
    const { facts, ...older } = JSON.parse(readFileSync(unitFile(citations!), 'utf8')) as UnitRecord;
    assert.ok(facts);
    writeFileSync(unitFile(citations!), JSON.stringify({ ...older, data: { 'citations.json': '0'.repeat(64) } }));
    await settledWrite('b.xml', readFileSync(join(tei, 'b.xml'), 'utf8').replace('were three months late', 'were three months in debt'));
    const reworded = await build(tei, options);
    assert.deepEqual(reworded.rendered, ['b']);
    assert.deepEqual(pageRecord('b').parts, [citations], 'under the same key');
    assert.deepEqual((JSON.parse(readFileSync(unitFile(citations!), 'utf8')) as UnitRecord).facts, facts, 'drawn up and stored again');
    assert.deepEqual(tree(out), await coldBuildOf('cold-after-debt'));
    await settledWrite('b.xml', readFileSync(join(tei, 'b.xml'), 'utf8').replace('were three months in debt', 'were three months late'));
    assert.deepEqual((await build(tei, options)).rendered, ['b']);
  });

  /**
   * Rewords b.xml and builds at once: the build reads it within SETTLING_MS
   * of its change, and the next build cannot trust its look.
   */
  async function rewordAndBuildAtOnce(from: string, to: string): Promise<void> {
    writeFileSync(join(tei, 'b.xml'), readFileSync(join(tei, 'b.xml'), 'utf8').replace(from, to));
    const first = await build(tei, options);
    assert.deepEqual(first.rendered, ['b']);
  }

  it('renders in the render thread a document the last build read just after a change (its look not trusted), changed again', async () => {
    await rewordAndBuildAtOnce('were three months late', 'were three months overdue');
    writeFileSync(join(tei, 'b.xml'), readFileSync(join(tei, 'b.xml'), 'utf8').replace('were three months overdue', 'were three months unpaid'));
    const again = await build(tei, options);
    assert.deepEqual(again.diagnostics, []);
    assert.deepEqual(again.rendered, ['b']);
    assert.equal(again.threads, 1, 'rendered in the render thread');
    assert.match(readFileSync(join(out, 'b', 'b.txt'), 'utf8'), /three months unpaid/);
    assert.deepEqual(tree(out), await coldBuildOf('cold-after-unpaid'));
  });

  it('starts no render thread for a document the last build read just after a change, unchanged since', async () => {
    await rewordAndBuildAtOnce('were three months unpaid', 'were three months in arrears');
    const again = await build(tei, options);
    assert.deepEqual(again.diagnostics, []);
    assert.ok(again.documentsRead.some((file) => file.endsWith('b.xml')), 'b.xml was read again: its look was not trusted');
    assert.deepEqual(again.rendered, [], 'its page came from the cache');
    assert.equal(again.threads, 0, 'no render thread was started for it');
    assert.deepEqual(tree(out), await coldBuildOf('cold-after-arrears'));
  });

  it('renders in the render thread a document added since the last build', async () => {
    await settledWrite('c.xml', flagship.replace('>Trotsky opens the attack</title>', '>A third chapter</title>'));
    try {
      const report = await build(tei, options);
      assert.deepEqual(report.diagnostics, []);
      assert.deepEqual(report.rendered, ['c']);
      assert.equal(report.threads, 1, 'rendered in the render thread');
      assert.deepEqual(tree(out), await coldBuildOf('cold-after-added'));
    } finally {
      rmSync(join(tei, 'c.xml'));
    }
  });

  // Last: the thread it starts is kept for the process, and the builds above look at whether one runs.
  it('starts the render thread before it is given what to load (while the stylesheets\' keys are worked out), and renders a change in it', async () => {
    startRenderThread(16);
    assert.ok(renderThreadRunning());
    // As the CLI and a build do: saxon-js first, with nothing else known yet; then (in the build) the stylesheets and the document.
    loadRuntimeInRenderThread(16);
    await settledWrite('a.xml', flagship.replace('were three months in arrears', 'were three months overdue'));
    const report = await build(tei, options);
    assert.deepEqual(report.diagnostics, []);
    assert.deepEqual(report.rendered, ['a']);
    assert.equal(report.threads, 1, 'rendered in the render thread');
    assert.deepEqual(tree(out), await coldBuildOf('cold-after-overdue'));
  });
});

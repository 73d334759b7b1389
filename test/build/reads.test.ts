/**
 * The build reads again only the documents whose files changed (size,
 * inode, modification or change time), and what it publishes is always
 * what reading every file would give.
 */
import { strict as assert } from 'node:assert';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { build, type BuildOptions } from '../../src/build/index.js';
import type { Diagnostic } from '../../src/diagnostics.js';
import { SETTLING_MS } from '../../src/build/reads.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const flagship = readFileSync(join(root, 'tei', '1923-opposition-ch01.xml'), 'utf8');
// A PNG signature is all the build looks at to take a file for an image.
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

describe('samizdat build, documents known unchanged', function () {
  const scratch = mkdtempSync(join(tmpdir(), 'samizdat-reads-'));
  const tei = join(scratch, 'tei');
  const out = join(scratch, 'dist');
  const options: BuildOptions = { out, buildCacheDir: join(scratch, 'cache'), jobs: 1, search: false, citations: false, root: scratch };
  const page = (name: string) => readFileSync(join(out, name, 'index.html'), 'utf8');
  const names = (files: readonly string[]) => files.map((f) => f.slice(tei.length + 1)).sort();
  let warnings: Diagnostic[] = [];

  before(async () => {
    mkdirSync(tei);
    copyFileSync(join(root, 'tei', 'register.xml'), join(tei, 'register.xml'));
    writeFileSync(join(tei, 'a.xml'), flagship);
    // b names an image that is not there yet.
    writeFileSync(join(tei, 'b.xml'), flagship.replace('<body>', '<body><figure><graphic url="plate.png"/></figure>'));
    // Files written just now are not remembered (their times may not yet show a change): let them settle.
    await sleep(SETTLING_MS + 100);
    const first = await build(tei, options);
    assert.deepEqual(first.diagnostics.map((d) => d.ruleId), ['build-image']);
    warnings = first.diagnostics;
    assert.deepEqual(names(first.documentsRead), ['a.xml', 'b.xml']);
  });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('reads no document again when no file changed, and says the same', async () => {
    const report = await build(tei, options);
    assert.deepEqual(report.documentsRead, []);
    assert.deepEqual(report.rendered, []);
    assert.ok(warnings[0].line !== undefined && warnings[0].column !== undefined);
    assert.deepEqual(report.diagnostics, warnings, 'the image warning, with its line and column, as when the document was read');
  });

  it('publishes an image that appeared beside a document known unchanged', async () => {
    writeFileSync(join(tei, 'plate.png'), PNG);
    const report = await build(tei, options);
    assert.deepEqual(report.documentsRead, []);
    assert.deepEqual(report.diagnostics, []);
    assert.deepEqual(report.rendered, ['b'], 'the image is part of the page');
    assert.deepEqual(readFileSync(join(out, 'images', 'tei', 'plate.png')), PNG);
    assert.match(page('b'), /<img [^>]*src="\.\.\/images\/tei\/plate\.png"/);
  });

  it('reads a document edited with its size and modification time kept (its change time moved)', async () => {
    const file = join(tei, 'a.xml');
    // A whole second, which the file system keeps exactly (a copy with `cp -p` or `rsync -t` sets such times).
    const kept = new Date('2020-01-01T00:00:00Z');
    utimesSync(file, kept, kept);
    await sleep(SETTLING_MS + 100);
    assert.deepEqual(names((await build(tei, options)).documentsRead), ['a.xml'], 'its times changed');
    assert.deepEqual((await build(tei, options)).documentsRead, [], 'its new times were remembered');
    const edited = flagship.replace('Trotsky opens the attack</title>', 'Trotsky opens the ATTACK</title>');
    assert.equal(edited.length, flagship.length);
    writeFileSync(file, edited);
    utimesSync(file, kept, kept);
    assert.equal(statSync(file).mtimeMs, kept.getTime());
    const report = await build(tei, options);
    assert.deepEqual(names(report.documentsRead), ['a.xml']);
    assert.deepEqual(report.rendered, ['a']);
    assert.match(page('a'), /Trotsky opens the ATTACK/);
  });

  it('does not remember a document that changed just before it was read, and reads it again next time', async () => {
    writeFileSync(join(tei, 'a.xml'), flagship);
    const first = await build(tei, options);
    assert.deepEqual(names(first.documentsRead), ['a.xml']);
    const second = await build(tei, options);
    assert.deepEqual(names(second.documentsRead), ['a.xml'], 'its times were too recent to trust');
    assert.deepEqual(second.rendered, []);
  });

  it('reads everything with force, and after the reading limits change', async () => {
    await sleep(SETTLING_MS + 100);
    await build(tei, options);
    assert.deepEqual((await build(tei, options)).documentsRead, []);
    assert.deepEqual(names((await build(tei, { ...options, force: true })).documentsRead), ['a.xml', 'b.xml']);
    assert.deepEqual(names((await build(tei, { ...options, limits: { maxDocumentSize: 50_000_000 } })).documentsRead), ['a.xml', 'b.xml']);
  });
});

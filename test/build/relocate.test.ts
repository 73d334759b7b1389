/**
 * A project moved or copied with its build cache (a CI checkout at another
 * path restoring `.samizdat/`) renders nothing again and publishes what a
 * cold build of it publishes; what it changed is still rendered; two output
 * folders keep a cache each; and a document whose output may depend on
 * where it lies (location.ts) is not taken from the cache of another place.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { build, type BuildOptions } from '../../src/build/index.js';
import { BuildCache, sha256 } from '../../src/build/cache.js';
import { ANYWHERE, placeReach, seesPlace, stylesheetSeesPlace } from '../../src/build/location.js';
import { SETTLING_MS } from '../../src/build/reads.js';
import { HTML_STYLESHEET } from '../../src/transform/index.js';
import { snapshot as tree } from '../support/snapshot.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const flagship = readFileSync(join(root, 'tei', '1923-opposition-ch01.xml'), 'utf8');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

/** The project's build options: its cache in `.samizdat`, its output in `dist`, as the CLI has them. */
const optionsOf = (project: string, out = 'dist'): BuildOptions => ({
  out: join(project, out), buildCacheDir: join(project, '.samizdat', 'cache', 'build'), root: project, jobs: 1, search: false, citations: false,
});

describe('samizdat build, a project moved or copied', function () {
  const scratch = mkdtempSync(join(tmpdir(), 'samizdat-relocate-'));
  const project = join(scratch, 'proj');

  before(async () => {
    mkdirSync(join(project, 'tei', 'facs'), { recursive: true });
    copyFileSync(join(root, 'tei', 'register.xml'), join(project, 'tei', 'register.xml'));
    writeFileSync(join(project, 'tei', 'a.xml'), flagship);
    // b shows an image (an image's key is its bytes and output path, not where it was read).
    writeFileSync(join(project, 'tei', 'facs', 'plate.png'), PNG);
    writeFileSync(join(project, 'tei', 'b.xml'), flagship.replace('<body>', '<body><figure><graphic url="facs/plate.png"/></figure>').replace('>Trotsky opens the attack</title>', '>Plates</title>'));
    // c names a file by its absolute path: where it lies is part of what it renders to.
    writeFileSync(join(project, 'tei', 'c.xml'), flagship.replace('<body>', '<body><p><ref target="/srv/elsewhere.xml#x">elsewhere</ref></p>').replace('>Trotsky opens the attack</title>', '>Absolute</title>'));
    // Files written just now are not remembered (their times may not yet show a change): let them settle.
    await sleep(SETTLING_MS + 100);
    const first = await build(join(project, 'tei'), optionsOf(project));
    assert.deepEqual(first.diagnostics, []);
    assert.deepEqual(first.rendered, ['a', 'b', 'c']);
  });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('renders nothing in a copy elsewhere (but the document that sees its place) and publishes what a cold build there does', async () => {
    const copy = join(scratch, 'elsewhere', 'deeper', 'proj2');
    cpSync(project, copy, { recursive: true, preserveTimestamps: true });
    const warm = await build(join(copy, 'tei'), optionsOf(copy));
    assert.deepEqual(warm.diagnostics, []);
    assert.deepEqual(warm.rendered, ['c'], 'only the document naming an absolute path');
    assert.equal(warm.sitePagesRendered, false);
    assert.deepEqual(warm.changedFiles, [], 'the copied edition was already what the build makes');
    // A cold build of the copy, with a cache of its own, into another folder: the same files, byte for byte.
    const cold = await build(join(copy, 'tei'), { ...optionsOf(copy, 'dist-cold'), buildCacheDir: join(copy, 'cold-cache') });
    assert.deepEqual(cold.rendered, ['a', 'b', 'c']);
    assert.deepEqual(tree(join(copy, 'dist')), tree(join(copy, 'dist-cold')));
    assert.deepEqual(readFileSync(join(copy, 'dist', 'images', 'tei', 'facs', 'plate.png')), PNG);
  });

  it('still renders a document changed in the copy, and only it', async () => {
    const copy = join(scratch, 'copy-changed');
    cpSync(project, copy, { recursive: true, preserveTimestamps: true });
    writeFileSync(join(copy, 'tei', 'a.xml'), flagship.replace('Trotsky opens the attack', 'Trotsky opens the attack again'));
    const report = await build(join(copy, 'tei'), optionsOf(copy));
    assert.deepEqual(report.diagnostics, []);
    assert.deepEqual(report.rendered, ['a', 'c']);
    assert.match(readFileSync(join(copy, 'dist', 'a', 'index.html'), 'utf8'), /opens the attack again/);
  });

  it('reads nothing again in a project moved whole (a move keeps files as they were)', async () => {
    const moved = join(scratch, 'moved', 'proj');
    mkdirSync(dirname(moved), { recursive: true });
    cpSync(project, join(scratch, 'to-move'), { recursive: true, preserveTimestamps: true });
    await sleep(SETTLING_MS + 100);
    await build(join(scratch, 'to-move', 'tei'), optionsOf(join(scratch, 'to-move')));
    const stats = (project: string) => join(new BuildCache(join(project, 'dist'), join(project, '.samizdat', 'cache', 'build')).dir, 'published.json');
    const published = readFileSync(stats(join(scratch, 'to-move')), 'utf8');
    renameSync(join(scratch, 'to-move'), moved);
    const report = await build(join(moved, 'tei'), optionsOf(moved));
    assert.deepEqual(report.diagnostics, []);
    assert.deepEqual(report.documentsRead, []);
    assert.deepEqual(report.rendered, ['c']);
    // The published files' stats still hold (a move keeps them): trusted, not hashed and recorded again.
    assert.equal(readFileSync(stats(moved), 'utf8'), published);
  });

  it('keeps two output folders of one project in caches of their own', async () => {
    const options = optionsOf(project);
    const other = optionsOf(project, 'dist-other');
    assert.notEqual(new BuildCache(options.out!, options.buildCacheDir).dir, new BuildCache(other.out!, other.buildCacheDir).dir);
    const second = await build(join(project, 'tei'), other);
    assert.deepEqual(second.rendered, ['a', 'b', 'c'], 'a cache of its own, empty');
    // Pruning the other output's cache left this one's alone.
    const again = await build(join(project, 'tei'), options);
    assert.deepEqual(again.rendered, []);
    assert.deepEqual(tree(options.out!), tree(other.out!));
  });

  it('names the cache by the output folder as seen from the cache, and removes the one an earlier samizdat kept', async () => {
    const options = optionsOf(project);
    const cache = new BuildCache(options.out!, options.buildCacheDir);
    assert.equal(cache.place(join(project, 'tei', 'a.xml')), '../../../tei/a.xml');
    assert.equal(new BuildCache(join(scratch, 'x', 'dist'), join(scratch, 'x', 'cache')).dir.slice(-16), new BuildCache(join(scratch, 'y', 'dist'), join(scratch, 'y', 'cache')).dir.slice(-16));
    mkdirSync(join(cache.legacyDir, 'units'), { recursive: true });
    writeFileSync(join(cache.legacyDir, 'units', 'old.json'), '{}');
    await build(join(project, 'tei'), options);
    assert.equal(existsSync(cache.legacyDir), false);
    assert.equal(existsSync(cache.dir), true);
  });
});

describe('samizdat build (the command), a project copied elsewhere with its .samizdat/', function () {
  this.timeout(300_000);
  const cli = join(root, 'bin', 'samizdat.js');
  const scratch = mkdtempSync(join(tmpdir(), 'samizdat-relocate-cli-'));
  after(() => rmSync(scratch, { recursive: true, force: true }));
  /** `samizdat build` in `cwd` (its defaults: tei/ to dist/, with search and citations); its summary line. */
  const buildIn = (cwd: string, ...args: string[]): string => {
    const run = spawnSync('node', [cli, 'build', '--jobs', '1', ...args], { cwd, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    return run.stdout;
  };

  it('renders nothing, writes nothing, and its dist/ is what a cold build of the copy publishes', () => {
    const project = join(scratch, 'proj');
    mkdirSync(join(project, 'tei'), { recursive: true });
    copyFileSync(join(root, 'tei', 'register.xml'), join(project, 'tei', 'register.xml'));
    writeFileSync(join(project, 'tei', 'a.xml'), flagship);
    assert.match(buildIn(project), /\(1 rendered, 0 unchanged;/);
    const copy = join(scratch, 'ci', 'checkout', 'proj2');
    cpSync(project, copy, { recursive: true, preserveTimestamps: true });
    assert.match(buildIn(copy), /\(0 rendered, 1 unchanged; 0 file\(s\) written, 0 removed\)/);
    // Another output folder has a cache of its own: a cold build.
    assert.match(buildIn(copy, '--out', 'dist-cold'), /\(1 rendered, 0 unchanged;/);
    assert.deepEqual(tree(join(copy, 'dist')), tree(join(copy, 'dist-cold')));
  });
});

describe('build cache, what may see where a file lies', () => {
  it('measures how far references climb', () => {
    assert.equal(placeReach('<p>no references</p>'), 0);
    assert.equal(placeReach('<ref target="register.xml#x"/> <name ref="#p1"/>'), 0);
    assert.equal(placeReach('<name ref="../reg/register.xml#p1 ../../x.xml#y"/>'), 2);
    assert.equal(placeReach('<name ref=\'a/../../../x.xml\'/>'), 2);
    assert.equal(placeReach('<name ref="..%2F..%2f%2e%2e/x.xml"/>'), 3, '%-escapes');
    assert.equal(placeReach('<name ref="&#46;&#46;/&#x2e;./x.xml"/>'), 2, 'character references');
  });

  it('takes an absolute reference, a base or rewritten pointers to see anywhere', () => {
    for (const text of ['<ref target="/srv/x.xml#a"/>', '<ref target="file:///srv/x.xml#a"/>', '<div xml:base="../../"/>', '<prefixDef ident="p" matchPattern="(.+)" replacementPattern="$1"/>', '<prefixDef replacementPattern="reg$1"/>',
      '<!DOCTYPE TEI [<!ENTITY base "/srv/">]><ref target="&base;x.xml#a"/>']) {
      assert.equal(placeReach(text), ANYWHERE, text);
    }
  });

  it('bounds what prefixDefs make of pointers', () => {
    // Into the fragment: the token's part climbs nothing.
    assert.equal(placeReach('<prefixDef ident="reg" matchPattern="(.+)" replacementPattern="register.xml#$1"/><name ref="reg:../../x"/>'), 0);
    // A relative path: its own '..' and, for each group, as many as a token has.
    assert.equal(placeReach('<prefixDef ident="reg" matchPattern="(.+)" replacementPattern="../reg/$1.xml"/><name ref="reg:../../x"/>'), 2 * 2);
    assert.equal(placeReach('<prefixDef ident="reg" matchPattern="(.+)" replacementPattern="../$1/$1.xml"/><name ref="reg:.."/>'), 1 * 3);
  });

  it('sees its place when it climbs as far as its depth', () => {
    assert.equal(seesPlace('/a/b/tei/x.xml', 2), false);
    assert.equal(seesPlace('/a/b/tei/x.xml', 3), true);
    assert.equal(seesPlace('/a/b/tei/x.xml', ANYWHERE), true);
  });

  it('takes samizdat\'s own stylesheet not to see where documents are, and a customisation reading base-uri() to see it', async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'samizdat-place-'));
    try {
      assert.equal(await stylesheetSeesPlace(HTML_STYLESHEET), false);
      const plain = join(scratch, 'plain.xsl');
      const reading = join(scratch, 'reading.xsl');
      const xsl = (body: string) => `<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"><xsl:import href="${HTML_STYLESHEET}"/>${body}</xsl:stylesheet>`;
      writeFileSync(plain, xsl('<xsl:template match="hi"><b><xsl:apply-templates/></b></xsl:template>'));
      writeFileSync(reading, xsl('<xsl:template match="hi"><b><xsl:value-of select="base-uri(.)"/></b></xsl:template>'));
      assert.equal(await stylesheetSeesPlace(plain), false);
      assert.equal(await stylesheetSeesPlace(reading), true);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('keeps keys apart for different output folders under one cache root', () => {
    const dirs = ['dist', 'site', join('sub', 'dist')].map((out) => new BuildCache(join('/p', out), '/p/.samizdat/cache/build').dir);
    assert.equal(new Set(dirs).size, 3);
    assert.ok(dirs.every((dir) => dir !== join('/p/.samizdat/cache/build', sha256('/p/dist').slice(0, 16))));
  });
});

/**
 * Publishing is atomic and samizdat owns only what it wrote: a write that
 * fails at any step (a full disk, a refused rename) leaves the output folder
 * exactly as it was, with a message that says so; files samizdat did not
 * write are carried over and never replaced; the output folder cannot be
 * the sources, the root or the home folder; two builds into one folder take
 * turns. (A build killed at random moments: kill.test.ts.)
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fsPromises from 'node:fs/promises';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { build, MANIFEST, recoverOutput, type BuildOptions, type PublishFileSystem } from '../../src/build/index.js';
import { recordedHolds, surveyOutput } from '../../src/build/output.js';
import { BuildCache } from '../../src/build/cache.js';
import { repoRoot } from '../support/paths.js';
import { copyFolder, snapshotFolder, whichState, type FolderSnapshot } from '../support/folders.js';

const flagship = readFileSync(join(repoRoot, 'tei', '1923-opposition-ch01.xml'), 'utf8');
const register = readFileSync(join(repoRoot, 'tei', 'register.xml'), 'utf8');

/** Calls that change the file system: the ones a fault is injected into. */
const WRITES = new Set(['copyFile', 'link', 'mkdir', 'open', 'rename', 'rm', 'symlink', 'chmod', 'writeFile']);

/** node:fs/promises, but the `failAt`-th call that writes (and, with `times`, the ones after it) fails with `code`. */
function faultyFileSystem(failAt: number, code = 'ENOSPC', times = 1): { fileSystem: PublishFileSystem; writes: () => number } {
  let count = 0;
  const fileSystem = new Proxy(fsPromises, {
    get(target, name: string) {
      const real = (target as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>)[name];
      if (!WRITES.has(name)) return real;
      return async (...args: unknown[]) => {
        count++;
        if (count >= failAt && count < failAt + times) throw Object.assign(new Error(`${code}: injected fault in ${name}`), { code });
        return real(...args);
      };
    },
  }) as PublishFileSystem;
  return { fileSystem, writes: () => count };
}

/** Nothing samizdat leaves beside the output folder once a build is over (a lock, a staging or previous folder). */
function leftBeside(out: string): string[] {
  const name = out.split('/').pop()!;
  return readdirSync(join(out, '..')).filter((entry) => entry.startsWith(`.${name}.samizdat-`));
}

describe('publishing: atomic, and only what samizdat wrote', function () {
  this.timeout(600_000);
  const scratch = mkdtempSync(join(tmpdir(), 'samizdat-publish-'));
  const teiA = join(scratch, 'tei-a');
  const teiB = join(scratch, 'tei-b');
  const out = join(scratch, 'dist');
  const savedA = join(scratch, 'state-a');
  const options: BuildOptions = { out, buildCacheDir: join(scratch, 'cache'), root: scratch };
  let stateA: FolderSnapshot;
  let stateB: FolderSnapshot;

  before(async () => {
    mkdirSync(teiA);
    mkdirSync(teiB);
    writeFileSync(join(teiA, 'register.xml'), register);
    writeFileSync(join(teiA, 'ch01.xml'), flagship);
    writeFileSync(join(teiA, 'ch02.xml'), flagship.replace('>Trotsky opens the attack</title>', '>A chapter to be removed</title>'));
    writeFileSync(join(teiB, 'register.xml'), register);
    writeFileSync(join(teiB, 'ch01.xml'), flagship.replace('were three months in arrears', 'were three months behind'));
    writeFileSync(join(teiB, 'ch03.xml'), flagship.replace('>Trotsky opens the attack</title>', '>A chapter added</title>'));
    // B last, so that its pages are in the cache and each faulty build below only publishes.
    assert.deepEqual((await build(teiB, options)).diagnostics, []);
    stateB = snapshotFolder(out);
    rmSync(out, { recursive: true });
    assert.deepEqual((await build(teiA, { ...options, buildCacheDir: join(scratch, 'cache-a') })).diagnostics, []);
    // Files samizdat did not write: they must survive every build.
    writeFileSync(join(out, 'CNAME'), 'edition.example.org\n');
    mkdirSync(join(out, 'extra', 'empty'), { recursive: true });
    writeFileSync(join(out, 'extra', 'notes.txt'), 'mine\n');
    symlinkSync('extra/notes.txt', join(out, 'notes-link'));
    stateA = snapshotFolder(out);
    copyFolder(out, savedA);
    for (const [path, bytes] of [['CNAME', 'edition.example.org\n'], ['extra/notes.txt', 'mine\n'], ['notes-link', '-> extra/notes.txt'], ['extra/empty', '<folder>']]) stateB.set(path, bytes);
  });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('brings the folder entirely to the new edition, keeping the files samizdat did not write', async () => {
    copyFolder(savedA, out);
    const report = await build(teiB, options);
    assert.deepEqual(report.diagnostics, []);
    assert.equal(whichState(snapshotFolder(out), { B: stateB }), 'B');
    assert.ok(report.removedFiles.includes('ch02/index.html'));
    assert.ok(!report.removedFiles.some((path) => path.startsWith('extra') || path === 'CNAME'));
    assert.deepEqual(leftBeside(out), []);
    const manifest = JSON.parse(readFileSync(join(out, MANIFEST), 'utf8')) as { files: Record<string, string> };
    assert.ok('ch03/index.html' in manifest.files && !('CNAME' in manifest.files), 'the manifest lists what samizdat wrote, and only that');
  });

  it('under a fault at every single write, leaves the folder exactly as it was (and says so) or entirely new', async () => {
    copyFolder(savedA, out);
    const counting = faultyFileSystem(Number.POSITIVE_INFINITY);
    assert.deepEqual((await build(teiB, { ...options, fileSystem: counting.fileSystem })).diagnostics, []);
    const writes = counting.writes();
    assert.ok(writes > 20, `a publish makes ${writes} writes`);
    const seen = { A: 0, B: 0 };
    for (let failAt = 1; failAt <= writes; failAt++) {
      copyFolder(savedA, out);
      const report = await build(teiB, { ...options, fileSystem: faultyFileSystem(failAt).fileSystem });
      const state = whichState(snapshotFolder(out), { A: stateA, B: stateB });
      assert.ok(state !== undefined, `a fault at write ${failAt} left a folder that is neither the old nor the new edition`);
      seen[state as 'A' | 'B']++;
      if (state === 'A') {
        assert.equal(report.written, false, `write ${failAt}: the folder is as it was, yet the build says it wrote`);
        assert.ok(report.diagnostics.some((d) => /disk is full|ENOSPC/.test(d.message)), `write ${failAt}: ${JSON.stringify(report.diagnostics)}`);
        assert.ok(report.diagnostics.every((d) => !/written|switched in/.test(d.message) || /Nothing was changed/.test(d.message)), JSON.stringify(report.diagnostics));
      } else {
        assert.equal(report.written, true, `write ${failAt}: the folder is the new edition, yet the build says it wrote nothing`);
      }
      assert.deepEqual(leftBeside(out).filter((name) => name.endsWith('staging')), [], `write ${failAt} left a staging folder`);
    }
    assert.ok(seen.A > 0 && seen.B > 0, JSON.stringify(seen));
  });

  it('when the switch fails and the old folder cannot be put back, says where it is, and the next run puts it back first', async () => {
    copyFolder(savedA, out);
    // The rename that switches the new folder in (the one onto the output folder) fails, and so does the next, putting the old folder back.
    let failing = 0;
    const fileSystem = new Proxy(fsPromises, {
      get(target, name: string) {
        const real = (target as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>)[name];
        if (name !== 'rename') return real;
        return async (...args: unknown[]) => {
          if (args[1] === out) failing = 2;
          if (failing > 0) {
            failing--;
            throw Object.assign(new Error('EIO: injected fault in rename'), { code: 'EIO' });
          }
          return real(...args);
        };
      },
    }) as PublishFileSystem;
    const report = await build(teiB, { ...options, fileSystem });
    assert.equal(report.written, false);
    const message = report.diagnostics.map((d) => d.message).join('\n');
    assert.match(message, /could not be put back: it is in .*\.dist\.samizdat-previous; the next samizdat build puts it back/);
    assert.ok(!existsSync(out));
    await recoverOutput(out);
    assert.equal(whichState(snapshotFolder(out), { A: stateA }), 'A');
  });

  it('makes the new folder from the one the last build replaced, kept in the build cache: each build is exactly its edition', async () => {
    const cacheDir = join(scratch, 'cache-spare');
    const spareOf = () => readdirSync(cacheDir).map((folder) => join(cacheDir, folder, 'spare')).find((path) => existsSync(path));
    copyFolder(savedA, out);
    for (const [tei, state] of [[teiB, stateB], [teiA, stateA], [teiB, stateB], [teiA, stateA]] as const) {
      const report = await build(tei, { ...options, buildCacheDir: cacheDir });
      assert.deepEqual(report.diagnostics, []);
      assert.ok(whichState(snapshotFolder(out), { state }) === 'state', `the build of ${tei} published another edition`);
      assert.deepEqual(leftBeside(out), [], 'nothing beside the output folder');
      assert.ok(spareOf() !== undefined, 'the replaced folder is kept in the build cache');
    }
  });

  it('makes an exact edition whatever the kept folder holds (files changed, added or put where folders were)', async () => {
    const cacheDir = join(scratch, 'cache-spoilt');
    copyFolder(savedA, out);
    assert.deepEqual((await build(teiB, { ...options, buildCacheDir: cacheDir })).diagnostics, []);
    const spare = readdirSync(cacheDir).map((folder) => join(cacheDir, folder, 'spare')).find((path) => existsSync(path))!;
    // The kept folder is edition A: spoil it where the next build (A again) would take it as it is.
    rmSync(join(spare, 'ch02'), { recursive: true });
    writeFileSync(join(spare, 'ch02'), 'a file where a folder was\n');
    writeFileSync(join(spare, 'stray.html'), '<p>stray</p>\n');
    rmSync(join(spare, 'ch01', 'index.html'));
    writeFileSync(join(spare, 'ch01', 'index.html'), 'not the page\n');
    rmSync(join(spare, 'samizdat.css'));
    mkdirSync(join(spare, 'samizdat.css', 'inside'), { recursive: true });
    const report = await build(teiA, { ...options, buildCacheDir: cacheDir });
    assert.deepEqual(report.diagnostics, []);
    assert.equal(whichState(snapshotFolder(out), { A: stateA }), 'A');
    // A file both editions have is one file in the output and the kept folder (a hard link): edited by hand, it is written afresh, not taken from there.
    writeFileSync(join(out, 'samizdat.css'), 'edited by hand\n', { flag: 'r+' });
    assert.deepEqual((await build(teiB, { ...options, buildCacheDir: cacheDir })).diagnostics, []);
    assert.deepEqual((await build(teiA, { ...options, buildCacheDir: cacheDir })).diagnostics, []);
    assert.equal(whichState(snapshotFolder(out), { A: stateA }), 'A');
  });

  it('keeps a folder of hard links to what a first build published, so that the next build links none of the files that stay', async () => {
    const tei = join(scratch, 'tei-first');
    const target = join(scratch, 'first');
    const cacheDir = join(scratch, 'cache-first');
    mkdirSync(tei);
    writeFileSync(join(tei, 'register.xml'), register);
    writeFileSync(join(tei, 'ch01.xml'), flagship);
    writeFileSync(join(tei, 'ch02.xml'), flagship.replace('>Trotsky opens the attack</title>', '>A second chapter</title>'));
    assert.deepEqual((await build(tei, { ...options, out: target, buildCacheDir: cacheDir })).diagnostics, []);
    const spare = readdirSync(cacheDir).map((folder) => join(cacheDir, folder, 'spare')).find((path) => existsSync(path));
    assert.ok(spare !== undefined, 'a first build keeps a spare folder');
    const published = [...snapshotFolder(target).keys()].filter((path) => path !== MANIFEST);
    assert.ok(published.length > 10);
    for (const path of published) {
      assert.equal(statSync(join(spare, path)).ino, statSync(join(target, path)).ino, `${path}: the spare holds the published file itself`);
    }
    writeFileSync(join(tei, 'ch01.xml'), flagship.replace('were three months in arrears', 'were three months behind'));
    const linked: string[] = [];
    const fileSystem = new Proxy(fsPromises, {
      get(real, name: string) {
        const call = (real as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>)[name];
        return name === 'link' ? (...args: unknown[]) => { linked.push(String(args[1])); return call(...args); } : call;
      },
    }) as PublishFileSystem;
    const report = await build(tei, { ...options, out: target, buildCacheDir: cacheDir, fileSystem });
    assert.deepEqual(report.diagnostics, []);
    assert.ok(report.changedFiles.length > 0);
    assert.deepEqual(linked, [], 'the files that stay are in the spare already');
    assert.ok(readFileSync(join(target, 'ch01', 'index.html'), 'utf8').includes('were three months behind'));
    // The same edition as a build from nothing.
    const fresh = join(scratch, 'first-fresh');
    assert.deepEqual((await build(tei, { ...options, out: fresh, buildCacheDir: join(scratch, 'cache-first-fresh') })).diagnostics, []);
    assert.deepEqual(snapshotFolder(target), snapshotFolder(fresh));
  });

  it('lists the kept folder, when told to wait, once told to, as it then is, as a listing made at once would', async () => {
    const target = join(scratch, 'survey-out');
    const sparePath = join(scratch, 'survey-spare');
    for (const folder of [target, sparePath]) {
      mkdirSync(join(folder, 'ch01', 'deeper'), { recursive: true });
      writeFileSync(join(folder, 'ch01', 'index.html'), '<p>page</p>\n');
      writeFileSync(join(folder, 'ch01', 'deeper', 'a.txt'), 'a\n');
      writeFileSync(join(folder, 'samizdat.css'), 'p {}\n');
    }
    const options = { statsPath: join(scratch, 'survey-stats.json'), sparePath };
    let go = (): void => {};
    const later = surveyOutput(target, { ...options, listSpare: new Promise<void>((resolve) => { go = resolve; }) });
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Changed before it is told to: the listing must show it.
    mkdirSync(join(sparePath, 'ch02'));
    writeFileSync(join(sparePath, 'ch02', 'index.html'), '<p>another</p>\n');
    go();
    const now = await surveyOutput(target, { ...options, listSpare: true });
    const waited = await later;
    assert.ok(waited.spare?.has('ch02/index.html'), 'listed after it was told to');
    assert.deepEqual([...waited.spare!], [...now.spare!], 'the same listing, in the same order');
    assert.deepEqual([...waited.present], [...now.present]);
    assert.equal((await surveyOutput(target, { ...options, listSpare: false })).spare, undefined);
  });

  it('writes nothing on a real full disk, saying so (a 1 MB tmpfs, when this user may mount one)', async function () {
    const disk = join(scratch, 'disk');
    mkdirSync(disk);
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=600k', 'tmpfs', disk], { stdio: 'ignore' });
    } catch {
      this.skip(); // not root: the injected faults above stand in for it
    }
    try {
      const small = join(disk, 'dist');
      const onDisk: BuildOptions = { out: small, buildCacheDir: join(scratch, 'cache-disk'), root: scratch };
      const one = join(scratch, 'tei-one');
      mkdirSync(one);
      writeFileSync(join(one, 'ch01.xml'), flagship);
      writeFileSync(join(one, 'register.xml'), register);
      assert.deepEqual((await build(one, onDisk)).diagnostics, []);
      const before = snapshotFolder(small);
      // Twelve more chapters do not fit.
      for (let n = 2; n <= 13; n++) writeFileSync(join(one, `ch${n}.xml`), flagship.replace('>Trotsky opens the attack</title>', `>Chapter ${n}</title>`));
      const report = await build(one, onDisk);
      assert.equal(report.written, false);
      assert.match(report.diagnostics.map((d) => d.message).join('\n'), /the disk is full\. Nothing was changed in/);
      assert.deepEqual(snapshotFolder(small), before);
      assert.deepEqual(leftBeside(small), []);
    } finally {
      execFileSync('umount', [disk]);
    }
  });

  it('refuses to replace a hand-written page, naming it, and changes nothing', async () => {
    const target = join(scratch, 'hand');
    mkdirSync(target);
    writeFileSync(join(target, 'index.html'), '<p>my own home page</p>');
    writeFileSync(join(target, 'samizdat.css'), 'body { color: red }');
    const report = await build(teiA, { ...options, out: target });
    assert.equal(report.written, false);
    const messages = report.diagnostics.map((d) => `${d.file}: ${d.message}`).join('\n');
    assert.match(messages, /hand\/index\.html was not written by samizdat .* never replaces a file it did not write/);
    assert.match(messages, /hand\/samizdat\.css was not written by samizdat/);
    assert.deepEqual([...snapshotFolder(target).keys()], ['index.html', 'samizdat.css']);
    assert.equal(readFileSync(join(target, 'index.html'), 'utf8'), '<p>my own home page</p>');
  });

  it('adopts a file that already holds what samizdat would write there (a folder built before the manifest)', async () => {
    const target = join(scratch, 'adopted');
    copyFolder(savedA, target);
    rmSync(join(target, MANIFEST));
    const report = await build(teiA, { ...options, out: target, buildCacheDir: join(scratch, 'cache-adopted') });
    assert.deepEqual(report.diagnostics, []);
    assert.equal(whichState(snapshotFolder(target), { A: stateA }), 'A');
  });

  it('refuses an output folder that is the root, the home folder, the sources or around them', async () => {
    const cases: [string, RegExp][] = [
      ['/', /is the root of the file system/],
      [homedir(), /is your home folder/],
      ...(dirname(homedir()) === '/' ? [] : [[dirname(homedir()), /holds your home folder/] as [string, RegExp]]),
      [teiA, /is a sources folder/],
      [scratch, /holds the sources folder/],
      [join(teiA, 'dist'), /lies inside the sources folder/],
    ];
    for (const [target, expected] of cases) {
      const report = await build(teiA, { ...options, out: target });
      assert.equal(report.written, false, target);
      assert.match(report.diagnostics[0]?.message ?? '', expected, target);
      assert.match(report.diagnostics[0]?.message ?? '', /will not publish there/);
    }
    assert.deepEqual(readdirSync(teiA).sort(), ['ch01.xml', 'ch02.xml', 'register.xml']);
  });

  it('publishes into a folder inside the edition root when the sources are the whole root', async () => {
    const edition = join(scratch, 'rooted');
    mkdirSync(join(edition, 'letters'), { recursive: true });
    writeFileSync(join(edition, 'letters', 'ch01.xml'), flagship);
    writeFileSync(join(edition, 'letters', 'register.xml'), register);
    const report = await build(join(edition, '**/*.xml'), { ...options, out: join(edition, 'dist'), root: edition });
    assert.deepEqual(report.diagnostics, []);
    assert.ok(existsSync(join(edition, 'dist', 'ch01', 'index.html')));
  });

  it('two editions built into one folder at once take turns: the folder ends as one of them, never a mix', async () => {
    const target = join(scratch, 'shared');
    const [first, second] = await Promise.all([
      build(teiA, { ...options, out: target, buildCacheDir: join(scratch, 'cache-shared-a') }),
      build(teiB, { ...options, out: target, buildCacheDir: join(scratch, 'cache-shared-b') }),
    ]);
    assert.ok(first.written && second.written);
    const onlyA = join(scratch, 'only-a');
    const onlyB = join(scratch, 'only-b');
    await build(teiA, { ...options, out: onlyA, buildCacheDir: join(scratch, 'cache-only-a') });
    await build(teiB, { ...options, out: onlyB, buildCacheDir: join(scratch, 'cache-only-b') });
    assert.ok(whichState(snapshotFolder(target), { A: snapshotFolder(onlyA), B: snapshotFolder(onlyB) }) !== undefined, 'the folder mixes the two editions');
  });
});

describe('what the last publish recorded of a file', () => {
  const recorded = { hash: 'aa', size: 10, mtimeMs: 1000.5, ino: 7 };
  const found = { size: 10, mtimeMs: 1000.5, ino: 7 };

  it('answers for a file untouched since, by the hash it recorded', () => {
    assert.equal(recordedHolds(found, 'aa', recorded), true);
    assert.equal(recordedHolds(found, 'bb', recorded), false);
  });

  it('does not answer for a file whose size, time or inode moved, or that it did not record: only its bytes can tell', () => {
    for (const moved of [{ size: 11 }, { mtimeMs: 1000.6 }, { ino: 8 }]) assert.equal(recordedHolds({ ...found, ...moved }, 'aa', recorded), undefined, JSON.stringify(moved));
    assert.equal(recordedHolds(found, 'aa', undefined), undefined);
  });
});

describe('samizdat build, a published file changed in the output folder', function () {
  this.timeout(300_000);
  const scratch = mkdtempSync(join(tmpdir(), 'samizdat-publish-changed-'));
  const tei = join(scratch, 'tei');
  const out = join(scratch, 'dist');
  const options: BuildOptions = { out, buildCacheDir: join(scratch, 'cache'), citations: false, search: false };
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('writes a page again when its bytes changed, and keeps one whose stats alone moved (by its bytes, not the recorded stats)', async () => {
    mkdirSync(tei);
    writeFileSync(join(tei, 'ch01.xml'), flagship);
    writeFileSync(join(tei, 'ch02.xml'), flagship.replace('>Trotsky opens the attack</title>', '>A second chapter</title>'));
    writeFileSync(join(tei, 'register.xml'), register);
    assert.deepEqual((await build(tei, options)).diagnostics, []);
    const page1 = join(out, 'ch01', 'index.html');
    const page2 = join(out, 'ch02', 'index.html');
    const published = readFileSync(page1, 'utf8');
    // Same size, other bytes: the recorded stats no longer answer (the time moved), the bytes say it changed.
    writeFileSync(page1, published.replace('<', '>'));
    // Same bytes, a new time: read, found the same, kept.
    const time = new Date(Date.now() + 5000);
    await fsPromises.utimes(page2, time, time);
    const report = await build(tei, options);
    assert.deepEqual(report.diagnostics, []);
    assert.deepEqual(report.changedFiles, ['ch01/index.html']);
    assert.equal(readFileSync(page1, 'utf8'), published);
  });
  it('records the files\u2019 stats again only when one of them moved: an unchanged build leaves the record as it was', async () => {
    const stats = join(new BuildCache(out, options.buildCacheDir).dir, 'published.json');
    assert.deepEqual((await build(tei, options)).changedFiles, []);
    const before = statSync(stats);
    const kept = readFileSync(stats, 'utf8');
    assert.deepEqual((await build(tei, options)).changedFiles, []);
    assert.equal(statSync(stats).mtimeMs, before.mtimeMs, 'not written again');
    assert.equal(readFileSync(stats, 'utf8'), kept);
    // Same bytes, a new time: recorded again, so that the next build knows the page by its stats.
    const page = join(out, 'ch02', 'index.html');
    const time = new Date(Date.now() + 10_000);
    await fsPromises.utimes(page, time, time);
    assert.deepEqual((await build(tei, options)).changedFiles, []);
    const recorded = (JSON.parse(readFileSync(stats, 'utf8')) as { files: Record<string, { mtimeMs: number }> }).files['ch02/index.html'];
    assert.equal(recorded.mtimeMs, statSync(page).mtimeMs);
  });
});

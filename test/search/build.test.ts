/**
 * The search as `samizdat build` publishes it: the search page, its script
 * and Pagefind's index under search/, a search box on every page, nothing of
 * Pagefind's own interfaces, the same bytes whatever the threads; the index
 * made again only when what it holds changed; `search: false` publishing
 * none of it.
 */
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build, type BuildOptions, type BuildReport } from '../../src/build/index.js';
import { buildFromConfig } from '../../src/build/config.js';
import { parseConfig } from '../../src/config/config.js';
import { searchIndexLine } from '../../bench/report.js';
import { repoRoot } from '../support/paths.js';
import { snapshot } from '../support/snapshot.js';

const fixtures = join(repoRoot, 'test', 'fixtures', 'search');

const searchFiles = (files: Iterable<string>): string[] => [...files].filter((p) => p.startsWith('search/')).sort();

describe('search: what the build publishes', function () {
  const scratch = mkdtempSync(join(tmpdir(), 'samizdat-search-build-'));
  const tei = join(scratch, 'tei');
  const out = join(scratch, 'dist');
  const options: BuildOptions = { out, buildCacheDir: join(scratch, 'cache'), jobs: 2 };
  let built: BuildReport;

  before(async () => {
    mkdirSync(tei);
    for (const file of ['1923-opposition-ch01.xml', 'register.xml']) copyFileSync(join(repoRoot, 'tei', file), join(tei, file));
    for (const file of ['letter.xml', 'people.xml']) copyFileSync(join(fixtures, file), join(tei, file));
    // Two more copies of the flagship, so that documents render in worker threads.
    const flagship = readFileSync(join(tei, '1923-opposition-ch01.xml'), 'utf8');
    for (const n of ['2', '3']) writeFileSync(join(tei, `copy-${n}.xml`), flagship.replace('>Trotsky opens the attack</title>', `>Copy ${n}</title>`));
    const report = await build(tei, options);
    assert.deepEqual(report.diagnostics, []);
    assert.equal(report.threads, 2);
    built = report;
  });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('writes the search page, its script and the index, and none of Pagefind’s own interfaces', () => {
    const files = searchFiles(snapshot(out).keys());
    for (const file of ['search/index.html', 'search/search.js', 'search/pagefind/pagefind.js', 'search/pagefind/pagefind-entry.json']) assert.ok(files.includes(file), file);
    assert.ok(files.some((f) => /^search\/pagefind\/wasm\.en\.pagefind$/.test(f)), 'the English stemmer, the edition’s language');
    assert.ok(files.some((f) => f.endsWith('.pf_fragment')) && files.some((f) => f.endsWith('.pf_index')) && files.some((f) => f.endsWith('.pf_filter')));
    assert.deepEqual(files.filter((f) => /pagefind-(ui|modular-ui|component-ui|highlight)|playground/.test(f)), []);
    assert.deepEqual(files.filter((f) => /^search\/pagefind-\d+\//.test(f)), [], 'an edition of a few documents is one shard: one bundle');
    assert.doesNotMatch(readFileSync(join(out, 'search', 'index.html'), 'utf8'), /data-bundles/);
  });

  it('puts a search box leading to the search page in the navigation of every page, and no script', () => {
    const pages: [string, string][] = [['index.html', 'search/index.html'], ['entities/index.html', '../search/index.html'], ['letter/index.html', '../search/index.html']];
    for (const [page, action] of pages) {
      const html = readFileSync(join(out, page), 'utf8');
      const nav = /<nav class="site"[^>]*>([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? '';
      assert.ok(nav.includes(`<form class="site-search" role="search" action="${action}" method="get">`), `${page}: ${nav}`);
      assert.match(nav, /<label for="samizdat-site-search"[^>]*>Search the edition<\/label><input type="search" id="samizdat-site-search" name="q"/);
      assert.deepEqual((html.match(/<script\b[^>]*>/g) ?? []).filter((s) => !s.includes('application/ld+json')), [], `${page} has no script`);
    }
  });

  it('makes a search page that, without JavaScript, says so and leads to the documents and the entity index; its one script is its own', () => {
    const html = readFileSync(join(out, 'search', 'index.html'), 'utf8');
    assert.match(html, /<p class="search-unavailable" id="search-unavailable">Searching this edition needs JavaScript[^<]*<code>samizdat serve<\/code>/);
    assert.match(html, /<a href="\.\.\/index\.html">list of documents<\/a> or the <a href="\.\.\/entities\/index\.html">index of persons, places, organisations and events<\/a>/);
    assert.match(html, /<form class="search" id="search" role="search"[^>]* hidden="hidden">/, 'the form is hidden until the script can search');
    assert.deepEqual(html.match(/<script\b[^>]*>/g), ['<script type="module" src="search.js">']);
    assert.match(html, /<link rel="stylesheet" href="\.\.\/samizdat\.css"/, 'the edition’s style');
  });

  it('indexes the entities the build\'s catalogue says each document mentions, with every form of their names the register gives', () => {
    const mentioned = built.entities.get('1923-opposition-ch01') ?? [];
    const trotsky = mentioned.find((e) => e.anchor === 'trotsky');
    assert.equal(trotsky?.name, 'Leon Trotsky', 'the preferred name: a filter\'s value');
    for (const form of ['L. D. Trotsky', 'Lev Davidovich Bronstein']) assert.ok(trotsky?.names.includes(form), form);
    assert.equal(mentioned.find((e) => e.anchor === 'kulaks')?.element, 'personGrp', 'a group of persons is filtered as a group');
    assert.equal(mentioned.find((e) => e.anchor === 'rcp')?.name, 'Russian Communist Party (Bolsheviks)');
  });

  it('reports what it indexed: every passage of every document', async () => {
    const report = await build(tei, { ...options, out: join(scratch, 'counted'), buildCacheDir: join(scratch, 'counted-cache') });
    assert.ok(report.search?.indexed);
    // The flagship has 8 paragraphs and 3 passages outside them (its front, the chapter's head, the letter's head);
    // the letter 4 paragraphs, its head and its verse.
    assert.equal(report.search.passages, 3 * 11 + 6);
    // Every passage of the flagship mentions or dates something its neighbours do not; the letter's verse and
    // last paragraph mention and date nothing and share a heading, so they are one record.
    assert.equal(report.search.records, 3 * 11 + 5);
    assert.equal(report.search.files, searchFiles(snapshot(join(scratch, 'counted')).keys()).filter((f) => f.startsWith('search/pagefind/')).length);
  });

  it('gives the same bytes with one thread as with two, and from a cold cache as from a warm one', async () => {
    const target = join(scratch, 'one-thread');
    const report = await build(tei, { out: target, buildCacheDir: join(scratch, 'one-thread-cache'), jobs: 1 });
    assert.deepEqual(report.diagnostics, []);
    assert.deepEqual(snapshot(target), snapshot(out));
  });

  it('does not index again when nothing it holds changed, even when the pages did', async () => {
    const unchanged = await build(tei, options);
    assert.deepEqual(unchanged.search, { indexed: false, shards: 1 });
    assert.deepEqual(unchanged.changedFiles, []);
    const restyled = await build(tei, { ...options, citations: { styles: ['apa'] } });
    assert.ok(restyled.rendered.length > 0, 'the pages changed (fewer citation styles)');
    assert.deepEqual(restyled.search, { indexed: false, shards: 1 });
    assert.deepEqual(searchFiles(restyled.changedFiles), []);
  });

  it('indexes again when a passage changed', async () => {
    const letter = join(tei, 'letter.xml');
    writeFileSync(letter, readFileSync(letter, 'utf8').replace('A verse that stands', 'A verse that wanders'));
    const report = await build(tei, options);
    assert.ok(report.rendered.includes('letter'));
    assert.ok(report.search?.indexed);
    assert.ok(searchFiles(report.changedFiles).every((f) => f.startsWith('search/pagefind/')), 'the search page and script stay');
    assert.ok(searchFiles(report.changedFiles).length > 0);
    // Made with the Pagefind process started while the letter rendered: the same bytes as a build from nothing.
    const cold = join(scratch, 'changed-cold');
    assert.deepEqual((await build(tei, { out: cold, buildCacheDir: join(scratch, 'changed-cold-cache'), jobs: 1 })).diagnostics, []);
    assert.deepEqual(snapshot(out), snapshot(cold));
  });

  it('publishes no search with search: false, and removes what an earlier build published', async () => {
    const report = await build(tei, { ...options, search: false });
    assert.deepEqual(report.diagnostics, []);
    assert.equal(report.search, undefined);
    assert.ok(!existsSync(join(out, 'search')));
    assert.ok(report.removedFiles.includes('search/index.html'));
    for (const page of ['index.html', 'entities/index.html', 'letter/index.html']) assert.doesNotMatch(readFileSync(join(out, page), 'utf8'), /site-search/, page);
  });

  it('refuses a document named search, whose page would be the search page', async () => {
    const edition = join(scratch, 'named-search');
    mkdirSync(edition);
    copyFileSync(join(fixtures, 'letter.xml'), join(edition, 'Search.xml'));
    const report = await build(edition, { out: join(scratch, 'named-search-out'), buildCacheDir: join(scratch, 'named-search-cache') });
    assert.equal(report.written, false);
    assert.match(report.diagnostics.map((d) => `${d.file}: ${d.message}`).join('\n'), /Search\.xml would be published as Search\/, a name the edition's own files use \(.*\bsearch\); rename the file/, 'one folder on macOS and Windows');
    const without = await build(edition, { out: join(scratch, 'named-search-out'), buildCacheDir: join(scratch, 'named-search-cache'), search: false });
    assert.ok(without.written, 'without search the name is free');
  });

  it('reads "search" from the configuration, and says where a wrong value is', async () => {
    const off = await parseConfig('{ "search": false }', join(scratch, 'samizdat.config.json'));
    assert.ok(off.ok);
    assert.equal(buildFromConfig(off.config).options.search, false);
    const on = await parseConfig('{}', join(scratch, 'samizdat.config.json'));
    assert.ok(on.ok && buildFromConfig(on.config).options.search === true, 'on by default');
    const wrong = await parseConfig('{\n  "search": "no"\n}', join(scratch, 'samizdat.config.json'));
    assert.ok(!wrong.ok);
    assert.deepEqual(wrong.diagnostics.map((d) => [d.line, d.column, d.message]), [[2, 13, 'search: must be boolean']]);
  });

  it('says on the command line what it indexed, and nothing of it when the index was unchanged', async () => {
    const run = (...args: string[]) => promisify(execFile)(process.execPath, [join(repoRoot, 'bin', 'samizdat.js'), 'build', tei, '--out', join(scratch, 'cli'),
      '--cache-dir', join(repoRoot, '.samizdat', 'cache', 'xslt'), ...args], { cwd: scratch });
    const first = await run();
    assert.match(first.stdout, /^Indexed 39 passage\(s\) for search in \d+\.\d\d s \(\d+ record\(s\), \d+ file\(s\), \d+\.\d\d MB; 1 of 1 shard\(s\) made again\)\.$/m);
    assert.equal(searchIndexLine(first.stdout)?.passages, 39, 'the bench reads the line');
    const again = await run();
    assert.doesNotMatch(again.stdout, /Indexed/);
  });
});

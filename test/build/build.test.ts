/**
 * `build`: the flagship edition as a reader gets it (pages, paragraph
 * anchors, omissions, entity links and index), a user's stylesheet, and the
 * output's hygiene (atomic replacement, repeatable bytes, no injected script).
 */
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from '../../src/build/index.js';
import { MANIFEST } from '../../src/build/output.js';
import { snapshot } from '../support/snapshot.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const teiDir = join(root, 'tei');
const fixtures = join(root, 'test', 'fixtures', 'build');
const scratch = mkdtempSync(join(tmpdir(), 'samizdat-build-'));

describe('samizdat build', () => {
  const out = join(scratch, 'dist');
  let page = '';
  let entities = '';

  before(async () => {
    const report = await build(teiDir, { out });
    assert.deepEqual(report.diagnostics, []);
    assert.ok(report.written);
    page = readFileSync(join(out, '1923-opposition-ch01', 'index.html'), 'utf8');
    entities = readFileSync(join(out, 'entities', 'index.html'), 'utf8');
  });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('writes a page and a plain text per document, the list of documents and the entity index, and not the register as a page', () => {
    for (const file of ['index.html', 'samizdat.css', 'entities/index.html', '1923-opposition-ch01/index.html', '1923-opposition-ch01/1923-opposition-ch01.txt']) {
      assert.ok(existsSync(join(out, file)), file);
    }
    assert.ok(!existsSync(join(out, 'register')), 'the register is not a document');
    assert.match(readFileSync(join(out, 'index.html'), 'utf8'), /<a href="1923-opposition-ch01\/index.html">Trotsky opens the attack<\/a>/);
  });

  it('gives each TEI paragraph a <p id> whose visible number links to itself', () => {
    for (let n = 1; n <= 8; n++) {
      assert.match(page, new RegExp(`<p id="p${n}" class="[^"]*"><a class="para-number" href="#p${n}" aria-label="Paragraph ${n}">${n}</a>`));
    }
  });

  it('uses semantic HTML5: article, header, sections, the letter in a blockquote', () => {
    assert.match(page, /<article>\s*<header class="document"><h1>Trotsky opens the attack<\/h1>/);
    assert.match(page, /<section id="introduction"/);
    assert.match(page, /<blockquote id="letter" class="tei-floatingText rend-letter">/);
    assert.ok(!/<script[^>]+src=/.test(page), 'no external scripts');
    assert.ok(!/<link(?=[^>]+rel="(?:stylesheet|preload|icon|font)")[^>]+https?:/.test(page), 'no external style sheets or fonts');
  });

  it('shows six omissions as […] with the printed glyphs, a CSS toggle and who omitted and why', () => {
    assert.equal(page.split('<span class="omission-reading">[…]</span>').length - 1, 6);
    assert.equal(page.split('<span class="omission-printed">. . .</span>').length - 1, 3);
    assert.equal(page.split('<span class="omission-printed">…</span>').length - 1, 3);
    assert.match(page, /<input type="checkbox" id="show-printed"[^>]*\/><label for="show-printed"/);
    assert.match(page, /aria-describedby="omission-1-why"[\s\S]*?id="omission-1-why">Omission by the editors of the collection \(selection and abridgement[^<]*Material left out/);
    const css = readFileSync(join(out, 'samizdat.css'), 'utf8');
    assert.match(css, /\.show-printed:checked ~ \* \.omission-printed \{ display: inline; \}/);
  });

  it('links every entity mention to an entry of the index, and the entry back to the paragraph', () => {
    const links = [...page.matchAll(/<a class="entity[^"]*" href="\.\.\/entities\/index\.html#([^"]+)"/g)].map((m) => m[1]);
    assert.ok(links.length > 50, `${links.length} entity links`);
    for (const id of new Set(links)) assert.ok(entities.includes(`<article class="entry" id="${id}"`), `entry ${id}`);
    assert.match(entities, /id="stalin"[\s\S]*?<a href="https:\/\/www\.wikidata\.org\/wiki\/Q855">Wikidata Q855<\/a>[\s\S]*?<a href="\.\.\/1923-opposition-ch01\/index\.html#p4">Trotsky opens the attack, paragraph 4<\/a>/);
    assert.match(entities, /id="trotsky"[\s\S]*?<time datetime="1879-11-07">/);
  });

  it('marks dates with <time datetime>, keeping the source wording, the encoded date in words in the title', () => {
    assert.match(page, /<time datetime="1923-08" class="tei-date" title="August 1923">August<\/time>/);
    assert.match(page, /<time datetime="1923-10-08" class="tei-date" title="8 October 1923">October 8<\/time>/);
    assert.match(page, /<span class="date-range tei-date" title="between 1 June 1923 and 31 August 1923">/);
  });

  it('renders the header as "About this edition" with licence, source and principles', () => {
    const about = page.slice(page.indexOf('<section id="about"'));
    assert.match(about, /<h2 id="about-heading">About this edition<\/h2>/);
    assert.match(about, /<a href="https:\/\/creativecommons.org\/licenses\/by\/4.0\/" rel="license">/);
    assert.match(about, /New Park Publications/);
    assert.match(about, /Editorial principles/);
  });

  it('builds byte-identical output twice', async () => {
    const again = join(scratch, 'again');
    await build(teiDir, { out: again });
    assert.deepEqual(snapshot(again), snapshot(out));
  });

  it('leaves the previous output intact when a document cannot be built', async () => {
    const target = join(scratch, 'kept');
    await build(teiDir, { out: target });
    const before = snapshot(target);
    const report = await build(join(fixtures, 'broken'), { out: target });
    assert.equal(report.written, false);
    assert.ok(report.diagnostics.some((d) => d.file.endsWith('bad.xml')));
    assert.deepEqual(snapshot(target), before);
    assert.deepEqual(readdirSync(scratch).filter((n) => n.includes('.partial') || n.includes('.old-')), [], 'no staging folders left behind');
  });

  it('accepts a user stylesheet that imports html.xsl and overrides one template', async () => {
    const custom = join(scratch, 'custom');
    const report = await build(teiDir, { out: custom, xslt: join(fixtures, 'override.xsl') });
    assert.deepEqual(report.diagnostics, []);
    const html = readFileSync(join(custom, '1923-opposition-ch01', 'index.html'), 'utf8');
    assert.match(html, /<span class="my-person">Trotsky<\/span>/);
    assert.match(html, /<a class="entity tei-placeName" href="\.\.\/entities\/index\.html#sormovo">/, 'everything else as before');
  });

  it('lets no TEI content inject markup or script', async () => {
    const target = join(scratch, 'attack');
    const report = await build(join(fixtures, 'injection'), { out: target });
    assert.deepEqual(report.diagnostics, []);
    const html = readFileSync(join(target, 'attack', 'index.html'), 'utf8');
    const scripts = html.match(/<script\b[^>]*>/gi) ?? [];
    assert.deepEqual(scripts, ['<script type="application/ld+json">'], 'no script element but the JSON-LD data block');
    const jsonLd = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)![1];
    assert.doesNotThrow(() => JSON.parse(jsonLd), 'the data block is whole JSON: nothing closed it early');
    assert.ok(!/javascript:|data:text/i.test(html.replace(/>[^<]*</g, '><')), 'no javascript: or data: in any attribute');
    assert.match(html, /<span class="tei-ref">bad link<\/span>/);
    assert.match(html, /<a href="https:\/\/example.org\/\?a=1&amp;b=(&quot;|&#34;)x" class="tei-ref">a good link<\/a>/);
    assert.match(html, /&lt;script&gt;alert\(9\)&lt;\/script&gt; as text/);
    assert.match(html, /<html xmlns="http:\/\/www.w3.org\/1999\/xhtml" lang="und">/);
  });

  it('resolves any prefix through the document\'s prefixDef, and any register name, not only reg: and register.xml', async () => {
    const target = join(scratch, 'prefix');
    const report = await build(join(fixtures, 'prefix'), { out: target });
    assert.deepEqual(report.diagnostics, []);
    assert.deepEqual(report.documents.map((d) => d.name), ['letter']);
    const html = readFileSync(join(target, 'letter', 'index.html'), 'utf8');
    assert.match(html, /<a class="entity tei-persName" href="\.\.\/entities\/index\.html#ada">Ada<\/a>/);
    assert.match(html, /<span class="entity tei-persName">Mallory<\/span>/, 'a pointer that resolves to javascript: is no link');
    assert.ok(!/javascript:/i.test(html.replace(/>[^<]*</g, '><')));
    const index = readFileSync(join(target, 'entities', 'index.html'), 'utf8');
    assert.match(index, /id="ada"[\s\S]*?Ada Lovelace[\s\S]*?Wikidata Q7259[\s\S]*?<a href="\.\.\/letter\/index\.html#first">A letter with its own prefix, paragraph 1<\/a>/);
    assert.match(index, /id="charles"[\s\S]*?<a href="\.\.\/letter\/index\.html#para-2">A letter with its own prefix, paragraph 2<\/a>/);
  });

  it('draws up citations in a thread of their own (a second core allowed) or in the rendering thread (--jobs 1), to the same bytes', async () => {
    const [beside, within] = [join(scratch, 'citations-beside'), join(scratch, 'citations-within')];
    const reports = [await build(teiDir, { out: beside, jobs: 2, force: true }), await build(teiDir, { out: within, jobs: 1, force: true })];
    for (const report of reports) assert.deepEqual(report.diagnostics, []);
    const html = readFileSync(join(beside, '1923-opposition-ch01', 'index.html'), 'utf8');
    assert.ok(html.includes('Cite this') && html.includes('citation_title'), 'the page has its citations');
    assert.ok(readdirSync(join(beside, '1923-opposition-ch01')).includes('1923-opposition-ch01.bib'));
    assert.deepEqual(snapshot(beside), snapshot(within));
  });

  it('builds pages without citations when asked to', async () => {
    const target = join(scratch, 'uncited');
    const report = await build(teiDir, { out: target, citations: false });
    assert.deepEqual(report.diagnostics, []);
    const html = readFileSync(join(target, '1923-opposition-ch01', 'index.html'), 'utf8');
    assert.ok(!html.includes('citation_title') && !html.includes('Cite this'));
    assert.ok(!html.includes('samizdat:'), 'no placeholder comment is left in the page');
    assert.deepEqual(readdirSync(join(target, '1923-opposition-ch01')), ['1923-opposition-ch01.txt', 'index.html']);
  });

  it('writes the diplomatic text beside the reading text when asked to', async () => {
    const target = join(scratch, 'texts');
    await build(teiDir, { out: target, textModes: ['reading', 'diplomatic'], citations: false });
    const reading = readFileSync(join(target, '1923-opposition-ch01', '1923-opposition-ch01.txt'), 'utf8');
    const diplomatic = readFileSync(join(target, '1923-opposition-ch01', '1923-opposition-ch01.diplomatic.txt'), 'utf8');
    assert.equal(reading.split('[…]').length - 1, 6);
    assert.equal(diplomatic.split('[…]').length - 1, 0);
    assert.equal(diplomatic.split('. . .').length - 1, 3);
  });

  it('says on which line and column a document stops being XML', async () => {
    const report = await build(join(fixtures, 'broken'), { out: join(scratch, 'never') });
    const problem = report.diagnostics.find((d) => d.file.endsWith('bad.xml'));
    assert.ok(problem, 'bad.xml is reported');
    assert.equal(problem.line, 1);
    assert.ok((problem.column ?? 0) > 40, `column ${problem.column} points into the line`);
    assert.match(problem.message, /p|body/);
    assert.ok(!existsSync(join(scratch, 'never')));
  });

  it('samizdat build takes out and the edition title from samizdat.config.json', async () => {
    const project = join(scratch, 'project');
    mkdirSync(project);
    writeFileSync(join(project, 'samizdat.config.json'), JSON.stringify({ out: 'site', site: { title: 'Opposition papers' } }));
    await promisify(execFile)(process.execPath, [join(root, 'bin', 'samizdat.js'), 'build', teiDir, '--cache-dir', join(root, '.samizdat', 'cache', 'xslt')], { cwd: project });
    assert.match(readFileSync(join(project, 'site', 'index.html'), 'utf8'), /<h1>Opposition papers<\/h1>/);
  });

  it('samizdat build says what it wrote with --verbose, nothing with --quiet, and rebuilds all with --force', async () => {
    const target = join(scratch, 'cli-verbosity');
    const run = (...args: string[]) => promisify(execFile)(process.execPath, [join(root, 'bin', 'samizdat.js'), 'build', teiDir, '--out', target, ...args], { env: { ...process.env, NO_COLOR: '1' } });
    const first = await run('--verbose');
    assert.match(first.stderr, /^1\/1 .*1923-opposition-ch01\.xml: rendered$/m);
    assert.match(first.stderr, /^wrote 1923-opposition-ch01\/index\.html$/m);
    const quiet = await run('-q');
    assert.equal(quiet.stdout + quiet.stderr, '');
    const again = await run();
    assert.match(again.stdout, /\(0 rendered, 1 unchanged; 0 file\(s\) written, 0 removed\)/);
    const forced = await run('--force', '--jobs', '1');
    assert.match(forced.stdout, new RegExp(`\\(1 rendered, 0 unchanged; ${[...snapshot(target).keys()].filter((path) => path !== MANIFEST).length} file\\(s\\) written, 0 removed\\)`));
    await assert.rejects(run('--jobs', 'many'), (error: { code: number; stderr: string }) => error.code === 2 && /--jobs needs a whole number/.test(error.stderr));
  });

  it('samizdat build DIR --out OUT works from the command line', async () => {
    const target = join(scratch, 'cli');
    const { stdout } = await promisify(execFile)(process.execPath, [join(root, 'bin', 'samizdat.js'), 'build', teiDir, '--out', target]);
    assert.match(stdout, /Built 1 document\(s\) and 1 register\(s\)/);
    const html = readFileSync(join(target, '1923-opposition-ch01', 'index.html'), 'utf8');
    assert.match(html, /<meta name="citation_title" content="Trotsky opens the attack">/);
    assert.match(html, /<meta name="citation_author" content="Trotsky, L\. D\.">/);
    assert.match(html, /<script type="application\/ld\+json">\{/);
    assert.match(html, /<h2 id="cite-this-heading">Cite this<\/h2>/);
    assert.match(html, /<li id="cite-p7"><a href="#p7">Paragraph 7<\/a>[\s\S]*?para\. 7/);
    for (const download of ['1923-opposition-ch01.bib', '1923-opposition-ch01.ris', '1923-opposition-ch01.csl.json']) {
      assert.match(html, new RegExp(`<a href="${download.replace(/\./g, '\\.')}" download>`), download);
    }
    assert.match(readFileSync(join(target, '1923-opposition-ch01', '1923-opposition-ch01.bib'), 'utf8'), /^@inbook\{[\s\S]*title = \{Trotsky opens the attack\}/);
    assert.match(readFileSync(join(target, '1923-opposition-ch01', '1923-opposition-ch01.ris'), 'utf8'), /^TY {2}- CHAP/m);
    const csl = JSON.parse(readFileSync(join(target, '1923-opposition-ch01', '1923-opposition-ch01.csl.json'), 'utf8')) as { title: string }[];
    assert.equal(csl[0].title, 'Trotsky opens the attack');
  });
});


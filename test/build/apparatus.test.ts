/**
 * `build` and the critical apparatus: each witness of a parallel-segmentation
 * apparatus gets a page of its own beside index.html; an apparatus kept in
 * another file reaches the page and the plain text of the document it points
 * into, is not published itself, and a change to it renders that document
 * again; the flagship (no apparatus) is not touched by any of it.
 */
import { strict as assert } from 'node:assert';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from '../../src/build/index.js';
import { repoRoot } from '../support/paths.js';

const textcrit = join(repoRoot, 'test', 'fixtures', 'textcrit');

describe('samizdat build and the critical apparatus', function () {
  this.timeout(300_000);
  const scratch = mkdtempSync(join(tmpdir(), 'samizdat-apparatus-'));
  after(() => rmSync(scratch, { recursive: true, force: true }));

  describe('a parallel-segmentation apparatus', () => {
    const out = join(scratch, 'parallel-dist');
    let report: Awaited<ReturnType<typeof build>>;
    before(async () => {
      report = await build(join(textcrit, 'parallel'), { out, buildCacheDir: join(scratch, 'cache-parallel') });
      assert.deepEqual(report.diagnostics, []);
    });

    it('writes the page of each witness beside the edition\'s page, as part of the edition', () => {
      for (const witness of ['El', 'Hg', 'La', 'Rawl', 'X']) {
        assert.ok(report.changedFiles.includes(`wbp-parallel/witness-${witness}.html`), `witness-${witness}.html is in the output map`);
      }
      assert.ok(!existsSync(join(out, 'wbp-parallel', 'witness-grpB.html')), 'a group has no text of its own');
    });

    it('gives a witness page the witness\'s text, a title naming it, and no citation placeholders', () => {
      const page = readFileSync(join(out, 'wbp-parallel', 'witness-Rawl.html'), 'utf8');
      assert.match(page, /<title>[^<]* — The text of witness Ra2<\/title>/);
      assert.match(page, /<span class="tei-app app-reading">Eryment<\/span>/);
      assert.match(page, /<a class="app-callout" href="index\.html#app-experience"/, 'call-outs lead to the entries on the edition\'s page');
      assert.ok(!page.includes('samizdat:cite-this') && !page.includes('samizdat:citation-meta'));
      assert.ok(!page.includes('class="apparatus"'), 'the apparatus itself is on the edition\'s page only');
    });

    it('links the witness list to every witness page', () => {
      const page = readFileSync(join(out, 'wbp-parallel', 'index.html'), 'utf8');
      for (const witness of ['El', 'Hg', 'La', 'Rawl', 'X']) assert.ok(page.includes(`href="witness-${witness}.html"`), witness);
    });
  });

  describe('an apparatus in another file', () => {
    const edition = join(scratch, 'dep');
    const out = join(scratch, 'dep-dist');
    const cache = join(scratch, 'cache-dep');
    let report: Awaited<ReturnType<typeof build>>;
    before(async () => {
      cpSync(join(textcrit, 'double-end-point'), edition, { recursive: true });
      report = await build(edition, { out, buildCacheDir: cache });
      assert.deepEqual(report.diagnostics, []);
    });

    it('neither publishes the apparatus file nor takes it for a register', () => {
      assert.deepEqual(report.documents.map((d) => d.name).sort(), ['wbp-base', 'wbp-inline']);
      assert.deepEqual(report.registers, []);
      assert.ok(!existsSync(join(out, 'wbp-apparatus')));
    });

    it('puts its entries on the base text\'s page, each call-out after the anchor that ends its lemma', () => {
      const page = readFileSync(join(out, 'wbp-base', 'index.html'), 'utf8');
      assert.match(page, /Experience<span class="tei-anchor"[^>]*><\/span><a class="app-callout" href="#app-1"[^>]*><sup>1<\/sup><\/a> thogh/);
      assert.match(page, /wys <span class="tei-anchor"[^>]*><\/span><a class="app-callout" href="#app-2"/);
      assert.match(page, /a wight <span class="tei-anchor"[^>]*><\/span><a class="app-callout" href="#app-3"/);
      assert.match(page, /<li id="app-1" class="app-entry tei-app">.*<span class="app-lemma">Experience<\/span>\] <span class="sigla implied">/);
    });

    it('puts them in the base text\'s plain text too', () => {
      const text = readFileSync(join(out, 'wbp-base', 'wbp-base.txt'), 'utf8');
      assert.ok(text.includes('\n\n1 Experience] El Hg; Experiens Ha4; Experiment La; Eryment Ra2.\n\n'), text);
      assert.ok(text.includes('\n\n3 wys a wight] Hg; was a wight El Ha4.\n\n'), text);
    });

    it('renders the base text again when the apparatus file changes, and only it', async () => {
      const file = join(edition, 'wbp-apparatus.xml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('>Eryment<', '>Erymente<'));
      const again = await build(edition, { out, buildCacheDir: cache });
      assert.deepEqual(again.diagnostics, []);
      assert.deepEqual(again.rendered, ['wbp-base']);
      assert.match(readFileSync(join(out, 'wbp-base', 'index.html'), 'utf8'), /<span class="app-rdg tei-rdg">Erymente<\/span>/);
    });
  });
});

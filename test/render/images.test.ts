/**
 * Images the documents name are part of the edition: copied into
 * `images/<path from the edition's root>`, shown by the page, and part of the
 * document's cache key (a changed image renders its page again); what cannot
 * be published (missing, not an image, outside the edition's folder) is a
 * warning with its line and column, and the build goes on.
 */
import { strict as assert } from 'node:assert';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from '../../src/build/index.js';
import { imageReferences, isImage } from '../../src/build/images.js';
import { repoRoot } from '../support/paths.js';

describe('images in the edition', function () {
  let scratch: string;
  before(() => {
    scratch = mkdtempSync(join(tmpdir(), 'samizdat-images-'));
    cpSync(join(repoRoot, 'test', 'fixtures', 'render', 'pages.xml'), join(scratch, 'edition', 'tei', 'pages.xml'));
    cpSync(join(repoRoot, 'test', 'fixtures', 'render', 'facs'), join(scratch, 'edition', 'tei', 'facs'), { recursive: true });
  });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('finds relative image references in @facs and @url, not pointers or web addresses', () => {
    const found = imageReferences('<pb facs="#s1 a/p1.png"/><graphic url="https://x.org/i.jpg"/><graphic url=\'b%20c.JPG\'/><ref target="x.png"/><graphic url="notes.txt"/>');
    assert.deepEqual([...found.keys()], ['a/p1.png', 'b%20c.JPG']);
  });

  it('recognises images by their first bytes, not by their names', () => {
    assert.equal(isImage(readFileSync(join(repoRoot, 'test', 'fixtures', 'render', 'facs', 'page1.png'))), true);
    assert.equal(isImage(readFileSync(join(repoRoot, 'test', 'fixtures', 'render', 'facs', 'not-an-image.png'))), false);
  });

  it('copies the images into the edition, warns about the others with their place, and builds again when an image changes', async () => {
    const root = join(scratch, 'edition');
    const options = { out: join(root, 'dist'), buildCacheDir: join(root, 'cache'), root, citations: false as const };
    const first = await build(join(root, 'tei'), options);
    assert.equal(first.written, true, JSON.stringify(first.diagnostics));
    for (const name of ['page1.png', 'page2.png', 'map.png']) {
      assert.deepEqual(readFileSync(join(root, 'dist', 'images', 'tei', 'facs', name)), readFileSync(join(root, 'tei', 'facs', name)));
    }
    assert.equal(existsSync(join(root, 'dist', 'images', 'tei', 'facs', 'not-an-image.png')), false);
    const warnings = first.diagnostics.map((d) => `${d.severity} ${d.line}:${d.column} ${d.message}`);
    assert.equal(warnings.length, 2);
    assert.match(warnings[0], /^warning 39:23 the image "facs\/missing.png" does not exist/);
    assert.match(warnings[1], /^warning 43:23 the image "facs\/not-an-image.png" is not a PNG, JPEG, GIF, WebP or AVIF image/);
    const page = readFileSync(join(root, 'dist', 'pages', 'index.html'), 'utf8');
    assert.match(page, /<img src="\.\.\/images\/tei\/facs\/map\.png" alt="A green rectangle/);

    const unchanged = await build(join(root, 'tei'), options);
    assert.deepEqual(unchanged.rendered, []);
    writeFileSync(join(root, 'tei', 'facs', 'map.png'), readFileSync(join(root, 'tei', 'facs', 'page1.png')));
    const again = await build(join(root, 'tei'), options);
    assert.deepEqual(again.rendered, ['pages']);
    assert.deepEqual(again.changedFiles, ['images/tei/facs/map.png']);
  });

  it('does not publish an image outside the edition\'s folder', async () => {
    const root = join(scratch, 'edition');
    const inner = join(root, 'tei');
    const elsewhere = join(scratch, 'elsewhere');
    mkdirSync(elsewhere, { recursive: true });
    const report = await build(inner, { out: join(scratch, 'dist-2'), buildCacheDir: join(scratch, 'cache-2'), root: elsewhere, citations: false });
    assert.ok(report.diagnostics.some((d) => d.severity === 'warning' && /outside the edition's folder/.test(d.message)));
    assert.equal(existsSync(join(scratch, 'dist-2', 'images')), false);
  });
});

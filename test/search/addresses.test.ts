/**
 * Every record the build makes reaches the published index. Pagefind keeps one record per address (the last given):
 * passages with no anchor of their own on the page (a play's speeches in scenes without ids, found at the page's top)
 * and a division's heading with the verse after it (both at the division's id) shared one address, and all but one
 * of them were left out of the index, unsearchable (on the bench's edition, 725 of 25,360 records; 27 of each
 * Cymbeline's 261, every scene's first speech). Each record now has an address of its own (src/search/pagefind.ts).
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { build } from '../../src/build/index.js';
import { teiDoc } from '../support/tei-doc.js';

/** The contents of the published bundle's records, read from its fragment files. */
function publishedContents(bundle: string): string[] {
  const folder = join(bundle, 'fragment');
  return readdirSync(folder).map((file) => (JSON.parse(gunzipSync(readFileSync(join(folder, file))).toString('utf8').replace(/^pagefind_dcd/, '')) as { content: string }).content).sort();
}

describe('search: every record in the index', function () {
  this.timeout(300_000);
  const scratch = mkdtempSync(join(tmpdir(), 'samizdat-search-addresses-'));
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('publishes passages that share an address on the page as records of their own', async () => {
    const scene = (n: number, words: string): string => `<div type="scene"><head>Scene ${n}</head><sp><speaker>LORD</speaker><p>${words}</p></sp></div>`;
    const doc = teiDoc({ file: 'play.xml', title: 'A play', body: `<div xml:id="act1" type="act">${scene(1, 'Sir, I would advise you')}${scene(2, 'Whiles yet the dew is on the ground')}</div>`
      + '<div xml:id="letter"><head>To Ada</head><lg><l>A verse outside all paragraphs</l></lg></div>' });
    const tei = join(scratch, 'tei');
    mkdirSync(tei);
    writeFileSync(join(tei, doc.file), doc.text);
    const report = await build(tei, { out: join(scratch, 'dist'), buildCacheDir: join(scratch, 'cache') });
    assert.deepEqual(report.diagnostics, []);
    assert.ok(report.search?.indexed);
    const contents = publishedContents(join(scratch, 'dist', 'search', 'pagefind'));
    assert.equal(contents.length, report.search.records, 'as many records published as the build made');
    for (const words of ['Sir, I would advise you', 'Whiles yet the dew is on the ground', 'To Ada', 'A verse outside all paragraphs']) {
      assert.equal(contents.filter((content) => content.includes(words)).length, 1, `${words}: ${JSON.stringify(contents)}`);
    }
  });
});

/**
 * caesura "marks the point at which a metrical line may be divided" (TEI
 * Guidelines). It was an empty span, 0 px wide: invisible. The page now sets
 * the half-lines apart (an inline block two ems wide, an em space in it); the
 * plain text by four spaces (a tab's width depends on the viewer); the search
 * records read it as a word break.
 */
import { strict as assert } from 'node:assert';
import { readFile } from 'node:fs/promises';
import { toHtml, toText } from '../../src/transform/index.js';
import { teiDoc, type TeiSource } from '../support/tei-doc.js';
import { passageWords } from '../support/records.js';

const doc = (body: string): TeiSource => teiDoc({ file: 'caesura.xml', title: 'Caesura', body });

const body = '<lg><l>Hwæt! We Gardena <caesura/> in geardagum,</l><l>þeodcyninga<caesura/>þrym gefrunon</l></lg>';

describe('caesura', function () {
  this.timeout(300_000);

  it('is a visible gap on the page, words apart even where the encoding has no space', async () => {
    const page = await toHtml(doc(body));
    assert.match(page, /Gardena <span class="tei-caesura">\u2003<\/span> in geardagum/);
    assert.match(page, /þeodcyninga<span class="tei-caesura">\u2003<\/span>þrym/);
    const css = await readFile(new URL('../../xslt/html/samizdat.css', import.meta.url), 'utf8');
    assert.match(css, /\.tei-caesura \{[^}]*display: inline-block;[^}]*min-width: 2em;/);
  });

  it('is four spaces in the plain text, reading or diplomatic', async () => {
    const lines = 'Hwæt! We Gardena    in geardagum,\n\nþeodcyninga    þrym gefrunon';
    assert.equal((await toText(doc(body))).trim(), lines);
    assert.equal((await toText(doc(body), { mode: 'diplomatic' })).trim(), lines);
  });

  it('is a word break in the search records', async () => {
    assert.deepEqual(await passageWords(doc(body)), ['Hwæt! We Gardena in geardagum,', 'þeodcyninga þrym gefrunon']);
  });
});

/**
 * A @rend word of letters beyond ASCII. @rend "indicates how the element in question was rendered or presented
 * in the source text" (TEI Guidelines) in the encoder's words, often their own language's: "größer", "курсив".
 * Each word becomes a class rend-WORD for a style sheet; its non-ASCII letters became "_" (rend-gr__er, which
 * "grüßer" shares), and a word with none of A–Z made no class at all. CSS identifiers may hold any character
 * above U+007F, so a class keeps the word's letters and digits (rend-größer, rend-курсив); marks and spaces are
 * still "_". A header rendition whose selector names such a @rend ([rend=größer], quoted or not) selects that class.
 */
import { strict as assert } from 'node:assert';
import { toHtml } from '../../src/transform/index.js';
import { teiDoc } from '../support/tei-doc.js';

const header = '<encodingDesc><tagsDecl><rendition selector="hi[rend=größer]">font-size: larger</rendition>'
  + '<rendition selector="hi[rend=&quot;курсив&quot;]">font-style: italic</rendition></tagsDecl></encodingDesc>';
const body = '<p>Ein <hi rend="größer">großes</hi>, ein <hi rend="grüßer">anderes</hi> und ein <hi rend="курсив">русское</hi>'
  + ' Wort, <hi rend="x²+y">mathematisch</hi>.</p>';
const doc = teiDoc({ file: 'rend-letters.xml', title: 'Rend', body, header });

describe('@rend words with letters beyond ASCII', function () {
  this.timeout(300_000);

  it('keep their letters and digits in their class', async () => {
    const page = await toHtml(doc);
    const rend = [...page.slice(page.indexOf('<main')).matchAll(/class="([^"]*)"/g)].flatMap((m) => m[1].split(/\s+/))
      .filter((c) => c.startsWith('rend-'));
    assert.deepEqual(rend, ['rend-größer', 'rend-grüßer', 'rend-курсив', 'rend-x²_y']);
  });

  it('are selected by a header rendition naming them', async () => {
    const page = await toHtml(doc);
    assert.match(page, /\.tei-hi\.rend-größer \{ font-size: larger; \}/);
    assert.match(page, /\.tei-hi\.rend-курсив \{ font-style: italic; \}/);
  });
});

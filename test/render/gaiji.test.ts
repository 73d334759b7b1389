/**
 * g: "represents a non-standard character or glyph" (TEI Guidelines), pointing
 * with @ref to its char or glyph in the header's charDecl. A g with content
 * holds the text and the declaration annotates it; a g standing for a new
 * character "will usually be empty", and reads as its declaration's mapping.
 * An empty g rendered nothing: the character was lost from the page, the
 * plain text and the search.
 */
import { strict as assert } from 'node:assert';
import { toHtml, toText } from '../../src/transform/index.js';
import { teiDoc, type TeiSource } from '../support/tei-doc.js';
import { passageWords } from '../support/records.js';

const CHARS = '<encodingDesc><charDecl>'
  + '<glyph xml:id="et"><glyphName>TIRONIAN SIGN ET</glyphName><mapping type="standard">⁊</mapping></glyph>'
  + '<glyph xml:id="r-rot"><glyphName>LATIN SMALL LETTER R ROTUNDA</glyphName><mapping type="diplomatic">ꝛ</mapping><mapping type="normalized">r</mapping></glyph>'
  + '<char xml:id="y-dot"><charName>Y WITH DOT ABOVE AND ACUTE</charName><mapping type="PUA">\uE0A4</mapping>'
  + '<mapping type="composed">\n  y\u0307\u0301\n</mapping></char>'
  + '<char xml:id="long-s"><charName>LONG S</charName><mapping type="diplomatic">ſ</mapping><mapping type="standard">s</mapping></char>'
  + '<glyph xml:id="long-s-var"><glyphName>LONG S, SWASH</glyphName><mapping type="standard"><g ref="#long-s"/></mapping></glyph>'
  + '<char xml:id="crux"><charName>CRUX DESPERATIONIS</charName><mapping type="IDS">⿻十</mapping></char>'
  + '<char xml:id="pictured"><charName>SHIP SIGN</charName><graphic url="ship.png"/></char>'
  + '</charDecl></encodingDesc>';

const doc = (body: string): TeiSource => teiDoc({ file: 'gaiji.xml', title: 'Characters', body, header: CHARS });

/** The markup of the page's first paragraph, its number taken out. */
async function paragraph(body: string): Promise<string> {
  const page = await toHtml(doc(body));
  return (/<p id="para-1"[^>]*>([\s\S]*?)<\/p>/.exec(page)?.[1] ?? '').replace(/<a class="para-number"[^>]*>[^<]*<\/a>\s*/, '');
}

/** The page's paragraph as one view shows it: the other view's spans and every tag taken out. */
const view = (markup: string, shown: 'reading' | 'diplomatic'): string => markup
  .replace(new RegExp(`<span class="view-${shown === 'reading' ? 'diplomatic' : 'reading'}">[^<]*</span>`, 'g'), '')
  .replace(/<[^>]*>/g, '');

describe('non-standard characters (g) on the page, in the plain text and in the search records', function () {

  it('reads an empty g as its declaration\'s mapping, and names the character in its title', async () => {
    const p = await paragraph('<p>Pan <g ref="#et"/> win.</p>');
    assert.equal(view(p, 'reading'), 'Pan ⁊ win.');
    assert.match(p, /<span class="tei-g" title="TIRONIAN SIGN ET">⁊<\/span>/);
    assert.equal((await toText(doc('<p>Pan <g ref="#et"/> win.</p>'))).trim(), 'Pan ⁊ win.');
  });

  it('keeps a g\'s content in the reading view, and shows the declared diplomatic form in the diplomatic view', async () => {
    const body = '<p>Wo<g ref="#r-rot">r</g>d and <g ref="#et">&amp;</g>.</p>';
    const p = await paragraph(body);
    assert.equal(view(p, 'reading'), 'Word and &amp;.');
    assert.equal(view(p, 'diplomatic'), 'Woꝛd and &amp;.', 'no diplomatic mapping: the content in both views');
    assert.equal((await toText(doc(body))).trim(), 'Word and &.');
    assert.equal((await toText(doc(body), { mode: 'diplomatic' })).trim(), 'Woꝛd and &.');
  });

  it('prefers the normalized form for reading, never shows a private-use or IDS mapping, and follows a mapping\'s g', async () => {
    const body = '<p>A <g ref="#r-rot"/>, a <g ref="#y-dot"/>, a <g ref="#long-s-var"/>.</p>';
    assert.equal((await toText(doc(body))).trim(), 'A r, a y\u0307\u0301, a s.');
    assert.equal((await toText(doc(body), { mode: 'diplomatic' })).trim(), 'A ꝛ, a y\u0307\u0301, a ſ.');
    const p = await paragraph(body);
    assert.equal(view(p, 'reading'), 'A r, a y\u0307\u0301, a s.');
    assert.equal(view(p, 'diplomatic'), 'A ꝛ, a y\u0307\u0301, a ſ.');
    assert.doesNotMatch(p, /\uE0A4/);
  });

  it('puts the character\'s name in brackets where nothing says what it reads as, and the pointer where nothing is declared', async () => {
    const body = '<p>Locus <g ref="#crux"/> corruptus, <g ref="chars.xml#hedera"/> end.</p>';
    const p = await paragraph(body);
    assert.match(p, /<span class="tei-g glyph-unknown" title="CRUX DESPERATIONIS">\[CRUX DESPERATIONIS\]<\/span>/);
    assert.match(p, /<span class="tei-g glyph-unknown">\[chars\.xml#hedera\]<\/span>/);
    assert.equal((await toText(doc(body))).trim(), 'Locus [CRUX DESPERATIONIS] corruptus, [chars.xml#hedera] end.');
  });

  it('shows a character declared by its picture alone by the picture, named for a screen reader', async () => {
    const p = await paragraph('<p>The <g ref="#pictured"/> sailed.</p>');
    assert.match(p, /<span class="tei-g" title="SHIP SIGN"><img src="ship\.png" alt="\[SHIP SIGN\]" class="glyph-picture"\s*\/?><\/span>/);
  });

  it('indexes the character as the reading text reads it', async () => {
    assert.deepEqual(await passageWords(doc('<p>Pan <g ref="#et"/> win, wo<g ref="#r-rot">r</g>d.</p>')), ['Pan ⁊ win, word.']);
  });
});

/**
 * A milestone as a section break. milestone "marks a boundary point
 * separating any kind of section of a text … where the change is not
 * represented by a structural element"; @unit is "a conventional name for
 * the kind of section changing at this milestone" (TEI Guidelines). The
 * ELTeC novels mark their scene breaks so (unit structural or pause, rend
 * or type stars); the page showed an empty span and the plain text nothing,
 * so the break was lost. Between blocks, a section's milestone (or one
 * whose @rend/@type names stars, an asterism, a rule) is now a centred
 * separator on the page and a line "* * *" (or "⁂") in the plain text; a
 * milestone of a reference system (page, verse, Stephanus …) or within a
 * sentence stays a marker, its unit kept in data-unit. The search records
 * get no separator: it is no words of the text.
 */
import { strict as assert } from 'node:assert';
import { toHtml, toText } from '../../src/transform/index.js';
import { teiDoc, type TeiSource } from '../support/tei-doc.js';
import { passageWords } from '../support/records.js';

const doc = (body: string): TeiSource => teiDoc({ file: 'breaks.xml', title: 'Breaks', body });

/** The page's main text, the paragraph numbers taken out. */
const main = async (body: string): Promise<string> => (/<div class="tei-body">([\s\S]*?)<\/div><\/div><\/article>/.exec(await toHtml(doc(body)))?.[1] ?? '')
  .replace(/<a class="para-number"[^>]*>[^<]*<\/a>\s*/g, '');

describe('milestone as a section break, on the page and in the plain text', function () {

  // As the ELTeC novels have them (Trollope, Carroll), a section, a rule, an asterism.
  const scenes = '<div><p>One.</p>\n<milestone unit="structural" rend="stars"/>\n<p>Two.</p><milestone unit="pause" type="stars"/>'
    + '<p>Three.</p><milestone unit="section"/><p>Four.</p><milestone unit="scene" rend="asterism"/><p>Five.</p>'
    + '<milestone unit="undefined" rend="line"/><p>Six.</p></div>';

  it('sets a centred separator between the paragraphs: the stars or the asterism, else a rule', async () => {
    const page = await main(scenes);
    assert.match(page, /<p [^>]*>One\.<\/p>\s*<div class="tei-milestone rend-stars section-break" role="separator" data-unit="structural">\* \* \*<\/div>\s*<p [^>]*>Two\.<\/p>/);
    assert.match(page, /<div class="tei-milestone rend-stars section-break" role="separator" data-unit="pause">\* \* \*<\/div>\s*<p [^>]*>Three\.<\/p>/);
    assert.match(page, /<hr class="tei-milestone section-break" data-unit="section" \/>\s*<p [^>]*>Four\.<\/p>/);
    assert.match(page, /<div class="tei-milestone rend-asterism section-break" role="separator" data-unit="scene">⁂<\/div>/);
    assert.match(page, /<hr class="tei-milestone rend-line section-break" data-unit="undefined" \/>\s*<p [^>]*>Six\.<\/p>/);
  });

  it('writes the separator in the plain text as a paragraph of its own', async () => {
    assert.equal((await toText(doc(scenes))).trim(), 'One.\n\n* * *\n\nTwo.\n\n* * *\n\nThree.\n\n* * *\n\nFour.\n\n⁂\n\nFive.\n\n* * *\n\nSix.');
  });

  it('leaves a milestone within a sentence, of a reference system or with only @n no separator, its unit kept', async () => {
    const body = '<div><p>In <milestone unit="section" rend="stars"/> a sentence.</p><milestone unit="stephanus" n="17a"/>'
      + '<p>Verse</p><milestone unit="page" n="3" rend="line"/><milestone n="4" unit="verse"/><p>End.</p><milestone n="9"/><p>After.</p></div>';
    const page = await main(body);
    assert.match(page, /In <span class="tei-milestone rend-stars" data-n="" data-unit="section"><\/span> a sentence\./);
    // A reference system's number in the margin (reference-milestones.test.ts).
    assert.match(page, /<span class="tei-milestone reference-milestone" data-n="17a" data-unit="stephanus" title="Stephanus 17a"><span class="reference-number">17a<\/span><\/span>/);
    assert.match(page, /<span class="tei-milestone rend-line" data-n="3" data-unit="page"><\/span>/);
    assert.match(page, /<span class="tei-milestone reference-milestone" data-n="4" data-unit="verse" title="Verse 4"><span class="reference-number">4<\/span><\/span>/);
    assert.match(page, /<span class="tei-milestone reference-milestone" data-n="9" title="9"><span class="reference-number">9<\/span><\/span>/);
    assert.doesNotMatch(page, /section-break|separator|<hr/);
    assert.equal((await toText(doc(body))).trim(), 'In a sentence.\n\nVerse\n\nEnd.\n\nAfter.');
  });

  it('keeps the separator out of the search records', async () => {
    assert.deepEqual(await passageWords(doc(scenes)), ['One.', 'Two.', 'Three.', 'Four.', 'Five.', 'Six.']);
  });
});

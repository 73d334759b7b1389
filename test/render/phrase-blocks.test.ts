/**
 * Blocks inside a phrase on the page: a note in the margin or in the line, or
 * a note inside a note, renders its paragraphs, verse, lists … as spans
 * (core.xsl, $phrase). Where the encoding sets two such blocks, or a block
 * and other words, with no white space between them, the page puts a space
 * (samizdat:phrase-gap), so that their words do not run together; where the
 * encoding has white space, the page has exactly it.
 */
import { strict as assert } from 'node:assert';
import { toHtml } from '../../src/transform/index.js';
import { teiDoc, type TeiSource } from '../support/tei-doc.js';

const doc = (body: string): TeiSource => teiDoc({ file: 'phrase-blocks.xml', title: 'Phrases', body });

/** The text of each note the page sets in the line or the margin (role="note" spans), tags taken out. */
async function noteTexts(body: string): Promise<string[]> {
  const page = await toHtml(doc(body));
  const notes = page.split('role="note">').slice(1);
  return notes.map((rest) => {
    // The note's span ends at the </span> that closes as many spans as it opened.
    let depth = 1;
    let end = 0;
    for (const m of rest.matchAll(/<(\/?)span\b[^>]*>/g)) {
      depth += m[1] ? -1 : 1;
      if (depth === 0) { end = m.index; break; }
    }
    return rest.slice(0, end).replace(/<[^>]*>/g, '');
  });
}

describe('blocks in a phrase on the page', function () {

  it('keeps apart the words of blocks set with no white space between them', async () => {
    assert.deepEqual(await noteTexts(
      '<p>Margin<note place="margin"><p>one inside</p><p>named two</p>loose<ab>ab one</ab></note> after.</p>'
      + '<p>Inline<note place="inline"><list><item>item one</item><item>item two</item></list><lg><l>line one</l><l>line two</l></lg></note> after.</p>',
    ), [
      'one inside named two loose ab one',
      'item one item two line one line two',
    ]);
  });

  it('adds nothing where the encoding has white space, nor before a block that may stand in a sentence', async () => {
    assert.deepEqual(await noteTexts(
      '<p>Margin<note place="margin"><p>one</p> <p>two</p>\n<ab>three</ab></note> after.</p>'
      + '<p>Inline<note place="inline">As <bibl>Smith</bibl>, <quote>quoted</quote>.</note> after.</p>',
    ), [
      'one two\nthree',
      'As Smith, “quoted”.',
    ]);
  });

  it('sets in the line of its byline or its verse line an author, a quotation or a reference that stands amid words', async () => {
    const page = await toHtml({ file: 'in-sentence.xml', text: doc('').text.replace('<text><body></body></text>',
      '<text><front><titlePage><byline>by <docAuthor>Ann Lee</docAuthor></byline></titlePage></front>'
      + '<body><lg><l>He said <quote>no more</quote>, and <bibl>Jones</bibl> too.</l></lg></body></text>') });
    assert.match(page, /<p class="tei-byline">by <span class="tei-docAuthor">Ann Lee<\/span><\/p>/);
    const line = /<p id="line-1"[^>]*>([\s\S]*?)<\/p>/.exec(page);
    assert.ok(line, 'the verse line is one paragraph of the page');
    assert.equal(line[1].replace(/<a class="line-number"[^>]*>[^<]*<\/a>/, '').replace(/<[^>]*>/g, ''), 'He said “no more”, and Jones too.');
  });

  it('sets a stage direction amid a line\'s words in the line, one standing alone on its own, and keeps an inline list\'s items apart', async () => {
    const page = await toHtml(doc('<sp><speaker>Ann</speaker><l>Come hither, <stage>kneels</stage> good sir.</l><stage>Exit.</stage></sp>'
      + '<p>Before <list rend="inline"><item>x</item><item>y</item></list> after; <list rend="inline"><label>a)</label><item>one</item>, <item>two</item></list>.</p>'));
    const line = /<p id="line-1"[^>]*>([\s\S]*?)<\/p>/.exec(page);
    assert.ok(line, 'the verse line is one paragraph of the page');
    assert.equal(line[1].replace(/<a class="line-number"[^>]*>[^<]*<\/a>/, ''), 'Come hither, <span class="tei-stage in-sentence">kneels</span> good sir.');
    assert.match(page, /<p class="tei-stage">Exit\.<\/p>/, 'a stage direction between lines is a block');
    const paragraph = /<p id="para-1"[^>]*>([\s\S]*?)<\/p>/.exec(page)?.[1] ?? '';
    assert.equal(paragraph.replace(/<a class="para-number"[^>]*>[^<]*<\/a>\s*/, '').replace(/<[^>]*>/g, ''), 'Before x y after; a) one, two.');
  });
});

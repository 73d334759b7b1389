/**
 * A pointer reads the same in the plain text and the search records as on the page. TEI: ptr "defines a pointer to
 * another location" and has no words of its own, so what it reads as is the edition's to give; the page reads one
 * into the document as its target's number (html/core.xsl, samizdat:target-label): "paragraph 2", "note 2",
 * "line 1", "page 2", and one to an id the document lacks as its "#id" (unlinked). The plain text and the search
 * records read nothing there ("See , , , , ."), since they did not know the page's counters; now they read the page's
 * label, with the page's numbers.
 *
 * The note numbers are the ones the plain text prints ("[2]"), which must be the page's: a margin note and an inline
 * note (TEI note/@place "margin", "inline") are not called out on the page but read where they stand, yet the plain
 * text numbered them, so every footnote after them read one more than on the page. Now the plain text reads them in
 * place, in brackets, as the page's inline note is, and numbers only the notes the page calls out.
 */
import { strict as assert } from 'node:assert';
import { compileStylesheet, runStylesheet, teiSource, toHtml, toText, type CompiledStylesheet } from '../../src/transform/index.js';
import { RECORDS_STYLESHEET } from '../../src/search/index.js';
import { teiDoc, type TeiSource } from '../support/tei-doc.js';

const DOC = teiDoc({
  file: 'ptr-text.xml', title: 'Pointers',
  body: '<div><head>One</head><p>Opening.</p>'
    + '<p xml:id="p2">First<note xml:id="n1">Foot one.</note> then<note place="margin">In the margin.</note> and'
    + '<note place="inline">said inline</note> and<note xml:id="n2">Foot two.</note>.</p>'
    + '<pb/><lg><l>Line a</l><l>Line b</l></lg></div>'
    + '<div><head>Two</head><pb xml:id="pg"/><lg><l xml:id="l1">Line c</l></lg>'
    + '<p>See <ptr target="#p2"/>, <ptr target="#n2"/>, <ptr target="#l1"/>, <ptr target="#pg"/>, <ptr target="#nowhere"/>.</p></div>',
});
const SEE = 'See paragraph 2, note 2, line 1, page 2, #nowhere.';

/** A document whose only transcription is the sourceDoc $content. */
const sourceDoc = (content: string): TeiSource => {
  const doc = teiDoc({ file: 'ptr-text-sourcedoc.xml', title: 'Pointers to notes', body: '<p>x</p>' });
  return { ...doc, text: doc.text.replace(/<text>[\s\S]*<\/text>/, `<sourceDoc>${content}</sourceDoc>`) };
};
/** Notes called out at the end of the lines they name, encoded last line first: numbered down the page, 1 to 3. */
const SOURCE = sourceDoc('<surface n="1"><zone xml:id="z1"><line xml:id="l1">First line.</line><line xml:id="l2">Second line.</line></zone></surface>'
  + '<note xml:id="s1" target="#l2">On the second line.</note>'
  + '<note xml:id="s2" target="#z1">On the zone.</note>'
  + '<note xml:id="s3" target="#l1">On the first line.</note>'
  + '<note xml:id="s4">See <ptr target="#s1"/> and <ptr target="#s3"/>.</note>');

let records: CompiledStylesheet;
/** The search passages of $doc as [anchor, text]. */
const passages = (doc: TeiSource): [string, string][] => (JSON.parse(String(runStylesheet(records, teiSource(doc.text, doc.file)))) as { passages: string[][] }).passages.map((p) => [p[0], p[3]]);

describe('a pointer in the plain text and the search records', function () {
  this.timeout(300_000);
  before(async () => {
    records = await compileStylesheet(RECORDS_STYLESHEET);
  });

  it('reads on the page as its target’s number, or its missing id unlinked', async () => {
    const page = await toHtml(DOC);
    assert.match(page, /See <a href="#p2" class="tei-ptr">paragraph 2<\/a>, <a href="#n2" class="tei-ptr">note 2<\/a>, <a href="#l1" class="tei-ptr">line 1<\/a>, <a href="#pg" class="tei-ptr">page 2<\/a>, <span class="tei-ptr">#nowhere<\/span>\./);
    assert.match(page, /<sup>2<\/sup><\/a>\.<\/p>/, 'the footnote pointed to is called out as 2');
  });

  it('reads the same in the plain text, its notes numbered as the page numbers them', async () => {
    const blocks = (await toText(DOC)).trim().split('\n\n');
    assert.deepEqual(blocks, [
      'One', 'Opening.', 'First[1] then [In the margin.] and [said inline] and[2].', 'Line a', 'Line b',
      'Two', 'Line c', SEE, '[1] Foot one.', '[2] Foot two.',
    ]);
  });

  it('reads the same in the search records', () => {
    const found = passages(DOC);
    assert.deepEqual(found.find(([, text]) => text.startsWith('See')), ['para-3', SEE]);
    assert.deepEqual(found.find(([anchor]) => anchor === 'p2'), ['p2', 'First [Foot one.] then [In the margin.] and [said inline] and [Foot two.].']);
  });

  it('names a source transcription’s note by the number its call-out has, on the page and in the plain text', async () => {
    const page = await toHtml(SOURCE);
    assert.match(page, /See <a href="#s1" class="tei-ptr">note 2<\/a> and <a href="#s3" class="tei-ptr">note 1<\/a>\./);
    const text = (await toText(SOURCE)).trim().split('\n\n');
    assert.deepEqual(text.filter((b) => /^\[\d\] /.test(b)), ['[1] On the first line.', '[2] On the second line.', '[3] On the zone.', '[4] See note 2 and note 1.']);
  });
});

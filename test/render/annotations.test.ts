/**
 * interp, interpGrp, span, spanGrp: span "associates an interpretative
 * annotation directly with a span of text"; interp "summarizes a specific
 * interpretative annotation which can be linked to a span of text" (TEI
 * Guidelines 17.3). The annotation is about the text, not part of it: the page
 * printed it inside the sentence ("text an annotation and"), as did the plain
 * text and the search records. Now none of its words in any of them; an empty
 * anchor stays for each xml:id in it, so that pointers (@ana …) land.
 */
import { strict as assert } from 'node:assert';
import { compileStylesheet, runStylesheet, teiSource, toHtml, toText } from '../../src/transform/index.js';
import { RECORDS_STYLESHEET } from '../../src/search/index.js';
import { teiDoc, type TeiSource } from '../support/tei-doc.js';

const doc = (body: string): TeiSource => teiDoc({ file: 'annotations.xml', title: 'Annotations', body });

const body = '<p><seg xml:id="w1" ana="#i1">Some text</seg> <span type="comment" from="#w1">an annotation</span> and'
  + ' <interpGrp type="mood"><interp xml:id="i1">ironic</interp><interp>sad</interp></interpGrp>more'
  + ' <spanGrp type="gloss"><span target="#w1">a gloss</span></spanGrp>words.</p>'
  + '<interpGrp xml:id="ig"><interp xml:id="i2">between paragraphs</interp></interpGrp><p>Next.</p>';
const expected = ['Some text and more words.', 'Next.'];

describe('interp, interpGrp, span and spanGrp: annotations, not text', function () {
  this.timeout(300_000);

  it('prints none of their words on the page, and keeps an anchor for each id', async () => {
    const page = await toHtml(doc(body));
    const paragraphs = [...page.matchAll(/<p id="para-\d"[^>]*>([\s\S]*?)<\/p>/g)].map((m) => m[1]);
    assert.deepEqual(paragraphs.map((p) => p.replace(/<a class="para-number"[^>]*>[^<]*<\/a>\s*/, '').replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim()), expected);
    for (const word of ['an annotation', 'ironic', 'sad', 'a gloss', 'between paragraphs']) assert.ok(!page.includes(word), word);
    assert.match(page, /<span class="tei-interp" id="i1"><\/span>/);
    assert.match(page, /<span class="tei-interpGrp" id="ig"><\/span><span class="tei-interp" id="i2"><\/span>/);
  });

  it('prints none in the plain text, reading or diplomatic', async () => {
    assert.equal((await toText(doc(body))).trim(), expected.join('\n\n'));
    assert.equal((await toText(doc(body), { mode: 'diplomatic' })).trim(), expected.join('\n\n'));
  });

  it('puts none in the search records', async () => {
    const records = await compileStylesheet(RECORDS_STYLESHEET);
    const json = JSON.parse(String(runStylesheet(records, teiSource(doc(body).text, doc(body).file)))) as { passages: unknown[][] };
    assert.deepEqual(json.passages.map((p) => p[3]), expected);
  });
});

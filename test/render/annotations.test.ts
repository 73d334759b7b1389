/**
 * interp, interpGrp, span, spanGrp: span "associates an interpretative
 * annotation directly with a span of text"; interp "summarizes a specific
 * interpretative annotation which can be linked to a span of text" (TEI
 * Guidelines 17.3). The annotation is about the text, not part of it: the page
 * printed it inside the sentence ("text an annotation and"), as did the plain
 * text and the search records. Now none of its words in the running text of any
 * of them; an empty anchor stays for each xml:id in it, so that pointers (@ana …)
 * land. A span's annotation is not lost from the page, though (misc37 left it out
 * altogether): it stands in the margin as a note, beside the words it is on,
 * which its title names.
 */
import { strict as assert } from 'node:assert';
import { compileStylesheet, runStylesheet, teiSource, toHtml, toText } from '../../src/transform/index.js';
import { RECORDS_STYLESHEET } from '../../src/search/index.js';
import { attribute, withClass } from '../support/page-views.js';
import { teiDoc, type TeiSource } from '../support/tei-doc.js';

const doc = (body: string): TeiSource => teiDoc({ file: 'annotations.xml', title: 'Annotations', body });

const body = '<p><seg xml:id="w1" ana="#i1">Some text</seg> <span type="comment" from="#w1">an annotation</span> and'
  + ' <interpGrp type="mood"><interp xml:id="i1">ironic</interp><interp>sad</interp></interpGrp>more'
  + ' <spanGrp type="gloss"><span target="#w1">a gloss</span></spanGrp>words.</p>'
  + '<interpGrp xml:id="ig"><interp xml:id="i2">between paragraphs</interp></interpGrp><p>Next.</p>';
const expected = ['Some text and more words.', 'Next.'];

describe('interp, interpGrp, span and spanGrp: annotations, not text', function () {
  this.timeout(300_000);

  // Changed on purpose (views39): a span's words were nowhere on the page; now they are a margin note, out of the running text.
  it('prints none of their words in the running text of the page, and keeps an anchor for each id', async () => {
    const page = await toHtml(doc(body));
    const paragraphs = [...page.matchAll(/<p id="para-\d"[^>]*>([\s\S]*?)<\/p>/g)].map((m) => m[1]);
    const running = (p: string) => p.replace(/<a class="para-number"[^>]*>[^<]*<\/a>\s*/, '')
      .replace(/<span class="note-margin span-annotation"[^>]*>(<(a|span)[^>]*>[^<]*<\/(a|span)>\s*)*[^<]*<\/span>/g, '').replace(/<span class="annotated"[^>]*>([^<]*)<\/span>/g, '$1')
      .replace(/<a class="annotation-ref"[^>]*><sup>[^<]*<\/sup><\/a>/g, '').replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();
    assert.deepEqual(paragraphs.map(running), expected);
    for (const word of ['ironic', 'sad', 'between paragraphs']) assert.ok(!page.includes(word), word);
    assert.match(page, /<span class="tei-interp" id="i1"><\/span>/);
    assert.match(page, /<span class="tei-interpGrp" id="ig"><\/span><span class="tei-interp" id="i2"><\/span>/);
  });

  // Changed on purpose (span41): each annotation begins with its letter, a link back to its words.
  it('shows a span\'s annotation in the margin beside the words it is on, naming them', async () => {
    const page = await toHtml(doc(body));
    const notes = withClass(page, 'span-annotation');
    assert.deepEqual(notes.map((n) => [attribute(n, 'role'), attribute(n, 'title')]),
      [['note', 'Annotation on “Some text”'], ['note', 'Annotation on “Some text”']]);
    assert.match(page, /<span class="note-margin span-annotation" role="note" id="annotation-1" title="[^"]*"><a class="annotation-back" href="#annotation-ref-1" aria-label="Annotation a: back to the text">a<\/a> <span class="span-annotation-label">comment: <\/span>an annotation<\/span>/);
    assert.match(page, /<span class="span-annotation-label">annotation: <\/span>a gloss<\/span>/);
    // From one anchor to another: at the first anchor, the words between them named.
    const ranged = await toHtml(doc('<p>He <anchor xml:id="a"/>said it<anchor xml:id="b"/> twice.</p><p>Later.</p><spanGrp><span from="#a" to="#b">a doubtful reading</span></spanGrp>'));
    assert.match(ranged, /He <span class="tei-anchor" id="a"><\/span><span class="note-margin span-annotation" role="note" id="annotation-1" title="Annotation on “said it”"><a class="annotation-back" href="#annotation-ref-1" aria-label="Annotation a: back to the text">a<\/a> <span class="span-annotation-label">annotation: <\/span>a doubtful reading<\/span><span class="annotated" aria-describedby="annotation-1">said it/);
    assert.equal(ranged.split('a doubtful reading').length, 2, 'once, at its target, not also where the span is');
  });

  // Changed on purpose (span44): a span's annotation is listed after the text, its letter after the words it is on
  // (annotations-text.test.ts); the running text's words the same, an interp's nowhere.
  it('prints none in the running plain text, reading or diplomatic', async () => {
    const listed = ['Some text[^a][^b] and more words.', 'Next.', 'Annotations', 'a. comment: an annotation', 'b. a gloss'];
    assert.equal((await toText(doc(body))).trim(), listed.join('\n\n'));
    assert.equal((await toText(doc(body), { mode: 'diplomatic' })).trim(), listed.join('\n\n'));
  });

  // Changed on purpose (span40): a span's words are in the search records, as a note's (annotations-reach.test.ts); interp's not.
  // Changed on purpose (span41): after the words they are on, where the page shows them, not where the span is encoded.
  it('puts none of an interp\'s in the search records', async () => {
    const records = await compileStylesheet(RECORDS_STYLESHEET);
    const json = JSON.parse(String(runStylesheet(records, teiSource(doc(body).text, doc(body).file)))) as { passages: unknown[][] };
    assert.deepEqual(json.passages.map((p) => p[3]), ['Some text [an annotation] [a gloss] and more words.', 'Next.']);
  });
});

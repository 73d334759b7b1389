/**
 * A span's annotation once in the search records' headings, and reached by the span's own id (stop 42).
 *
 * TEI Guidelines 17.3: span "associates an interpretative annotation directly with a span of text"; its @from (or
 * @target) names the words it is on. Its words are about those words, not of them.
 *
 * - A division's head is copied into the heading field of every passage of the division. An annotation in the head
 *   (a span encoded there, or one whose @from names a seg in it) was copied with it, "The harbour [a port town]" in
 *   every passage: now its words are in the head's own passage only, and the other passages carry "The harbour".
 * - Annotation ids follow reading order (annotation-1, -2 …, since stop 41), so a link made to one could lead to
 *   another after an edit. A span with an xml:id of its own (att.global: "provides a unique identifier for the
 *   element bearing the attribute") is now reached by it, as a note is (core.xsl: samizdat:anchor-id): the
 *   annotation's id is the encoder's, its link's id annotation-ref-<id>, and the empty element that held the id
 *   where the span is encoded is gone (an id is written once). A span without one keeps the generated id.
 */
import { strict as assert } from 'node:assert';
import { compileStylesheet, runStylesheet, teiSource, toHtml } from '../../src/transform/index.js';
import { RECORDS_STYLESHEET } from '../../src/search/index.js';
import { teiDoc } from '../support/tei-doc.js';

describe('a span\'s annotation: once in the headings, reached by its own id', function () {
  this.timeout(300_000);

  it('puts an annotation in a head in the head\'s passage only, not in every passage\'s heading', async () => {
    const records = await compileStylesheet(RECORDS_STYLESHEET);
    const { text, file } = teiDoc({
      file: 'headed.xml', title: 'Headed',
      body: '<div xml:id="d1"><head>The <seg xml:id="h1">harbour</seg></head><p>First.</p><p>Second.</p></div>'
        + '<div><head>Plain<span>a remark</span></head><p>Third.</p></div>'
        + '<spanGrp><span from="#h1">a port town</span></spanGrp>',
    });
    const json = JSON.parse(String(runStylesheet(records, teiSource(text, file)))) as { passages: unknown[][] };
    assert.deepEqual(json.passages, [
      ['d1', '', [], 'The harbour [a port town]', [], [], [], 'The harbour'],
      ['para-1', '1', [], 'First.', [], [], [], 'The harbour'],
      ['para-2', '2', [], 'Second.', [], [], [], 'The harbour'],
      ['', '', [], 'Plain [a remark]', [], [], [], 'Plain'],
      ['para-3', '3', [], 'Third.', [], [], [], 'Plain'],
    ]);
  });

  // span's @from and @to are pointers (teidata.pointer) to the words annotated, not att.datable's dates: a span in a
  // passage gave it a date ["", "#w", ""] to sort and filter by.
  it('reads no date from a span\'s @from in the passage it stands in', async () => {
    const records = await compileStylesheet(RECORDS_STYLESHEET);
    const { text, file } = teiDoc({
      file: 'undated.xml', title: 'Undated',
      body: '<p>Some <seg xml:id="w">words</seg><spanGrp><span from="#w" to="#w">an aside</span></spanGrp> here, <date when="1850">in 1850</date>.</p>',
    });
    const json = JSON.parse(String(runStylesheet(records, teiSource(text, file)))) as { passages: unknown[][] };
    assert.deepEqual(json.passages, [['para-1', '1', [], 'Some words [an aside] here, in 1850.', [], [], [['1850', '', '']], '']]);
  });

  const body = '<p>The <seg xml:id="g1">grey</seg> cat and the <seg xml:id="d">dog</seg>.</p>'
    + '<p>See <ref target="#colour">the note on colour</ref>.</p>'
    + '<spanGrp><span xml:id="colour" from="#g1">a colour word</span><span from="#d">a loyal friend</span>'
    + '<span xml:id="loose">a general remark</span></spanGrp>';

  it('gives an annotation the span\'s own id, which links reach; the generated one only when it has none', async () => {
    const page = await toHtml(teiDoc({ file: 'ids.xml', title: 'Ids', body }));
    assert.match(page, /The <span class="note-margin span-annotation" role="note" id="colour" title="Annotation on “grey”"><a class="annotation-back" href="#annotation-ref-colour" aria-label="Annotation a: back to the text">a<\/a> <span class="span-annotation-label">annotation: <\/span>a colour word<\/span><span class="tei-seg" id="g1"><span class="annotated" aria-describedby="colour">grey<\/span><a class="annotation-ref" id="annotation-ref-colour" href="#colour" aria-label="Annotation a"><sup>a<\/sup><\/a><\/span> cat/);
    assert.match(page, /the <span class="note-margin span-annotation" role="note" id="annotation-2" title="Annotation on “dog”"><a class="annotation-back" href="#annotation-ref-2" aria-label="Annotation b: back to the text">b<\/a> <span class="span-annotation-label">annotation: <\/span>a loyal friend<\/span><span class="tei-seg" id="d"><span class="annotated" aria-describedby="annotation-2">dog<\/span><a class="annotation-ref" id="annotation-ref-2" href="#annotation-2" aria-label="Annotation b"><sup>b<\/sup><\/a><\/span>\./);
    // Where it is encoded, naming no words: its own id there, and no empty element holding it besides.
    assert.match(page, /<\/p><span class="note-margin span-annotation" role="note" id="loose"><span class="annotation-letter">c<\/span> <span class="span-annotation-label">annotation: <\/span>a general remark<\/span><\/div>/);
    assert.deepEqual([...page.matchAll(/ id="(colour|loose)"/g)].map((m) => m[1]), ['colour', 'loose'], 'each id once');
    assert.deepEqual([...page.matchAll(/<a [^>]*href="#colour"[^>]*>([^<]*)<\/a>/g)].map((m) => m[1]), ['the note on colour']);
  });
});

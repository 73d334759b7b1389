/**
 * A span's annotation on a lem inside an rdgGrp: at its words, as on any lem.
 *
 * rdgGrp (TEI Guidelines 12.1.1) "groups two or more readings perceived to have a genetic or other relationship"; it
 * may hold the lem, the reading the edited text shows. span "associates an interpretative annotation directly with a
 * span of text" (17.3), the words its @target names.
 *
 * Before: an annotation whose @target named words in a lem inside an rdgGrp was taken for one on no place of the
 * text: the page showed it where the span is encoded (after the paragraph), its letter plain and its words unmarked;
 * the plain text gave no letter after them. Now it stands at them, as on a lem of its app: in the margin before
 * them, the words marked, the letter after them a link to it and back; the plain text "left[^a]"; the search records
 * its words after them in their passage; the text of the witness that reads the lem likewise.
 */
import { strict as assert } from 'node:assert';
import { toHtml, toText } from '../../src/transform/index.js';
import { teiDoc, type TeiSource } from '../support/tei-doc.js';
import { passageTexts } from '../support/records.js';

const source: TeiSource = teiDoc({
  file: 'grouped.xml', title: 'Grouped',
  header: '<encodingDesc><variantEncoding method="parallel-segmentation" location="internal"/></encodingDesc>',
  body: '<listWit><witness xml:id="A">Oxford</witness><witness xml:id="B">Bern</witness><witness xml:id="C">Caen</witness></listWit>'
    + '<p>Then <app><rdgGrp><lem wit="#A"><seg xml:id="lg">left</seg></lem><rdg wit="#C">leaves</rdg></rdgGrp><rdg wit="#B">went</rdg></app> home.</p>'
    + '<spanGrp><span target="#lg">grouped lemma</span></spanGrp>',
});
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('an annotation on a lem in an rdgGrp', function () {
  this.timeout(300_000);

  it('the page: the annotation before the words, which are marked, their letter a link to it and back', async () => {
    const page = await toHtml(source);
    assert.match(page, new RegExp(escape('Then <span class="tei-app app-reading"><span class="note-margin span-annotation" role="note" id="annotation-1" title="Annotation on “left”">'
      + '<a class="annotation-back" href="#annotation-ref-1" aria-label="Annotation a: back to the text">a</a> <span class="span-annotation-label">annotation: </span>grouped lemma</span>'
      + '<span class="tei-seg" id="lg"><span class="annotated" aria-describedby="annotation-1">left</span>'
      + '<a class="annotation-ref" id="annotation-ref-1" href="#annotation-1" aria-label="Annotation a"><sup>a</sup></a></span></span>'
      + '<a class="app-callout" href="#app-1" aria-label="Apparatus entry 1" id="app-1-ref"><sup>1</sup></a> home.</p>')));
    // Once: not also where the span is encoded.
    assert.equal(page.split('class="note-margin span-annotation"').length, 2);
  });

  it('the plain text, the witness\'s text and the search records: after the same words', async () => {
    const list = ['Annotations', 'a. grouped lemma'];
    assert.deepEqual((await toText(source)).trim().split('\n\n'),
      ['Then left[^a] home.', 'Apparatus criticus', '1 left] A; leaves C; went B.', 'Witnesses', 'A — Oxford', 'B — Bern', 'C — Caen', ...list]);
    assert.deepEqual((await toText(source, { witness: 'A' })).trim().split('\n\n'), ['Then left[^a] home.', ...list]);
    assert.deepEqual((await passageTexts(source)).slice(0, 1), [['para-1', 'Then left [grouped lemma] home.']]);
  });
});

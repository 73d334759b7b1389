/**
 * delSpan, addSpan, damageSpan: "the beginning of a longer sequence of text
 * deleted" (added, damaged), ending at the element @spanTo points to (TEI
 * Guidelines, att.spanning: "from the start of the content of the pointing
 * element to the end of the content of the element pointed to"). The words
 * between read as del's, add's and damage's do: a deleted span is left out of
 * the reading view, the reading plain text and the search records, and struck
 * through ⟦…⟧ in the diplomatic ones; an added span is kept, marked as add is
 * in the diplomatic ones; across paragraphs, which stay. Before, the span
 * elements were empty and their words read as ordinary text everywhere. A
 * @spanTo that points nowhere leaves the words as they are.
 */
import { strict as assert } from 'node:assert';
import { toHtml, toText } from '../../src/transform/index.js';
import { attribute, viewParagraphs, withClass } from '../support/page-views.js';
import { teiDoc, type TeiSource } from '../support/tei-doc.js';
import { passageWords } from '../support/records.js';

const HANDS = '<profileDesc><handNotes><handNote xml:id="h1" scribe="Scribe A"/><handNote xml:id="h2" scribe="Scribe B"/></handNotes></profileDesc>';
const doc = (body: string): TeiSource => teiDoc({ file: 'spans.xml', title: 'Spans', body, header: HANDS });

// A deletion across three paragraphs (the middle one wholly deleted), an addition and damage within one, and a span that points nowhere.
const body = '<div><p>One <delSpan spanTo="#ds1" hand="#h2" rend="strikethrough"/>deleted <hi>span</hi> text</p>'
  + '<p>wholly deleted</p>'
  + '<p>still deleted<anchor xml:id="ds1"/> kept.</p>'
  + '<p>Two <addSpan spanTo="#as1" place="margin" hand="#h1"/>added text<anchor xml:id="as1"/> three <damageSpan spanTo="#dm1" agent="fire"/>burnt<anchor xml:id="dm1"/> four.</p>'
  + '<p>A <delSpan spanTo="#nowhere"/>lost pointer.</p></div>';

const reading = ['One', '', 'kept.', 'Two added text three burnt four.', 'A lost pointer.'];
const diplomatic = ['One ⟦deleted span text', 'wholly deleted', 'still deleted⟧ kept.', 'Two ⸌added text⸍ three burnt four.', 'A lost pointer.'];

describe('delSpan, addSpan and damageSpan on the page, in the plain text and in the search records', function () {
  this.timeout(300_000);
  let page: string;
  before(async () => { page = await toHtml(doc(body)); });

  it('leaves a deleted span out of the reading view, across paragraphs, and keeps an added one', () => {
    assert.deepEqual(viewParagraphs(page, 'reading'), reading);
  });

  it('strikes a deleted span through ⟦…⟧ and marks an added one in the diplomatic view', () => {
    assert.deepEqual(viewParagraphs(page, 'diplomatic'), diplomatic);
    assert.match(page, /id="show-printed"/, 'a span offers the diplomatic view');
  });

  it('wraps the words as del, add and damage are wrapped, with hand, rend and agent in the title', () => {
    const deleted = withClass(page, 'tei-delSpan').filter((e) => e.tagName === 'del');
    assert.equal(deleted.length, 5, 'each run of deleted words, in each paragraph');
    for (const e of deleted) {
      assert.equal(attribute(e, 'title'), 'Deleted (strikethrough), by hand Scribe B');
      assert.ok(attribute(e, 'class')!.split(' ').includes('view-diplomatic'));
    }
    const added = withClass(page, 'tei-addSpan').filter((e) => e.tagName === 'ins');
    assert.deepEqual(added.map((e) => attribute(e, 'title')), ['Added margin, by hand Scribe A']);
    const damaged = withClass(page, 'tei-damageSpan').filter((e) => !attribute(e, 'class')!.includes('span-'));
    assert.deepEqual(damaged.map((e) => attribute(e, 'title')), ['Damaged (fire)']);
  });

  it('gives the plain texts the same words, reading and diplomatic', async () => {
    assert.deepEqual((await toText(doc(body))).trimEnd().split('\n\n'), reading.filter((p) => p !== ''));
    assert.deepEqual((await toText(doc(body), { mode: 'diplomatic' })).trimEnd().split('\n\n'), diplomatic);
  });

  it('indexes no deleted word in the search records', async () => {
    assert.deepEqual(await passageWords(doc(body)), reading.filter((p) => p !== ''));
  });
});

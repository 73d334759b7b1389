/**
 * Two limits of the spans and undo (transcription-spans.test.ts,
 * undo.test.ts). A span "runs to the end of the content of the element
 * pointed to by the spanTo attribute" (TEI att.spanning), which may be any
 * element: ending at an lb (no words of its own), its closing mark stands
 * before it, where its words end; ending at a p, after the p's last words.
 * Before, only a span that ended at an anchor had its marks. And undo
 * "indicates one or more marked-up interventions … marked for cancellation":
 * an addition (add, addSpan) an undo points to, or that stands in an undo's
 * span, is left out of the reading view and the reading text, and shown in the
 * diplomatic view marked as cancelled, as a cancelled deletion is in reverse.
 */
import { strict as assert } from 'node:assert';
import { toHtml, toText } from '../../src/transform/index.js';
import { attribute, viewParagraphs, viewText, withClass } from '../support/page-views.js';
import { teiDoc, type TeiSource } from '../support/tei-doc.js';
import { passageWords } from '../support/records.js';

const HANDS = '<profileDesc><handNotes><handNote xml:id="h1" scribe="Scribe A"/><handNote xml:id="h2" scribe="Scribe B"/></handNotes></profileDesc>';
const doc = (body: string): TeiSource => teiDoc({ file: 'spans2.xml', title: 'Spans', body, header: HANDS });

describe('spans that end at an element other than an anchor', function () {
  this.timeout(300_000);
  // Ending at an lb (empty) and at a paragraph (its words are the span's last).
  const body = '<p>One <delSpan spanTo="#l2"/>struck words<lb xml:id="l2"/>kept words.</p>'
    + '<p>Two <delSpan spanTo="#p3"/>struck here</p><p xml:id="p3">and here</p><p>Three.</p>';

  it('puts the closing mark where the span ends in the diplomatic view, the opening one at its start', async () => {
    const page = await toHtml(doc(body));
    // The whole text: a paragraph with an xml:id of its own is not one of viewParagraphs' (para-N).
    assert.equal(viewText(page, 'diplomatic'), 'Spans One ⟦struck words⟧kept words. Two ⟦struck here and here⟧ Three.');
    assert.equal(viewText(page, 'reading'), 'Spans One kept words. Two Three.');
  });

  it('does the same in the plain texts (the lb a new line after the mark)', async () => {
    assert.deepEqual((await toText(doc(body), { mode: 'diplomatic' })).trimEnd().split('\n\n'), ['One ⟦struck words⟧\nkept words.', 'Two ⟦struck here', 'and here⟧', 'Three.']);
  });
});

describe('undo of an addition', function () {
  this.timeout(300_000);
  const body = '<p>He was <add xml:id="a1" place="above" hand="#h1">very</add> tired <undo target="#a1" hand="#h2"/>and <add place="above">cross</add>.</p>'
    + '<p>Then <undo spanTo="#u1"/>all <add place="above">of</add> them<anchor xml:id="u1"/> left.</p>'
    + '<p>A <addSpan xml:id="as" spanTo="#as-end"/>long addition<anchor xml:id="as-end"/> <undo target="#as"/>stands.</p>';
  const reading = ['He was tired and cross.', 'Then all them left.', 'A stands.'];
  const diplomatic = ['He was \\very/ tired and \\cross/.', 'Then all \\of/ them left.', 'A \\long addition/ stands.'];
  let page: string;
  before(async () => { page = await toHtml(doc(body)); });

  it('leaves a cancelled addition (by @target, within @spanTo) out of the reading view; others stay', () => {
    assert.deepEqual(viewParagraphs(page, 'reading'), reading);
  });

  it('shows it added in the diplomatic view, marked as cancelled and by whom', () => {
    assert.deepEqual(viewParagraphs(page, 'diplomatic'), diplomatic);
    const undone = withClass(page, 'undone').filter((e) => e.tagName === 'ins');
    assert.equal(undone.length, 3, 'the two additions and the added span\'s words');
    assert.equal(attribute(undone[0]!, 'title'), 'Added above, by hand Scribe A; addition cancelled, by hand Scribe B');
    assert.equal(attribute(undone[1]!, 'title'), 'Added above; addition cancelled');
    for (const e of undone) assert.ok(attribute(e, 'class')!.split(' ').includes('view-diplomatic'), 'in the diplomatic view only');
  });

  it('gives the plain texts and the search records the same words', async () => {
    assert.deepEqual((await toText(doc(body))).trimEnd().split('\n\n'), reading);
    assert.deepEqual((await toText(doc(body), { mode: 'diplomatic' })).trimEnd().split('\n\n'), diplomatic);
    assert.deepEqual(await passageWords(doc(body)), reading);
  });
});

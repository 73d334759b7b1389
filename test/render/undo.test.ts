/**
 * undo: "indicates one or more marked-up interventions in a document which
 * have subsequently been marked for cancellation" (TEI Guidelines). A
 * deletion an undo points to (@target), or that stands in an undo's span
 * (@spanTo), is cancelled: its words are read again in the reading view, the
 * reading plain text and the search records (before, they stayed hidden);
 * the diplomatic view still shows them deleted, ⟦…⟧, marked as cancelled
 * (class undone, "deletion cancelled" and the undo's hand in the title).
 */
import { strict as assert } from 'node:assert';
import { toHtml, toText } from '../../src/transform/index.js';
import { attribute, viewParagraphs, withClass } from '../support/page-views.js';
import { teiDoc, type TeiSource } from '../support/tei-doc.js';
import { passageWords } from '../support/records.js';

const HANDS = '<profileDesc><handNotes><handNote xml:id="h1" scribe="Scribe A"/><handNote xml:id="h2" scribe="Scribe B"/></handNotes></profileDesc>';
const doc = (body: string): TeiSource => teiDoc({ file: 'undo.xml', title: 'Undo', body, header: HANDS });

const body = '<p>He was <del xml:id="d1" hand="#h1">very</del> tired <undo target="#d1" hand="#h2"/>and <del>cross</del>.</p>'
  + '<p>Then <undo spanTo="#u1"/>all <del>of</del> them<anchor xml:id="u1"/> <del>left</del>.</p>'
  + '<p>A <delSpan xml:id="ds" spanTo="#ds-end"/>long deletion<anchor xml:id="ds-end"/> <undo target="#ds"/>stands.</p>';

const reading = ['He was very tired and .', 'Then all of them .', 'A long deletion stands.'];
const diplomatic = ['He was ⟦very⟧ tired and ⟦cross⟧.', 'Then all ⟦of⟧ them ⟦left⟧.', 'A ⟦long deletion⟧ stands.'];

describe('undo on the page, in the plain text and in the search records', function () {
  this.timeout(300_000);
  let page: string;
  before(async () => { page = await toHtml(doc(body)); });

  it('reads a cancelled deletion (by @target, within @spanTo) in the reading view; others stay out', () => {
    assert.deepEqual(viewParagraphs(page, 'reading'), reading);
  });

  it('still shows it deleted in the diplomatic view, marked as cancelled and by whom', () => {
    assert.deepEqual(viewParagraphs(page, 'diplomatic'), diplomatic);
    const undone = withClass(page, 'undone').filter((e) => e.tagName === 'del');
    assert.equal(undone.length, 3, 'the two deletions and the deleted span\'s words');
    assert.equal(attribute(undone[0]!, 'title'), 'Deleted, by hand Scribe A; deletion cancelled, by hand Scribe B');
    assert.equal(attribute(undone[1]!, 'title'), 'Deleted; deletion cancelled');
    for (const e of undone) assert.ok(!attribute(e, 'class')!.split(' ').includes('view-diplomatic'), 'in the reading view too');
  });

  it('gives the plain texts the same words', async () => {
    assert.deepEqual((await toText(doc(body))).trimEnd().split('\n\n'), reading);
    assert.deepEqual((await toText(doc(body), { mode: 'diplomatic' })).trimEnd().split('\n\n'), diplomatic);
  });

  it('indexes the cancelled deletion\'s words in the search records', async () => {
    assert.deepEqual(await passageWords(doc(body)), reading);
  });
});

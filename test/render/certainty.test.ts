/**
 * @cert, "the degree of certainty associated with the intervention or
 * interpretation", on supplied and corr, shown as unclear shows it: "(?)"
 * after the words for a low (or unknown) certainty, and "certainty low" in
 * the title; before, only a class. And in the apparatus, a reading's @cert
 * the same way and its @cause ("why the variant arose": homeoteleuton …) in
 * the entry, where it was only a data attribute, and in the plain text.
 */
import { strict as assert } from 'node:assert';
import { toHtml, toText } from '../../src/transform/index.js';
import { attribute, viewParagraphs, viewText, withClass } from '../support/page-views.js';

const tei = (body: string): string => '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Certainty</title></titleStmt>'
  + '<publicationStmt><p>Test.</p></publicationStmt><sourceDesc><listWit><witness xml:id="A">A</witness><witness xml:id="B">B</witness></listWit></sourceDesc></fileDesc>'
  + `</teiHeader><text><body>${body}</body></text></TEI>`;
const doc = (body: string): { text: string; file: string } => ({ file: 'cert.xml', text: tei(body) });

const body = '<p>The <supplied reason="lost" cert="low">gar</supplied>den, <supplied reason="omitted" cert="medium">not</supplied> '
  + '<choice><sic>teh</sic><corr cert="low">the</corr></choice> <corr cert="unknown">wall</corr>.</p>'
  + '<p>Text <app><lem wit="#A">lemma</lem><rdg wit="#B" cause="homeoteleuton" cert="low">reading</rdg></app> end.</p>';

describe('@cert on supplied, corr and readings; @cause in the apparatus', function () {
  this.timeout(300_000);
  let page: string;
  before(async () => { page = await toHtml(doc(body)); });

  it('marks a low certainty "(?)" in the reading view and the reading plain text, as unclear', async () => {
    assert.equal(viewParagraphs(page, 'reading')[0], 'The [gar](?)den, ⟨not⟩ the(?) ⟨wall⟩(?).');
    assert.equal((await toText(doc(body))).split('\n\n')[0], 'The [gar](?)den, ⟨not⟩ the(?) ⟨wall⟩(?).');
  });

  it('says the certainty in the title', () => {
    assert.deepEqual(withClass(page, 'tei-supplied').map((e) => attribute(e, 'title')),
      ['Supplied by the editor (lost; certainty low)', 'Supplied by the editor (omitted; certainty medium)']);
    assert.deepEqual(withClass(page, 'tei-corr').map((e) => attribute(e, 'title')),
      ['Corrected by the editor (certainty low); the source has: teh', 'Corrected by the editor (certainty unknown)']);
  });

  it('gives a reading\'s certainty and cause in the apparatus entry, on the page and in the plain text', async () => {
    assert.match(viewText(page, 'reading'), /lemma\] A; reading\(\?\) B \(homeoteleuton\)/);
    assert.deepEqual(withClass(page, 'app-rdg').map((e) => attribute(e, 'title')), ['certainty low']);
    assert.match(await toText(doc(body)), /lemma\] A; reading\(\?\) B \(homeoteleuton\)/);
  });
});

/**
 * @hand "points to a handNote element describing the hand" (TEI Guidelines).
 * An add's or a del's title named the pointer ("by hand h2") while handShift
 * named the hand its handNote describes ("[hand: Scribe B]"); now both name
 * it through one function (samizdat:hand): the handNote's @n, else @scribe,
 * else the pointer without its "#".
 */
import { strict as assert } from 'node:assert';
import { toHtml, toText } from '../../src/transform/index.js';
import { attribute, withClass } from '../support/page-views.js';

const tei = (body: string): string => '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Hands</title></titleStmt>'
  + '<publicationStmt><p>Test.</p></publicationStmt><sourceDesc><p>Made up.</p></sourceDesc></fileDesc>'
  + '<profileDesc><handNotes><handNote xml:id="h1" n="A"/><handNote xml:id="h2" scribe="Scribe B"/></handNotes></profileDesc>'
  + `</teiHeader><text><body>${body}</body></text></TEI>`;
const doc = (body: string): { text: string; file: string } => ({ file: 'hands.xml', text: tei(body) });

const body = '<p>A <add hand="#h2" place="above">word</add> <del hand="#h1">gone</del> <del hand="#h9">too</del> <handShift new="#h2"/>then.</p>';

describe('@hand named as handShift names it', function () {
  this.timeout(300_000);

  it('names the handNote in an add\'s or a del\'s title, as handShift does in the diplomatic text', async () => {
    const page = await toHtml(doc(body));
    assert.deepEqual(withClass(page, 'tei-add').map((e) => attribute(e, 'title')), ['Added above, by hand Scribe B']);
    assert.deepEqual(withClass(page, 'tei-del').map((e) => attribute(e, 'title')), ['Deleted, by hand A', 'Deleted, by hand h9']);
    assert.match(await toText(doc(body), { mode: 'diplomatic' }), /\[hand: Scribe B\] then\./);
  });
});

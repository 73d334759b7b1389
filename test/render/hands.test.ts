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
import { teiDoc, type TeiSource } from '../support/tei-doc.js';

const HANDS = '<profileDesc><handNotes><handNote xml:id="h1" n="A"/><handNote xml:id="h2" scribe="Scribe B"/></handNotes></profileDesc>';
const doc = (body: string): TeiSource => teiDoc({ file: 'hands.xml', title: 'Hands', body, header: HANDS });

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

/**
 * A handNote "describes a particular style or hand distinguished within a manuscript"; its @scribe "gives a
 * name or other identifier for the scribe believed to be responsible for this hand", its @n is a label, and
 * its content may name the scribe (<handNote xml:id="h2"><persName>Sir T. Phillipps</persName>, pencil
 * annotations</handNote>). samizdat:agent-name (common/resp.xsl) named a hand by @n or @scribe only, so such a
 * hand was shown as its id ("h2") in the apparatus and on the page. It is named by its persName, then @scribe,
 * then @n, then its id.
 */
import { strict as assert } from 'node:assert';
import { toHtml, toText } from '../../src/transform/index.js';
import { attribute, withClass } from '../support/page-views.js';
import { teiDoc } from '../support/tei-doc.js';

const header = '<encodingDesc><variantEncoding method="parallel-segmentation" location="internal"/></encodingDesc>'
  + '<profileDesc><handNotes>'
  + '<handNote xml:id="h1" n="A" scribe="Anselm">A neat book hand.</handNote>'
  + '<handNote xml:id="h2" n="B"><p>Pencil annotations by <persName>Sir T. Phillipps</persName>.</p></handNote>'
  + '<handNote xml:id="h3" n="C">A later hand.</handNote>'
  + '<handNote xml:id="h4">Unnamed.</handNote>'
  + '</handNotes></profileDesc>';

const body = '<p>The <app><lem wit="#A">king</lem><rdg wit="#B" hand="#h2">kyng</rdg><rdg wit="#C" hand="#h1">cyng</rdg>'
  + '<rdg wit="#D" hand="#h3">kinge</rdg><rdg wit="#E" hand="#h4">kingg</rdg></app> rode '
  + '<add hand="#h2" place="above">home</add> <del hand="#h1">gone</del> <handShift new="#h2"/>then.</p>';

const doc = teiDoc({ file: 'hand-names.xml', title: 'Hands', body, header });

describe('a hand named by the persName in its handNote', function () {

  it('names the hand of an apparatus reading so, in the plain text and on the page', async () => {
    const text = await toText(doc);
    assert.match(text, /kyng B\^Sir T\. Phillipps;/);
    assert.match(text, /cyng C\^Anselm;/, 'with no persName, @scribe before @n');
    assert.match(text, /kinge D\^C;/, 'then @n');
    assert.match(text, /kingg E\^h4\./, 'then the id');
    const page = await toHtml(doc);
    assert.deepEqual([...page.matchAll(/<sup class="app-hand">([^<]*)<\/sup>/g)].map((m) => m[1]),
      ['Sir T. Phillipps', 'Anselm', 'C', 'h4']);
  });

  it('names it so in the page\'s tooltips and the diplomatic text\'s hand shift', async () => {
    const page = await toHtml(doc);
    assert.deepEqual(withClass(page, 'tei-add').map((e) => attribute(e, 'title')), ['Added above, by hand Sir T. Phillipps']);
    assert.deepEqual(withClass(page, 'tei-del').map((e) => attribute(e, 'title')), ['Deleted, by hand Anselm']);
    assert.match(await toText(doc, { mode: 'diplomatic' }), /\[hand: Sir T\. Phillipps\] then\./);
  });
});

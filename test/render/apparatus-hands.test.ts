/**
 * The hand and the agent of an apparatus reading (rdg's @hand, "the hand responsible for the reading", and
 * @resp) are named as the page names a hand or an agent elsewhere (common/resp.xsl, samizdat:agent-name): a
 * handNote by its @n or @scribe, a person by their name, a respStmt by its names; the pointer only where the
 * target has none. Page and plain text alike.
 */
import { strict as assert } from 'node:assert';
import { toHtml, toText } from '../../src/transform/index.js';
import { teiDoc } from '../support/tei-doc.js';

const header = `<encodingDesc><variantEncoding method="parallel-segmentation" location="internal"/></encodingDesc>
<profileDesc><handNotes><handNote xml:id="h1" scribe="Anselm">A neat book hand.</handNote><handNote xml:id="h2">A later hand.</handNote></handNotes>
<particDesc><listPerson><person xml:id="bede"><persName>Bede</persName></person></listPerson></particDesc></profileDesc>`;

const body = '<p>The <app><lem wit="#A">king</lem><rdg wit="#B" hand="#h1">kyng</rdg><rdg wit="#C" hand="#bede">cyng</rdg>'
  + '<rdg wit="#D" hand="#h2">kinge</rdg></app> rode.</p>';

describe('apparatus: the hand of a reading', function () {

  it('names a hand by its handNote’s scribe, a person by their name, else the pointer', async () => {
    const doc = teiDoc({ file: 'apparatus-hands.xml', title: 'Hands', body, header });
    const text = await toText(doc);
    assert.match(text, /kyng B\^Anselm;/);
    assert.match(text, /cyng C\^Bede;/);
    assert.match(text, /kinge D\^h2\./);
    const page = await toHtml(doc);
    assert.match(page, /<sup class="app-hand">Anselm<\/sup>/);
    assert.match(page, /<sup class="app-hand">Bede<\/sup>/);
    assert.match(page, /<sup class="app-hand">h2<\/sup>/);
  });
});

/**
 * A verse line split among speakers (TEI l/@part: "I" initial, "M" medial,
 * "F" final) on the page: each later part begins where the parts before it
 * left off, as print sets it, by their words standing before it, hidden
 * (samizdat:verse-part in xslt/html/core.xsl; the layout is checked in
 * test/render/browser.test.ts). The plain text is unchanged.
 */
import { strict as assert } from 'node:assert';
import { toHtml } from '../../src/transform/index.js';
import { teiDoc, type TeiSource } from '../support/tei-doc.js';

const doc = (body: string): TeiSource => teiDoc({ file: 'verse.xml', title: 'Verse', body });

/** Each verse line of the page: its id, its classes beyond tei-l, and the hidden words before it. */
function lines(page: string): string[] {
  return [...page.matchAll(/<p id="([^"]*)" class="tei-l( [^"]*)?">(?:<span class="part-before" aria-hidden="true">([^<]*)<\/span>)?/g)]
    .map(([, id, classes, before]) => `${id}${classes ?? ''}${before === undefined ? '' : ` [${before}]`}`);
}

describe('verse lines split among speakers', function () {

  it('begin each medial and final part after the hidden words of the parts before it', async () => {
    const page = await toHtml(doc(
      '<sp><speaker>A</speaker><l xml:id="a">A whole line.</l><l xml:id="i" part="I">Of our <choice><sic>solemnites</sic><corr>solemnities</corr></choice>.<note>A note.</note></l></sp>'
      + '<sp><speaker>B</speaker><l xml:id="m" part="M">Go,</l></sp>'
      + '<sp><speaker>C</speaker><l xml:id="f" part="F">Philostrate,</l><l xml:id="b">Stir up the youth.</l></sp>'
      + '<sp><speaker>D</speaker><l xml:id="lone" part="F">A final part after a whole line.</l><l xml:id="y" part="Y">Incomplete.</l></sp>',
    ));
    assert.deepEqual(lines(page), [
      'a', 'i part-I', 'm part-M [Of our solemnities. ]', 'f part-F [Of our solemnities. Go, ]', 'b', 'lone part-F', 'y',
    ]);
  });
});

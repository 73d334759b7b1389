/**
 * A manuscript's support ("a description of the materials etc. which make up
 * the object", TEI support) and extent ("the size or approximate size of a
 * bibliographic item", TEI extent), in its supportDesc. The page and the plain
 * text label each a line of its own ("Support: Parchment.", "Extent: ii + 143
 * leaves, 172 × 124 mm"), as they label the description's other physical parts
 * (foliation, condition, binding …), which the search records label likewise.
 * The search records held the support's words bare ("Parchment."): a search
 * for "Support" did not find it, and the result read unlike the page. Now they
 * are one labelled passage each, anchored at the support's paragraph.
 */
import { strict as assert } from 'node:assert';
import { toHtml, toText } from '../../src/transform/index.js';
import { searchRecords } from '../support/records.js';
import { teiDoc } from '../support/tei-doc.js';

const BODY = '<div><p>Before.</p><msDesc><msIdentifier><idno>MS 1</idno></msIdentifier><physDesc><objectDesc><supportDesc material="perg">'
  + '<support><p>Parchment.</p></support><extent>ii + 143 leaves<dimensions unit="mm"><height>172</height><width>124</width></dimensions></extent>'
  + '<foliation><p>Modern foliation.</p></foliation><condition><p>Worn.</p></condition></supportDesc></objectDesc></physDesc></msDesc><p>After.</p></div>';
const DOC = teiDoc({ file: 'ms-support.xml', title: 'Support', body: BODY });
const LINES = ['Before.', 'MS 1', 'Support: Parchment.', 'Extent: ii + 143 leaves, 172 × 124 mm', 'Foliation: Modern foliation.', 'Condition: Worn.', 'After.'];

describe('a manuscript\'s support and extent in the search records', function () {
  this.timeout(300_000);

  it('labels them as the page and the plain text do, one passage each', async () => {
    const json = await searchRecords(DOC);
    assert.deepEqual(json.passages.map((p) => p[3]), LINES);
    // The support's passage is found at its paragraph (the second of the page), the extent's at the nearest anchor before it.
    const support = json.passages.find((p) => p[3] === LINES[2])!;
    assert.deepEqual(support.slice(0, 2), ['para-2', '2']);
  });

  it('agrees with the plain text and the page', async () => {
    assert.deepEqual((await toText(DOC)).trim().split('\n\n'), LINES);
    const page = await toHtml(DOC);
    assert.match(page, /<p class="tei-support"[^>]*><span class="ms-label">Support: <\/span>/);
  });
});

/**
 * figDesc "contains a brief prose description of the appearance or content of a graphic figure, for use when
 * documenting an image without displaying it", "an alternative to the content of its parent figure" (TEI). A
 * figure with a graphic gives it as the img's alt, and does not print it; a figure whose picture is a
 * binaryObject (peer39) gave it as the alt and printed it too, beside the picture: a screen reader read it
 * twice. Now once, as for a graphic: the alt.
 */
import { strict as assert } from 'node:assert';
import { toHtml } from '../../src/transform/index.js';
import { attribute, withClass } from '../support/page-views.js';
import { teiDoc, type TeiSource } from '../support/tei-doc.js';

const doc = (body: string): TeiSource => teiDoc({ file: 'figdesc.xml', title: 'Figures', body });
const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

describe('a figure\'s description read once', function () {
  this.timeout(300_000);

  it('gives a binaryObject picture\'s figDesc as its alt only, as a graphic\'s', async () => {
    const page = await toHtml(doc(`<figure><binaryObject mimeType="image/png">${png}</binaryObject><head>A dot</head><figDesc>a black dot on white</figDesc></figure>`
      + '<figure><graphic url="dot.png"/><figDesc>a drawn dot on white</figDesc></figure><figure><figDesc>a lost drawing</figDesc></figure>'));
    const pictures = [...withClass(page, 'tei-binaryObject'), ...withClass(page, 'tei-graphic')];
    assert.deepEqual(pictures.map((p) => [p.tagName, attribute(p, 'alt')]), [['img', 'a black dot on white'], ['img', 'a drawn dot on white']]);
    assert.equal(page.split('a black dot on white').length, 2, 'the description once: in the alt');
    assert.equal(page.split('a drawn dot on white').length, 2);
    assert.match(page, /<figcaption class="tei-head">A dot<\/figcaption>/);
    // Without an image, the description is still the figure's text.
    assert.match(page, /<figure class="tei-figure">[^]*?a lost drawing[^]*?<\/figure>/);
  });
});

/**
 * A pointer into the document in the plain text. TEI: ptr "defines a pointer to another location". The page reads a
 * ptr to a division or a figure as its heading (html/core.xsl, samizdat:target-label), as the TEI Stylesheets do
 * ("1. Tests", "Figure 1, Doris Lessing" for TEIC/Stylesheets Test/test23.xml); the plain text dropped it, so "to
 * the next section: <ptr target='#P1'/>." read "to the next section: .". Now it reads the heading there too; a
 * pointer to a paragraph reads as its number, as on the page (test/render/ptr-text.test.ts).
 */
import { strict as assert } from 'node:assert';
import { toHtml, toText } from '../../src/transform/index.js';
import { teiDoc } from '../support/tei-doc.js';

const DOC = teiDoc({
  file: 'ptr-heading-text.xml', title: 'Pointers',
  body: '<p xml:id="p0">Figure: <ptr target="#fig"/>. Next section: <ptr target="#P1"/>. A paragraph: <ptr target="#p0"/>.</p>'
    + '<div xml:id="P1"><head>Tests<note>A note.</note></head><figure xml:id="fig"><head>Doris Lessing</head></figure></div>',
});

describe('a ptr to a heading in the plain text', function () {
  this.timeout(300_000);

  it('reads as the heading it points to, as on the page', async () => {
    const page = await toHtml(DOC);
    assert.match(page, /Figure: <a href="#fig" class="tei-ptr">Doris Lessing<\/a>\. Next section: <a href="#P1" class="tei-ptr">Tests<\/a>\./);
    assert.equal((await toText(DOC)).split('\n\n')[0], 'Figure: Doris Lessing. Next section: Tests. A paragraph: paragraph 1.');
  });
});

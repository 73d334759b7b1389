/**
 * The ids verse lines, speeches and paragraphs have in the page (samizdat:own-id and
 * samizdat:anchor-id in xslt/html/core.xsl): an element keeps its xml:id unless an earlier
 * element took it, and then gets the id samizdat makes (line-N, para-N), which in turn never
 * takes an id the document uses. Links to a line (its number) and to a paragraph go to that id.
 */
import { strict as assert } from 'node:assert';
import { toHtml } from '../../src/transform/index.js';
import { teiDoc, type TeiSource } from '../support/tei-doc.js';

const doc = (body: string): TeiSource => teiDoc({ file: 'anchors.xml', title: 'Anchors', body });

/** The id and class of each element of the page that has a class among `classes`, in order. */
function anchors(page: string, classes: string[]): string[] {
  return [...page.matchAll(/<(p|div|span)\b[^>]*>/g)]
    .map(([tag]) => ({ id: /\bid="([^"]*)"/.exec(tag)?.[1], cls: /\bclass="([^"]*)"/.exec(tag)?.[1] ?? '' }))
    .filter(({ cls }) => classes.some((c) => cls.split(' ').includes(c)))
    .map(({ id, cls }) => `${cls.split(' ')[0]}#${id ?? ''}`);
}

describe('anchor ids', function () {

  it('keep the first holder of an xml:id, and make free ids for the others', async () => {
    const page = await toHtml(doc(
      '<div><sp xml:id="s1" who="#a"><speaker>A</speaker>'
      + '<l xml:id="v1" n="1">One</l><l xml:id="v1" n="2">Two</l><l n="3">Three</l><l xml:id="line-5">Four</l><l n="x5">Five</l></sp>'
      + '<sp xml:id="s1"><speaker>B</speaker><l>Six</l></sp></div>'
      + '<p xml:id="para-2">First</p><p>Second</p><p xml:id="para-2">Third</p>',
    ));
    assert.deepEqual(anchors(page, ['tei-sp', 'tei-l', 'tei-p']), [
      'tei-sp#s1', 'tei-l#v1', 'tei-l#line-2', 'tei-l#line-3', 'tei-l#line-5', 'tei-l#line-5-samizdat', 'tei-sp#', 'tei-l#line-6',
      'tei-p#para-2', 'tei-p#para-2-samizdat', 'tei-p#para-3',
    ]);
    // The fifth line's number links to its id (the fourth line took line-5 first, by its xml:id).
    assert.match(page, /<a class="line-number" href="#line-5-samizdat" aria-label="Line 5">5<\/a>/);
    assert.match(page, /<a class="para-number" href="#para-2-samizdat" aria-label="Paragraph 2">2<\/a>/);
  });

  it('give a stage direction, a speaker, a byline, a reference … their xml:id, so that pointers to them land', async () => {
    const page = await toHtml(doc(
      '<div><byline xml:id="by">by Ann</byline><stage xml:id="enter">Enter Ann.</stage><sp><speaker xml:id="ann">Ann</speaker>'
      + '<l>Come, <stage xml:id="kneels">kneels</stage> sir.</l></sp>'
      + '<p>See <bibl xml:id="ref">the letters</bibl> and <ptr target="#enter"/>.</p><stage xml:id="enter">Again.</stage></div>',
    ));
    assert.deepEqual(anchors(page, ['tei-byline', 'tei-stage', 'tei-speaker', 'tei-bibl']), [
      'tei-byline#by', 'tei-stage#enter', 'tei-speaker#ann', 'tei-stage#kneels', 'tei-bibl#ref', 'tei-stage#',
    ]);
    assert.match(page, /href="#enter"/);
  });
});

/**
 * measureGrp: "a group of dimensional specifications which relate to the same object" (TEI Guidelines). Its
 * measurements, set one against the next with nothing between, read apart on the page and in the plain
 * text ("2 lb, 3 oz"); where the encoding has white space or words between them, nothing is added.
 */
import { strict as assert } from 'node:assert';
import { toHtml, toText } from '../../src/transform/index.js';
import { teiDoc, type TeiSource } from '../support/tei-doc.js';

const doc = (body: string): TeiSource => teiDoc({ file: 'measure-grp.xml', title: 'Measures', body });

/** The words of the page's first paragraph, tags and its number taken out. */
async function pageParagraph(body: string): Promise<string> {
  const page = await toHtml(doc(body));
  const paragraph = /<p id="para-1"[^>]*>([\s\S]*?)<\/p>/.exec(page)?.[1] ?? '';
  return paragraph.replace(/<a class="para-number"[^>]*>[^<]*<\/a>\s*/, '').replace(/<[^>]*>/g, '');
}

describe('measureGrp on the page and in the plain text', function () {

  it('sets apart measurements the encoding sets one against the next', async () => {
    const body = '<p>It weighs <measureGrp><measure quantity="2" unit="lb">2 lb</measure><measure quantity="3" unit="oz">3 oz</measure>'
      + '<measure quantity="1" unit="dram">1 dram</measure></measureGrp> in all.</p>';
    const expected = 'It weighs 2 lb, 3 oz, 1 dram in all.';
    assert.equal(await pageParagraph(body), expected);
    assert.equal((await toText(doc(body))).trim(), expected);
    assert.match(await toHtml(doc(body)), /<span class="tei-measure">2 lb<\/span>, <span class="tei-measure">3 oz<\/span>/);
  });

  it('adds nothing where the encoding has white space or words between them', async () => {
    const body = '<p>A leaf <measureGrp><measure unit="cm">20</measure> × <measure unit="cm">30</measure></measureGrp>,'
      + ' a box <measureGrp><measure>2 ft</measure> <measure>6 in</measure></measureGrp>.</p>';
    const expected = 'A leaf 20 × 30, a box 2 ft 6 in.';
    assert.equal(await pageParagraph(body), expected);
    assert.equal((await toText(doc(body))).trim(), expected);
  });
});

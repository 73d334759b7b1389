/**
 * listTranspose / transpose: "supplies a list of transpositions, each of
 * which is indicated at some point in a document typically by means of
 * metamarks" (TEI Guidelines): pointers, not text. Before, the pointers were
 * printed as links, "#t2#t1", in the text. Now nothing in the reading view,
 * the plain texts or the search records (the new order is not applied: see
 * docs/rendering.md); the diplomatic view has a small mark "[transposed]"
 * whose title gives the words in their new order.
 */
import { strict as assert } from 'node:assert';
import { toHtml, toText } from '../../src/transform/index.js';
import { attribute, viewText, withClass } from '../support/page-views.js';
import { teiDoc, type TeiSource } from '../support/tei-doc.js';
import { passageWords } from '../support/records.js';

const doc = (body: string): TeiSource => teiDoc({ file: 'transpose.xml', title: 'Transpose', body });

const body = '<div><p>Words <seg xml:id="t1">first</seg> <seg xml:id="t2">second</seg>.</p>'
  + '<listTranspose><transpose><ptr target="#t2"/><ptr target="#t1"/></transpose></listTranspose>'
  + '<p>After.</p></div>';

describe('listTranspose on the page, in the plain text and in the search records', function () {
  this.timeout(300_000);
  let page: string;
  before(async () => { page = await toHtml(doc(body)); });

  it('prints no pointer in the reading view', () => {
    const text = viewText(page, 'reading');
    assert.match(text, /Words first second\. After\./);
    assert.doesNotMatch(text, /#t|transposed/);
  });

  it('marks the transposition in the diplomatic view, the new order in its title', () => {
    assert.match(viewText(page, 'diplomatic'), /Words first second\. ?\[transposed\] After\./);
    assert.doesNotMatch(viewText(page, 'diplomatic'), /#t/);
    assert.deepEqual(withClass(page, 'tei-listTranspose').map((e) => attribute(e, 'title')), ['Transposed; read: second first']);
  });

  it('prints nothing of it in the plain texts or the search records', async () => {
    assert.equal((await toText(doc(body))).trim(), 'Words first second.\n\nAfter.');
    assert.equal((await toText(doc(body), { mode: 'diplomatic' })).trim(), 'Words first second.\n\nAfter.');
    assert.deepEqual(await passageWords(doc(body)), ['Words first second.', 'After.']);
  });
});

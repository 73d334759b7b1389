/**
 * A tree node's virtual copy drawn with its content. att.global.linking's @copyOf "points to an element of which the
 * current element is a copy"; the Guidelines (chapter GD, "Another Tree Notation") use it "to provide virtual copies
 * of elements in the tree representing the second stage of the derivation that also occur in the first stage": the
 * copy's content is the copied element's. Before (net44), a copy was named ("copy of NP") and drawn without the copied
 * subtree, so the second stage of a derivation lost its words ("you", "do", the moved "what"). Now the copied node's
 * children are drawn under the copy, on the page in a list marked as copied (tree-copied, its rule dashed) and
 * without their ids (the originals keep them: an id is the page's once), and in the plain text as lines under the
 * copy. The search keeps the words once, where they are encoded: a copy's content is virtual, not the text's.
 *
 * A copy of its own ancestor would hold itself forever: the ancestor's content is drawn once, above it, and the copy
 * stays a link to it; two nodes each a copy of the other are drawn once each.
 */
import { strict as assert } from 'node:assert';
import { toHtml, toText } from '../../src/transform/index.js';
import { passageWords } from '../support/records.js';
import { teiDoc, type TeiSource } from '../support/tei-doc.js';

const doc = (body: string): TeiSource => teiDoc({ file: 'tree-copies.xml', title: 'Copies', body });

const MOVED = '<div><figure><forest><eTree n="Stage 1"><label>VP</label><eTree xml:id="N1"><label>NP</label>'
  + '<eLeaf xml:id="W1"><label>what</label></eLeaf></eTree></eTree>'
  + '<eTree n="Stage 2"><label>S</label><eTree copyOf="#N1"><label>NP</label></eTree></eTree></forest></figure></div>';

describe('render: a virtual copy (@copyOf) drawn with the copied node\'s content', function () {
  this.timeout(300_000);

  it('draws the copied subtree under the copy, marked as copied and without ids; the text likewise', async function () {
    const page = await toHtml(doc(MOVED));
    assert.match(page, new RegExp('<ul class="tree-nodes"><li class="tei-eTree"><span class="tree-label">S</span><ul class="tree-nodes">'
      + '<li class="tei-eTree"><span class="tree-label">NP</span> <a class="tree-link tree-copyOf" href="#N1" aria-label="copy of NP in Stage 1">copy of NP</a>'
      + '<ul class="tree-nodes tree-copied"><li class="tei-eLeaf"><span class="tree-label">what</span></li></ul></li></ul></li></ul>'));
    assert.equal(page.match(/ id="W1"/g)?.length, 1);
    assert.equal(await toText(doc(MOVED)), 'VP\n└─ NP\n   └─ what\n\nS\n└─ NP (copy of NP in Stage 1)\n   └─ what\n');
    assert.deepEqual(await passageWords(doc(MOVED)), ['VP NP what', 'S NP']);
  });

  it('a copy of its own ancestor is drawn once, a link to it (no endless tree)', async function () {
    const body = '<div><figure><eTree xml:id="A"><label>A</label><eTree xml:id="B"><label>B</label><eLeaf><label>b</label></eLeaf></eTree>'
      + '<eTree copyOf="#A"><label>A</label></eTree></eTree></figure></div>';
    assert.match(await toHtml(doc(body)), new RegExp('<div class="tei-eTree tree"><ul class="tree-nodes"><li class="tei-eTree" id="A">'
      + '<span class="tree-label">A</span><ul class="tree-nodes"><li class="tei-eTree" id="B"><span class="tree-label">B</span>'
      + '<ul class="tree-nodes"><li class="tei-eLeaf"><span class="tree-label">b</span></li></ul></li>'
      + '<li class="tei-eTree"><span class="tree-label">A</span> <a class="tree-link tree-copyOf" href="#A" aria-label="copy of A">copy of A</a></li>'
      + '</ul></li></ul></div>'));
    assert.equal(await toText(doc(body)), 'A\n├─ B\n│  └─ b\n└─ A (copy of A)\n');
  });

  it('two nodes each a copy of the other are drawn once each', async function () {
    const body = '<div><figure><forest><eTree n="One"><label>S</label><eTree xml:id="X" copyOf="#Y"><label>X</label></eTree></eTree>'
      + '<eTree n="Two"><label>S</label><eTree xml:id="Y" copyOf="#X"><label>Y</label></eTree></eTree></forest></figure></div>';
    assert.equal(await toText(doc(body)), 'S\n└─ X (copy of Y in Two)\n\nS\n└─ Y (copy of X in One)\n');
  });
});

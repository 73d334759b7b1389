/**
 * Trees (the TEI Guidelines, "Graphs, Networks, and Trees"): a genealogy's or a parse's nodes, each under its
 * parent.
 *
 * An eTree ("embedding tree") is "an alternative to the tree element for representing ordered rooted tree
 * structures": its label, then its children (eTree, triangle, eLeaf); a triangle is "an underspecified eTree, that
 * is, an eTree with information left out"; a forest holds several trees. A tree holds a root, internal nodes (iNode)
 * and leaves, a node naming "the elements which are the children" by @children, or its parent by @parent. Before,
 * every node fell to the fallback and the labels ran on as one line ("Richardus Hugo fil. Richardi … Joscelinus"):
 * who descends from whom was lost. Now the page is a nested list (a node an item: its label, then the list of its
 * children), the plain text draws the tree with branches ("├─ ", "└─ "), and the search has the labels' words as
 * one passage. A triangle's label is followed by a triangle (△), as linguists draw it.
 */
import { strict as assert } from 'node:assert';
import { toHtml, toText } from '../../src/transform/index.js';
import { passageWords } from '../support/records.js';
import { teiDoc, type TeiSource } from '../support/tei-doc.js';
import { elementOnPage } from '../support/page-element.js';

const doc = (body: string): TeiSource => teiDoc({ file: 'trees.xml', title: 'Trees', body });


// The Guidelines' example of eTree (a prepositional phrase), with a triangle of theirs in place of one NP.
const PARSE = '<div><p>The phrase parsed:</p><figure><eTree xml:id="pp"><label>PP</label>'
  + '<eTree><label>P</label><eLeaf><label>with</label></eLeaf></eTree>'
  + '<triangle><label>NP</label><eLeaf><label>the periscope</label></eLeaf></triangle>'
  + '</eTree></figure></div>';

// A tree of pointers: the root names its children, an internal node is named as its leaves' parent.
const POINTERS = '<div><figure><tree><label>A family</label>'
  + '<root xml:id="r" children="#a #b"><label>Richardus</label></root>'
  + '<iNode xml:id="b" parent="#r"><label>Hugo</label></iNode>'
  + '<leaf xml:id="a" parent="#r"><label>Matilda</label></leaf>'
  + '<leaf xml:id="c" parent="#b"><label>Willelmus</label></leaf>'
  + '<leaf xml:id="d" parent="#b"><label>Ranulphus</label></leaf>'
  + '</tree></figure></div>';

describe('render: trees (eTree, triangle, forest, tree)', function () {
  this.timeout(300_000);

  it('an embedding tree is a nested list on the page, each node under its parent', async function () {
    const page = await toHtml(doc(PARSE));
    assert.equal(elementOnPage(page, 'div', 'tei-eTree tree'),
      '<div class="tei-eTree tree"><ul class="tree-nodes"><li class="tei-eTree" id="pp"><span class="tree-label">PP</span>'
      + '<ul class="tree-nodes">'
      + '<li class="tei-eTree"><span class="tree-label">P</span><ul class="tree-nodes"><li class="tei-eLeaf"><span class="tree-label">with</span></li></ul></li>'
      + '<li class="tei-triangle"><span class="tree-label">NP</span> <span class="tree-triangle" role="img" aria-label="underspecified subtree">△</span>'
      + '<ul class="tree-nodes"><li class="tei-eLeaf"><span class="tree-label">the periscope</span></li></ul></li>'
      + '</ul></li></ul></div>');
  });

  it('the plain text draws the tree, a node a line under its parent', async function () {
    const text = await toText(doc(PARSE));
    assert.equal(text, 'The phrase parsed:\n\n'
      + 'PP\n├─ P\n│  └─ with\n└─ NP △\n   └─ the periscope\n');
  });

  it('the search has the labels\' words, a passage of their own', async function () {
    assert.deepEqual(await passageWords(doc(PARSE)), ['The phrase parsed:', 'PP P with NP the periscope']);
  });

  it('a tree of pointers follows @children, else @parent, in that order', async function () {
    const page = await toHtml(doc(POINTERS));
    assert.equal(elementOnPage(page, 'div', 'tei-tree tree'),
      '<div class="tei-tree tree"><p class="tree-caption">A family</p><ul class="tree-nodes">'
      + '<li class="tei-root" id="r"><span class="tree-label">Richardus</span><ul class="tree-nodes">'
      + '<li class="tei-leaf" id="a"><span class="tree-label">Matilda</span></li>'
      + '<li class="tei-iNode" id="b"><span class="tree-label">Hugo</span><ul class="tree-nodes">'
      + '<li class="tei-leaf" id="c"><span class="tree-label">Willelmus</span></li>'
      + '<li class="tei-leaf" id="d"><span class="tree-label">Ranulphus</span></li>'
      + '</ul></li></ul></li></ul></div>');
    assert.equal(await toText(doc(POINTERS)), 'A family\nRichardus\n├─ Matilda\n└─ Hugo\n   ├─ Willelmus\n   └─ Ranulphus\n');
  });

  it('pointers that loop back draw each node once', async function () {
    const body = '<div><figure><tree><root xml:id="r" children="#i"><label>top</label></root>'
      + '<iNode xml:id="i" children="#r #l"><label>middle</label></iNode><leaf xml:id="l"><label>bottom</label></leaf></tree></figure></div>';
    assert.equal(await toText(doc(body)), 'top\n└─ middle\n   └─ bottom\n');
  });

  it('a forest in a paragraph: its trees are spans with the list roles, side by side', async function () {
    const body = '<div><p>Two lines of descent <figure><forest><eTree><label>Lionel</label><eTree><label>Wendy</label></eTree></eTree>'
      + '<eTree><label>Frederick</label><eLeaf><label>Philip</label></eLeaf></eTree></forest></figure> and no more.</p></div>';
    const page = await toHtml(doc(body));
    assert.equal(elementOnPage(page, 'span', 'tei-forest'),
      '<span class="tei-forest">'
      + '<span class="tei-eTree tree"><span class="tree-nodes" role="list"><span class="tei-eTree" role="listitem"><span class="tree-label">Lionel</span>'
      + '<span class="tree-nodes" role="list"><span class="tei-eTree" role="listitem"><span class="tree-label">Wendy</span></span></span></span></span></span>'
      + '<span class="tei-eTree tree"><span class="tree-nodes" role="list"><span class="tei-eTree" role="listitem"><span class="tree-label">Frederick</span>'
      + '<span class="tree-nodes" role="list"><span class="tei-eLeaf" role="listitem"><span class="tree-label">Philip</span></span></span></span></span></span>'
      + '</span>');
    assert.equal(await toText(doc(body)), 'Two lines of descent\n\nLionel\n└─ Wendy\n\nFrederick\n└─ Philip\n\nand no more.\n');
  });
});

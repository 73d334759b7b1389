/**
 * A forest's links between its trees, as the Guidelines link them (chapter GD, "Another Tree Notation"): a derivation
 * in a generative grammar is a forest, one tree a stage, and the Guidelines' wh-movement example links the second
 * stage to the first by @copyOf and @corresp, not @synch. att.global.linking: @copyOf "points to an element of which
 * the current element is a copy" (a virtual copy: its content is that element's), @corresp "points to elements that
 * correspond to the current element in some way"; the Guidelines use copyOf "to provide virtual copies of elements in
 * the tree representing the second stage of the derivation that also occur in the first stage", and corresp "to link
 * those elements in the second stage with corresponding elements in the first stage that are not copies of them".
 * Before, only @synch was linked and these were dropped: the reader saw two unrelated trees. Now each is a link, as
 * @synch's is, saying which relation it is ("copy of NP", "corresponds to e", read as "copy of NP in Stage 1"); the
 * plain text writes out the same words ("NP (copy of NP in Stage 1)"). A virtual copy with no label of its own is
 * named by the node it copies. Since net45 a virtual copy's content is drawn under it (tree-copies.test.ts): the
 * second stage's NP copied from the first has "what" under it again, in the copy's place (changed on purpose).
 *
 * The forest is the Guidelines' own (GD-GraphsNetworksTrees.xml, egXML GDAT-egXML-gf, TEI P5, CC-BY 3.0 / BSD-2 by
 * the TEI Consortium), whitespace removed.
 */
import { strict as assert } from 'node:assert';
import { toHtml, toText } from '../../src/transform/index.js';
import { passageWords } from '../support/records.js';
import { teiDoc, type TeiSource } from '../support/tei-doc.js';
import { elementOnPage } from '../support/page-element.js';

const doc = (body: string): TeiSource => teiDoc({ file: 'forests.xml', title: 'Forests', body });

const DERIVATION = '<div><figure>' + '<forest n="ex5" type="derivation-syntactic"><eTree n="Stage 1" xml:id="S1SBAR"><label>S\'</label><eTree xml:id="S1COMP"><label>COMP</label><eLeaf xml:id="S1E"><label>e</label></eLeaf></eTree><eTree xml:id="S1S"><label>S</label><eTree xml:id="S1NP1"><label>NP</label><eLeaf><label>you</label></eLeaf></eTree><eTree xml:id="S1VP"><label>VP</label><eTree xml:id="S1V"><label>V</label><eLeaf><label>do</label></eLeaf></eTree><eTree xml:id="S1NP2"><label>NP</label><eLeaf xml:id="S1WH"><label>what</label></eLeaf></eTree></eTree></eTree></eTree><eTree n="Stage 2" xml:id="S2SBAR" corresp="#S1SBAR"><label>S\'</label><eTree xml:id="S2COMP" corresp="#S1COMP"><label>COMP</label><eTree copyOf="#S1NP2" corresp="#S1E"><label>NP</label></eTree></eTree><eTree xml:id="S2S" corresp="#S1S"><label>S</label><eTree xml:id="S2NP1" copyOf="#S1NP1"><label>NP</label></eTree><eTree xml:id="S2VP" corresp="#S1VP"><label>VP</label><eTree xml:id="S2V" copyOf="#S1V"><label>V</label></eTree><eTree xml:id="S2NP2" corresp="#S1NP2"><label>NP</label><eLeaf corresp="#S1WH"><label>t</label></eLeaf></eTree></eTree></eTree></eTree></forest>' + '</figure></div>';

/** A tree node's item opening: its label, then its links, each "RELATION WORDS" linked to the node named. */
const item = (cls: string, id: string | null, label: string, ...links: [string, string, string][]) =>
  `<li class="${cls}"${id ? ` id="${id}"` : ''}><span class="tree-label">${label}</span>`
  + links.map(([relation, target, name]) => ` <a class="tree-link tree-${relation}" href="#${target}" aria-label="`
    + `${relation === 'copyOf' ? 'copy of' : 'corresponds to'} ${name} in Stage 1">${relation === 'copyOf' ? 'copy of' : 'corresponds to'} ${name}</a>`).join('');
const ul = (...items: string[]) => '<ul class="tree-nodes">' + items.join('') + '</ul>';
/** A virtual copy's content: the copied node's children, drawn again without their ids. */
const copied = (...items: string[]) => '<ul class="tree-nodes tree-copied">' + items.join('') + '</ul>';

describe('render: a forest\'s @copyOf and @corresp (the Guidelines\' derivation)', function () {
  this.timeout(300_000);

  it('links each node of the second stage to its first-stage node, saying how they are related', async function () {
    const leaf = (label: string, id?: string) => `<li class="tei-eLeaf"${id ? ` id="${id}"` : ''}><span class="tree-label">${label}</span></li>`;
    const stage1 = '<div class="tei-eTree tree">' + ul(item('tei-eTree', 'S1SBAR', 'S\'') + ul(
      item('tei-eTree', 'S1COMP', 'COMP') + ul(leaf('e', 'S1E')) + '</li>',
      item('tei-eTree', 'S1S', 'S') + ul(
        item('tei-eTree', 'S1NP1', 'NP') + ul(leaf('you')) + '</li>',
        item('tei-eTree', 'S1VP', 'VP') + ul(
          item('tei-eTree', 'S1V', 'V') + ul(leaf('do')) + '</li>',
          item('tei-eTree', 'S1NP2', 'NP') + ul(leaf('what', 'S1WH')) + '</li>') + '</li>') + '</li>') + '</li>') + '</div>';
    const stage2 = '<div class="tei-eTree tree">' + ul(item('tei-eTree', 'S2SBAR', 'S\'', ['corresp', 'S1SBAR', 'S\'']) + ul(
      item('tei-eTree', 'S2COMP', 'COMP', ['corresp', 'S1COMP', 'COMP']) + ul(
        item('tei-eTree', null, 'NP', ['copyOf', 'S1NP2', 'NP'], ['corresp', 'S1E', 'e']) + copied(leaf('what')) + '</li>') + '</li>',
      item('tei-eTree', 'S2S', 'S', ['corresp', 'S1S', 'S']) + ul(
        item('tei-eTree', 'S2NP1', 'NP', ['copyOf', 'S1NP1', 'NP']) + copied(leaf('you')) + '</li>',
        item('tei-eTree', 'S2VP', 'VP', ['corresp', 'S1VP', 'VP']) + ul(
          item('tei-eTree', 'S2V', 'V', ['copyOf', 'S1V', 'V']) + copied(leaf('do')) + '</li>',
          item('tei-eTree', 'S2NP2', 'NP', ['corresp', 'S1NP2', 'NP']) + ul(
            item('tei-eLeaf', null, 't', ['corresp', 'S1WH', 'what']) + '</li>') + '</li>') + '</li>') + '</li>') + '</li>') + '</div>';
    assert.equal(elementOnPage(await toHtml(doc(DERIVATION)), 'div', 'tei-forest'),
      '<div class="tei-forest rend-derivation-syntactic">' + stage1 + stage2 + '</div>');
  });

  it('the plain text writes the relations out, the search has the labels only', async function () {
    assert.equal(await toText(doc(DERIVATION)), 'S\'\n├─ COMP\n│  └─ e\n└─ S\n   ├─ NP\n   │  └─ you\n   └─ VP\n      ├─ V\n      │  └─ do\n      └─ NP\n         └─ what\n\n'
      + 'S\' (corresponds to S\' in Stage 1)\n'
      + '├─ COMP (corresponds to COMP in Stage 1)\n'
      + '│  └─ NP (copy of NP in Stage 1) (corresponds to e in Stage 1)\n'
      + '│     └─ what\n'
      + '└─ S (corresponds to S in Stage 1)\n'
      + '   ├─ NP (copy of NP in Stage 1)\n'
      + '   │  └─ you\n'
      + '   └─ VP (corresponds to VP in Stage 1)\n'
      + '      ├─ V (copy of V in Stage 1)\n'
      + '      │  └─ do\n'
      + '      └─ NP (corresponds to NP in Stage 1)\n'
      + '         └─ t (corresponds to what in Stage 1)\n');
    assert.deepEqual(await passageWords(doc(DERIVATION)), ['S\' COMP e S NP you VP V do NP what', 'S\' COMP NP S NP VP V NP t']);
  });

  it('a virtual copy with no label is named by the node it copies; a pointer naming nothing stays', async function () {
    const body = '<div><figure><forest><eTree n="Stage 1"><label>VP</label><eTree xml:id="V1"><label>V</label></eTree></eTree>'
      + '<eTree n="Stage 2"><label>VP</label><eTree copyOf="#V1"/><eTree corresp="#gone"><label>NP</label></eTree></eTree></forest></figure></div>';
    const page = await toHtml(doc(body));
    assert.match(page, new RegExp('<li class="tei-eTree"><span class="tree-label">V</span> '
      + '<a class="tree-link tree-copyOf" href="#V1" aria-label="copy of V in Stage 1">copy of V</a></li>'
      + '<li class="tei-eTree"><span class="tree-label">NP</span> <span class="tree-link tree-corresp tree-link-missing">corresponds to \\? \\(#gone\\)</span></li>'));
    assert.equal(await toText(doc(body)), 'VP\n└─ V\n\nVP\n├─ V (copy of V in Stage 1)\n└─ NP (corresponds to ? (#gone))\n');
  });
});

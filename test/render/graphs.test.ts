/**
 * Graphs (the TEI Guidelines, chapter GD "Graphs, Networks, and Trees"), and a tree node's @synch in a forest.
 *
 * A graph is "a set of nodes and a set of arcs": its first child may be a label, "the label child of each node
 * element records the labels of that node", an arc's from and to point to "the nodes connected by those arcs". The
 * adjacency attributes of a node are "an alternative method of representing unlabeled arcs": adjTo names the nodes
 * adjacent to it (an edge from it), adjFrom those it is adjacent from, adj (undirected graphs) both, and an arc may
 * be described "in any one of the three places it can be described", or in several. A graph whose @type is
 * "undirected" has no direction: its from and to "could be interchanged". A node's @value "provides the value of a
 * node, which is a feature structure or other analytic element". Before, no rule drew a graph: its labels ran on as
 * one line of words ("Airline Connections in Southwestern USA LAX LVG PHX TUS CIB") and which node joins which was
 * lost. Now the page is a figure: the graph's label its caption, a list of nodes, a list of edges ("LAX — LVG"
 * undirected, "LAX6 → LVG6: SW117" directed with the arc's label), an edge told by two nodes listed once, a pointer
 * naming no node kept as "? (#TUS)"; the plain text the same ("Nodes:", "Edges:", a line each); the search the
 * labels' words as one passage.
 *
 * A graph's @type: "undirected", "directed", "transitionNetwork" ("a directed graph with distinguished initial and
 * final nodes"), "transducer" ("a transition network with up to two labels on each arc"); only the first is
 * undirected. A node's @type "initial" or "final" ("initial node in a transition network") is shown after its name
 * ("Q0 (initial)"), where before it was a class only and the reader could not tell where the network starts. A
 * transducer's arc labels are a pair, "a mapping from one sequence of labels to the other": both shown, joined by ↦
 * ("THE ↦ L'", read "maps to"), where before the second (the French) was dropped; two labels on another graph's arc
 * stand side by side ("a / b").
 *
 * att.global.linking's @synch "points to elements that are synchronous with the current element": in a forest (a
 * derivation's stages), a tree node's @synch, or its label's, names the same node in another tree. It is a link to
 * that node ("same node as what", named "same node as what in Stage 1": the words seen begin the name), where before it was dropped.
 *
 * The graphs are the Guidelines' examples (GD-GraphsNetworksTrees.xml, TEI P5, CC-BY 3.0 / BSD-2 by the TEI
 * Consortium), whitespace removed; the family tree cut to four of its people; the forest is theirs, cut down, with
 * @synch where they use @corresp.
 */
import { strict as assert } from 'node:assert';
import { toHtml, toText } from '../../src/transform/index.js';
import { passageWords } from '../support/records.js';
import { teiDoc, type TeiSource } from '../support/tei-doc.js';
import { elementOnPage } from '../support/page-element.js';

const doc = (body: string): TeiSource => teiDoc({ file: 'graphs.xml', title: 'Graphs', body });


const AIRPORTS = (n: string) => ['LAX', 'LVG', 'PHX', 'TUS', 'CIB'].map((a) => a + n);
const nodes = (ids: string[], attrs: Record<string, string> = {}) =>
  ids.map((id) => `<node xml:id="${id}"${attrs[id] ?? ''}><label>${id}</label></node>`).join('');

// An undirected graph, its arcs told by arc elements (CUG1).
const CUG1 = '<div><figure><graph type="undirected" xml:id="CUG1" order="5" size="4"><label>Airline Connections in Southwestern USA</label>'
  + '<node xml:id="LAX" degree="2"><label>LAX</label></node><node xml:id="LVG" degree="2"><label>LVG</label></node>'
  + '<node xml:id="PHX" degree="3"><label>PHX</label></node><node xml:id="TUS" degree="1"><label>TUS</label></node>'
  + '<node xml:id="CIB" degree="0"><label>CIB</label></node>'
  + '<arc from="#LAX" to="#LVG"/><arc from="#LAX" to="#PHX"/><arc from="#LVG" to="#PHX"/><arc from="#PHX" to="#TUS"/></graph></figure></div>';

// The same graph, each arc told by both its nodes' @adj (CUG2), then by one of them (CUG3).
const CUG2 = '<div><figure><graph type="undirected" xml:id="CUG2"><label>Airline Connections in Southwestern USA</label>'
  + nodes(AIRPORTS('2'), { LAX2: ' adj="#LVG2 #PHX2"', LVG2: ' adj="#LAX2 #PHX2"', PHX2: ' adj="#LAX2 #LVG2 #TUS2"', TUS2: ' adj="#PHX2"' })
  + '</graph></figure></div>';
const CUG3 = '<div><figure><graph type="undirected" xml:id="CUG3"><label>Airline Connections in Southwestern USA</label>'
  + nodes(AIRPORTS('3'), { LAX3: ' adj="#LVG3 #PHX3"', LVG3: ' adj="#PHX3"', PHX3: ' adj="#TUS3"' })
  + '</graph></figure></div>';

// A directed graph told by adjTo and adjFrom (RDG2), as the Guidelines print it: PHX5's adjTo names "#TUS", no node.
const RDG2 = '<div><figure><graph type="directed" xml:id="RDG2"><label>Selected Airline Routes in Southwestern USA</label>'
  + nodes(AIRPORTS('5'), { LAX5: ' adjTo="#LVG5" adjFrom="#PHX5"', LVG5: ' adjFrom="#LAX5" adjTo="#PHX5"',
    PHX5: ' adjTo="#LAX5 #TUS" adjFrom="#LVG5 #TUS5"', TUS5: ' adjTo="#PHX5" adjFrom="#PHX5"' })
  + '</graph></figure></div>';

// A directed graph whose arcs are labelled with flight numbers (RDG3).
const RDG3 = '<div><figure><graph type="directed" xml:id="RDG3"><label>Selected Airline Routes in Southwestern USA</label>'
  + nodes(AIRPORTS('6'))
  + '<arc from="#LAX6" to="#LVG6"><label>SW117</label></arc><arc from="#LVG6" to="#PHX6"><label>SW711</label></arc>'
  + '<arc from="#PHX6" to="#LAX6"><label>AA218</label></arc><arc from="#PHX6" to="#TUS6"><label>AW229</label></arc>'
  + '<arc from="#TUS6" to="#PHX6"><label>AW225</label></arc></graph></figure></div>';

// A transition network (Chomsky's (8)): its states have no label, only ids; its arcs are words.
const SS8 = '<div><figure><graph type="network-transition" xml:id="SS8"><label>(8)</label>'
  + '<node xml:id="Q0" type="initial"/><node xml:id="Q1"/><node xml:id="Q2"/><node xml:id="Q3"/><node xml:id="Q4" type="final"/>'
  + '<arc from="#Q0" to="#Q1"><label>THE</label></arc><arc from="#Q1" to="#Q1"><label>OLD</label></arc>'
  + '<arc from="#Q1" to="#Q2"><label>MAN</label></arc><arc from="#Q1" to="#Q3"><label>MEN</label></arc>'
  + '<arc from="#Q2" to="#Q4"><label>COMES</label></arc><arc from="#Q3" to="#Q4"><label>COME</label></arc></graph></figure></div>';

// A transducer, English to French (the Guidelines' GDTN-egXML-wh): each arc has two labels, the word and its translation.
const TRANSDUCER = '<div><figure>' + '<graph type="transducer" order="7" size="10"><node xml:id="T0" inDegree="0" outDegree="3" type="initial"><label>0</label></node><node xml:id="T1" inDegree="2" outDegree="1"><label>1</label></node><node xml:id="T2" inDegree="2" outDegree="2"><label>2</label></node><node xml:id="T3" inDegree="2" outDegree="2"><label>3</label></node><node xml:id="T4" inDegree="1" outDegree="1"><label>4</label></node><node xml:id="T5" inDegree="1" outDegree="1"><label>5</label></node><node xml:id="T6" inDegree="2" outDegree="0" type="final"><label>6</label></node><arc from="#T0" to="#T1"><label>THE</label><label>L\'</label></arc><arc from="#T0" to="#T2"><label>THE</label><label>LE</label></arc><arc from="#T0" to="#T3"><label>THE</label><label>LES</label></arc><arc from="#T1" to="#T4"><label>MAN</label><label>HOMME</label></arc><arc from="#T2" to="#T1"><label>OLD</label><label>VIEIL</label></arc><arc from="#T2" to="#T2"><label>OLD</label><label>VIEIL</label></arc><arc from="#T3" to="#T3"><label>OLD</label><label>VIEUX</label></arc><arc from="#T3" to="#T5"><label>MEN</label><label>HOMMES</label></arc><arc from="#T4" to="#T6"><label>COMES</label><label>VIENT</label></arc><arc from="#T5" to="#T6"><label>COME</label><label>VIENNENT</label></arc></graph>' + '</figure></div>';

// Bertrand Russell's family tree, cut: people's nodes point to their feature structures by @value.
const RUSSELL = '<div><figure><graph type="family_tree">'
  + '<node xml:id="KATHR" value="http://example.com/russell-fs/tei/kr1"><label>Katherine</label></node>'
  + '<node xml:id="AMBER" value="http://example.com/russell-fs/tei/ar1"><label>Amberley</label></node>'
  + '<node xml:id="KAR"><label>K+A</label></node>'
  + '<node xml:id="BERTR" value="http://example.com/russell-fs/tei/br1"><label>Bertrand</label></node>'
  + '<arc from="#KATHR" to="#KAR"><label>Mo</label></arc><arc from="#AMBER" to="#KAR"><label>Fa</label></arc>'
  + '<arc from="#KAR" to="#BERTR"><label>So</label></arc></graph></figure></div>';

/** An edge's item on the page: its ends' names and the joiner between them ("to" read aloud for →, "and" for —). */
const edge = (cls: string, from: string, to: string, undirected: boolean, arcLabel = '') =>
  `<li class="${cls}"><span class="graph-node-label">${from}</span> `
  + `<span class="graph-joiner" role="img" aria-label="${undirected ? 'and' : 'to'}">${undirected ? '—' : '→'}</span> `
  + (to.startsWith('?') ? `<span class="graph-node-missing">${to}</span>` : `<span class="graph-node-label">${to}</span>`)
  + (arcLabel ? `: <span class="graph-arc-label">${arcLabel}</span>` : '') + '</li>';
const nodeItems = (ids: string[]) => ids.map((id) => `<li class="tei-node" id="${id}"><span class="graph-node-label">${id}</span></li>`).join('');

describe('render: graphs (graph, node, arc)', function () {
  this.timeout(300_000);

  it('an undirected graph is a figure: its label the caption, its nodes and its edges lists', async function () {
    assert.equal(elementOnPage(await toHtml(doc(CUG1)), 'figure', 'tei-graph'),
      '<figure class="tei-graph rend-undirected graph" id="CUG1"><figcaption class="graph-caption">Airline Connections in Southwestern USA</figcaption>'
      + '<p class="graph-list-head">Nodes</p><ul class="graph-nodes">' + nodeItems(AIRPORTS('')) + '</ul>'
      + '<p class="graph-list-head">Edges</p><ul class="graph-edges">'
      + edge('tei-arc', 'LAX', 'LVG', true) + edge('tei-arc', 'LAX', 'PHX', true) + edge('tei-arc', 'LVG', 'PHX', true) + edge('tei-arc', 'PHX', 'TUS', true)
      + '</ul></figure>');
  });

  it('the plain text lists the nodes and the edges, a line each', async function () {
    assert.equal(await toText(doc(CUG1)), 'Airline Connections in Southwestern USA\nNodes:\nLAX\nLVG\nPHX\nTUS\nCIB\n'
      + 'Edges:\nLAX — LVG\nLAX — PHX\nLVG — PHX\nPHX — TUS\n');
  });

  it('the search has the labels\' words, one passage', async function () {
    assert.deepEqual(await passageWords(doc(CUG1)), ['Airline Connections in Southwestern USA LAX LVG PHX TUS CIB']);
  });

  it('an undirected edge told by both its nodes\' @adj is listed once, as when told by one', async function () {
    for (const [body, n] of [[CUG2, '2'], [CUG3, '3']]) {
      assert.equal(await toText(doc(body)), 'Airline Connections in Southwestern USA\nNodes:\n' + AIRPORTS(n).join('\n') + '\n'
        + `Edges:\nLAX${n} — LVG${n}\nLAX${n} — PHX${n}\nLVG${n} — PHX${n}\nPHX${n} — TUS${n}\n`);
    }
    assert.match(await toHtml(doc(CUG2)), new RegExp('<ul class="graph-edges">'
      + edge('graph-edge', 'LAX2', 'LVG2', true) + edge('graph-edge', 'LAX2', 'PHX2', true)
      + edge('graph-edge', 'LVG2', 'PHX2', true) + edge('graph-edge', 'PHX2', 'TUS2', true) + '</ul>'));
  });

  it('adjTo and adjFrom are directed edges, each once; a pointer naming no node stays, as "?" and the pointer', async function () {
    assert.equal(await toText(doc(RDG2)), 'Selected Airline Routes in Southwestern USA\nNodes:\n' + AIRPORTS('5').join('\n') + '\n'
      + 'Edges:\nLAX5 → LVG5\nPHX5 → LAX5\nLVG5 → PHX5\nPHX5 → ? (#TUS)\nTUS5 → PHX5\nPHX5 → TUS5\n');
    const page = await toHtml(doc(RDG2));
    assert.ok(page.includes('<ul class="graph-edges">' + edge('graph-edge', 'LAX5', 'LVG5', false) + edge('graph-edge', 'PHX5', 'LAX5', false)
      + edge('graph-edge', 'LVG5', 'PHX5', false) + edge('graph-edge', 'PHX5', '? (#TUS)', false)
      + edge('graph-edge', 'TUS5', 'PHX5', false) + edge('graph-edge', 'PHX5', 'TUS5', false) + '</ul>'), page);
  });

  it('an arc\'s label follows its edge, on the page and in the plain text', async function () {
    const page = await toHtml(doc(RDG3));
    assert.ok(page.includes('<ul class="graph-edges">' + edge('tei-arc', 'LAX6', 'LVG6', false, 'SW117') + edge('tei-arc', 'LVG6', 'PHX6', false, 'SW711')
      + edge('tei-arc', 'PHX6', 'LAX6', false, 'AA218') + edge('tei-arc', 'PHX6', 'TUS6', false, 'AW229')
      + edge('tei-arc', 'TUS6', 'PHX6', false, 'AW225') + '</ul>'), page);
    assert.equal(await toText(doc(RDG3)), 'Selected Airline Routes in Southwestern USA\nNodes:\n' + AIRPORTS('6').join('\n') + '\n'
      + 'Edges:\nLAX6 → LVG6: SW117\nLVG6 → PHX6: SW711\nPHX6 → LAX6: AA218\nPHX6 → TUS6: AW229\nTUS6 → PHX6: AW225\n');
    assert.deepEqual(await passageWords(doc(RDG3)),
      ['Selected Airline Routes in Southwestern USA LAX6 LVG6 PHX6 TUS6 CIB6 SW117 SW711 AA218 AW229 AW225']);
  });

  it('a node with no label is named by its id; a transition network\'s initial and final nodes are named so; its arcs directed', async function () {
    assert.equal(await toText(doc(SS8)), '(8)\nNodes:\nQ0 (initial)\nQ1\nQ2\nQ3\nQ4 (final)\n'
      + 'Edges:\nQ0 → Q1: THE\nQ1 → Q1: OLD\nQ1 → Q2: MAN\nQ1 → Q3: MEN\nQ2 → Q4: COMES\nQ3 → Q4: COME\n');
    assert.match(await toHtml(doc(SS8)), new RegExp('<ul class="graph-nodes"><li class="tei-node rend-initial" id="Q0"><span class="graph-node-label">Q0</span> '
      + '<span class="graph-node-type">\\(initial\\)</span></li><li class="tei-node" id="Q1"><span class="graph-node-label">Q1</span></li>'
      + '<li class="tei-node" id="Q2"><span class="graph-node-label">Q2</span></li><li class="tei-node" id="Q3"><span class="graph-node-label">Q3</span></li>'
      + '<li class="tei-node rend-final" id="Q4"><span class="graph-node-label">Q4</span> <span class="graph-node-type">\\(final\\)</span></li></ul>'));
  });

  it('a transducer\'s arc has its pair of labels, the first mapped to the second', async function () {
    const page = await toHtml(doc(TRANSDUCER));
    const pair = (from: string, to: string, input: string, output: string) => `<li class="tei-arc"><span class="graph-node-label">${from}</span> `
      + `<span class="graph-joiner" role="img" aria-label="to">→</span> <span class="graph-node-label">${to}</span>: <span class="graph-arc-label">${input}</span> `
      + `<span class="graph-label-joiner" role="img" aria-label="maps to">↦</span> <span class="graph-arc-label">${output}</span></li>`;
    assert.ok(page.includes('<ul class="graph-edges">' + pair('0', '1', 'THE', "L'") + pair('0', '2', 'THE', 'LE') + pair('0', '3', 'THE', 'LES')
      + pair('1', '4', 'MAN', 'HOMME') + pair('2', '1', 'OLD', 'VIEIL') + pair('2', '2', 'OLD', 'VIEIL') + pair('3', '3', 'OLD', 'VIEUX')
      + pair('3', '5', 'MEN', 'HOMMES') + pair('4', '6', 'COMES', 'VIENT') + pair('5', '6', 'COME', 'VIENNENT') + '</ul>'), page);
    assert.equal(await toText(doc(TRANSDUCER)), 'Nodes:\n0 (initial)\n1\n2\n3\n4\n5\n6 (final)\nEdges:\n'
      + "0 → 1: THE ↦ L'\n0 → 2: THE ↦ LE\n0 → 3: THE ↦ LES\n1 → 4: MAN ↦ HOMME\n2 → 1: OLD ↦ VIEIL\n2 → 2: OLD ↦ VIEIL\n"
      + '3 → 3: OLD ↦ VIEUX\n3 → 5: MEN ↦ HOMMES\n4 → 6: COMES ↦ VIENT\n5 → 6: COME ↦ VIENNENT\n');
    assert.deepEqual(await passageWords(doc(TRANSDUCER)),
      ["0 1 2 3 4 5 6 THE L' THE LE THE LES MAN HOMME OLD VIEIL OLD VIEIL OLD VIEUX MEN HOMMES COMES VIENT COME VIENNENT"]);
  });

  it('two labels on an arc of another graph stand side by side', async function () {
    const body = '<div><figure><graph type="directed"><node xml:id="x"><label>x</label></node><node xml:id="y"><label>y</label></node>'
      + '<arc from="#x" to="#y"><label>a</label><label>b</label></arc></graph></figure></div>';
    assert.equal(await toText(doc(body)), 'Nodes:\nx\ny\nEdges:\nx → y: a / b\n');
    assert.match(await toHtml(doc(body)), /<span class="graph-node-label">y<\/span>: <span class="graph-arc-label">a<\/span> \/ <span class="graph-arc-label">b<\/span><\/li>/);
  });

  it('a node\'s value follows its label', async function () {
    const page = await toHtml(doc(RUSSELL));
    assert.match(page, new RegExp('<ul class="graph-nodes"><li class="tei-node" id="KATHR"><span class="graph-node-label">Katherine</span> '
      + '<span class="graph-node-value">\\(value: http://example\\.com/russell-fs/tei/kr1\\)</span></li>'
      + '<li class="tei-node" id="AMBER"><span class="graph-node-label">Amberley</span> <span class="graph-node-value">\\(value: http://example\\.com/russell-fs/tei/ar1\\)</span></li>'
      + '<li class="tei-node" id="KAR"><span class="graph-node-label">K\\+A</span></li>'));
    assert.equal(await toText(doc(RUSSELL)), 'Nodes:\nKatherine (value: http://example.com/russell-fs/tei/kr1)\n'
      + 'Amberley (value: http://example.com/russell-fs/tei/ar1)\nK+A\nBertrand (value: http://example.com/russell-fs/tei/br1)\n'
      + 'Edges:\nKatherine → K+A: Mo\nAmberley → K+A: Fa\nK+A → Bertrand: So\n');
  });

  it('a graph in a paragraph: spans with the figure\'s and the lists\' roles', async function () {
    const body = '<div><p>Flights <figure><graph type="directed"><label>Two</label><node xml:id="a"><label>Rome</label></node>'
      + '<node xml:id="b" adjFrom="#a"><label>Oslo</label></node></graph></figure> weekly.</p></div>';
    assert.equal(elementOnPage(await toHtml(doc(body)), 'span', 'tei-graph'),
      '<span class="tei-graph rend-directed graph" role="figure"><span class="graph-caption">Two</span>'
      + '<span class="graph-list-head">Nodes</span><span class="graph-nodes" role="list">'
      + '<span class="tei-node" role="listitem" id="a"><span class="graph-node-label">Rome</span></span>'
      + '<span class="tei-node" role="listitem" id="b"><span class="graph-node-label">Oslo</span></span></span>'
      + '<span class="graph-list-head">Edges</span><span class="graph-edges" role="list"><span class="graph-edge" role="listitem">'
      + '<span class="graph-node-label">Rome</span> <span class="graph-joiner" role="img" aria-label="to">→</span> <span class="graph-node-label">Oslo</span>'
      + '</span></span></span>');
    assert.equal(await toText(doc(body)), 'Flights\n\nTwo\nNodes:\nRome\nOslo\nEdges:\nRome → Oslo\n\nweekly.\n');
  });
});

describe('render: a tree node\'s @synch in a forest', function () {
  this.timeout(300_000);

  // The Guidelines' wh-movement derivation, cut down: stage 2's nodes name their stage 1 selves.
  const FOREST = '<div><figure><forest type="derivation-syntactic">'
    + '<eTree n="Stage 1" xml:id="S1SBAR"><label>S\'</label><eTree xml:id="S1NP2"><label>NP</label><eLeaf xml:id="S1WH"><label>what</label></eLeaf></eTree></eTree>'
    + '<eTree n="Stage 2" xml:id="S2SBAR"><label synch="#S1SBAR">S\'</label><eTree synch="#S1NP2"><label>NP</label>'
    + '<eLeaf synch="#S1WH #S3WH"><label>t</label></eLeaf></eTree></eTree></forest></figure></div>';

  it('links the node to the same node in the other tree, named for the reader; a pointer naming nothing stays', async function () {
    assert.equal(elementOnPage(await toHtml(doc(FOREST)), 'div', 'tei-forest'),
      '<div class="tei-forest rend-derivation-syntactic">'
      + '<div class="tei-eTree tree"><ul class="tree-nodes"><li class="tei-eTree" id="S1SBAR"><span class="tree-label">S\'</span><ul class="tree-nodes">'
      + '<li class="tei-eTree" id="S1NP2"><span class="tree-label">NP</span><ul class="tree-nodes"><li class="tei-eLeaf" id="S1WH"><span class="tree-label">what</span></li>'
      + '</ul></li></ul></li></ul></div>'
      + '<div class="tei-eTree tree"><ul class="tree-nodes"><li class="tei-eTree" id="S2SBAR"><span class="tree-label">S\'</span> '
      + '<a class="tree-synch" href="#S1SBAR" aria-label="same node as S\' in Stage 1">same node as S\'</a><ul class="tree-nodes">'
      + '<li class="tei-eTree"><span class="tree-label">NP</span> <a class="tree-synch" href="#S1NP2" aria-label="same node as NP in Stage 1">same node as NP</a><ul class="tree-nodes">'
      + '<li class="tei-eLeaf"><span class="tree-label">t</span> <a class="tree-synch" href="#S1WH" aria-label="same node as what in Stage 1">same node as what</a> '
      + '<span class="tree-synch tree-synch-missing">same node as ? (#S3WH)</span></li></ul></li></ul></li></ul></div></div>');
  });

  // WCAG 2.5.3 (label in name): the link read "= NP" and was named "same node as NP in Stage 1".
  it('begins each link\'s accessible name with the words it shows', async function () {
    const links = [...(await toHtml(doc(FOREST))).matchAll(/<a class="tree-[^"]*" href="[^"]*" aria-label="([^"]*)">([^<]*)<\/a>/g)];
    assert.deepEqual(links.map(([, name, words]) => name.startsWith(words)), [true, true, true]);
  });

  it('the plain text says which node it is the same as', async function () {
    assert.equal(await toText(doc(FOREST)), 'S\'\n└─ NP\n   └─ what\n\n'
      + 'S\' (same node as S\' in Stage 1)\n└─ NP (same node as NP in Stage 1)\n   └─ t (same node as what in Stage 1) (same node as ? (#S3WH))\n');
  });
});

/**
 * The edition rule net-counts (schemas/samizdat-rules.sch, docs/rules.md): what a graph and its nodes declare of
 * themselves (TEI chapter GD, "Graphs, Networks, and Trees") agrees with what they hold. A graph's @order "states
 * the order of the graph, i.e., the number of its nodes", its @size "the size of the graph, i.e., the number of its
 * arcs"; a node's @degree is the number of arcs it is an end of, @inDegree and @outDegree those leading to and from
 * it. The encoder writes them by hand and the page does not repeat them, so a wrong count is a warning, at the
 * graph or the node (line and column), naming the declared and the counted number.
 *
 * The graphs are the Guidelines' examples (GD-GraphsNetworksTrees.xml, TEI P5, CC-BY 3.0 / BSD-2 by the TEI
 * Consortium), whitespace removed: CUG1 and the transition network SS8 agree with their counts; RDG2, as printed,
 * declares size 5 and tells six arcs (PHX5's adjTo names "#TUS", no node, besides "#TUS5" by TUS5's adjFrom).
 *
 * Trees likewise (the chapter's "Trees"): a tree's @order "gives the order of the tree, i.e., the number of its
 * nodes" (not the number of children a node may have); its @arity is "the greatest value of the outDegree attribute
 * for any of the nodes in the tree" (2: a binary tree); a root's or an iNode's @outDegree "the number of its
 * children", which its @children names. iNode and root have no @arity of their own. The Guidelines' ex1 (the formula
 * ((a**2)+(b**2))/((a+b)**2)) declares order 12 and has 13 nodes (a root, five iNodes, seven leaves).
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultCacheDir, EDITION_RULES, loadRules, type CompiledRules } from '../../src/validate/schematron.js';
import { brief, check } from '../support/rules.js';
import { teiText } from '../support/tei-doc.js';

/** The line and column (1-based) of the first `markup` in `text`. */
function placeOf(text: string, markup: string): string {
  const at = text.indexOf(markup);
  assert.notEqual(at, -1, markup);
  const before = text.slice(0, at).split('\n');
  return `${before.length}:${before[before.length - 1].length + 1}`;
}

const CUG1 = '<graph type="undirected" xml:id="CUG1" order="5" size="4"><label>Airline Connections in Southwestern USA</label>'
  + '<node xml:id="LAX" degree="2"><label>LAX</label></node><node xml:id="LVG" degree="2"><label>LVG</label></node>'
  + '<node xml:id="PHX" degree="3"><label>PHX</label></node><node xml:id="TUS" degree="1"><label>TUS</label></node>'
  + '<node xml:id="CIB" degree="0"><label>CIB</label></node>'
  + '<arc from="#LAX" to="#LVG"/><arc from="#LAX" to="#PHX"/><arc from="#LVG" to="#PHX"/><arc from="#PHX" to="#TUS"/></graph>';

const SS8 = '<graph type="network-transition" xml:id="SS8" order="5" size="6"><label>(8)</label>'
  + '<node xml:id="Q0" inDegree="0" outDegree="1" type="initial"/><node xml:id="Q1" inDegree="2" outDegree="3"/>'
  + '<node xml:id="Q2" inDegree="1" outDegree="1"/><node xml:id="Q3" inDegree="1" outDegree="1"/>'
  + '<node xml:id="Q4" inDegree="2" outDegree="0" type="final"/>'
  + '<arc from="#Q0" to="#Q1"><label>THE</label></arc><arc from="#Q1" to="#Q1"><label>OLD</label></arc>'
  + '<arc from="#Q1" to="#Q2"><label>MAN</label></arc><arc from="#Q1" to="#Q3"><label>MEN</label></arc>'
  + '<arc from="#Q2" to="#Q4"><label>COMES</label></arc><arc from="#Q3" to="#Q4"><label>COME</label></arc></graph>';

// An undirected graph told by one node's @adj per arc (CUG3), its counts right.
const CUG3 = '<graph type="undirected" xml:id="CUG3" order="5" size="4"><label>Airline Connections in Southwestern USA</label>'
  + '<node xml:id="LAX3" adj="#LVG3 #PHX3" degree="2"><label>LAX</label></node><node xml:id="LVG3" adj="#PHX3" degree="2"><label>LVG</label></node>'
  + '<node xml:id="PHX3" adj="#TUS3" degree="3"><label>PHX</label></node><node xml:id="TUS3" degree="1"><label>TUS</label></node>'
  + '<node xml:id="CIB3" degree="0"><label>CIB</label></node></graph>';

const RDG2 = '<graph type="directed" xml:id="RDG2" order="5" size="5"><label>Selected Airline Routes in Southwestern USA</label>'
  + '<node xml:id="LAX5" adjTo="#LVG5" adjFrom="#PHX5"><label>LAX</label></node>'
  + '<node xml:id="LVG5" adjFrom="#LAX5" adjTo="#PHX5"><label>LVG</label></node>'
  + '<node xml:id="PHX5" adjTo="#LAX5 #TUS" adjFrom="#LVG5 #TUS5"><label>PHX</label></node>'
  + '<node xml:id="TUS5" adjTo="#PHX5" adjFrom="#PHX5"><label>TUS</label></node>'
  + '<node xml:id="CIB5"><label>CIB</label></node></graph>';

// The Guidelines' tree ex1 (GDTR-egXML-fi), whitespace removed, as printed: order="12".
const EX1 = '<tree n="ex1" arity="2" ord="true" order="12"><root xml:id="G-DIV1" children="#PLU1 #EXP1"><label>/</label></root>'
  + '<iNode xml:id="PLU1" parent="#G-DIV1" children="#EXP2 #EXP3"><label>+</label></iNode>'
  + '<iNode xml:id="EXP1" parent="#G-DIV1" children="#PLU2 #NUM2.3"><label>**</label></iNode>'
  + '<iNode xml:id="EXP2" parent="#PLU1" children="#VARA1 #NUM2.1"><label>**</label></iNode>'
  + '<iNode xml:id="EXP3" parent="#PLU1" children="#VARB1 #NUM2.2"><label>**</label></iNode>'
  + '<iNode xml:id="PLU2" parent="#EXP1" children="#VARA2 #VARB2"><label>+</label></iNode>'
  + '<leaf xml:id="VARA1" parent="#EXP2"><label>a</label></leaf><leaf xml:id="NUM2.1" parent="#EXP2"><label>2</label></leaf>'
  + '<leaf xml:id="VARB1" parent="#EXP3"><label>b</label></leaf><leaf xml:id="NUM2.2" parent="#EXP3"><label>2</label></leaf>'
  + '<leaf xml:id="VARA2" parent="#PLU2"><label>a</label></leaf><leaf xml:id="VARB2" parent="#PLU2"><label>b</label></leaf>'
  + '<leaf xml:id="NUM2.3" parent="#EXP1"><label>2</label></leaf></tree>';

// A root with three children, one of them an iNode with one.
const WIDE = (atts: string, rootAtts: string) => `<tree ord="true" ${atts}><root xml:id="R" children="#A #B #C"${rootAtts}><label>S</label></root>`
  + '<iNode xml:id="A" children="#D" outDegree="1"><label>NP</label></iNode><leaf xml:id="B"><label>V</label></leaf>'
  + '<leaf xml:id="C"><label>NP</label></leaf><leaf xml:id="D"><label>N</label></leaf></tree>';

describe('edition rules for graphs (net-counts)', function () {
  this.timeout(300_000);
  let rules: CompiledRules;
  let folder: string;
  before(async () => {
    rules = await loadRules([{ path: EDITION_RULES }], { cacheDir: defaultCacheDir() });
    assert.deepEqual(rules.problems, []);
    folder = mkdtempSync(join(tmpdir(), 'samizdat-net-rules-'));
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  const write = (name: string, graphs: string[]): { path: string; text: string } => {
    const text = teiText({ body: graphs.map((g) => `<figure>\n${g}\n</figure>`).join('\n'), title: 'Graphs' });
    const path = join(folder, name);
    writeFileSync(path, text);
    return { path, text };
  };

  it('accepts graphs whose order, size and degrees agree with their nodes and arcs', async () => {
    const { path } = write('agree.xml', [CUG1, SS8, CUG3]);
    assert.equal(brief(await check(rules, path)), '');
  });

  it('warns of a @size that is not the number of arcs told, at the graph (the Guidelines\' RDG2)', async () => {
    const { path, text } = write('rdg2.xml', [RDG2]);
    const found = await check(rules, path);
    assert.deepEqual(found.map((d) => `${d.ruleId} ${d.severity} ${d.line}:${d.column}`),
      [`sch:net-counts warning ${placeOf(text, '<graph')}`], brief(found));
    assert.equal(found[0].message, 'This <graph> declares size="5" (the number of its arcs), but 6 are told by its nodes\' @adj, @adjTo '
      + 'and @adjFrom (an arc told twice counted once). Correct @size, or the arcs.');
  });

  it('warns of a wrong @order, and of a node\'s wrong degrees, naming each', async () => {
    const wrong = SS8.replace('order="5" size="6"', 'order="6" size="6"').replace('"Q1" inDegree="2" outDegree="3"', '"Q1" inDegree="1" outDegree="2"')
      .replace('"Q4" inDegree="2"', '"Q4" inDegree="2" degree="1"');
    const { path, text } = write('ss8.xml', [wrong]);
    const found = await check(rules, path);
    assert.deepEqual(found.map((d) => `${d.ruleId} ${d.severity} ${d.line}:${d.column} ${d.message}`), [
      `sch:net-counts warning ${placeOf(text, '<graph')} This <graph> declares order="6" (the number of its nodes), but it has 5 <node> elements. `
        + 'Correct @order, or add the missing nodes.',
      `sch:net-counts warning ${placeOf(text, '<node xml:id="Q1"')} This <node> (xml:id "Q1") declares inDegree="1" (the arcs leading to it), but 2 are told; `
        + 'outDegree="2" (the arcs leading from it), but 3 are told. Correct the count, or the graph\'s arcs.',
      `sch:net-counts warning ${placeOf(text, '<node xml:id="Q4"')} This <node> (xml:id "Q4") declares degree="1" (the arcs it is an end of), but 2 are told. `
        + 'Correct the count, or the graph\'s arcs.',
    ], brief(found));
  });

  it('accepts trees whose order, arity and out-degrees agree with their nodes (ex1 with its 13 nodes)', async () => {
    const { path } = write('trees-agree.xml', [EX1.replace('order="12"', 'order="13"'), WIDE('order="5" arity="3"', ' outDegree="3"')]);
    assert.equal(brief(await check(rules, path)), '');
  });

  it('warns of a tree\'s @order that is not its number of nodes (the Guidelines\' ex1 as printed)', async () => {
    const { path, text } = write('ex1.xml', [EX1]);
    const found = await check(rules, path);
    assert.deepEqual(found.map((d) => `${d.ruleId} ${d.severity} ${d.line}:${d.column} ${d.message}`), [
      `sch:net-counts warning ${placeOf(text, '<tree')} This <tree> declares order="12" (the number of its nodes), but it has 13 `
        + '(<root>, <iNode> and <leaf> elements). Correct @order, or add the missing nodes.',
    ], brief(found));
  });

  it('warns of an @arity no node reaches or one a node exceeds, and of a node\'s wrong @outDegree', async () => {
    const { path, text } = write('wide.xml', [WIDE('arity="2"', ' outDegree="2"'), WIDE('arity="4"', '').replace(/xml:id="(\w)"/g, 'xml:id="$1$1"')
      .replace(/#(\w)\b/g, '#$1$1').replace('children="#DD" outDegree="1"', 'children="#DD" outDegree="2"')]);
    const found = await check(rules, path);
    assert.deepEqual(found.map((d) => `${d.ruleId} ${d.severity} ${d.line}:${d.column} ${d.message}`), [
      `sch:net-counts warning ${placeOf(text, '<tree')} This <tree> declares arity="2" (the greatest number of children of any of its nodes), `
        + 'but <root> (xml:id "R") has 3. Correct @arity, or the nodes\' @children.',
      `sch:net-counts warning ${placeOf(text, '<root xml:id="R"')} This <root> (xml:id "R") declares outDegree="2" (the number of its children), `
        + 'but its @children names 3. Correct @outDegree, or the children.',
      `sch:net-counts warning ${placeOf(text, '<tree ord="true" arity="4"')} `
        + 'This <tree> declares arity="4" (the greatest number of children of any of its nodes), but no node has more than 3. '
        + 'Correct @arity, or the nodes\' @children.',
      `sch:net-counts warning ${placeOf(text, '<iNode xml:id="AA"')} This <iNode> (xml:id "AA") declares outDegree="2" (the number of its children), `
        + 'but its @children names 1. Correct @outDegree, or the children.',
    ], brief(found));
  });
});

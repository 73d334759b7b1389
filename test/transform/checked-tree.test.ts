/**
 * The tree of a checked document built without saxon-js's parser
 * (transform/checked-tree.ts) is saxon-js's own tree: node for node, with
 * the same names, namespace URIs, values, line numbers, namespace maps and
 * prototypes, on the repository's documents and fixtures and on text made to
 * reach each thing sax does its own way; what sax would read differently is
 * left to saxon-js. A tree handed over through `parseCheckedSource` is
 * numbered and given its base URI as saxon-js does, and the rules give the
 * same diagnostics on it.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCheckedTree } from '../../src/transform/checked-tree.js';
import { parseCheckedSource, parseSource, type SaxonDocument } from '../../src/transform/index.js';
import { saxon } from '../../src/transform/saxon.js';
import { EDITION_RULES, loadRules, runRules } from '../../src/validate/schematron.js';
import { checkXml } from '../../src/xml/index.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

type Node = Record<string, unknown> & {
  nodeType: number; nodeName: string; firstChild: Node | null; nextSibling: Node | null; lastChild: Node | null; parentNode: Node | null;
  attributes?: { length: number; [i: number]: Node }; childNodes?: { length: number; [i: number]: Node };
};

/** Links between nodes, compared by the walk itself rather than as values. */
const LINKS = new Set(['parentNode', 'ownerDocument', 'previousSibling', 'nextSibling', 'firstChild', 'lastChild', 'childNodes', 'attributes', 'yi', 'documentElement', 'implementation', 'pc']);

/** Where two trees differ (the first few places), or nothing. */
function differences(expected: Node, actual: Node, path = '', found: string[] = []): string[] {
  if (found.length >= 5) return found;
  if (Object.getPrototypeOf(expected) !== Object.getPrototypeOf(actual)) found.push(`${path}: another kind of node`);
  const own = (node: Node) => Object.keys(node).filter((k) => !LINKS.has(k)).sort();
  if (own(expected).join() !== own(actual).join()) found.push(`${path}: properties ${own(expected).join()} / ${own(actual).join()}`);
  for (const key of own(expected)) {
    if (JSON.stringify(expected[key]) !== JSON.stringify(actual[key])) found.push(`${path}.${key}: ${JSON.stringify(expected[key])} / ${JSON.stringify(actual[key])}`);
  }
  for (const key of ['nodeName', 'namespaceURI', 'prefix', 'localName', 'data', 'value', 'target', 'length']) {
    if (expected[key] !== actual[key]) found.push(`${path} ${key}: ${JSON.stringify(expected[key])} / ${JSON.stringify(actual[key])}`);
  }
  const attributes = (node: Node) => Array.from({ length: node.attributes?.length ?? 0 }, (_, i) => node.attributes![i]);
  const [a, b] = [attributes(expected), attributes(actual)];
  if (a.length !== b.length) found.push(`${path}: ${a.length} / ${b.length} attributes`);
  else a.forEach((attribute, i) => differences(attribute, b[i], `${path}/@${attribute.nodeName}`, found));
  const children = (node: Node) => {
    const list: Node[] = [];
    for (let c = node.firstChild; c; c = c.nextSibling) list.push(c);
    assert.equal(node.lastChild, list.at(-1) ?? null);
    list.forEach((child, i) => {
      assert.equal(child.parentNode, node);
      if (node.childNodes) assert.equal(node.childNodes[i], child);
    });
    if (node.childNodes) assert.equal(node.childNodes.length, list.length);
    return list;
  };
  const [x, y] = [children(expected), children(actual)];
  if (x.length !== y.length) found.push(`${path}: ${x.length} / ${y.length} children`);
  else x.forEach((child, i) => differences(child, y[i], `${path}/${i}:${child.nodeName}`, found));
  return found;
}

/** saxon-js's tree of the text and ours (undefined when the builder leaves it to saxon-js). */
function bothTrees(text: string): { expected: Node | undefined; built: Node | undefined } {
  const platform = saxon().getPlatform() as unknown as { parseXmlFromString(text: string): Node; createDocument(): SaxonDocument };
  const built = buildCheckedTree(text, platform.createDocument()) as Node | undefined;
  // saxon-js's parser fails on some of those the builder leaves to it (a DOCTYPE's entities).
  return { expected: built === undefined ? undefined : platform.parseXmlFromString(text), built };
}

function assertSameTree(text: string, label: string): void {
  assert.equal(checkXml(text, label).ok, true, `${label} is well-formed`);
  const { expected, built } = bothTrees(text);
  assert.ok(built && expected, `${label} is built`);
  assert.deepEqual(differences(expected, built), [], label);
}

/** Text reaching each thing sax does its own way with a well-formed document. */
const MADE_UP: Record<string, string> = {
  'declaration, markup around the root, CRLF': '<?xml version="1.0"?>\r\n<!-- c1 -->\r\n<?pi  some data ?>\n<r/>\n<!--after-->\n<?after x?>\n',
  'namespaces, prefixed attributes, declarations among attributes': '<r xmlns="urn:a" a="0" xmlns:b="urn:b" b:x="1"><b:e xmlns:c="urn:c" c:y="2" d="3"/><e xmlns="" f="4"/><g xmlns:b="urn:d" b:z="5"/></r>',
  'attribute values: tabs, newlines, references, quotes': '<r a="1\t2\n3\r\n4\r5" c="&#10;&#9;&amp;&lt;&#x41;&#65;&#x00e9;" q=\'"\' s = "x"\n t\t=\t\'y\'></r  >',
  'id and xml:id collapsed and trimmed, other values not': '<r id="  a  b " xml:id=" q\u00a0" n=" c  d " xml:lang="en"><x id="\u2028a\u3000b"/></r>',
  'text runs across references and CDATA, split by comments and instructions': '<r>text&amp;more<![CDATA[cd<>]]>after<!--in-->x<?p?>y<![CDATA[]]><!---->&quot;&apos;]] ]</r>',
  'text only CDATA': '<r><![CDATA[a]]><![CDATA[b]]>c<![CDATA[d]]></r>',
  'whitespace inside and outside the root': '  <r>  \n  <e/> </r>  \n  ',
  'characters beyond the BMP by reference': '<r a="&#x1F600;">&#128512;</r>',
  'line numbers of start tags over several lines': `<r>\n${'<p\n n="1"\n>x\n</p>\n<q/>'.repeat(50)}</r>`,
  'one long line': `<r>${'<p n="1">x</p>'.repeat(2000)}</r>`,
  'a byte-order mark': '\uFEFF<r/>',
  'names of Object.prototype as attributes': '<r constructor="1" toString="2" valueOf="3"/>',
};

describe('a checked document\'s tree, built without saxon-js\'s parser', () => {
  for (const [what, text] of Object.entries(MADE_UP)) {
    it(`is saxon-js's tree: ${what}`, () => assertSameTree(text, what));
  }

  it('is saxon-js\'s tree for every well-formed document and fixture of the repository', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/\.xml$/.test(entry.name)) files.push(path);
      }
    };
    for (const dir of ['tei', 'test/fixtures']) walk(join(REPO, dir));
    let built = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      if (!checkXml(text, file).ok) continue;
      const trees = bothTrees(text);
      if (trees.built === undefined) continue;
      built++;
      assert.deepEqual(differences(trees.expected!, trees.built), [], file);
    }
    assert.ok(built > 50, `${built} documents compared`);
  });

  it('is left to saxon-js where sax reads the document differently: a DOCTYPE, "?" in an instruction, characters beyond the BMP, __proto__', () => {
    for (const text of ['<!DOCTYPE r [<!ENTITY e "x">]><r>&e;</r>', '<?pi a??><r/>', '<r><?pi a?b?></r>', '<r>\u{10000}</r>', '<r __proto__="x"/>', '<r hasOwnProperty="x"/>']) {
      assert.equal(bothTrees(text).built, undefined, text);
    }
  });

  it('is handed to saxon-js as a parsed document: numbered in turn, with its base URI', async () => {
    const source = (n: number) => ({ file: `d${n}.xml`, text: `<r n="${n}"><e/></r>`, baseUri: `file:///tmp/d${n}.xml` });
    const parsed = await parseSource(source(1));
    const checked = await parseCheckedSource(source(2));
    const after = await parseSource(source(3));
    type Numbered = { _saxonDocumentNumber: number; _saxonBaseUri: string; _saxonDocUri: string };
    const [a, b, c] = [parsed.node, checked.node, after.node] as unknown as Numbered[];
    assert.ok(a._saxonDocumentNumber < b._saxonDocumentNumber && b._saxonDocumentNumber < c._saxonDocumentNumber);
    assert.equal(b._saxonBaseUri, 'file:///tmp/d2.xml');
    assert.equal(b._saxonDocUri, 'file:///tmp/d2.xml');
    // The same tree under the document node (whose number differs).
    assert.deepEqual(differences((parsed.node as Node).firstChild!, ((await parseCheckedSource(source(1))).node as Node).firstChild!), []);
    // A document the builder leaves alone is parsed by saxon-js, as before.
    const doctype = await parseCheckedSource({ file: 'x.xml', text: '<!DOCTYPE r><r/>', baseUri: 'file:///tmp/x.xml' });
    assert.equal((doctype.node as unknown as Numbered)._saxonBaseUri, 'file:///tmp/x.xml');
  });

  it('gives the rules the same firings, at the same places', async () => {
    const rules = await loadRules([{ path: EDITION_RULES }]);
    const documents = ['edition', 'apparatus'].flatMap((kind) => {
      const dir = join(REPO, 'test/fixtures/rules', kind);
      return readdirSync(dir).filter((f) => f.endsWith('.xml')).map((f) => join(dir, f));
    });
    let fired = 0;
    for (const path of [join(REPO, 'tei/1923-opposition-ch01.xml'), ...documents]) {
      const text = readFileSync(path, 'utf8');
      if (!checkXml(text, path).ok) continue;
      const document = { path, text };
      const expected = await runRules(rules, document);
      fired += expected.length;
      assert.deepEqual(await runRules(rules, document, { wellFormed: true }), expected, path);
    }
    assert.ok(fired > 20, `${fired} firings compared`);
  });
});

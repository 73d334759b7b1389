/**
 * A graph and a forest's synch links as a reader sees them, in headless Chromium (xslt/html/nets.xsl,
 * samizdat.css). A graph (TEI GD: "a set of nodes and a set of arcs") is a figure named by its label, and a screen
 * reader is told its nodes and its edges as lists, an edge's arrow read as "to" ("LAX6 to LVG6: SW117"); a tree
 * node's @synch (att.global.linking: "points to elements that are synchronous with the current element") is a link,
 * named for what it links to, that leads to the same node in the other tree. axe-core finds nothing wrong with the
 * page. The airline routes are the Guidelines' example (GD-GraphsNetworksTrees.xml, TEI P5, CC-BY 3.0 by the TEI
 * Consortium), cut to three airports.
 */
import { strict as assert } from 'node:assert';
import { axeViolations, oneDocumentInBrowser } from '../support/browser.js';
import { teiText } from '../support/tei-doc.js';

const tei = teiText({
  title: 'Routes',
  body: '<div><figure><graph type="directed"><label>Selected Airline Routes</label>'
    + '<node xml:id="LAX6"><label>LAX6</label></node><node xml:id="LVG6"><label>LVG6</label></node><node xml:id="PHX6"><label>PHX6</label></node>'
    + '<arc from="#LAX6" to="#LVG6"><label>SW117</label></arc><arc from="#LVG6" to="#PHX6"><label>SW711</label></arc>'
    + '<arc from="#PHX6" to="#TUS6"/></graph></figure>'
    + '<figure><forest><eTree n="Stage 1"><label>S</label><eLeaf xml:id="S1WH"><label>what</label></eLeaf></eTree>'
    + '<eTree n="Stage 2"><label>S</label><eLeaf synch="#S1WH"><label>t</label></eLeaf></eTree></forest></figure></div>',
});

describe('a graph and a forest\'s synch links in a browser', function () {
  this.timeout(300_000);
  const edition = oneDocumentInBrowser('routes', tei);

  it('gives a screen reader the graph as a figure named by its label, its nodes and edges as lists', async () => {
    const snapshot = await edition.page.locator('figure.graph').ariaSnapshot();
    assert.equal(snapshot, [
      '- figure "Selected Airline Routes":',
      '  - text: Selected Airline Routes',
      '  - paragraph: Nodes',
      '  - list:',
      '    - listitem: LAX6',
      '    - listitem: LVG6',
      '    - listitem: PHX6',
      '  - paragraph: Edges',
      '  - list:',
      '    - listitem:',
      '      - text: LAX6',
      '      - img "to": →',
      '      - text: "LVG6: SW117"',
      '    - listitem:',
      '      - text: LVG6',
      '      - img "to": →',
      '      - text: "PHX6: SW711"',
      '    - listitem:',
      '      - text: PHX6',
      '      - img "to": →',
      '      - text: "? (#TUS6)"',
    ].join('\n'));
  });

  it('sets the nodes on one line, each edge on a line of its own', async () => {
    const top = (selector: string, n: number) => edition.page.locator(selector).nth(n).evaluate((e) => e.getBoundingClientRect().top);
    assert.equal(await top('.graph-nodes > li', 2), await top('.graph-nodes > li', 0), 'the nodes stand level');
    assert.ok(await top('.graph-edges > li', 1) > await top('.graph-edges > li', 0), 'the second edge is below the first');
  });

  it('links a synch to the same node in the other tree, named for it', async () => {
    const link = edition.page.getByRole('link', { name: 'same node as what in Stage 1' });
    assert.equal(await link.getAttribute('href'), '#S1WH');
    await link.click();
    assert.equal(await edition.page.evaluate(() => location.hash), '#S1WH');
  });

  it('has no axe-core violations', async () => {
    const violations = await axeViolations(edition.page);
    assert.deepEqual(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.html).join(', ')})`), []);
  });
});

/**
 * A tree and a thought as a reader sees them, in headless Chromium (xslt/html/nets.xsl, samizdat.css). A tree's
 * children stand one step in from their parent, a rule joining them, and a screen reader announces each node's level
 * (nested lists: a list item inside a list item). Thought (said aloud="false") is in italics where speech is not.
 * axe-core finds nothing wrong with the page.
 */
import { strict as assert } from 'node:assert';
import { axeViolations, oneDocumentInBrowser } from '../support/browser.js';
import { teiText } from '../support/tei-doc.js';

const tei = teiText({
  title: 'Descent',
  body: '<div><p>She said <said>we are going</said> and thought <said aloud="false">not I</said>.</p>'
    + '<figure><eTree><label>Richardus</label><eTree><label>Hugo</label><eLeaf><label>Willelmus</label></eLeaf></eTree>'
    + '<eLeaf><label>Matilda</label></eLeaf></eTree></figure>'
    + '<p>In a sentence <figure><forest><eTree><label>Lionel</label><eLeaf><label>Wendy</label></eLeaf></eTree></forest></figure> too.</p></div>',
});

describe('a tree and a thought in a browser', function () {
  this.timeout(300_000);
  const edition = oneDocumentInBrowser('descent', tei);

  /** Where the label's box starts, left to right, in CSS pixels. */
  const left = (text: string) => edition.page.locator('.tree-label', { hasText: new RegExp(`^${text}$`) }).first().evaluate((e) => e.getBoundingClientRect().left);

  it('sets each node one step in from its parent, its siblings level', async () => {
    const [top, child, grandchild, sibling] = [await left('Richardus'), await left('Hugo'), await left('Willelmus'), await left('Matilda')];
    assert.ok(child > top + 10, `Hugo (${child}) stands in from Richardus (${top})`);
    assert.ok(grandchild > child + 10, `Willelmus (${grandchild}) stands in from Hugo (${child})`);
    assert.equal(sibling, child, 'Matilda and Hugo, siblings, stand level');
  });

  it('joins the children to their parent by a rule, in a paragraph too', async () => {
    // The node's item (the label's parent): the rule down its list's left side, and the branch from it to the label.
    const rule = (text: string) => edition.page.locator('.tree-label', { hasText: new RegExp(`^${text}$`) }).first()
      .evaluate((label) => {
        const item = label.parentElement!;
        return getComputedStyle(item.parentElement!).borderLeftStyle + ' ' + getComputedStyle(item, '::before').borderTopStyle;
      });
    assert.equal(await rule('Hugo'), 'solid solid');
    assert.equal(await rule('Wendy'), 'solid solid');
    assert.ok(await left('Wendy') > await left('Lionel') + 10, 'the tree in a paragraph is set out as a tree');
  });

  it('gives a screen reader each node in its list, a level deeper for each generation', async () => {
    const snapshot = await edition.page.locator('div.tree').ariaSnapshot();
    assert.equal(snapshot, [
      '- list:',
      '  - listitem:',
      '    - text: Richardus',
      '    - list:',
      '      - listitem:',
      '        - text: Hugo',
      '        - list:',
      '          - listitem: Willelmus',
      '      - listitem: Matilda',
    ].join('\n'));
  });

  it('sets thought in italics, speech not', async () => {
    const fontStyle = (selector: string) => edition.page.locator(selector).first().evaluate((e) => getComputedStyle(e).fontStyle);
    assert.equal(await fontStyle('.said-thought'), 'italic');
    assert.equal(await fontStyle('.tei-said:not(.said-thought)'), 'normal');
  });

  it('has no axe-core violations', async () => {
    const violations = await axeViolations(edition.page);
    assert.deepEqual(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.html).join(', ')})`), []);
  });
});

/**
 * said: "(speech or thought) indicates passages thought or spoken aloud, whether explicitly indicated in the source
 * or not, whether directly or indirectly reported" (TEI Guidelines). @direct says whether the quoted matter is
 * direct or indirect speech (a boolean, so false or 0); @aloud whether it was vocalized (false: thought).
 * Direct speech gets quotation marks, as q does, the inner ones within a quotation. Indirect speech is the narrator's
 * words: no marks, and a quotation within it is not nested in marks, so it takes the outer ones (it took the inner
 * ones, and @direct="0" was given marks). Thought: neither the Guidelines nor the TEI Stylesheets (html_core.xsl
 * treats q and said alike, reading neither attribute) set it otherwise, so it keeps its marks in every view; the page
 * gives it the class said-thought, for a site's CSS to tell it apart. Page, plain text and search records agree.
 */
import { strict as assert } from 'node:assert';
import { toHtml, toText } from '../../src/transform/index.js';
import { passageWords } from '../support/records.js';
import { teiDoc, type TeiSource } from '../support/tei-doc.js';

const doc = (body: string): TeiSource => teiDoc({ file: 'said-views.xml', title: 'Said', body });
const article = (page: string): string => /<article>([\s\S]*?)<\/article>/.exec(page)?.[1] ?? '';
const mark = (m: string): string => `<span class="mark quote-mark">${m}</span>`;
const escaped = (html: string): string => html.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('said: direct speech in marks, indirect speech without, thought in marks and told apart on the page', function () {
  this.timeout(300_000);

  const speech = doc('<p>She cried <said>Go</said> and left.</p>'
    + '<p>She said <said direct="false">that she would go</said>; he said <said direct="0">no</said>.</p>'
    + '<p>I thought <said aloud="false">too late</said> and ran.</p>'
    + '<p><q>He said <said>no</said> to me</q>, she wrote.</p>'
    + '<p>He said <said direct="false">that they had cried <q>help</q></said>.</p>');

  it('on the page', async () => {
    const page = article(await toHtml(speech));
    const para = (n: number, words: string): RegExp =>
      new RegExp(escaped(`<p id="para-${n}" class="tei-p para"><a class="para-number" href="#para-${n}" aria-label="Paragraph ${n}">${n}</a> ${words}</p>`));
    assert.match(page, para(1, `She cried <span class="tei-said">${mark('“')}Go${mark('”')}</span> and left.`));
    assert.match(page, para(2, 'She said <span class="tei-said">that she would go</span>; he said <span class="tei-said">no</span>.'));
    assert.match(page, para(3, `I thought <span class="tei-said said-thought">${mark('“')}too late${mark('”')}</span> and ran.`));
    assert.match(page, para(4, `<span class="tei-q">${mark('“')}He said <span class="tei-said">${mark('‘')}no${mark('’')}</span> to me${mark('”')}</span>, she wrote.`));
    assert.match(page, para(5, `He said <span class="tei-said">that they had cried <span class="tei-q">${mark('“')}help${mark('”')}</span></span>.`));
  });

  const expected = ['She cried “Go” and left.', 'She said that she would go; he said no.', 'I thought “too late” and ran.',
    '“He said ‘no’ to me”, she wrote.', 'He said that they had cried “help”.'];

  it('in the plain text', async () => {
    assert.deepEqual((await toText(speech)).trim().split('\n\n'), expected);
  });

  it('in the search records', async () => {
    assert.deepEqual(await passageWords(speech), expected);
  });
});

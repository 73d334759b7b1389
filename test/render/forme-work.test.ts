/**
 * fw: "a running head (e.g. a header, footer), catchword, or similar material
 * appearing on the current page" (TEI Guidelines). It is the printed page's,
 * not the text's: the reading view, the reading plain text and the search
 * records leave it out (its words ran into the sentence: "catchword12");
 * the diplomatic view shows it set off, named by its @type for a screen
 * reader, and the diplomatic plain text keeps it on a line of its own.
 */
import { strict as assert } from 'node:assert';
import { toHtml, toText } from '../../src/transform/index.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../support/paths.js';
import { teiDoc, type TeiSource } from '../support/tei-doc.js';
import { passageWords } from '../support/records.js';

const doc = (body: string): TeiSource => teiDoc({ file: 'fw.xml', title: 'Forme work', body });

const body = '<div><fw type="header" place="top">Of Forme Work</fw>'
  + '<p>The end of the page <fw type="catch">catch</fw><fw type="pageNum" place="bottom">12</fw> and on.</p>'
  + '<p>Second <fw type="sig">B2</fw>paragraph.</p></div>';

/** The page with the elements of one view (view-reading / view-diplomatic) taken out, as the style sheet hides them. */
function without(page: string, view: 'reading' | 'diplomatic'): string {
  return page.replace(new RegExp(`<span class="[^"]*\\bview-${view}\\b[^"]*">(?:<span[^>]*>[^<]*</span>)?[^<]*</span>`, 'g'), '');
}
const words = (html: string): string => html.replace(/<a class="para-number"[^>]*>[^<]*<\/a>\s*/g, '').replace(/<[^>]*>/g, '');
const paragraphs = (page: string): string[] => [...page.matchAll(/<p id="para-\d+"[^>]*>([\s\S]*?)<\/p>/g)].map((m) => words(m[1]!));

describe('fw (forme work) on the page, in the plain text and in the search records', function () {

  it('is not in the reading view: the sentence reads on', async () => {
    const page = await toHtml(doc(body));
    assert.deepEqual(paragraphs(without(page, 'diplomatic')), ['The end of the page  and on.', 'Second paragraph.']);
    assert.doesNotMatch(words(without(page, 'diplomatic').replace(/[\s\S]*<article/, '')), /Of Forme Work/);
  });

  it('is in the diplomatic view, set off, on a line of its own at the top or bottom, named by its type', async () => {
    const page = await toHtml(doc(body));
    assert.match(page, /id="show-printed"/, 'forme work alone offers the diplomatic view');
    assert.match(page, /<span class="tei-fw rend-header place-top view-diplomatic"><span class="visually-hidden">Running head: <\/span>Of Forme Work<\/span>/);
    assert.match(page, /<span class="tei-fw rend-catch view-diplomatic"><span class="visually-hidden">Catchword: <\/span>catch<\/span>/);
    assert.match(page, /<span class="tei-fw rend-pageNum place-bottom view-diplomatic"><span class="visually-hidden">Page number: <\/span>12<\/span>/);
    assert.match(page, /<span class="visually-hidden">Signature: <\/span>B2/);
    const css = readFileSync(join(repoRoot, 'xslt', 'html', 'samizdat.css'), 'utf8');
    assert.match(css, /\.show-printed:checked ~ \* \.tei-fw\.place-top, \.show-printed:checked ~ \* \.tei-fw\.place-bottom \{ display: block; \}/);
  });

  it('is not in the reading plain text; the diplomatic one keeps it, on a line of its own', async () => {
    assert.equal(await toText(doc(body)), 'The end of the page and on.\n\nSecond paragraph.\n');
    assert.equal(await toText(doc(body), { mode: 'diplomatic' }), 'Of Forme Work\n\nThe end of the page\ncatch\n12\nand on.\n\nSecond\nB2\nparagraph.\n');
  });

  it('is not in the search records', async () => {
    assert.deepEqual(await passageWords(doc(body)), ['The end of the page and on.', 'Second paragraph.']);
  });
});

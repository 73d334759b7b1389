/**
 * lb break="no": a line break that does not "mark the end of an orthographic
 * token in the same way as whitespace" (TEI Guidelines, @break). The page put
 * a visible <br> inside the word while the plain text joined it; now every
 * format agrees: the reading view, the reading plain text and the search
 * records join the word, no break, no space; the diplomatic view and the
 * diplomatic plain text show the break, with the hyphen the source printed
 * where @rend or @rendition says so. A break between words stays a <br>.
 */
import { strict as assert } from 'node:assert';
import { toHtml, toText } from '../../src/transform/index.js';
import { passageWords } from '../support/records.js';

const tei = (body: string): string => '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Line breaks</title></titleStmt>'
  + `<publicationStmt><p>Test.</p></publicationStmt><sourceDesc><p>Made up.</p></sourceDesc></fileDesc></teiHeader><text><body>${body}</body></text></TEI>`;
const doc = (body: string): { text: string; file: string } => ({ file: 'lb.xml', text: tei(body) });

const body = '<p>An exam<lb break="no"/>ple, a hy<lb break="no" rend="hyphen"/>phen, a da<lb break="no" rend="-"/>sh,'
  + ' a ru<lb break="no" rendition="#hyphen"/>le, b and <lb/>c.</p>';

/** The paragraph's markup, with what one view shows only (view-reading / view-diplomatic) taken out. */
function paragraph(page: string, hidden: 'reading' | 'diplomatic'): string {
  const p = /<p id="para-1"[^>]*>([\s\S]*?)<\/p>/.exec(page)?.[1] ?? '';
  return p.replace(/<a class="para-number"[^>]*>[^<]*<\/a>\s*/, '')
    .replace(new RegExp(`<span class="[^"]*\\bview-${hidden}\\b[^"]*">(?:<span class="mark">[^<]*</span>)?<br ?/></span>`, 'g'), '');
}
const shown = (html: string): string => html.replace(/<br ?\/>/g, '⏎').replace(/<[^>]*>/g, '');

describe('lb break="no" on the page, in the plain text and in the search records', function () {

  it('joins the word in the reading view, where a break between words stays', async () => {
    const page = await toHtml(doc(body));
    assert.equal(shown(paragraph(page, 'diplomatic')), 'An example, a hyphen, a dash, a rule, b and ⏎c.');
    assert.match(page, /id="show-printed"/, 'a break within a word offers the diplomatic view');
  });

  it('shows the break in the diplomatic view, after the hyphen @rend or @rendition records', async () => {
    const page = await toHtml(doc(body));
    assert.equal(shown(paragraph(page, 'reading')), 'An exam⏎ple, a hy-⏎phen, a da-⏎sh, a ru-⏎le, b and ⏎c.');
  });

  it('joins the word in the reading plain text and breaks it, as the diplomatic page, in the diplomatic one (and every line)', async () => {
    assert.equal((await toText(doc(body))).trim(), 'An example, a hyphen, a dash, a rule, b and c.');
    assert.equal((await toText(doc(body), { mode: 'diplomatic' })).trim(), 'An exam\nple, a hy-\nphen, a da-\nsh, a ru-\nle, b and\nc.');
  });

  it('keeps the word joined in the search records', async () => {
    assert.deepEqual(await passageWords({ text: tei(body), file: 'lb.xml' }), ['An example, a hyphen, a dash, a rule, b and c.']);
  });
});

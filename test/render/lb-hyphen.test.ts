/**
 * A hyphen at a line break within a word. TEI Guidelines (3.2.2, Hyphenation): at the end of a line the hyphen
 * "is not, in this case, part of the word, but just a signal that the word continues over the break"; an encoder
 * records it "explicitly, by including an appropriate punctuation character in the text data, or implicitly by
 * supplying an appropriate symbolic value" for the attributes of the lb; @break="no" says the lb is no token
 * boundary, so the white space beside it in the file is layout. The soft hyphen (U+00AD), or a hyphen the lb's
 * @rend also records, is that signal: the reading page, the plain text and the search records join the word
 * without it ("something"), where the page kept an invisible soft hyphen inside the word (or showed "hy-phen");
 * the diplomatic page and text show it once at the line's end. A hyphen in the text with nothing else saying it
 * is the break's is the word's own (the Guidelines' "tea-pot" cannot be told from "teapot"): kept in every view.
 * A newline the file has before <lb break="no"/> made "exam ple" two words; now none.
 */
import { strict as assert } from 'node:assert';
import { toHtml, toText } from '../../src/transform/index.js';
import { teiDoc, type TeiSource } from '../support/tei-doc.js';
import { passageWords } from '../support/records.js';

const doc = (body: string): TeiSource => teiDoc({ file: 'hyphens.xml', title: 'Hyphens', body });

const body = '<p>A soft some\u00AD<lb break="no"/>thing, a marked hy-<lb break="no" rend="hyphen"/>phen,'
  + ' a kept tea-<lb break="no"/>pot, a laid-out exam\n    <lb break="no"/>ple and <lb/>end.</p>';
const reading = 'A soft something, a marked hyphen, a kept tea-pot, a laid-out example and end.';

/** The paragraph's markup, with what one view shows only (view-reading / view-diplomatic) taken out. */
function paragraph(page: string, hidden: 'reading' | 'diplomatic'): string {
  const p = /<p id="para-1"[^>]*>([\s\S]*?)<\/p>/.exec(page)?.[1] ?? '';
  return p.replace(/<a class="para-number"[^>]*>[^<]*<\/a>\s*/, '')
    .replace(new RegExp(`<span class="[^"]*\\bview-${hidden}\\b[^"]*">(?:<span class="mark">[^<]*</span>)?<br ?/></span>`, 'g'), '');
}
const shown = (html: string): string => html.replace(/<br ?\/>/g, '⏎').replace(/<[^>]*>/g, '');

describe('a hyphen at a line break within a word', function () {
  this.timeout(300_000);

  it('is left out of the reading page where it is the break’s signal; the word’s own stays', async () => {
    const page = await toHtml(doc(body));
    assert.equal(shown(paragraph(page, 'diplomatic')), 'A soft something, a marked hyphen, a kept tea-pot, a laid-out example and ⏎end.');
  });

  it('shows once at the line’s end in the diplomatic page', async () => {
    const page = await toHtml(doc(body));
    assert.equal(shown(paragraph(page, 'reading')), 'A soft some-⏎thing, a marked hy-⏎phen, a kept tea-⏎pot, a laid-out exam⏎ple and ⏎end.');
  });

  it('is joined alike in the plain text, and broken alike in the diplomatic one', async () => {
    assert.equal((await toText(doc(body))).trim(), reading);
    assert.equal((await toText(doc(body), { mode: 'diplomatic' })).trim(),
      'A soft some-\nthing, a marked hy-\nphen, a kept tea-\npot, a laid-out exam\nple and\nend.');
  });

  it('is joined in the search records', async () => {
    assert.deepEqual(await passageWords(doc(body)), [reading]);
  });
});

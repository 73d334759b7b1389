/**
 * writing: "a passage of written text revealed to participants in the course of a spoken text" (TEI Guidelines: a
 * letter read out, a sign shown). Holding verse lines (lg, l) or paragraphs within a paragraph, it follows the
 * decision made for a quotation holding blocks there (quote-views.test.ts): a block in every view. The plain text
 * already gave its blocks lines of their own and the search records read its words in the paragraph's passage, but
 * the page ran its lines into the paragraph's words as spans. The page now sets it apart as a blockquote in the
 * paragraph's flow (the paragraph a div: HTML has no blockquote in a p), its lines and paragraphs blocks again.
 * Writing of phrases stays in its sentence in every view.
 */
import { strict as assert } from 'node:assert';
import { HtmlValidate } from 'html-validate';
import { toHtml, toText } from '../../src/transform/index.js';
import { passageWords } from '../support/records.js';
import { teiDoc, type TeiSource } from '../support/tei-doc.js';

const doc = (body: string): TeiSource => teiDoc({ file: 'writing-verse.xml', title: 'Writing', body });
const article = (page: string): string => /<article>([\s\S]*?)<\/article>/.exec(page)?.[1] ?? '';
const lineNumber = '(?:<a class="line-number"[^>]*>\\d+<\\/a>)?';
const paraNumber = (n: number): string => `<a class="para-number" href="#para-${n}" aria-label="Paragraph ${n}">${n}<\\/a> `;

describe('writing holding verse or paragraphs in a paragraph: a block in every view, as a block quotation is', function () {
  this.timeout(300_000);

  const letters = doc('<p>He read:<writing><l>Come at once</l><l>all is lost</l></writing>and wept.</p>'
    + '<p>She read <writing><p>Dear sir,</p><p>I decline.</p></writing> and smiled.</p>'
    + '<p>A sign said <writing>No entry</writing> there.</p>');

  it('on the page: a blockquote in the paragraph’s flow, the paragraph a div; writing of phrases in the line', async () => {
    const page = article(await toHtml(letters));
    assert.match(page, new RegExp(`<div id="para-1" class="tei-p para">${paraNumber(1)}He read:<blockquote class="tei-writing">`
      + `<p id="[^"]+" class="tei-l">${lineNumber}Come at once<\\/p><p id="[^"]+" class="tei-l">${lineNumber}all is lost<\\/p>`
      + '<\\/blockquote>and wept\\.<\\/div>'));
    assert.match(page, new RegExp(`<div id="para-2" class="tei-p para">${paraNumber(2)}She read <blockquote class="tei-writing">`
      + `<p id="para-3" class="tei-p para">${paraNumber(3)}Dear sir,<\\/p><p id="para-4" class="tei-p para">${paraNumber(4)}I decline\\.<\\/p>`
      + '<\\/blockquote> and smiled\\.<\\/div>'));
    assert.match(page, new RegExp(`<p id="para-5" class="tei-p para">${paraNumber(5)}A sign said <span class="tei-writing">No entry<\\/span> there\\.<\\/p>`));
  });

  it('on the page: valid HTML', async () => {
    const report = await new HtmlValidate({ extends: ['html-validate:standard'] }).validateString(await toHtml(letters), 'writing-verse.html');
    assert.deepEqual(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`)), []);
  });

  it('in the plain text: its blocks lines of their own; writing of phrases in the line', async () => {
    assert.deepEqual((await toText(letters)).trim().split('\n\n'), ['He read:', 'Come at once', 'all is lost', 'and wept.',
      'She read', 'Dear sir,', 'I decline.', 'and smiled.', 'A sign said No entry there.']);
  });

  it('in the search records: its words in the paragraph’s passage', async () => {
    assert.deepEqual(await passageWords(letters), ['He read: Come at once all is lost and wept.', 'She read Dear sir, I decline. and smiled.',
      'A sign said No entry there.']);
  });

  // In a note's paragraph it stays in the note's words, as a quotation does there.
  it('in a note: words of the note on the page', async () => {
    const noted = doc('<p>Text<note place="foot"><p>He read <writing><l>one line</l><l>two</l></writing> here.</p></note> on.</p>');
    const page = await toHtml(noted);
    assert.match(page, new RegExp(`He read <span class="tei-writing"><span id="[^"]+" class="tei-l">${lineNumber}one line<\\/span> <span id="[^"]+" class="tei-l">${lineNumber}two<\\/span><\\/span> here\\.`));
    assert.doesNotMatch(page, /<blockquote class="tei-writing"/);
  });
});

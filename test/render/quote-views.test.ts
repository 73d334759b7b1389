/**
 * quote: "a phrase or passage attributed by the narrator or author to some agency external to the text"; q, said:
 * material quoted, speech or thought (TEI Guidelines). A passage may hold verse lines or paragraphs of its own,
 * and then it is a block quotation in every view: the plain text gave its blocks lines of their own, but the page,
 * where the quotation stood in a paragraph, set it in the paragraph's words, in quotation marks, and so did the
 * search records. The page now sets it apart as a blockquote in the flow of the paragraph, without marks (the
 * paragraph a div: HTML has no blockquote in a p), the search records read it without marks; a quotation of
 * phrases stays in the sentence, in its marks, in every view. A quotation set against the words beside it with no
 * white space in the encoding ("I read:<q>Come at once.</q>So be it.") read "I read:“Come at once.”So be it.":
 * one space there now, none before punctuation.
 */
import { strict as assert } from 'node:assert';
import { HtmlValidate } from 'html-validate';
import { toHtml, toText } from '../../src/transform/index.js';
import { teiDoc, type TeiSource } from '../support/tei-doc.js';
import { passageWords } from '../support/records.js';

const doc = (body: string): TeiSource => teiDoc({ file: 'quote-views.xml', title: 'Quotations', body });
const article = (page: string): string => /<article>([\s\S]*?)<\/article>/.exec(page)?.[1] ?? '';

describe('a quotation holding blocks a block quotation in every view, one of phrases in its sentence', function () {
  this.timeout(300_000);
  const verse = doc('<p>He wrote:<quote><l>Shall I compare thee</l><l>to a summer’s day?</l></quote>and stopped.</p>'
    + '<p>She said <q><p>Go.</p><p>Now.</p></q> and left.</p>'
    + '<p>A line <quote>of phrases</quote> stays.</p>');

  it('on the page: a blockquote in the paragraph’s flow, the paragraph a div; phrases in their marks', async () => {
    const page = article(await toHtml(verse));
    assert.match(page, /<div id="para-1" class="tei-p para"><a class="para-number" href="#para-1" aria-label="Paragraph 1">1<\/a> He wrote:<blockquote class="tei-quote"><p id="[^"]+" class="tei-l">(?:<a class="line-number"[^>]*>\d+<\/a>)?Shall I compare thee<\/p><p id="[^"]+" class="tei-l">(?:<a class="line-number"[^>]*>\d+<\/a>)?to a summer’s day\?<\/p><\/blockquote>and stopped\.<\/div>/);
    assert.match(page, /<div id="para-2" class="tei-p para">.*? She said <blockquote class="tei-q"><p id="para-3" class="tei-p para">.*?Go\.<\/p><p id="para-4" class="tei-p para">.*?Now\.<\/p><\/blockquote> and left\.<\/div>/);
    assert.match(page, /<p id="para-5" class="tei-p para">.*? A line <span class="tei-quote"><span class="mark quote-mark">“<\/span>of phrases<span class="mark quote-mark">”<\/span><\/span> stays\.<\/p>/);
  });

  it('on the page: valid HTML', async () => {
    const report = await new HtmlValidate({ extends: ['html-validate:standard'] }).validateString(await toHtml(verse), 'quote-views.html');
    assert.deepEqual(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`)), []);
  });

  it('in the plain text: its blocks lines of their own, as before; phrases in their marks', async () => {
    assert.deepEqual((await toText(verse)).trim().split('\n\n'), ['He wrote:', 'Shall I compare thee', 'to a summer’s day?', 'and stopped.',
      'She said', 'Go.', 'Now.', 'and left.', 'A line “of phrases” stays.']);
  });

  it('in the search records: its words in the paragraph’s passage, without marks', async () => {
    assert.deepEqual((await passageWords(verse)).slice(0, 2), ['He wrote: Shall I compare thee to a summer’s day? and stopped.', 'She said Go. Now. and left.']);
    assert.equal((await passageWords(verse)).at(-1), 'A line “of phrases” stays.');
  });

  // A quotation within a note's paragraph stays in the note's words, in its marks, on the page and in the plain text.
  it('in a note: words of the note, in their marks, in every view', async () => {
    const noted = doc('<p>Text<note place="foot"><p>Cf. <quote><l>one line</l><l>two</l></quote> here.</p></note> on.</p>');
    assert.match(await toHtml(noted), /Cf\. <span class="tei-quote"><span class="mark quote-mark">“<\/span><span id="[^"]+" class="tei-l">(?:<a[^>]*>\d+<\/a>)?one line<\/span> <span id="[^"]+" class="tei-l">(?:<a[^>]*>\d+<\/a>)?two<\/span><span class="mark quote-mark">”<\/span><\/span> here\./);
    assert.deepEqual((await toText(noted)).trim().split('\n\n'), ['Text[1] on.', '[1] Cf. “one line two” here.']);
  });

  // Set against the words beside it: a space apart, none before punctuation, in every view.
  const tight = doc('<p>I read:<q>Come at once.</q>So be it.</p><p>He wrote<quote>soon</quote>, then<said>never</said>.</p>');

  it('set against its words: a space apart on the page, in the plain text and the search records', async () => {
    const page = article(await toHtml(tight));
    assert.match(page, /1<\/a> I read: <span class="tei-q"><span class="mark quote-mark">“<\/span>Come at once\.<span class="mark quote-mark">”<\/span><\/span> So be it\.<\/p>/);
    assert.match(page, /2<\/a> He wrote <span class="tei-quote"><span class="mark quote-mark">“<\/span>soon<span class="mark quote-mark">”<\/span><\/span>, then <span class="tei-said"><span class="mark quote-mark">“<\/span>never<span class="mark quote-mark">”<\/span><\/span>\.<\/p>/);
    const expected = ['I read: “Come at once.” So be it.', 'He wrote “soon”, then “never”.'];
    assert.deepEqual((await toText(tight)).trim().split('\n\n'), expected);
    assert.deepEqual(await passageWords(tight), expected);
  });

  // A dash closes up to what it sets off, in print as in the encoding: no space is put after it.
  const dashed = doc('<p>He cried—<q>Stop!</q>—and fell.</p>');

  it('after a dash, closed up in every view', async () => {
    assert.match(article(await toHtml(dashed)), /1<\/a> He cried—<span class="tei-q"><span class="mark quote-mark">“<\/span>Stop!<span class="mark quote-mark">”<\/span><\/span>—and fell\.<\/p>/);
    assert.deepEqual((await toText(dashed)).trim().split('\n\n'), ['He cried—“Stop!”—and fell.']);
    assert.deepEqual(await passageWords(dashed), ['He cried—“Stop!”—and fell.']);
  });
});

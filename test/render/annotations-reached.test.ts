/**
 * A span's annotation a reader can reach, once, and find in the search where it stands (stop 41). span "associates an
 * interpretative annotation directly with a span of text" (TEI Guidelines 17.3), and its @from (or @target) "gives
 * the identifier of the node which is the starting point of the span of text being annotated": the annotation is
 * about the words there, wherever the span is encoded (often a spanGrp at the end, "grouped together" apart from the
 * text). Stop 40 set it at those words on the page.
 *
 * - The search records put its words in the passage where the span was encoded: a spanGrp after the paragraphs made
 *   a passage of its own, "[a blacksmith by trade]", which led the reader nowhere near the words. Now they stand in
 *   the passage of the words it is on, after them, as on the page.
 * - The annotated words were marked (aria-describedby) but led nowhere: a reader without a pointer could not reach
 *   the annotation from them. Now the annotation's letter (a, b … in the order of the page, apart from footnotes'
 *   numbers) follows them, a link to it, and the annotation's letter links back, as a footnote's call-out does.
 * - Where the page draws the words twice (an apparatus entry shows its lemma again), the annotation stood in both:
 *   twice over for the reader. Now it is written once, at the text, with its marks and links; the entry's copy plain.
 */
import { strict as assert } from 'node:assert';
import { toHtml, toText } from '../../src/transform/index.js';
import { teiDoc, type TeiSource } from '../support/tei-doc.js';
import { pageProblems } from '../support/html-check.js';
import { passageTexts } from '../support/records.js';

const doc = (body: string): TeiSource => teiDoc({ file: 'reached.xml', title: 'Reached', body });



// Annotations encoded at the end of the body, in another order than the words they are on.
const body = '<p>He met <seg xml:id="w">the smith</seg> at <anchor xml:id="a"/>the old forge<anchor xml:id="b"/>.</p>'
  + '<p xml:id="p2">A second paragraph.</p>'
  + '<div xml:id="d1"><head>A part</head><p>In the part.</p></div>'
  + '<spanGrp type="gloss"><span target="#p2">a late addition</span><span from="#a" to="#b">now a garage</span>'
  + '<span target="#w">a blacksmith by trade</span><span target="#d1">written later</span></spanGrp>';

describe('a span\'s annotation reached from its words, once, and found where it stands', function () {
  this.timeout(300_000);

  it('puts its words in the search passage of the words it is on, not where it is encoded', async () => {
    assert.deepEqual(await passageTexts(doc(body)), [
      ['para-1', 'He met the smith [a blacksmith by trade] at [now a garage] the old forge.'],
      ['p2', 'A second paragraph. [a late addition]'],
      ['d1', '[written later]'],
      ['d1', 'A part'],
      ['para-3', 'In the part.'],
    ]);
    // Changed on purpose (span44): the plain text gives the page's letters after the same words, and lists the
    // annotations after the text (annotations-text.test.ts).
    assert.equal((await toText(doc(body))).trim(), 'He met the smith[^a] at the old forge[^b].\n\nA second paragraph.[^c]\n\nA part\n\nIn the part.[^d]'
      + '\n\nAnnotations\n\na. a blacksmith by trade\n\nb. now a garage\n\nc. a late addition\n\nd. written later');
  });

  it('links the words annotated to their annotation and back, lettered in the order of the page', async () => {
    const page = await toHtml(doc(body));
    // In the order a reader meets them, not the order of the spanGrp.
    assert.deepEqual([...page.matchAll(/<span class="note-margin span-annotation" role="note" id="(annotation-\d)"[^>]*>(?:<a[^>]*>|<span class="annotation-letter">)([a-z])<\/(?:a|span)> <span class="span-annotation-label">annotation: <\/span>([^<]*)<\/span>/g)].map((m) => m.slice(1)), [
      ['annotation-1', 'a', 'a blacksmith by trade'], ['annotation-2', 'b', 'now a garage'], ['annotation-3', 'c', 'a late addition'], ['annotation-4', 'd', 'written later'],
    ]);
    // After the last words annotated, the letter, a link to the annotation, which links back.
    assert.match(page, /<span class="annotated" aria-describedby="annotation-1">the smith<\/span><a class="annotation-ref" id="annotation-ref-1" href="#annotation-1" aria-label="Annotation a"><sup>a<\/sup><\/a>/);
    assert.match(page, /id="annotation-1" title="Annotation on “the smith”"><a class="annotation-back" href="#annotation-ref-1" aria-label="Annotation a: back to the text">a<\/a> /);
    assert.match(page, /<span class="annotated" aria-describedby="annotation-2">the old forge<\/span><a class="annotation-ref" id="annotation-ref-2" href="#annotation-2" aria-label="Annotation b"><sup>b<\/sup><\/a><span class="tei-anchor" id="b"><\/span>\./);
    assert.match(page, /<span class="annotated" aria-describedby="annotation-3">A second paragraph\.<\/span><a class="annotation-ref" id="annotation-ref-3" href="#annotation-3" aria-label="Annotation c"><sup>c<\/sup><\/a><\/p>/);
    assert.equal([...page.matchAll(/class="annotation-ref"/g)].length, 4, 'one link for each annotation');
    assert.deepEqual(await pageProblems(page), []);
  });

  it('inside a link, the letter is no link of its own, and the annotation still leads back to it', async () => {
    const page = await toHtml(doc('<p>See <ref target="https://example.org/"><seg xml:id="r">the map</seg></ref>.</p><spanGrp><span target="#r">drawn in 1850</span></spanGrp>'));
    assert.match(page, /<a href="https:\/\/example\.org\/"[^>]*>.*<span class="annotated" aria-describedby="annotation-1">the map<\/span><sup class="annotation-ref" id="annotation-ref-1">a<\/sup>.*<\/a>/);
    assert.deepEqual(await pageProblems(page), []);
  });

  it('writes the annotation once where the page draws its words twice: an apparatus entry\'s lemma is plain', async () => {
    const page = await toHtml(doc('<p>He <app><lem wit="#A"><seg xml:id="l">wrote</seg></lem><rdg wit="#B">said</rdg></app> it.</p>'
      + '<spanGrp><span target="#l">in pencil</span></spanGrp>'));
    assert.equal(page.split('in pencil').length, 2, 'the annotation once');
    assert.equal(page.split('class="annotated"').length, 2, 'its words marked once');
    assert.equal(page.split('class="annotation-ref"').length, 2, 'one link to it');
    assert.deepEqual(await pageProblems(page), []);
  });

  it('writes the annotation once at an element a list holds between its items (a page break)', async () => {
    const page = await toHtml(doc('<list><item>one</item><pb xml:id="pb3" n="3"/><item>two</item></list><spanGrp><span target="#pb3">a later leaf</span></spanGrp>'));
    assert.equal(page.split('a later leaf').length, 2, 'the annotation once');
    assert.deepEqual(await pageProblems(page), []);
  });

  // Changed on purpose (span43): the lemma of an app placed by @from/@to is printed only in its entry, so the
  // annotation on it stands at the entry's call-out, its letter after the lemma's words in the entry
  // (annotations-readings.test.ts); before, it stood where the span was, its letter linking nowhere.
  it('keeps an annotation on a reading the text does not show at its entry\'s call-out, rather than nowhere', async () => {
    const page = await toHtml(doc('<p>One <anchor xml:id="x1"/>word<anchor xml:id="x2"/><app from="#x1" to="#x2"><lem><seg xml:id="l">word</seg></lem>'
      + '<rdg wit="#B">other</rdg></app> two.</p><spanGrp><span target="#l">on the lemma</span></spanGrp>'));
    const [text] = page.split('<section class="apparatus"');
    assert.match(text, /<span class="tei-anchor" id="x2"><\/span><span class="note-margin span-annotation" role="note" id="annotation-1" title="Annotation on “word”"><a class="annotation-back" href="#annotation-ref-1" aria-label="Annotation a: back to the text">a<\/a> <span class="span-annotation-label">annotation: <\/span>on the lemma<\/span><a class="app-callout" href="#app-1"/);
    assert.match(page, /<span class="app-lemma tei-lem"><span class="tei-seg" id="l--app-1"><span class="annotated" aria-describedby="annotation-1">word<\/span><a class="annotation-ref" id="annotation-ref-1" href="#annotation-1" aria-label="Annotation a"><sup>a<\/sup><\/a><\/span><\/span>\]/);
    assert.equal(page.split('on the lemma').length, 2, 'once');
    assert.deepEqual(await pageProblems(page), []);
  });
});

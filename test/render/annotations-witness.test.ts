/**
 * An annotation on a reading: its pair of links on the edition's page and on a witness's page (stop 44).
 *
 * span "associates an interpretative annotation directly with a span of text" (TEI Guidelines 17.3), the words its
 * @target or @from names. rdg "contains a single reading within a textual variant"; a witness's page reads the text as
 * that witness has it (its reading of every app of a parallel-segmentation apparatus), and has no apparatus.
 *
 * - The edition's page (stop 43): the words in the entry carry a copy's id (the seg's, suffixed: r1--app-1-1); the
 *   annotation's letter links back to the letter after them there (annotation-ref-1), a real id of the page, and that
 *   letter to the annotation: held here for an rdg, a range in an rdg, and an app placed by @loc (guards).
 * - A witness's page: the annotation stood at the call-out, its letter a link to nothing (the page has no entry), so
 *   it was plain. Now, on the page of a witness whose reading holds the words, they stand in its text, marked, their
 *   letter a link to the annotation, whose letter links back to them; on another witness's page the annotation's
 *   letter links to the words in the entry on the edition's page (index.html), as the call-out beside it does to the
 *   entry.
 */
import { strict as assert } from 'node:assert';
import { compileStylesheet, teiSource, toHtml, transformSource, HTML_STYLESHEET } from '../../src/transform/index.js';
import { teiDoc, type TeiSource } from '../support/tei-doc.js';
import { pageProblems } from '../support/html-check.js';

const doc = (body: string): TeiSource => teiDoc({
  file: 'witnessed.xml', title: 'Witnessed',
  header: '<encodingDesc><variantEncoding method="parallel-segmentation" location="internal"/></encodingDesc>',
  body: '<listWit><witness xml:id="A">A</witness><witness xml:id="B">B</witness></listWit>' + body,
});

/** Every link of a class, as [its href, whether the page has an element with that id (once)]. */
const links = (page: string, cls: string): [string, boolean][] => [...page.matchAll(new RegExp(`<a class="${cls}" (?:id="[^"]*" )?href="([^"]*)"`, 'g'))]
  .map((m) => [m[1], !m[1].startsWith('#') || page.split(` id="${m[1].slice(1)}"`).length === 2]);

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('an annotation on a reading: its pair of links on each page', function () {
  this.timeout(300_000);

  it('guard: on the edition\'s page the annotation links back to the words in the entry, a real id there', async () => {
    const page = await toHtml(doc('<p>He <app><lem wit="#A">wrote</lem><rdg wit="#B"><seg xml:id="r1">said</seg> <seg xml:id="r2">it</seg></rdg></app> once.</p>'
      + '<lg><l n="1" xml:id="l1">Sing the wrath</l></lg><listApp><app loc="1"><lem>wrath</lem><rdg wit="#B"><seg xml:id="r3">anger</seg></rdg></app></listApp>'
      + '<spanGrp><span target="#r1">a slip</span><span from="#r1" to="#r2">a later hand</span><span target="#r3">a gloss</span></spanGrp>'));
    assert.deepEqual(links(page, 'annotation-back'), [['#annotation-ref-1', true], ['#annotation-ref-2', true], ['#annotation-ref-3', true]]);
    assert.deepEqual(links(page, 'annotation-ref'), [['#annotation-1', true], ['#annotation-2', true], ['#annotation-3', true]]);
    // The letters after the words in the entries, each inside the seg's copy.
    assert.match(page, new RegExp(escape('<span class="tei-seg" id="r1--app-1-1"><span class="annotated" aria-describedby="annotation-1 annotation-2">said</span>'
      + '<a class="annotation-ref" id="annotation-ref-1" href="#annotation-1" aria-label="Annotation a"><sup>a</sup></a></span>')));
    assert.match(page, new RegExp(escape('<span class="tei-seg" id="r2--app-1-1"><span class="annotated" aria-describedby="annotation-2">it</span>'
      + '<a class="annotation-ref" id="annotation-ref-2" href="#annotation-2" aria-label="Annotation b"><sup>b</sup></a></span>')));
    assert.match(page, new RegExp(escape('<span class="tei-seg" id="r3--app-2-1"><span class="annotated" aria-describedby="annotation-3">anger</span>'
      + '<a class="annotation-ref" id="annotation-ref-3" href="#annotation-3" aria-label="Annotation c"><sup>c</sup></a></span>')));
    assert.deepEqual(await pageProblems(page), []);
  });

  it('on a witness\'s page, a pair of links: to its words in the text when the witness reads them, else to the entry', async () => {
    const source = doc('<p>He <app><lem wit="#A">wrote</lem><rdg wit="#B"><seg xml:id="r1">said</seg></rdg></app> it.</p>'
      + '<spanGrp><span target="#r1">a slip of the scribe</span></spanGrp>');
    const html = await compileStylesheet(HTML_STYLESHEET);
    const { principal, results } = transformSource(html, teiSource(source.text, source.file), { params: { output: 'page+entities' } });
    const [pageA, pageB] = [results['witness-A.html'], results['witness-B.html']];
    const callout = '<a class="app-callout" href="index.html#app-1" aria-label="Apparatus entry 1" id="app-1-ref"><sup>1</sup></a>';
    const note = (href: string, to: string): string => '<span class="note-margin span-annotation" role="note" id="annotation-1" title="Annotation on “said”">'
      + `<a class="annotation-back" href="${href}" aria-label="Annotation a: ${to}">a</a> <span class="span-annotation-label">annotation: </span>a slip of the scribe</span>`;
    // B reads "said": the words marked in its text, their letter a link to the annotation, which links back.
    assert.match(pageB, new RegExp(escape('He <span class="tei-app app-reading"><span class="tei-seg" id="r1"><span class="annotated" aria-describedby="annotation-1">said</span>'
      + '<a class="annotation-ref" id="annotation-ref-1" href="#annotation-1" aria-label="Annotation a"><sup>a</sup></a></span></span>'
      + note('#annotation-ref-1', 'back to the text') + callout + ' it.')));
    assert.deepEqual(links(pageB, 'annotation-back'), [['#annotation-ref-1', true]]);
    // A reads "wrote": the annotation's letter leads to the words in the entry, on the edition's page.
    assert.match(pageA, new RegExp(escape('He <span class="tei-app app-reading">wrote</span>' + note('index.html#annotation-ref-1', 'its words in the apparatus') + callout + ' it.')));
    assert.doesNotMatch(pageA, /class="annotation-ref"/);
    assert.deepEqual(await pageProblems(pageA), []);
    assert.deepEqual(await pageProblems(pageB), []);
    // The edition's page has the entry's letter the witness A's page leads to.
    assert.match(String(principal), /<a class="annotation-ref" id="annotation-ref-1" href="#annotation-1"/);
  });
});

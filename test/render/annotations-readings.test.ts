/**
 * An annotation on a reading seen only in the apparatus (stop 43).
 *
 * span "associates an interpretative annotation directly with a span of text" (TEI Guidelines 17.3), the words its
 * @target or @from names. An app "contains one entry in a critical apparatus, with an optional lemma and usually one
 * or more readings"; rdg contains one reading of a witness. A seg in an rdg, or in any reading of an app placed apart
 * (@loc, or @from/@to), is printed only in the app's entry: the text shows the lemma (parallel segmentation) or the
 * base text around it.
 *
 * Before: such an annotation stood where the span was encoded (a spanGrp after the paragraphs), its letter linking
 * nowhere, its words in the search records in a passage of their own (or the spanGrp's), which led the reader to no
 * words; the entry printed the annotated words plain.
 * Now: the entry's words end with the annotation's letter, a link to it, which links back there; the annotation
 * stands with the others in the margin at the entry's call-out, lettered in reading order by where the call-out
 * stands; its words in the search records are in the passage of the call-out. An annotation on the lemma of an
 * inline app stays in the text, once (the entry's copy of the lemma plain). The plain text gives the same letters in
 * the entry's line (since stop 44, annotations-text.test.ts).
 */
import { strict as assert } from 'node:assert';
import { toHtml, toText } from '../../src/transform/index.js';
import { teiDoc, type TeiSource } from '../support/tei-doc.js';
import { pageProblems } from '../support/html-check.js';
import { passageTexts } from '../support/records.js';

const doc = (body: string): TeiSource => teiDoc({ file: 'readings.xml', title: 'Readings', body });



/** The annotation in the margin: its id, its letter linking back to `ref`, its words' title, its text. */
const note = (id: string, letter: string, words: string, text: string): string => `<span class="note-margin span-annotation" role="note" id="${id}" title="Annotation on “${words}”">`
  + `<a class="annotation-back" href="#annotation-ref-${id.replace('annotation-', '')}" aria-label="Annotation ${letter}: back to the text">${letter}</a> `
  + `<span class="span-annotation-label">annotation: </span>${text}</span>`;
/** The letter after the words annotated, a link to the annotation. */
const ref = (n: number, letter: string): string => `<a class="annotation-ref" id="annotation-ref-${n}" href="#annotation-${n}" aria-label="Annotation ${letter}"><sup>${letter}</sup></a>`;
const callout = '<a class="app-callout" href="#app-1" aria-label="Apparatus entry 1" id="app-1-ref"><sup>1</sup></a>';
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('an annotation on a reading seen only in the apparatus entry', function () {
  this.timeout(300_000);

  it('a seg in an rdg of an inline app: its letter in the entry, the annotation at the call-out, its words in the call-out\'s passage', async () => {
    const source = doc('<p>He <app><lem wit="#A">wrote</lem><rdg wit="#B"><seg xml:id="r1">said</seg></rdg></app> it.</p><p>Next.</p>'
      + '<spanGrp><span target="#r1">a slip of the scribe</span></spanGrp>');
    const page = await toHtml(source);
    assert.match(page, new RegExp(escape('He <span class="tei-app app-reading">wrote</span>' + note('annotation-1', 'a', 'said', 'a slip of the scribe') + callout + ' it.</p>')));
    assert.match(page, new RegExp(escape('; <span class="app-rdg tei-rdg"><span class="tei-seg" id="r1--app-1-1"><span class="annotated" aria-describedby="annotation-1">said</span>'
      + ref(1, 'a') + '</span></span> <span class="sigla"><span class="siglum">B</span></span>.</li>')));
    assert.equal(page.split('a slip of the scribe').length, 2, 'the annotation once');
    assert.deepEqual(await pageProblems(page), []);
    // Changed on purpose (span44): the annotation's letter after its words in the entry's line, the annotation listed after.
    assert.equal((await toText(source)).trim(), 'He wrote it.\n\nNext.\n\nApparatus criticus\n\n1 wrote] A; said[^a] B.\n\nAnnotations\n\na. a slip of the scribe');
    assert.deepEqual(await passageTexts(source), [['para-1', 'He wrote [a slip of the scribe] it.'], ['para-2', 'Next.']]);
  });

  it('a seg in an rdg of an app placed by @loc in a listApp: the annotation at the call-out after the line', async () => {
    const source = doc('<lg><l n="1" xml:id="l1">Sing, goddess, the wrath</l><l n="2">of Achilles.</l></lg>'
      + '<listApp><app loc="1"><lem>wrath</lem><rdg wit="#B"><seg xml:id="r2">anger</seg></rdg></app></listApp>'
      + '<spanGrp><span target="#r2">a gloss taken into the text</span></spanGrp>');
    const page = await toHtml(source);
    assert.match(page, new RegExp(escape('<p id="l1" class="tei-l">Sing, goddess, the wrath' + note('annotation-1', 'a', 'anger', 'a gloss taken into the text') + callout + '</p>')));
    assert.match(page, new RegExp(escape('<span class="app-loc">1</span>: <span class="app-lemma tei-lem">wrath</span>] <span class="app-rdg tei-rdg"><span class="tei-seg" id="r2--app-1-1">'
      + '<span class="annotated" aria-describedby="annotation-1">anger</span>' + ref(1, 'a') + '</span></span>')));
    assert.deepEqual(await pageProblems(page), []);
    // Changed on purpose (span44), as above.
    assert.equal((await toText(source)).trim(), 'Sing, goddess, the wrath\n\nof Achilles.\n\nApparatus criticus\n\n1 1: wrath] anger[^a] B.\n\nAnnotations\n\na. a gloss taken into the text');
    // The listApp is no passage of its own (changed on purpose, tests44): its readings are other forms of the line its
    // call-out follows; no words of the annotation anywhere else.
    assert.deepEqual(await passageTexts(source), [['l1', 'Sing, goddess, the wrath [a gloss taken into the text]'], ['', 'of Achilles.']]);
  });

  it('guard: a seg in the lemma of an inline app keeps its annotation in the text, once; the entry\'s copy plain', async () => {
    const source = doc('<p>He <app><lem wit="#A"><seg xml:id="l">wrote</seg></lem><rdg wit="#B">said</rdg></app> it.</p><spanGrp><span target="#l">in pencil</span></spanGrp>');
    const page = await toHtml(source);
    assert.match(page, new RegExp(escape('He <span class="tei-app app-reading">' + note('annotation-1', 'a', 'wrote', 'in pencil')
      + '<span class="tei-seg" id="l"><span class="annotated" aria-describedby="annotation-1">wrote</span>' + ref(1, 'a') + '</span></span>' + callout + ' it.</p>')));
    assert.match(page, /<span class="app-lemma tei-lem"><span class="tei-seg" id="l--app-1">wrote<\/span><\/span>\]/);
    assert.equal(page.split('class="annotation-ref"').length, 2, 'one link to it');
    assert.deepEqual(await pageProblems(page), []);
    assert.deepEqual(await passageTexts(source), [['para-1', 'He wrote [in pencil] it.']]);
  });

  it('two annotations on one reading, lettered where the call-out stands among the text\'s own', async () => {
    const source = doc('<p><seg xml:id="f">First</seg> he <app><lem wit="#A">wrote</lem><rdg wit="#B"><seg xml:id="r3">said</seg> <seg xml:id="r4">plainly</seg></rdg></app> <seg xml:id="g">it</seg>.</p>'
      + '<spanGrp><span target="#g">the letter</span><span target="#r4">late ink</span><span target="#f">capital</span><span from="#r3" to="#r4">a later hand</span></spanGrp>');
    const page = await toHtml(source);
    assert.match(page, new RegExp(escape(' he <span class="tei-app app-reading">wrote</span>' + note('annotation-2', 'b', 'plainly', 'late ink')
      + note('annotation-3', 'c', 'said plainly', 'a later hand') + callout + ' ' + note('annotation-4', 'd', 'it', 'the letter'))));
    assert.match(page, new RegExp(escape(note('annotation-1', 'a', 'First', 'capital') + '<span class="tei-seg" id="f">')));
    assert.match(page, new RegExp(escape('<span class="app-rdg tei-rdg"><span class="tei-seg" id="r3--app-1-1"><span class="annotated" aria-describedby="annotation-3">said</span></span> '
      + '<span class="tei-seg" id="r4--app-1-1"><span class="annotated" aria-describedby="annotation-2 annotation-3">plainly</span>' + ref(2, 'b') + ref(3, 'c') + '</span></span>')));
    assert.deepEqual(await pageProblems(page), []);
    // Changed on purpose (span44): the page's letters after the same words in the text and in the entry's line.
    assert.equal((await toText(source)).trim(), 'First[^a] he wrote it[^d].\n\nApparatus criticus\n\n1 wrote] A; said plainly[^b][^c] B.'
      + '\n\nAnnotations\n\na. capital\n\nb. late ink\n\nc. a later hand\n\nd. the letter');
    assert.deepEqual(await passageTexts(source), [['para-1', 'First [capital] he wrote [late ink] [a later hand] it [the letter].']]);
  });
});

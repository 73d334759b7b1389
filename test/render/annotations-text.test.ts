/**
 * A span's annotation in the plain text (stop 44).
 *
 * span "associates an interpretative annotation directly with a span of text" (TEI Guidelines 17.3): its @from (or
 * @target) names the words it is on, @to where they end; spanGrp only groups spans "of the same type", often apart
 * from the text. The page shows each annotation in the margin, its letter (a, b … in the order of the page, apart from
 * the footnotes' numbers) after the words it is on, and in an apparatus entry after the reading's words when only the
 * entry shows them.
 *
 * Before: the plain text left every annotation out; a reader of the text edition lost the encoder's commentary.
 * Now: the same letter follows the same words, as "[^a]" (not "[a]": a note's label may be a letter, @n="a", and
 * supplied letters read "w[a]s"), an entry's line carries the letter of an annotation on its reading, and after the
 * notes an "Annotations" list gives each, "a. its words" (its @type first when it has one), in the page's order and
 * with its letters. The search records and the apparatus data keep the annotation's words, without letters; a
 * witness's text gives them as the witness's page does (annotations-witness-text.test.ts).
 */
import { strict as assert } from 'node:assert';
import { toHtml, toText, readApparatus } from '../../src/transform/index.js';
import { teiDoc, type TeiSource } from '../support/tei-doc.js';
import { passageTexts } from '../support/records.js';

const doc = (body: string, header?: string): TeiSource => teiDoc({ file: 'annotated-text.xml', title: 'Annotated text', body, header });
const lines = async (source: TeiSource, mode: 'reading' | 'diplomatic' = 'reading'): Promise<string[]> => (await toText(source, { mode })).trim().split('\n\n');

describe('a span\'s annotation in the plain text', function () {
  this.timeout(300_000);

  it('a span with @target on words of a paragraph: its letter after them, the annotation in the list after the text', async () => {
    const source = doc('<p>He met <seg xml:id="w">the smith</seg> at the forge.</p><p>Next.</p>'
      + '<spanGrp><span target="#w">a blacksmith by trade</span></spanGrp>');
    const expected = ['He met the smith[^a] at the forge.', 'Next.', 'Annotations', 'a. a blacksmith by trade'];
    assert.deepEqual(await lines(source), expected);
    assert.deepEqual(await lines(source, 'diplomatic'), expected);
    // The search records keep the words in brackets where the page shows them, without a letter (as before).
    assert.deepEqual(await passageTexts(source), [['para-1', 'He met the smith [a blacksmith by trade] at the forge.'], ['para-2', 'Next.']]);
  });

  it('a span from one anchor to another: its letter after the last words between them', async () => {
    const source = doc('<p>He <anchor xml:id="a"/>said it<anchor xml:id="b"/> twice.</p><p>Later.</p>'
      + '<spanGrp><span from="#a" to="#b">a doubtful reading</span></spanGrp>');
    assert.deepEqual(await lines(source), ['He said it[^a] twice.', 'Later.', 'Annotations', 'a. a doubtful reading']);
  });

  it('two annotations on one word, after the notes, each with its type and letter; a paragraph annotated as a whole', async () => {
    const source = doc('<p>The <seg xml:id="g">grey</seg> cat<note>A note.</note> sat.</p><p xml:id="p2">A second paragraph.</p>'
      + '<spanGrp><span target="#p2">a late addition</span><span type="colour" target="#g">a colour word</span><span target="#g">also a mood</span></spanGrp>');
    assert.deepEqual(await lines(source), ['The grey[^a][^b] cat[1] sat.', 'A second paragraph.[^c]', '[1] A note.',
      'Annotations', 'a. colour: a colour word', 'b. also a mood', 'c. a late addition']);
  });

  it('an annotation on a reading only the apparatus shows: its letter in the entry\'s line; on the lemma, in the text only', async () => {
    const source = doc('<listWit><witness xml:id="A">Oxford</witness><witness xml:id="B">Bern</witness></listWit>'
      + '<p>He <app><lem wit="#A"><seg xml:id="l">wrote</seg></lem><rdg wit="#B"><seg xml:id="r1">said</seg></rdg></app> it.</p><p>Next.</p>'
      + '<spanGrp><span target="#r1">a slip of the scribe</span><span target="#l">in pencil</span></spanGrp>',
    '<encodingDesc><variantEncoding method="parallel-segmentation" location="internal"/></encodingDesc>');
    assert.deepEqual(await lines(source), ['He wrote[^a] it.', 'Next.', 'Apparatus criticus', '1 wrote] A; said[^b] B.', 'Witnesses', 'A — Oxford', 'B — Bern',
      'Annotations', 'a. in pencil', 'b. a slip of the scribe']);
    // The apparatus as data gives the readings' words, no letters.
    const apparatus = await readApparatus(source);
    assert.deepEqual(apparatus.entries.map((e) => [e.lemma?.text, ...e.readings.map((r) => r.kind === 'reading' ? r.text : '')]), [['wrote', 'said']]);
    // A witness's text has no apparatus, but the letters and the list, as the witness's page
    // (annotations-witness-text.test.ts).
    assert.equal(await toText(source, { witness: 'B' }), 'He said[^b] it.\n\nNext.\n\nAnnotations\n\na. in pencil\n\nb. a slip of the scribe\n');
  });

  it('guard: a document with no annotation has no list', async () => {
    assert.deepEqual(await lines(doc('<p>Plain words<note>A note.</note>.</p><interpGrp><interp xml:id="i">ironic</interp></interpGrp>')),
      ['Plain words[1].', '[1] A note.']);
  });

  it('gives each annotation the letter the page gives it, after the same words', async () => {
    const source = doc('<p><seg xml:id="f">First</seg> he <app><lem wit="#A">wrote</lem><rdg wit="#B"><seg xml:id="r3">said</seg> <seg xml:id="r4">plainly</seg></rdg></app>'
      + ' <seg xml:id="g">it</seg>.</p><p>He <anchor xml:id="a"/>met<anchor xml:id="b"/> her.</p>'
      + '<spanGrp><span target="#g">the letter</span><span target="#r4">late ink</span><span from="#a" to="#b">in pencil</span>'
      + '<span target="#f">capital</span><span from="#r3" to="#r4">a later hand</span><span>a general remark</span></spanGrp>');
    const page = await toHtml(source);
    const text = await toText(source);
    // The page: each annotation's letter and words, in the order of the page; the letter after the words it is on.
    const pageNotes = [...page.matchAll(/<span class="note-margin span-annotation"[^>]*>(?:<a[^>]*>|<span class="annotation-letter">)([a-z])<\/(?:a|span)> <span class="span-annotation-label">[^<]*<\/span>([^<]*)<\/span>/g)]
      .map((m) => `${m[1]}. ${m[2]}`);
    const pageWords = [...page.matchAll(/<span class="annotated"[^>]*>([^<]*)<\/span>((?:<a class="annotation-ref"[^>]*><sup>[a-z]<\/sup><\/a>)+)/g)]
      .map((m) => m[1] + [...m[2].matchAll(/<sup>([a-z])<\/sup>/g)].map((l) => `[^${l[1]}]`).join(''));
    assert.deepEqual(pageNotes, ['a. capital', 'b. late ink', 'c. a later hand', 'd. the letter', 'e. in pencil', 'f. a general remark']);
    // (The entry's words last: the apparatus follows the text.)
    assert.deepEqual(pageWords, ['First[^a]', 'it[^d]', 'met[^e]', 'plainly[^b][^c]']);
    assert.deepEqual(text.trim().split('\n\n'), ['First[^a] he wrote it[^d].', 'He met[^e] her.', 'Apparatus criticus', '1 wrote] A; said plainly[^b][^c] B.',
      'Annotations', ...pageNotes]);
    for (const words of pageWords) assert.ok(text.includes(words), words);
  });
});

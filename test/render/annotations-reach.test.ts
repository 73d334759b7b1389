/**
 * A span's annotation where a reader finds it (stop 40). span "associates an interpretative annotation directly
 * with a span of text" (TEI Guidelines 17.3); @from (or @target) "gives the identifier of the node which is the
 * starting point of the span of text being annotated; if not accompanied by a to attribute, gives the identifier
 * of the node of the entire span of text being annotated".
 *
 * - Since stop 39 the page showed an annotation on an anchor as a margin note at the anchor; one on an element
 *   (a seg, a p, a persName with an xml:id) stood where the span was encoded, after the paragraphs. Now at the
 *   element, as at an anchor: before it when the page makes it words of a sentence, inside it at its start when
 *   a block (a paragraph, a list's item).
 * - The annotated words bore no sign: now each run of them is marked (class "annotated") and names the
 *   annotation (aria-describedby), no script; the page stays valid HTML (html-validate, standard rules).
 * - A search for an annotation's words found nothing: now its words are in the passage it stands in, in
 *   brackets, as a note's are.
 */
import { strict as assert } from 'node:assert';
import { compileStylesheet, runStylesheet, teiSource, toHtml } from '../../src/transform/index.js';
import { RECORDS_STYLESHEET } from '../../src/search/index.js';
import { attribute, withClass } from '../support/page-views.js';
import { teiDoc, type TeiSource } from '../support/tei-doc.js';
import { pageProblems } from '../support/html-check.js';

const doc = (body: string): TeiSource => teiDoc({ file: 'annotated.xml', title: 'Annotated', body });

const body = '<p>He met <persName xml:id="n1">John Smith</persName> and <seg xml:id="s1">said <hi rend="italic">it</hi></seg> twice.</p>'
  + '<p xml:id="p2">A second paragraph.</p><list><item xml:id="i1">an item</item><item>another</item></list>'
  + '<p>He <anchor xml:id="a"/>wrote it<anchor xml:id="b"/> once.</p>'
  + '<spanGrp><span type="person" target="#n1">the smith of the village</span><span from="#s1">a doubtful word</span>'
  + '<span target="#p2">a late addition</span><span target="#i1">struck out</span><span from="#a" to="#b">in pencil</span></spanGrp>';

describe('a span\'s annotation a reader can find', function () {
  this.timeout(300_000);

  it('stands at the element it is on, as at an anchor, naming its words; once', async () => {
    const page = await toHtml(doc(body));
    const notes = withClass(page, 'span-annotation');
    assert.deepEqual(notes.map((n) => attribute(n, 'title')), [
      'Annotation on “John Smith”', 'Annotation on “said it”', 'Annotation on “A second paragraph.”',
      'Annotation on “an item”', 'Annotation on “wrote it”',
    ], 'in the order of the text, each naming the words it is on');
    for (const annotation of ['the smith of the village', 'a doubtful word', 'a late addition', 'struck out', 'in pencil']) {
      assert.equal(page.split(annotation).length, 2, `${annotation}: once`);
    }
    // Changed on purpose (span41): each annotation begins with its letter, a link back to its words.
    // Before a phrase, beside its words (as at an anchor).
    assert.match(page, /He met <span class="note-margin span-annotation"[^>]*><a class="annotation-back"[^>]*>[a-z]<\/a> <span class="span-annotation-label">person: <\/span>the smith of the village<\/span><span class="tei-persName" id="n1">/);
    assert.match(page, /<span class="span-annotation-label">annotation: <\/span>a doubtful word<\/span><span class="tei-seg" id="s1">/);
    // Inside a block, at its start: in the paragraph, in the list's item.
    assert.match(page, /<p id="p2" class="tei-p para"><span class="note-margin span-annotation"[^>]*><a class="annotation-back"[^>]*>[a-z]<\/a> <span class="span-annotation-label">annotation: <\/span>a late addition<\/span>/);
    assert.match(page, /<li[^>]*><span class="note-margin span-annotation"[^>]*><a class="annotation-back"[^>]*>[a-z]<\/a> <span class="span-annotation-label">annotation: <\/span>struck out<\/span>/);
  });

  it('marks the words annotated, naming the annotation; the page valid', async () => {
    const page = await toHtml(doc(body));
    const notes = withClass(page, 'span-annotation').map((n) => attribute(n, 'id'));
    assert.ok(notes.every((id) => id !== undefined), 'each annotation has an id');
    assert.equal(new Set(notes).size, 5, 'of its own');
    const marked = [...page.matchAll(/<span class="annotated" aria-describedby="([^"]*)">([^<]*)<\/span>/g)].map((m) => [m[2], notes.indexOf(m[1])]);
    assert.deepEqual(marked, [['John Smith', 0], ['said ', 1], ['it', 1], ['A second paragraph.', 2], ['an item', 3], ['wrote it', 4]]);
    assert.doesNotMatch(page, /class="annotated"[^>]*>(twice|He|once|another)/, 'no other words');
    assert.deepEqual(await pageProblems(page), []);
  });

  // Changed on purpose (span41): after the words the annotation is on (where the page shows it), not where the span is.
  it('puts an annotation\'s words in the search records, as a note\'s', async () => {
    const records = await compileStylesheet(RECORDS_STYLESHEET);
    const { text, file } = doc('<p>Some <seg xml:id="w">words</seg> here<spanGrp><span target="#w">an ironic aside</span></spanGrp>.</p><p>Next.</p>');
    const json = JSON.parse(String(runStylesheet(records, teiSource(text, file)))) as { passages: unknown[][] };
    assert.deepEqual(json.passages.map((p) => p[3]), ['Some words [an ironic aside] here.', 'Next.']);
  });
});

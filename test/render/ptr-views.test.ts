/**
 * A pointer reads the same on the page, in the plain text and in the search records, whatever it points to and
 * however it is written.
 *
 * Notes not numbered. TEI's note/@place says where a note stands: "margin" in the margin, "inline" within the body
 * of the text. The page calls out and numbers only footnotes and endnotes; a margin or inline note stands where it is
 * written, with no number (its @n, if any, is its label). A ptr to one read "note 1", the number of the last footnote
 * before it, a number the note does not have; the plain text copied it. Now it reads where the note stands: "note in
 * the margin of paragraph 2", "note in paragraph 2" (an inline one), "note in the margin of line 1"; one with @n
 * reads "note *" as before, and a footnote "note 2" as before.
 *
 * Prefixed pointers. TEI's prefixDef defines the prefix of a private URI scheme and how to expand it to a full URI
 * (@matchPattern, @replacementPattern): with ident "ed", "ed:p2" means "#p2". The page expanded it and read
 * "paragraph 2"; the plain text and the search records read "ed:p2". Now they expand it through the same function
 * (common/pointers.xsl: samizdat:pointer-target).
 *
 * One paragraph count. The page, the plain text and the search records each kept a paragraph counter of their own
 * (alike by hand); now there is one (common/pointers.xsl: samizdat:paragraph-number). The document below has
 * paragraphs where counters could part: in front and back matter, in a note, in a floatingText (TEI: "contains a
 * single text of any kind … interrupting the text containing it"), in a speech (sp); each view names each the same.
 */
import { strict as assert } from 'node:assert';
import { compileStylesheet, runStylesheet, teiSource, toHtml, toText, type CompiledStylesheet } from '../../src/transform/index.js';
import { RECORDS_STYLESHEET } from '../../src/search/index.js';
import { teiDoc, type TeiSource } from '../support/tei-doc.js';

const NOTES = teiDoc({
  file: 'ptr-notes.xml', title: 'Pointers to notes',
  body: '<div><head>One</head><p>Opening<note xml:id="f1">Foot one.</note>.</p>'
    + '<p>Second<note place="margin" xml:id="m1">Margin.</note> and<note place="margin" n="*" xml:id="m2">Starred.</note>'
    + ' and<note place="inline" xml:id="i1">said inline</note> and<note xml:id="f2">Foot two.</note>.</p>'
    + '<lg><l>Verse<note place="margin" xml:id="mv">By the verse.</note></l></lg>'
    + '<p>See <ptr target="#m1"/>; <ptr target="#m2"/>; <ptr target="#i1"/>; <ptr target="#mv"/>; <ptr target="#f2"/>.</p></div>',
});
const SEE_NOTES = 'See note in the margin of paragraph 2; note *; note in paragraph 2; note in the margin of line 1; note 2.';

const PREFIXED = teiDoc({
  file: 'ptr-prefix.xml', title: 'Prefixed pointers',
  header: '<encodingDesc><listPrefixDef><prefixDef ident="ed" matchPattern="([a-z0-9]+)" replacementPattern="#$1"/></listPrefixDef></encodingDesc>',
  body: '<div><head>One</head><p>Opening.</p><p xml:id="p2">Second<note xml:id="fn">Foot.</note>.</p>'
    + '<p>See <ptr target="ed:p2"/>, <ptr target="ed:fn"/>, <ref target="ed:p2"/>, <ptr target="ed:nowhere"/>.</p></div>',
});
const SEE_PREFIXED = 'See paragraph 2, note 1, paragraph 2, ed:nowhere.';

const BODY_ONLY = teiDoc({
  file: 'ptr-paragraphs.xml', title: 'Paragraphs everywhere',
  front: '<div><p xml:id="fr">Front.</p></div>',
  body: '<div><head>One</head><p xml:id="b1">Body<note><p xml:id="np">In a note.</p></note>.</p>'
    + '<floatingText><body><p xml:id="fl">Floating.</p></body></floatingText>'
    + '<sp><speaker>A</speaker><p xml:id="sp1">Spoken.</p></sp>'
    + '<p xml:id="see">See <ptr target="#fr"/>, <ptr target="#b1"/>, <ptr target="#np"/>, <ptr target="#fl"/>, <ptr target="#sp1"/>, <ptr target="#bk"/>.</p></div>',
});
const PARAGRAPHS: TeiSource = { ...BODY_ONLY, text: BODY_ONLY.text.replace('</body></text>', '</body><back><div><p xml:id="bk">Back.</p></div></back></text>') };
const SEE_PARAGRAPHS = 'See paragraph 1, paragraph 2, paragraph 3, paragraph 4, paragraph 5, paragraph 7.';

let records: CompiledStylesheet;
/** The search passages of $doc as [anchor, number, text]. */
const passages = (doc: TeiSource): [string, string, string][] => (JSON.parse(String(runStylesheet(records, teiSource(doc.text, doc.file)))) as { passages: string[][] }).passages.map((p) => [p[0], p[1], p[3]]);
/** The pointers of a page, as "href label" (href "-" for one left unlinked). */
const pagePointers = (page: string): string[] => [...page.matchAll(/<(?:a href="#([^"]*)"|span) class="tei-(?:ptr|ref)">([^<]*)<\/(?:a|span)>/g)].map((m) => `${m[1] ?? '-'} ${m[2]}`);

describe('a pointer in every view', function () {
  this.timeout(300_000);
  before(async () => {
    records = await compileStylesheet(RECORDS_STYLESHEET);
  });

  describe('to a note the page does not number', () => {
    it('reads on the page where the note stands; one with @n its label, a footnote its number', async () => {
      const page = await toHtml(NOTES);
      assert.deepEqual(pagePointers(page), [
        'm1 note in the margin of paragraph 2', 'm2 note *', 'i1 note in paragraph 2', 'mv note in the margin of line 1', 'f2 note 2',
      ]);
      assert.match(page, /<span class="note tei-note note-margin" role="note" id="m1">Margin\.<\/span>/, 'the margin note has no number on the page');
    });

    it('reads the same in the plain text', async () => {
      const blocks = (await toText(NOTES)).trim().split('\n\n');
      assert.deepEqual(blocks, [
        'One', 'Opening[1].', 'Second [Margin.] and [* Starred.] and [said inline] and[2].', 'Verse [By the verse.]',
        SEE_NOTES, '[1] Foot one.', '[2] Foot two.',
      ]);
    });

    it('reads the same in the search records', () => {
      assert.deepEqual(passages(NOTES).find(([, , text]) => text.startsWith('See')), ['para-3', '3', SEE_NOTES]);
    });
  });

  describe('written with a prefix the document defines', () => {
    it('reads on the page as its target (a guard: the page expanded it already)', async () => {
      assert.deepEqual(pagePointers(await toHtml(PREFIXED)), ['p2 paragraph 2', 'fn note 1', 'p2 paragraph 2', '- ed:nowhere']);
    });

    it('reads the same in the plain text', async () => {
      assert.deepEqual((await toText(PREFIXED)).trim().split('\n\n'), ['One', 'Opening.', 'Second[1].', SEE_PREFIXED, '[1] Foot.']);
    });

    it('reads the same in the search records', () => {
      assert.deepEqual(passages(PREFIXED).find(([, , text]) => text.startsWith('See')), ['para-3', '3', SEE_PREFIXED]);
    });
  });

  describe('to paragraphs in front and back matter, a note, a floatingText and a speech', () => {
    it('reads on the page the number the page marks the paragraph with', async () => {
      const page = await toHtml(PARAGRAPHS);
      assert.deepEqual(pagePointers(page), ['fr paragraph 1', 'b1 paragraph 2', 'np paragraph 3', 'fl paragraph 4', 'sp1 paragraph 5', 'bk paragraph 7']);
      const marks = [...page.matchAll(/<a class="para-number" href="#([^"]+)" aria-label="Paragraph (\d+)">\2<\/a>/g)].map((m) => `${m[1]} ${m[2]}`);
      assert.deepEqual(marks, ['fr 1', 'b1 2', 'fl 4', 'sp1 5', 'see 6', 'bk 7'], 'a paragraph in a note is counted, not marked');
    });

    it('reads the same in the plain text', async () => {
      const blocks = (await toText(PARAGRAPHS)).trim().split('\n\n');
      assert.equal(blocks.find((b) => b.startsWith('See')), SEE_PARAGRAPHS);
    });

    it('reads the same in the search records, whose passages carry the page’s numbers (the note’s paragraph is its paragraph’s passage)', () => {
      const found = passages(PARAGRAPHS);
      assert.deepEqual(found.filter(([anchor]) => ['fr', 'b1', 'np', 'fl', 'sp1', 'see', 'bk'].includes(anchor)).map(([anchor, n]) => `${anchor} ${n}`),
        ['fr 1', 'b1 2', 'fl 4', 'sp1 5', 'see 6', 'bk 7']);
      assert.equal(found.find(([anchor]) => anchor === 'see')?.[2], SEE_PARAGRAPHS);
    });
  });
});

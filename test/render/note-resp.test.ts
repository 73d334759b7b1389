/**
 * Whose note: TEI's note/@resp "indicates the agency responsible for the
 * intervention or interpretation, for example an editor or transcriber".
 * An editor's note and the author's looked the same on the page and in the
 * plain text. A note that is not the author's is now signed at its end, as
 * print editions sign them: "— Ed." for an editor, "— Trans." for a
 * translator, else the annotator's name, who in full in the signature's
 * title (the respStmt or element @resp points at). The author's notes (no
 * @resp, or @resp pointing to the author) stay unsigned, and where a note
 * stands (foot, margin) does not change.
 */
import { strict as assert } from 'node:assert';
import { compileStylesheet, runStylesheet, teiSource, toHtml, toText } from '../../src/transform/index.js';
import { RECORDS_STYLESHEET } from '../../src/search/index.js';
import { readDocumentPassages } from '../../src/search/passages.js';

const doc = {
  file: 'notes.xml',
  text: '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Notes</title>'
    + '<author xml:id="au">Jane Author</author><editor xml:id="ed2">Ed Two</editor>'
    + '<respStmt xml:id="ed"><resp>editor</resp><name>Ed Itor</name></respStmt>'
    + '<respStmt xml:id="tr"><resp>translator</resp><persName>Tom Trans</persName></respStmt>'
    + '<respStmt><resp>annotations</resp><persName xml:id="ann">Ann Otator</persName></respStmt></titleStmt>'
    + '<publicationStmt><p>Test.</p></publicationStmt><sourceDesc><p>Made up.</p></sourceDesc></fileDesc></teiHeader>'
    + '<text><body><div><head>H</head><p>One<note resp="#ed">Editor’s gloss.</note> two<note>Author’s note.</note>'
    + ' three<note resp="#au">By the author.</note> four<note resp="#tr">Translator’s gloss.</note>'
    + ' five<note place="margin" resp="#ed2">In the margin.</note> six<note type="editorial">Typed.</note>'
    + ' seven<note resp="#ann">Annotated.</note></p></div></body></text></TEI>',
};

describe('a note signed by whoever wrote it, when not the author', function () {

  it('on the page: "— Ed." at the end of an editor’s footnote, who in full in its title; the author’s unsigned', async () => {
    const page = await toHtml(doc);
    const bodies = [...page.matchAll(/<li id="note-\d+" class="tei-note[^"]*">([\s\S]*?)<\/li>/g)].map((m) => m[1]);
    assert.deepEqual(bodies.map((b) => b.replace(/<a class="note-back"[^>]*>\d+<\/a> /, '')), [
      'Editor’s gloss. <span class="note-by" title="Note by Ed Itor (editor)">— Ed.</span>',
      'Author’s note.',
      'By the author.',
      'Translator’s gloss. <span class="note-by" title="Note by Tom Trans (translator)">— Trans.</span>',
      'Typed. <span class="note-by" title="Editorial note">— Ed.</span>',
      'Annotated. <span class="note-by" title="Note by Ann Otator (annotations)">— Ann Otator</span>',
    ]);
    assert.match(page, /<span class="note tei-note note-margin" role="note">In the margin\. <span class="note-by" title="Note by Ed Two \(editor\)">— Ed\.<\/span><\/span>/, 'a margin note stays in the margin, signed');
  });

  it('in the plain text: the same signature after the note', async () => {
    const text = await toText(doc);
    const notes = text.trim().split(/\n\n/).filter((l) => l.startsWith('['));
    // The margin note reads where it stands, as on the page, and takes no number: "Typed." is 5, as on the page.
    assert.deepEqual(notes, [
      '[1] Editor’s gloss. — Ed.', '[2] Author’s note.', '[3] By the author.', '[4] Translator’s gloss. — Trans.',
      '[5] Typed. — Ed.', '[6] Annotated. — Ann Otator',
    ]);
    assert.match(text, / five \[In the margin\. — Ed\.\] six\[5\]/);
  });
});

/**
 * The author named through the register: titleStmt's <author ref="#lt"/> points to a person, and the
 * author's notes say resp="#lt". The person has no role of its own, so the author's notes were signed
 * with the author's name ("— Lev Trotsky") as if someone else's; now the titleStmt's pointer makes the
 * person the author, and the notes stay unsigned on the page, in the plain text and in the search records.
 */
const byRef = {
  file: 'notes-ref.xml',
  text: '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Notes</title>'
    + '<author ref="#lt"/><editor><persName ref="#nn">N. N.</persName></editor></titleStmt>'
    + '<publicationStmt><p>Test.</p></publicationStmt><sourceDesc><p>Made up.</p></sourceDesc></fileDesc>'
    + '<profileDesc><particDesc><listPerson><person xml:id="lt"><persName>Lev Trotsky</persName></person>'
    + '<person xml:id="nn"><persName>Nina Nikolaeva</persName></person></listPerson></particDesc></profileDesc></teiHeader>'
    + '<text><body><div><head>H</head><p>One<note resp="#lt">His own.</note> two<note resp="#nn">The editor’s.</note>.</p></div></body></text></TEI>',
};

describe('a note by the author the titleStmt names by @ref', function () {

  it('is unsigned on the page; the editor it points to signs "— Ed."', async () => {
    const page = await toHtml(byRef);
    const bodies = [...page.matchAll(/<li id="note-\d+" class="tei-note[^"]*">([\s\S]*?)<\/li>/g)].map((m) => m[1]);
    assert.deepEqual(bodies.map((b) => b.replace(/<a class="note-back"[^>]*>\d+<\/a> /, '')), [
      'His own.',
      'The editor’s. <span class="note-by" title="Note by Nina Nikolaeva (editor)">— Ed.</span>',
    ]);
  });

  it('is unsigned in the plain text', async () => {
    const notes = (await toText(byRef)).trim().split(/\n\n/).filter((l) => l.startsWith('['));
    assert.deepEqual(notes, ['[1] His own.', '[2] The editor’s. — Ed.']);
  });

  it('is unsigned in the search records, where the editor’s note is signed as in the text', async () => {
    const records = await compileStylesheet(RECORDS_STYLESHEET);
    const { passages } = readDocumentPassages(String(runStylesheet(records, teiSource(byRef.text, byRef.file))), new Set());
    const paragraph = passages.find((p) => p.number === '1');
    assert.equal(paragraph?.text, 'One [His own.] two [The editor’s. — Ed.].');
  });
});

/**
 * biblFull: "contains a fully-structured bibliographic citation, in which all components of the TEI file
 * description are present" (TEI Guidelines): the titleStmt, editionStmt, extent, publicationStmt, seriesStmt,
 * notesStmt and sourceDesc of a fileDesc, here describing a work cited rather than this file. In a listBibl of
 * the text or in a note, its parts ran together as words ("Title of WorkJohn SmithSecond edition…"). Now it
 * reads as a biblStruct does (common/bibl.xsl): its statements are the reference's groups, set apart by ". ";
 * within one, ", " between fields, "; " between names, a respStmt "edited by Jane Roe", a biblScope with its
 * unit, a closing full stop (none within a sentence). The same on the page, in the plain text and in the
 * search records; the reference keeps its xml:id, each part its element and class.
 */
import { strict as assert } from 'node:assert';
import { compileStylesheet, runStylesheet, teiSource, toHtml, toText } from '../../src/transform/index.js';
import { RECORDS_STYLESHEET } from '../../src/search/index.js';
import { teiDoc, type TeiSource } from '../support/tei-doc.js';

const doc = (body: string): TeiSource => teiDoc({ file: 'bibl-full.xml', title: 'Full references', body });

/** The words of the page's elements with class $cls, tags and paragraph numbers taken out, one string each. */
function wordsOf(page: string, element: string, cls: string): string[] {
  const found = [...page.matchAll(new RegExp(`<${element}\\b[^>]*\\bclass="${cls}"[^>]*>([\\s\\S]*?)</${element}>`, 'g'))];
  return found.map((m) => m[1].replace(/<a class="para-number"[^>]*>[^<]*<\/a>\s*/g, '').replace(/<[^>]*>/g, ''));
}

// Laid out on lines, as encoders write it: the white space between the statements is layout.
const full = `<biblFull xml:id="smith1900">
  <titleStmt>
    <title>Title of Work</title>
    <author>John Smith</author>
    <respStmt><resp>edited by</resp><name>Jane Roe</name></respStmt>
  </titleStmt>
  <editionStmt><edition>Second edition</edition></editionStmt>
  <extent>320 pages</extent>
  <publicationStmt>
    <publisher>Macmillan</publisher>
    <pubPlace>London</pubPlace>
    <date>1900</date>
  </publicationStmt>
  <seriesStmt><title level="s">Library of Classics</title><biblScope unit="volume">4</biblScope></seriesStmt>
  <sourceDesc><p>Transcribed from the copy in the British Library</p></sourceDesc>
</biblFull>`;
// A statement of paragraphs only (the other content the Guidelines allow a publicationStmt and an editionStmt).
const prose = '<biblFull><titleStmt><title>Other Work</title><title type="sub">A Study</title></titleStmt>'
  + '<editionStmt>\n    <p>First printing</p>\n  </editionStmt>'
  + '<publicationStmt><p>Privately printed, 1899.</p></publicationStmt></biblFull>';

const lines = [
  'Title of Work, John Smith; edited by Jane Roe. Second edition. 320 pages. Macmillan, London, 1900. '
    + 'Library of Classics, vol. 4. Transcribed from the copy in the British Library.',
  'Other Work: A Study. First printing. Privately printed, 1899.',
];

describe('biblFull in the text', function () {
  this.timeout(300_000);

  const list = `<div><listBibl>${full}${prose}</listBibl></div>`;

  it('reads each reference of a bibliography as a biblStruct does, a line of its own', async () => {
    const page = await toHtml(doc(list));
    assert.deepEqual(wordsOf(page, 'p', 'tei-biblFull'), lines);
    assert.deepEqual((await toText(doc(list))).trim().split(/\n\n/), lines);
  });

  it('keeps the reference’s xml:id and each part’s element and class', async () => {
    const page = await toHtml(doc(list));
    assert.match(page, /<p class="tei-biblFull" id="smith1900">/);
    assert.match(page, /<cite class="tei-title">Title of Work<\/cite>, <span class="tei-author">John Smith<\/span>; /);
    assert.match(page, /<span class="tei-resp">edited by<\/span> <span class="tei-name">Jane Roe<\/span>/);
    assert.match(page, /, vol\. <span class="tei-biblScope">4<\/span><\/span><span class="tei-sourceDesc">\. <span [^>]*class="tei-p para">Transcribed/);
  });

  it('gives the search records the same words', async () => {
    const records = await compileStylesheet(RECORDS_STYLESHEET);
    const json = JSON.parse(String(runStylesheet(records, teiSource(doc(list).text, doc(list).file)))) as { passages: unknown[][] };
    assert.deepEqual(json.passages.map((p) => p[3]), lines);
  });

  it('within a note’s sentence, runs in it, with the sentence’s own full stop', async () => {
    const body = '<p>Words.<note place="foot">Cited from <biblFull><titleStmt><title>Title of Work</title></titleStmt>'
      + '<publicationStmt><pubPlace>London</pubPlace><publisher>Macmillan</publisher><date>1900</date></publicationStmt></biblFull>, p. 4.</note></p>';
    const page = await toHtml(doc(body));
    const note = /<li id="note-1"[^>]*>([\s\S]*?)<\/li>/.exec(page)?.[1] ?? '';
    assert.match(note, /Cited from <span class="tei-biblFull">/);
    assert.equal(note.replace(/<a class="note-back"[^>]*>[^<]*<\/a>\s*/, '').replace(/<[^>]*>/g, ''), 'Cited from Title of Work. London: Macmillan, 1900, p. 4.');
    assert.match(await toText(doc(body)), /^\[1\] Cited from Title of Work\. London: Macmillan, 1900, p\. 4\.$/m);
  });
});

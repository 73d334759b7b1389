/**
 * biblFull in the header. TEI: biblFull "contains a fully-structured bibliographic citation, in which all components
 * of the TEI file description are present"; in a sourceDesc it describes the source the file was made from. In the
 * text it reads as a reference since stop 41 (common/bibl.xsl: its statements are the reference's groups). The
 * header's Source section read it as its titles in a row (the series' among them), "edited by: Jane Roe", and then
 * every statement again with no punctuation, a notesStmt's paragraph nested in a paragraph. Now it reads as in the
 * text: one line, its notes after it as a biblStruct's are. A paragraph inside a statement (availability/p,
 * sourceDesc/p, note/p) is part of that line: on the page of the text it no longer takes a paragraph number or an
 * id, so the paragraph after the reference is 2, not 5, in the page and in the search records alike.
 * An entry's names (samizdat:names): a biblFull is named by its titleStmt's titles, the main one first, not by its
 * seriesStmt's (the series it is in). The citation data's source title is the main title with its subtitle, as the
 * reference reads ("Title of Work: A Study"; it was the main title alone, changed on purpose by ref45).
 */
import { strict as assert } from 'node:assert';
import { compileStylesheet, runStylesheet, teiSource, toHtml, toText, transformSource, HTML_STYLESHEET } from '../../src/transform/index.js';
import { RECORDS_STYLESHEET } from '../../src/search/index.js';
import { readCitable } from '../../src/cite/index.js';
import { teiDoc, teiText, type TeiSource } from '../support/tei-doc.js';

const full = `<biblFull xml:id="smith1900">
  <titleStmt>
    <title type="sub">A Study</title>
    <title type="main">Title of Work</title>
    <author>John Smith</author>
    <respStmt><resp>edited by</resp><name>Jane Roe</name></respStmt>
  </titleStmt>
  <editionStmt><edition>Second edition</edition></editionStmt>
  <extent>320 pages</extent>
  <publicationStmt>
    <publisher>Macmillan</publisher>
    <pubPlace>London</pubPlace>
    <date>1900</date>
    <availability><p>Out of copyright.</p></availability>
  </publicationStmt>
  <seriesStmt><title level="s">Library of Classics</title><biblScope unit="volume">4</biblScope></seriesStmt>
  <notesStmt><note><p>Bound with another work.</p></note></notesStmt>
  <sourceDesc><p>Transcribed from the copy in the British Library</p></sourceDesc>
</biblFull>`;

const inHeader: TeiSource = {
  file: 'bibl-full-header.xml',
  text: teiText({ title: 'Header source', body: '<p>Body words.</p>' }).replace('<sourceDesc><p>Made up.</p></sourceDesc>', `<sourceDesc>${full}</sourceDesc>`),
};
const inText = teiDoc({ file: 'bibl-full-text.xml', title: 'Text source', body: `<p>Before.</p><listBibl>${full}</listBibl><p>After.</p>` });

const citation = 'Title of Work: A Study, John Smith; edited by Jane Roe. Second edition. 320 pages. Macmillan, London, 1900. '
  + 'Out of copyright. Library of Classics, vol. 4. Transcribed from the copy in the British Library.';

describe('biblFull in the header', function () {
  this.timeout(300_000);

  it('reads in the Source section as in the text, its note a paragraph after it', async () => {
    const page = await toHtml(inHeader);
    const source = /<div class="source tei-biblFull" id="smith1900"><p class="source-citation">([\s\S]*?)<\/p>(<p class="source-note">[^<]*<\/p>)<\/div>/.exec(page);
    assert.ok(source, 'the source is a citation and a note');
    assert.equal(source[1].replace(/<[^>]*>/g, ''), citation);
    assert.equal(source[2], '<p class="source-note">Bound with another work.</p>');
    // Phrases only inside the citation's paragraph: no block (a nested p, a div) in it.
    assert.doesNotMatch(source[1], /<(p|div)\b/);
    assert.match(source[1], /<span class="tei-availability"><span class="tei-p">Out of copyright\.<\/span><\/span>/);
  });

  it('gives the citation data the title of the source, main title and subtitle', () => {
    const read = readCitable(inHeader.text, inHeader.file);
    assert.ok(read.ok);
    assert.deepEqual(read.value.sources.map((s) => [s.title, s.description]), [['Title of Work: A Study', 'John Smith, Title of Work: A Study. London: Macmillan, Library of Classics, vol. 4, 1900.']]);
  });
});

describe('paragraphs of a biblFull in the text', function () {
  this.timeout(300_000);

  it('take no number and no id on the page: the paragraph after the reference is 2', async () => {
    const page = await toHtml(inText);
    assert.deepEqual([...page.matchAll(/<p id="(para-\d+)" class="tei-p para"><a class="para-number" href="#\1" aria-label="Paragraph (\d+)">\2<\/a> (\w+)\./g)].map((m) => [m[1], m[3]]),
      [['para-1', 'Before'], ['para-2', 'After']]);
    assert.match(page, /<span class="tei-availability"><span class="tei-p para">Out of copyright\.<\/span><\/span>/);
    assert.match(page, /<li id="note-1" class="tei-note"><a class="note-back"[^>]*>1<\/a> <p class="tei-p para">Bound with another work\.<\/p><\/li>/);
  });

  it('are no passages of their own in the search records; the words agree with the plain text', async () => {
    const records = await compileStylesheet(RECORDS_STYLESHEET);
    const json = JSON.parse(String(runStylesheet(records, teiSource(inText.text, inText.file)))) as { passages: unknown[][] };
    const line = 'Title of Work: A Study, John Smith; edited by Jane Roe. Second edition. 320 pages. Macmillan, London, 1900. '
      + 'Out of copyright. Library of Classics, vol. 4';
    const rest = ' Transcribed from the copy in the British Library.';
    assert.deepEqual(json.passages.map((p) => [p[0], p[1], p[2], p[3]]), [
      ['para-1', '1', [], 'Before.'],
      ['smith1900', '', [], `${line} [Bound with another work.].${rest}`],
      ['para-2', '2', [], 'After.'],
    ]);
    assert.deepEqual((await toText(inText)).trim().split(/\n\n/), ['Before.', `${line}[1].${rest}`, 'After.', '[1] Bound with another work.']);
  });

  it('names the entry by its own title, the main one first, not by its series', async () => {
    const html = await compileStylesheet(HTML_STYLESHEET);
    const { results } = transformSource(html, teiSource(inText.text, inText.file), { params: { output: 'page+entities' } });
    const entries = (JSON.parse(results['entities.json']) as { entries: { id: string; names: unknown[]; sortName: string }[] }).entries;
    assert.deepEqual(entries.map((e) => [e.id, e.sortName, e.names]), [['smith1900', 'Title of Work', [{ text: 'Title of Work', type: 'main' }, { text: 'A Study', type: 'sub' }]]]);
  });
});

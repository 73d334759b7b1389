/**
 * A reference's titles in the order a reader reads them. TEI title/@type: "main" is the main title, "sub" a
 * "subtitle, title of part" (also alt, an alternate title; short, an abbreviated one; desc, a descriptive
 * paraphrase); title/@level says whether a title is an article's (a), a book's (m), a journal's (j) or a
 * series's (s). A subtitle is read after the title it is subordinate to, whatever the order of the encoding:
 * `<title type="sub">A Study</title><title type="main">Title of Work</title>` read "A Study: Title of Work"
 * (the fields of a biblStruct or a biblFull, and a plain bibl's titles, were rendered in encoding order); now
 * "Title of Work: A Study" on the page, in the plain text, in the search records and in the header's sources
 * (common/bibl.xsl, samizdat:bibl-in-slot: the titles change places, the fields around them and the
 * encoding's own words stay where they are). The citation data name the source by its main title and its subtitle
 * ("Title of Work: A Study", as the reference reads; it was the main title alone, changed on purpose by ref45).
 * A biblFull's publicationStmt reads as an imprint (TEI leaves the order of its parts free): publisher, place,
 * address and date, then its identifier and its availability; DraCor's plays give the idno between the publisher
 * and the address and the date after the licence ("Folger Shakespeare Library. Cym, 201 East Capitol Street …
 * Distributed under a … licence, April, 2015.", the date read as the licence's).
 * Guards: titles of different levels keep the reference's own order (the article's before its book's); two
 * titles of no type, and a main title encoded before its subtitle, read as encoded.
 */
import { strict as assert } from 'node:assert';
import { compileStylesheet, runStylesheet, teiSource, toHtml, toText } from '../../src/transform/index.js';
import { RECORDS_STYLESHEET } from '../../src/search/index.js';
import { readCitable } from '../../src/cite/index.js';
import { teiDoc, teiText, type TeiSource } from '../support/tei-doc.js';

const doc = (body: string): TeiSource => teiDoc({ file: 'bibl-order.xml', title: 'References', body });

/** A document whose header's sourceDesc holds `source`. */
const withSource = (source: string): TeiSource => ({
  file: 'bibl-order-header.xml',
  text: teiText({ title: 'Header source', body: '<p>Body words.</p>' }).replace('<sourceDesc><p>Made up.</p></sourceDesc>', `<sourceDesc>${source}</sourceDesc>`),
});

/** The words of the page's entries of a listBibl (class $cls), tags taken out. */
function entries(page: string, cls: string): string[] {
  return [...page.matchAll(new RegExp(`<p class="${cls}"[^>]*>([\\s\\S]*?)</p>`, 'g'))].map((m) => m[1].replace(/<[^>]*>/g, ''));
}

/** The words of the page's numbered paragraphs, tags and numbers taken out. */
function paragraphs(page: string): string[] {
  return [...page.matchAll(/<p\b[^>]*class="tei-p para"[^>]*>([\s\S]*?)<\/p>/g)]
    .map((m) => m[1].replace(/<a class="para-number"[^>]*>[^<]*<\/a>\s*/, '').replace(/<[^>]*>/g, ''));
}

const subFirst = '<biblStruct xml:id="smith"><monogr><author>Smith, J.</author><title type="sub">A Study</title><title type="main">Title of Work</title>'
  + '<imprint><pubPlace>London</pubPlace><publisher>Macmillan</publisher><date>1900</date></imprint></monogr></biblStruct>';
// An article in a book whose subtitle is encoded first: the book's titles change places, the article stays first.
const levels = '<biblStruct xml:id="doe"><analytic><author>Doe, J.</author><title level="a">Article</title></analytic>'
  + '<monogr><title level="m" type="sub">A Subtitle</title><title level="m" type="main">Book</title>'
  + '<imprint><pubPlace>London</pubPlace><publisher>P</publisher><date>1990</date></imprint></monogr></biblStruct>';
const untyped = '<biblStruct xml:id="roe"><monogr><title>First</title><title>Second</title><imprint><date>2001</date></imprint></monogr></biblStruct>';
const mainFirst = '<biblStruct xml:id="poe"><monogr><title type="main">Title of Work</title><title type="sub">A Study</title><imprint><date>2002</date></imprint></monogr></biblStruct>';
const full = '<biblFull xml:id="full"><titleStmt><title type="sub">A Study</title><title type="main">Title of Work</title><author>John Smith</author></titleStmt>'
  + '<publicationStmt><publisher>Macmillan</publisher><pubPlace>London</pubPlace><date>1900</date></publicationStmt></biblFull>';

const list = `<div><listBibl>${subFirst}${levels}${untyped}${mainFirst}</listBibl></div>`;
const expected = [
  'Smith, J. Title of Work: A Study, London: Macmillan, 1900.',
  'Doe, J. “Article.” In Book: A Subtitle, London: P, 1990.',
  'First: Second, 2001.',
  'Title of Work: A Study, 2002.',
];

describe('a reference’s main title before its subtitles', function () {
  this.timeout(300_000);

  it('in a biblStruct: on the page, in the plain text and in the search records', async () => {
    assert.deepEqual(entries(await toHtml(doc(list)), 'tei-biblStruct'), expected);
    assert.equal((await toText(doc(list))).trim(), expected.join('\n\n'));
    const records = await compileStylesheet(RECORDS_STYLESHEET);
    const json = JSON.parse(String(runStylesheet(records, teiSource(doc(list).text, doc(list).file)))) as { passages: unknown[][] };
    assert.deepEqual(json.passages.map((p) => p[3]), expected);
  });

  it('keeps each title’s element and class where it is read', async () => {
    const page = await toHtml(doc(list));
    assert.match(page, /<span class="tei-author">Smith, J\.<\/span> <cite class="tei-title rend-main">Title of Work<\/cite>: <cite class="tei-title rend-sub">A Study<\/cite><span class="tei-imprint">, <span class="tei-pubPlace">London<\/span>/);
  });

  it('in a biblFull’s titleStmt, in the text', async () => {
    const body = `<listBibl>${full}</listBibl>`;
    const line = 'Title of Work: A Study, John Smith. Macmillan, London, 1900.';
    assert.deepEqual(entries(await toHtml(doc(body)), 'tei-biblFull'), [line]);
    assert.equal((await toText(doc(body))).trim(), line);
  });

  it('in a biblFull and a biblStruct among the header’s sources; the citation data name them by the main title', async () => {
    const source = withSource(`${full}${subFirst}`);
    const page = await toHtml(source);
    const citations = [...page.matchAll(/<p class="source-citation">([\s\S]*?)<\/p>/g)].map((m) => m[1].replace(/<[^>]*>/g, ''));
    assert.deepEqual(citations, ['Title of Work: A Study, John Smith. Macmillan, London, 1900.', 'Smith, J. Title of Work: A Study, London: Macmillan, 1900.']);
    const read = readCitable(source.text, source.file);
    assert.ok(read.ok);
    assert.deepEqual(read.value.sources.map((s) => s.title), ['Title of Work: A Study', 'Title of Work: A Study']);
  });

  it('in a plain bibl: the titles change places, the encoder’s words stay; ": " where there were none', async () => {
    const body = '<p>See <bibl><title type="sub">A Study</title><title type="main">Title of Work</title></bibl>.</p>'
      + '<p>See <bibl><author>Doe</author>, <title type="sub">A Study</title>: <title type="main">Title of Work</title> (1999)</bibl>.</p>';
    const lines = ['See Title of Work: A Study.', 'See Doe, Title of Work: A Study (1999).'];
    const page = await toHtml(doc(body));
    assert.deepEqual(paragraphs(page), lines);
    assert.match(page, /<span class="tei-bibl"><cite class="tei-title rend-main">Title of Work<\/cite>: <cite class="tei-title rend-sub">A Study<\/cite><\/span>\./);
    assert.equal((await toText(doc(body))).trim(), lines.join('\n\n'));
  });

  it('reads a biblFull’s publicationStmt as an imprint: its date before its identifier and its licence (DraCor’s order)', async () => {
    const folger = '<listBibl><biblFull><titleStmt><title>Cymbeline</title><author>William Shakespeare</author></titleStmt>'
      + '<publicationStmt><publisher>Folger Shakespeare Library</publisher><idno>Cym</idno>'
      + '<address>\n  <addrLine>201 East Capitol Street, SE</addrLine>\n  <addrLine>Washington, DC 20003</addrLine>\n</address>'
      + '<availability><licence target="http://creativecommons.org/licenses/by-nc/3.0/">Distributed under a Creative Commons licence</licence></availability>'
      + '<date>April, 2015</date></publicationStmt></biblFull></listBibl>';
    const line = 'Cymbeline, William Shakespeare. Folger Shakespeare Library, 201 East Capitol Street, SE, Washington, DC 20003, April, 2015. '
      + 'Cym. Distributed under a Creative Commons licence.';
    assert.deepEqual(entries(await toHtml(doc(folger)), 'tei-biblFull'), [line]);
    assert.equal((await toText(doc(folger))).trim(), line);
    const header = await toHtml(withSource(folger.replace(/<\/?listBibl>/g, '')));
    assert.deepEqual([...header.matchAll(/<p class="source-citation">([\s\S]*?)<\/p>/g)].map((m) => m[1].replace(/<[^>]*>/g, '')),
      [line.replace(/\.$/, ' http://creativecommons.org/licenses/by-nc/3.0/.')]);
  });

  it('in a plain bibl among the header’s sources', async () => {
    const page = await toHtml(withSource('<bibl><title type="sub">A Study</title><title type="main">Title of Work</title></bibl>'));
    assert.match(page, /<div class="source tei-bibl"><cite>Title of Work<\/cite>: <cite>A Study<\/cite> <\/div>/);
  });
});

/**
 * biblStruct: "a structured bibliographic citation, in which only bibliographic sub-elements appear and in a
 * specified order" (TEI Guidelines). The encoder gives the parts, so the page and the plain text supply the
 * punctuation between them (common/bibl.xsl): names joined, an article's title in quotation marks, the
 * scope with its unit ("vol. 3", "pp. 1–10"), the imprint "Place: Publisher, date", a full stop at the end,
 * none doubled where a part already ends with one, none added where the encoding has its own. Each entry of
 * a listBibl is a line of its own; each part keeps its element and class, the reference its xml:id.
 */
import { strict as assert } from 'node:assert';
import { compileStylesheet, runStylesheet, teiSource, toHtml, toText } from '../../src/transform/index.js';
import { RECORDS_STYLESHEET } from '../../src/search/index.js';
import { teiDoc, type TeiSource } from '../support/tei-doc.js';

const doc = (body: string): TeiSource => teiDoc({ file: 'bibl-struct.xml', title: 'References', body });

/** The words of the page's elements with class $cls, tags taken out, one string each. */
function wordsOf(page: string, element: string, cls: string): string[] {
  const found = [...page.matchAll(new RegExp(`<${element}\\b[^>]*\\bclass="${cls}"[^>]*>([\\s\\S]*?)</${element}>`, 'g'))];
  return found.map((m) => m[1].replace(/<a class="para-number"[^>]*>[^<]*<\/a>\s*/, '').replace(/<[^>]*>/g, ''));
}

const article = '<biblStruct xml:id="doe"><analytic><author>Doe, J.</author><title level="a">Article</title></analytic>'
  + '<monogr><title level="j">Journal</title><imprint><biblScope unit="volume">3</biblScope><biblScope unit="page">1-10</biblScope>'
  + '<date>1999</date></imprint></monogr></biblStruct>';
// Laid out on lines, as encoders write it: the white space is layout, not words.
const chapter = `<biblStruct>
  <analytic><author>Roe, R.</author><author>Poe, E.</author><title>Chapter</title></analytic>
  <monogr>
    <title level="m">Book</title><title type="sub">A Subtitle</title>
    <editor>A. Smith</editor>
    <edition>2nd ed.</edition>
    <imprint><pubPlace>London</pubPlace><publisher>Macmillan</publisher><date>1990</date><biblScope unit="page">5</biblScope></imprint>
  </monogr>
  <series><title level="s">Series</title><biblScope unit="volume">4</biblScope></series>
</biblStruct>`;
const edited = '<biblStruct><monogr><editor>Smith, A.</editor><editor>Jones, B.</editor><title>Reader</title>'
  + '<imprint><publisher>Press</publisher><date>2001</date></imprint></monogr></biblStruct>';
const punctuated = '<biblStruct><monogr><author>Done, D.</author><title>Why?</title>'
  + '<imprint><pubPlace>Paris</pubPlace> : <publisher>P</publisher>, <date>2000.</date></imprint></monogr></biblStruct>';

const expected = [
  'Doe, J. “Article.” Journal, vol. 3, pp. 1–10, 1999.',
  'Roe, R.; Poe, E. “Chapter.” In Book: A Subtitle, ed. A. Smith, 2nd ed., London: Macmillan, 1990, p. 5. Series, vol. 4.',
  'Smith, A.; Jones, B., eds. Reader, Press, 2001.',
  'Done, D. Why? Paris : P, 2000.',
];

describe('biblStruct on the page and in the plain text', function () {

  const list = `<div><listBibl>${article}${chapter}${edited}${punctuated}</listBibl></div>`;

  it('punctuates each reference of a bibliography, a line of its own', async () => {
    const page = await toHtml(doc(list));
    assert.deepEqual(wordsOf(page, 'p', 'tei-biblStruct'), expected);
    assert.equal((await toText(doc(list))).trim(), expected.join('\n\n'));
  });

  it('keeps each part’s element and class, and the reference’s xml:id', async () => {
    const page = await toHtml(doc(list));
    assert.match(page, /<p class="tei-biblStruct" id="doe">/);
    assert.match(page, /<span class="tei-author">Doe, J\.<\/span> “<cite class="tei-title">Article<\/cite>\.”/);
    assert.match(page, /, vol\. <span class="tei-biblScope">3<\/span>, pp\. <span class="tei-biblScope">1–10<\/span>, <span class="tei-date">1999<\/span>\./);
  });

  it('within a sentence, runs in it, with the sentence’s own full stop', async () => {
    const body = `<p>See ${article} for more.</p>`;
    const expectedLine = 'See Doe, J. “Article.” Journal, vol. 3, pp. 1–10, 1999 for more.';
    assert.deepEqual(wordsOf(await toHtml(doc(body)), 'p', 'tei-p para'), [expectedLine]);
    assert.equal((await toText(doc(body))).trim(), expectedLine);
  });

  it('leaves a plain bibl, punctuated by its encoder, as it is', async () => {
    const body = '<p>See <bibl><author>Doe</author>, <title>Book</title> (1999)</bibl>.</p>';
    assert.equal((await toText(doc(body))).trim(), 'See Doe, Book (1999).');
  });
});

/** A reference in a division of the language $lang (or in none): a book, its editor, a volume and pages. */
const book = (lang: string | undefined, title: string, editor: string): string => `<div${lang ? ` xml:lang="${lang}"` : ''}><listBibl>`
  + `<biblStruct><monogr><title>${title}</title><editor>${editor}</editor><imprint><biblScope unit="volume">2</biblScope>`
  + '<biblScope unit="page">5-9</biblScope></imprint></monogr></biblStruct></listBibl></div>';

describe('biblStruct labels in the reference’s language', function () {

  it('labels the editor, the volume and the pages as the language of the reference or its text has them', async () => {
    const body = book('de', 'Buch', 'A. Schmidt') + book('fr-CA', 'Livre', 'A. Martin') + book('ru', 'Книга', 'А. Иванова')
      + book('it', 'Libro', 'A. Rossi') + book(undefined, 'Book', 'A. Smith')
      + '<div xml:lang="de"><listBibl><biblStruct xml:lang="en"><monogr><editor>Smith, A.</editor><title>Reader</title>'
      + '<imprint><biblScope unit="page">3</biblScope></imprint></monogr></biblStruct></listBibl></div>';
    const lines = [
      'Buch, Hrsg. A. Schmidt, Bd. 2, S. 5–9.',
      'Livre, éd. A. Martin, vol. 2, p. 5–9.',
      'Книга, под ред. А. Иванова, т. 2, с. 5–9.',
      'Libro, ed. A. Rossi, vol. 2, pp. 5–9.',
      'Book, ed. A. Smith, vol. 2, pp. 5–9.',
      'Smith, A., ed. Reader, p. 3.',
    ];
    assert.deepEqual(wordsOf(await toHtml(doc(body)), 'p', 'tei-biblStruct'), lines);
    assert.deepEqual((await toText(doc(body))).trim().split(/\n\n/), lines);
  });
});

describe('biblStruct: a chapter in a book', function () {

  it('reads "In" before the book, in the reference’s language; an article in a journal has none', async () => {
    const chapterIn = (lang: string): string => `<biblStruct xml:lang="${lang}"><analytic><author>Roe, R.</author><title>Chapter</title></analytic>`
      + '<monogr><title level="m">Book</title><imprint><date>1990</date></imprint></monogr></biblStruct>';
    const body = `<div><listBibl>${chapterIn('en')}${chapterIn('de')}${article}</listBibl></div>`;
    const lines = ['Roe, R. “Chapter.” In Book, 1990.', 'Roe, R. „Chapter“. In: Book, 1990.', expected[0]];
    assert.deepEqual(wordsOf(await toHtml(doc(body)), 'p', 'tei-biblStruct'), lines);
    assert.deepEqual((await toText(doc(body))).trim().split(/\n\n/), lines);
  });
});

describe('biblStruct: a respStmt, its resp before its names', function () {

  it('reads "resp name", names joined in the reference’s language, set apart from the fields around it', async () => {
    const body = `<div><listBibl>
      <biblStruct><monogr><title>Book</title><respStmt><resp>ed.</resp><name>B. Editor</name></respStmt>
        <respStmt>
          <resp>translated by</resp>
          <persName>C. Tr</persName> <persName>D. Tr</persName><persName>E. Tr</persName>
        </respStmt><imprint><date>1990</date></imprint></monogr></biblStruct>
      <biblStruct xml:lang="de"><monogr><title>Buch</title><respStmt><resp key="trl"/><persName>A. Müller</persName><persName>B. Berg</persName></respStmt></monogr></biblStruct>
      <biblStruct><monogr><respStmt><name>A. Name</name><resp ref="http://id.loc.gov/vocabulary/relators/edt.html"/></respStmt><title>Head</title></monogr></biblStruct>
    </listBibl></div>`;
    const lines = [
      'Book, ed. B. Editor; translated by C. Tr, D. Tr and E. Tr, 1990.',
      // A resp with no words: its relator code's label, in the reference's language.
      'Buch, Übers. A. Müller und B. Berg.',
      'A. Name, ed. Head.',
    ];
    const page = await toHtml(doc(body));
    assert.deepEqual(wordsOf(page, 'p', 'tei-biblStruct'), lines);
    assert.match(page, /<span class="tei-respStmt"><span class="tei-resp">ed\.<\/span> <span class="tei-name">B\. Editor<\/span><\/span>/);
    assert.match(page, /<span class="tei-resp">Übers\.<\/span> <span class="tei-persName">A\. Müller<\/span>/);
    assert.deepEqual((await toText(doc(body))).trim().split(/\n\n/), lines);
    const records = await compileStylesheet(RECORDS_STYLESHEET);
    const json = JSON.parse(String(runStylesheet(records, teiSource(doc(body).text, doc(body).file)))) as { passages: unknown[][] };
    assert.deepEqual(json.passages.map((p) => p[3]), lines);
  });
});

/**
 * A reference's titles by their type (TEI title/@type, suggested values: "main", the main title; "sub", a
 * subordinate title, "subtitle, title of part"; "alt", an alternate title, "often in another language, by which
 * the work is also known"; "short", an "abbreviated form of title"; "desc", a descriptive paraphrase of the work
 * functioning as a title).
 *
 * - An article's title with its subtitle is one title: `<title level="a" type="main">Article</title><title
 *   level="a" type="sub">A Study</title>` read as two quoted titles, “Article.” “A Study.”, as if two articles;
 *   now one pair of marks holds both, “Article: A Study.”, on the page, in the plain text, in the search records.
 * - A short title is the name a work goes by in later citations, not a part of its title: in a structured
 *   reference it read as a subtitle ("Hamlet: Ham."); now it is not shown there (the citation data keep it).
 * - An alternate title is another name of the same work: it read as a subtitle ("Hamlet: The Tragedy of Hamlet");
 *   now in parentheses after the title it stands for ("Hamlet (The Tragedy of Hamlet)").
 * - The citation data (src/cite/header.ts) named a source by its main title alone ("Title of Work"); now by its
 *   title as the reference reads it ("Title of Work: A Study"), with its short title apart (SourceRecord
 *   shortTitle; the document's own short title is CSL `title-short`).
 *
 * Guards: a monograph's subtitle stays with its main title, both in italics (cite), ": " between; a plain bibl
 * (TEI: "a loosely-structured bibliographic citation of which the sub-components may or may not be explicitly
 * tagged") keeps the encoder's order, a title before its author read where the encoder put it (the reader's
 * order is for biblStruct, "in a specified order", and biblFull): only the touching parts are set apart (", ").
 */
import { strict as assert } from 'node:assert';
import { compileStylesheet, runStylesheet, teiSource, toHtml, toText } from '../../src/transform/index.js';
import { RECORDS_STYLESHEET } from '../../src/search/index.js';
import { readCitable } from '../../src/cite/index.js';
import { teiDoc, teiText, type TeiSource } from '../support/tei-doc.js';

const doc = (body: string): TeiSource => teiDoc({ file: 'bibl-titles.xml', title: 'References', body });

/** The words of the page's entries of a listBibl (class $cls), tags taken out. */
function entries(page: string, cls: string): string[] {
  return [...page.matchAll(new RegExp(`<p class="${cls}"[^>]*>([\\s\\S]*?)</p>`, 'g'))].map((m) => m[1].replace(/<[^>]*>/g, ''));
}

/** The search records' passage words. */
async function passages(source: TeiSource): Promise<unknown[]> {
  const records = await compileStylesheet(RECORDS_STYLESHEET);
  const json = JSON.parse(String(runStylesheet(records, teiSource(source.text, source.file)))) as { passages: unknown[][] };
  return json.passages.map((p) => p[3]);
}

const article = '<biblStruct><analytic><author>Doe, J.</author><title level="a" type="main">Article</title><title level="a" type="sub">A Study</title></analytic>'
  + '<monogr><title level="j">Journal</title><imprint><date>1999</date></imprint></monogr></biblStruct>';
// The subtitle encoded first: read after its title (samizdat:bibl-in-slot), in the same pair of marks.
const subFirst = '<biblStruct><analytic><title level="a" type="sub">A Study</title><title level="a" type="main">Essay</title></analytic>'
  + '<monogr><title level="m">Book</title><imprint><pubPlace>London</pubPlace><publisher>P</publisher><date>1990</date></imprint></monogr></biblStruct>';
const book = '<biblStruct><monogr><author>Smith, J.</author><title level="m" type="main">Title of Work</title><title level="m" type="sub">A Study</title>'
  + '<imprint><pubPlace>London</pubPlace><publisher>Macmillan</publisher><date>1900</date></imprint></monogr></biblStruct>';
const hamlet = '<biblStruct><monogr><author>Shakespeare, W.</author><title level="m" type="main">Hamlet</title><title level="m" type="short">Ham.</title>'
  + '<title level="m" type="alt">The Tragedy of Hamlet, Prince of Denmark</title><imprint><pubPlace>London</pubPlace><date>1603</date></imprint></monogr></biblStruct>';
const fullHamlet = '<biblFull><titleStmt><title type="main">Hamlet</title><title type="short">Ham.</title><title type="alt">Amleto</title><author>William Shakespeare</author></titleStmt>'
  + '<publicationStmt><publisher>N. L.</publisher><pubPlace>London</pubPlace><date>1603</date></publicationStmt></biblFull>';

describe('a reference’s titles by their type', function () {
  this.timeout(300_000);

  it('an article’s title and its subtitle in one pair of marks: page, plain text, search', async () => {
    const source = doc(`<div><listBibl>${article}${subFirst}${book}</listBibl></div>`);
    const expected = [
      'Doe, J. “Article: A Study.” Journal, 1999.',
      '“Essay: A Study.” In Book, London: P, 1990.',
      'Smith, J. Title of Work: A Study, London: Macmillan, 1900.',
    ];
    const page = await toHtml(source);
    assert.deepEqual(entries(page, 'tei-biblStruct'), expected);
    assert.match(page, /“<cite class="tei-title rend-main">Article<\/cite>: <cite class="tei-title rend-sub">A Study<\/cite>\.”/);
    assert.equal((await toText(source)).trim(), expected.join('\n\n'));
    assert.deepEqual(await passages(source), expected);
  });

  it('guard: a monograph’s subtitle stays in italics with its main title', async () => {
    const page = await toHtml(doc(`<div><listBibl>${book}</listBibl></div>`));
    assert.match(page, /<span class="tei-author">Smith, J\.<\/span> <cite class="tei-title rend-main">Title of Work<\/cite>: <cite class="tei-title rend-sub">A Study<\/cite><span class="tei-imprint">, /);
  });

  it('a short title not shown, an alternate one in parentheses: biblStruct and biblFull, page and plain text', async () => {
    const source = doc(`<div><listBibl>${hamlet}${fullHamlet}</listBibl></div>`);
    const struct = 'Shakespeare, W. Hamlet (The Tragedy of Hamlet, Prince of Denmark), London, 1603.';
    const full = 'Hamlet (Amleto), William Shakespeare. N. L., London, 1603.';
    const page = await toHtml(source);
    assert.deepEqual(entries(page, 'tei-biblStruct'), [struct]);
    assert.deepEqual(entries(page, 'tei-biblFull'), [full]);
    assert.doesNotMatch(page, /Ham\.</);
    assert.equal((await toText(source)).trim(), [struct, full].join('\n\n'));
    assert.deepEqual(await passages(source), [struct, full]);
  });

  it('guard: a plain bibl keeps the encoder’s order, a title before its author, only set apart', async () => {
    const source = doc('<p>See <bibl><title>Cranford</title><author>Mrs. Gaskell</author><date>1853</date></bibl>.</p>');
    const line = 'See Cranford, Mrs. Gaskell, 1853.';
    const page = await toHtml(source);
    assert.match(page, /<span class="tei-bibl"><cite class="tei-title">Cranford<\/cite>, <span class="tei-author">Mrs\. Gaskell<\/span>, <span class="tei-date">1853<\/span><\/span>\./);
    assert.equal((await toText(source)).trim(), line);
  });

  it('the citation data: a source’s title with its subtitle, its short title apart (biblStruct, biblFull)', () => {
    const sources = '<biblStruct><analytic><author>Doe, J.</author><title level="a" type="main">Article</title><title level="a" type="sub">A Study</title></analytic>'
      + '<monogr><title level="j">Journal</title><imprint><date>1999</date></imprint></monogr></biblStruct>'
      + '<biblFull><titleStmt><title type="sub">A Tragedy</title><title type="main">Hamlet</title><title type="short">Ham.</title><author>William Shakespeare</author></titleStmt>'
      + '<publicationStmt><publisher>N. L.</publisher><pubPlace>London</pubPlace><date>1603</date></publicationStmt></biblFull>';
    const text = teiText({ title: 'The Edition</title><title type="sub">Of a Play</title><title type="short">Ed.', body: '<p>Words.</p>' })
      .replace('<sourceDesc><p>Made up.</p></sourceDesc>', `<sourceDesc>${sources}</sourceDesc>`);
    const read = readCitable(text, 'bibl-titles-cite.xml');
    assert.ok(read.ok);
    assert.deepEqual(read.value.sources.map((s) => [s.title, s.shortTitle, s.container]),
      [['Article: A Study', undefined, 'Journal'], ['Hamlet: A Tragedy', 'Ham.', undefined]]);
    assert.equal(read.value.item.title, 'The Edition: Of a Play');
    assert.equal(read.value.item['title-short'], 'Ed.');
    assert.equal(read.value.item['original-title'], 'Article: A Study');
  });
});

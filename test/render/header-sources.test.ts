/**
 * The header's sources ("About this edition", Source) are what a scholar
 * checks first: which print and which transcription the edition follows.
 * A biblStruct there was summarised by hand: its titles, its respStmts, its
 * imprint, each after ". ", so a chapter's number (biblScope), an article's
 * quotation marks and its relatedItem were lost. Now it reads as it does in
 * the text (html/bibl.xsl), with its id, a relatedItem a link to the
 * reference it names, and its notes paragraphs after it.
 */
import { strict as assert } from 'node:assert';
import { toHtml } from '../../src/transform/index.js';
import { teiText } from '../support/tei-doc.js';

const SOURCES = '<sourceDesc><listBibl>'
  + '<biblStruct xml:id="print" type="book"><analytic><title level="a">The chapter</title></analytic>'
  + '<monogr><title level="m">The book</title><imprint><pubPlace>London</pubPlace><publisher>A Press</publisher>'
  + '<date when="1980">1980</date></imprint><biblScope unit="chapter" n="1">1</biblScope></monogr>'
  + '<note>The year is the print\'s.</note></biblStruct>'
  + '<biblStruct xml:id="online" type="webpage"><monogr><title level="m">The book, online</title>'
  + '<imprint><publisher>An Archive</publisher><date when="2008">2008</date></imprint></monogr>'
  + '<relatedItem type="original" target="#print"/></biblStruct>'
  + '</listBibl></sourceDesc>';

/** The Source part of the page of a document whose header has `sources`, and whose text has no biblStruct. */
async function sourcePart(sources: string): Promise<string> {
  const text = teiText({ body: '<p>Words.</p>' }).replace('<sourceDesc><p>Made up.</p></sourceDesc>', sources);
  const page = await toHtml({ file: 'sources.xml', text });
  return page.slice(page.indexOf('<h3>Source</h3>'), page.indexOf('</section>', page.indexOf('<h3>Source</h3>')));
}

const words = (markup: string): string => markup.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();

describe('the header\'s sources read as references', function () {

  it('punctuates a biblStruct as the text does, its chapter and imprint included', async () => {
    const part = await sourcePart(SOURCES);
    const print = /<div class="source tei-biblStruct[^"]*" id="print">([\s\S]*?)<\/div>/.exec(part)?.[1] ?? '';
    assert.match(words(print), /^“The chapter\.” In The book, London: A Press, 1980, ch\. 1\./, words(print));
  });

  it('keeps a source\'s notes as paragraphs after it', async () => {
    assert.match(await sourcePart(SOURCES), /<p class="source-note">The year is the print's\.<\/p>/);
  });

  // A note of paragraphs was written as a paragraph holding them (<p><p>…</p></p>: no HTML parser keeps that as written);
  // each of its paragraphs is a note's paragraph now, as a biblFull's are, for a biblStruct and a bibl alike.
  it('writes a note of several paragraphs as as many paragraphs, after a biblStruct and a bibl', async () => {
    const notes = '<note><p>First of two.</p><p>Second of two.</p></note>';
    const part = await sourcePart('<sourceDesc><biblStruct><monogr><title level="m">A book</title><imprint><date>1900</date></imprint></monogr>'
      + notes + '</biblStruct><bibl><title>A pamphlet</title>' + notes + '</bibl></sourceDesc>');
    assert.deepEqual([...part.matchAll(/<p class="source-note">([\s\S]*?)<\/p>/g)].map((m) => m[1]),
      ['First of two.', 'Second of two.', 'First of two.', 'Second of two.']);
    assert.doesNotMatch(part, /<p[^>]*>(?:(?!<\/p>)[\s\S])*<p[\s>]/, 'no paragraph inside a paragraph');
  });

  it('links a relatedItem to the reference it points to', async () => {
    const part = await sourcePart(SOURCES);
    assert.match(part, /<p class="source-related[^"]*">Original: <a href="#print">The chapter\. The book<\/a><\/p>/);
  });
});

describe('the header\'s sources name who is responsible as the text does', function () {

  it('reads a respStmt in a source as its resp, then its names', async () => {
    const part = await sourcePart(SOURCES.replace('<title level="m">The book</title>',
      '<title level="m">The book</title><respStmt><resp>selection</resp><name>A. One</name><name>B. Two</name></respStmt>'));
    // A task's name does not read into a person's (stop 40: "selection A. One" before).
    assert.match(words(part), /In The book, selection: A\. One and B\. Two[.,]/);
  });
});

describe('the header\'s sources read as the flagship\'s transcription is cited', function () {

  /** The flagship's online source, as its header encodes it (a made-up address). */
  const ONLINE = '<sourceDesc><listBibl>'
    + '<biblStruct xml:id="print" type="book"><monogr><title level="m">The book</title>'
    + '<respStmt><resp>selection of the documents; editorial introductions</resp><name>the editors</name></respStmt>'
    + '<imprint><publisher>A Press</publisher></imprint></monogr></biblStruct>'
    + '<biblStruct xml:id="online" type="webpage"><analytic><title level="a">The chapter</title>'
    + '<respStmt><resp>transcription (2008)</resp><persName>M. Fahlgren</persName></respStmt>'
    + '<ptr target="https://example.org/ch01.htm"/></analytic>'
    + '<monogr><title level="m">The book</title><title level="s">An Encyclopedia On-Line</title>'
    + '<imprint><publisher>An Archive</publisher><date when="2008">2008</date></imprint></monogr>'
    + '<note>A note.</note><relatedItem type="original" target="#print"/></biblStruct>'
    + '</listBibl></sourceDesc>';

  it('sets a resp that names a task apart from the names after it', async () => {
    const part = words(await sourcePart(ONLINE));
    assert.match(part, /The book, selection of the documents; editorial introductions: the editors, A Press\./);
    assert.match(part, /“The chapter\.” transcription \(2008\): M\. Fahlgren, /);
  });

  it('reads a full stop after an address before the book, and before a series\'s title', async () => {
    assert.match(words(await sourcePart(ONLINE)), /https:\/\/example\.org\/ch01\.htm\. In The book\. An Encyclopedia On-Line, An Archive, /);
  });

  it('ends a source with its full stop before the related item\'s line', async () => {
    const part = await sourcePart(ONLINE);
    const online = /<div class="source tei-biblStruct[^"]*" id="online">([\s\S]*?)<\/div>/.exec(part)?.[1] ?? '';
    assert.match(online, /<p class="source-citation">[\s\S]*, <time [^>]*>2008<\/time>\.(<\/span>)*<\/p>/, online);
    assert.match(online, /<p class="source-related[^"]*">Original: <a href="#print">The book<\/a><\/p>/);
  });
});

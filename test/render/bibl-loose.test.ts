/*
 * A loosely structured reference (TEI bibl: "contains a loosely-structured bibliographic citation of which the
 * sub-components may or may not be explicitly tagged") reads as encoded, with the encoder's punctuation. ELTeC's
 * sources tag every part and put nothing between them: "<author>Mrs. Gaskell.</author><publisher>London: Chapman and
 * Hall</publisher><date>1848</date>" read "Mrs. Gaskell.London: Chapman and Hall1848" on the page, in the header's
 * sources, in the plain text and the search (whose words "Hall1848" matched neither). Two parts that touch are now
 * set apart: ", ", or a space after a part ending with a mark of its own; nothing where the encoder wrote something
 * between them or a part ends with white space.
 */
import { strict as assert } from 'node:assert';
import { toHtml, toText } from '../../src/transform/index.js';
import { teiDoc, type TeiSource } from '../support/tei-doc.js';
import { passageWords } from '../support/records.js';

const TOUCHING = '<bibl><title>Mary Barton: A Tale of Manchester Life</title><author>Mrs. Gaskell.</author><publisher>London: Chapman and Hall</publisher><date>1848</date></bibl>';
const READ = 'Mary Barton: A Tale of Manchester Life, Mrs. Gaskell. London: Chapman and Hall, 1848';
const doc = (body: string): TeiSource => teiDoc({ file: 'loose.xml', title: 'Loose', body });
const inHeader = (bibl: string): TeiSource => {
  const source = doc('<p>Text.</p>');
  return { ...source, text: source.text.replace('<sourceDesc><p>Made up.</p></sourceDesc>', `<sourceDesc>${bibl}</sourceDesc>`) };
};
const words = (html: string): string => html.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();
/** The words of each of the header's sources. */
const sources = (page: string): string[] => [...page.matchAll(/<div class="source [^"]*">([\s\S]*?)<\/div>/g)].map((m) => words(m[1]));

describe('a plain bibl whose parts touch', function () {
  this.timeout(300_000);

  it('sets its parts apart on the page, in the plain text and in the search', async () => {
    const source = doc(`<p>${TOUCHING}</p>`);
    const page = await toHtml(source);
    assert.match(page, /<cite class="tei-title">Mary Barton: A Tale of Manchester Life<\/cite>, <span class="tei-author">Mrs\. Gaskell\.<\/span> <span class="tei-publisher">London: Chapman and Hall<\/span>, <span class="tei-date">1848<\/span><\/span>/);
    assert.equal(await toText(source), `${READ}\n`);
    assert.deepEqual(await passageWords(source), [READ]);
  });

  it('sets them apart in the header\'s sources', async () => {
    assert.deepEqual(sources(await toHtml(inHeader(TOUCHING))), [READ]);
    const printed = '<bibl><title>The story of Bessie Costrell</title><publisher>New York: Macmillan</publisher><date>1895</date><ref target="http://archive.org/details/x"/></bibl>';
    assert.deepEqual(sources(await toHtml(inHeader(printed))), ['The story of Bessie Costrell, New York: Macmillan, 1895, http://archive.org/details/x']);
  });

  it('adds nothing where the encoder put words or white space between them, or a part ends with white space (the first two cases guards)', async () => {
    const punctuated = '<bibl><author>Gaskell</author>, <title>Mary Barton</title> (<pubPlace>London</pubPlace>: <publisher>Chapman and Hall</publisher>, <date>1848</date>)</bibl>';
    assert.equal(await toText(doc(`<p>${punctuated}</p>`)), 'Gaskell, Mary Barton (London: Chapman and Hall, 1848)\n');
    const spaced = '<bibl><title>Mary Barton</title> <author>Gaskell</author> <date>1848</date></bibl>';
    assert.equal(await toText(doc(`<p>${spaced}</p>`)), 'Mary Barton Gaskell 1848\n');
    const trailing = '<bibl><publisher>Smith, Elder\n  </publisher><pubPlace>London</pubPlace><date>1895</date></bibl>';
    assert.equal(await toText(doc(`<p>${trailing}</p>`)), 'Smith, Elder London, 1895\n');
  });

  it('keeps a subtitle\'s ": " after its title, a date after it set apart', async () => {
    const titled = '<bibl><title type="main">Mary Barton</title><title type="sub">A Tale</title><date>1848</date></bibl>';
    assert.equal(await toText(doc(`<p>${titled}</p>`)), 'Mary Barton: A Tale, 1848\n');
  });
});

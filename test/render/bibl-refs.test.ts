/**
 * References read as a reader reads them: editors named together, an address in an imprint, an entry's own
 * name, a source's series. TEI: editor "contains a secondary statement of responsibility for a bibliographic
 * item, for example the name of an individual, institution or organization … acting as editor"; address
 * "contains a postal address", addrLine "contains one line of a postal address"; biblStruct's series
 * "contains information about the series in which a book or other bibliographic item has appeared".
 *
 * Before (stop 42): two editors were set apart as authors are, "eds. Barbara A. Mowat; Paul Werstine" (DraCor's
 * plays, the header's source), head editors "Dee Dunn; Eve Eads, eds."; an address's lines were a line each in
 * the middle of the reference on the page (display: block) with a space between them and before the mark after
 * the address ("Washington, DC 20003 ."), an availability's licence likewise ("…/3.0/ , April, 2015"), and a
 * licence in the text did not link to the licence its @target points to; a
 * biblStruct entry was also named by its journal's and its series's titles; the citation data's source left out
 * a biblFull's series and a biblStruct's `series`. Now: "eds. A, B and C", "A and B, eds." (the reference's
 * language's "and": "Hrsg. A und B"), the address's lines joined with ", " in the reference's sentence, an
 * entry named by its work's titles, the source's series after its imprint ("Library of Classics, vol. 4"), a
 * licence's words a link to it (licence: "information about a licence or other legal agreement applicable to the
 * text"; @target "points to the licence").
 */
import { strict as assert } from 'node:assert';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { XSLT_DIR, compileStylesheet, teiSource, toHtml, toText, transformSource, HTML_STYLESHEET } from '../../src/transform/index.js';
import { readCitable } from '../../src/cite/index.js';
import { passageWords } from '../support/records.js';
import { teiDoc, teiText, type TeiSource } from '../support/tei-doc.js';

const folger = `<biblFull xml:id="folger">
  <titleStmt>
    <title>Cymbeline</title><author>William Shakespeare</author><editor>Barbara A. Mowat</editor><editor>Paul Werstine</editor>
    <respStmt><resp>Edited for XML and encoded by</resp><name>Michael Poston</name><name>Rebecca Niles</name></respStmt>
  </titleStmt>
  <publicationStmt>
    <publisher>Folger Shakespeare Library</publisher>
    <address>
      <addrLine>201 East Capitol Street, SE</addrLine>
      <addrLine>Washington, DC 20003</addrLine>
    </address>
    <availability>
      <licence target="http://creativecommons.org/licenses/by-nc/3.0/">Distributed under a Creative Commons licence</licence>
    </availability>
    <date>April, 2015</date>
  </publicationStmt>
  <seriesStmt><title level="s">Folger Digital Texts</title><biblScope unit="volume">2</biblScope></seriesStmt>
</biblFull>`;

const essays = `<biblStruct xml:id="essays"><monogr><title level="m">Collected Essays</title><editor>Ann Able</editor><editor>Ben Baker</editor><editor>Cy Cole</editor>
<imprint><pubPlace><address>
  <addrLine>12 High Street</addrLine>
  <addrLine>Oxford</addrLine>
</address></pubPlace><publisher>Clarendon</publisher><date>1990</date></imprint></monogr>
<series><title level="s">Oxford Studies</title><biblScope unit="volume">3</biblScope></series></biblStruct>`;
const letters = '<biblStruct xml:id="letters"><monogr><editor>Dee Dunn</editor><editor>Eve Eads</editor><title level="m">Letters</title><imprint><publisher>Penguin</publisher><date>2001</date></imprint></monogr></biblStruct>';
const briefe = '<biblStruct xml:id="briefe" xml:lang="de"><monogr><title level="m">Briefe</title><editor>Anna Alt</editor><editor>Bernd Beck</editor><imprint><pubPlace>Berlin</pubPlace><publisher>Aufbau</publisher><date>1980</date></imprint></monogr></biblStruct>';
const article = '<biblStruct xml:id="article"><analytic><author>Fay Fox</author><title level="a">On Letters</title></analytic>'
  + '<monogr><title level="j">Journal of Letters</title><imprint><date>1999</date></imprint><biblScope unit="volume">7</biblScope></monogr>'
  + '<series><title level="s">Letters Series</title></series></biblStruct>';

const inText = teiDoc({ file: 'bibl-refs.xml', title: 'References', body: `<p>Before.</p><listBibl>${essays}${letters}${briefe}${article}${folger}</listBibl><p>After.</p>` });
const inHeader: TeiSource = {
  file: 'bibl-refs-header.xml',
  text: teiText({ title: 'Header source', body: '<p>Body words.</p>' }).replace('<sourceDesc><p>Made up.</p></sourceDesc>', `<sourceDesc>${folger}</sourceDesc>`),
};

const lines = [
  'Collected Essays, eds. Ann Able, Ben Baker and Cy Cole, 12 High Street, Oxford: Clarendon, 1990. Oxford Studies, vol. 3.',
  'Dee Dunn and Eve Eads, eds. Letters, Penguin, 2001.',
  'Briefe, Hrsg. Anna Alt und Bernd Beck, Berlin: Aufbau, 1980.',
  'Fay Fox. “On Letters.” Journal of Letters, 1999, vol. 7. Letters Series.',
];
const folgerWords = (licence: string) => 'Cymbeline, William Shakespeare; eds. Barbara A. Mowat and Paul Werstine; Edited for XML and encoded by Michael Poston and Rebecca Niles. '
  + `Folger Shakespeare Library, 201 East Capitol Street, SE, Washington, DC 20003, April, 2015. Distributed under a Creative Commons licence${licence}. Folger Digital Texts, vol. 2.`;

/** The words of each reference paragraph of a page, tags taken out. */
function references(page: string): string[] {
  return [...page.matchAll(/<p class="tei-(?:biblStruct|biblFull)"[^>]*>([\s\S]*?)<\/p>\n?(?=<p class="tei-bibl|<\/div>|<p id=)/g)].map((m) => m[1].replace(/<[^>]*>/g, ''));
}

describe('references: editors, addresses, names, series', function () {
  it('names editors together on the page, in the plain text and in the search records', async () => {
    const page = await toHtml(inText);
    assert.deepEqual(references(page), [...lines, folgerWords('')]);
    // A licence's words link to it, as a ref's do (they were a span without its pointer).
    assert.match(page, /<span class="tei-licence"><a href="http:\/\/creativecommons\.org\/licenses\/by-nc\/3\.0\/" rel="license">Distributed under a Creative Commons licence<\/a><\/span>/);
    assert.deepEqual((await toText(inText)).trim().split(/\n\n/), ['Before.', ...lines, folgerWords(''), 'After.']);
    assert.deepEqual(await passageWords(inText), ['Before.', ...lines, folgerWords(''), 'After.']);
  });

  it("runs an address's lines on in the reference, set apart by commas, on the page and in the header's source", async () => {
    const page = await toHtml(inText);
    assert.match(page, /<span class="tei-address"><span class="tei-addrLine">12 High Street<\/span>, <span class="tei-addrLine">Oxford<\/span><\/span><\/span>: <span class="tei-publisher">/);
    const header = await toHtml(inHeader);
    const source = /<div class="source tei-biblFull" id="folger"><p class="source-citation">([\s\S]*?)<\/p><\/div>/.exec(header);
    assert.ok(source, 'the header names its source');
    assert.equal(source[1].replace(/<[^>]*>/g, ''), folgerWords(' http://creativecommons.org/licenses/by-nc/3.0/'));
    assert.match(source[1], /<span class="tei-addrLine">201 East Capitol Street, SE<\/span>, <span class="tei-addrLine">Washington, DC 20003<\/span><\/span>, <span class="tei-date">April, 2015<\/span>\. <span class="tei-availability"><span class="tei-licence">/);
    // An address line is a line of its own in a letter's opener, not in a reference.
    const css = await readFile(join(XSLT_DIR, 'html', 'samizdat.css'), 'utf8');
    assert.match(css, /^\.tei-l, \.tei-speaker, \.tei-stage, \.tei-addrLine \{ display: block; \}$/m);
    assert.match(css, /^\.tei-biblStruct \.tei-addrLine, \.tei-biblFull \.tei-addrLine \{ display: inline; \}$/m);
  });

  it("names a biblStruct entry by its work's titles, not its journal's or its series's", async () => {
    const html = await compileStylesheet(HTML_STYLESHEET);
    const { results } = transformSource(html, teiSource(inText.text, inText.file), { params: { output: 'page+entities' } });
    const entries = (JSON.parse(results['entities.json']) as { entries: { id: string; names: { text: string }[] }[] }).entries;
    assert.deepEqual(entries.map((e) => [e.id, e.names.map((n) => n.text)]), [
      ['essays', ['Collected Essays']],
      ['letters', ['Letters']],
      ['briefe', ['Briefe']],
      ['article', ['On Letters']],
      ['folger', ['Cymbeline']],
    ]);
  });

  it("gives the citation data's source its series, a biblFull's and a biblStruct's", () => {
    const read = readCitable(inHeader.text, inHeader.file);
    assert.ok(read.ok);
    assert.deepEqual(read.value.sources.map((s) => s.description), ['William Shakespeare, Cymbeline. Folger Shakespeare Library, Folger Digital Texts, vol. 2, 2015.']);
    const struct = inHeader.text.replace(/<biblFull[\s\S]*<\/biblFull>/, essays);
    const again = readCitable(struct, 'struct.xml');
    assert.ok(again.ok);
    assert.deepEqual(again.value.sources.map((s) => s.description), ['Collected Essays. 12 High Street, Oxford: Clarendon, Oxford Studies, vol. 3, 1990.']);
  });
});

/**
 * soCalled: words "for which the author or narrator indicates a disclaiming
 * of responsibility, for example by the use of scare quotes or italics" (TEI
 * Guidelines). The encoding stands for those scare quotes, so the page and
 * the plain text give them back, with the marks of quotations
 * (samizdat:quote-marks: the language's, inner ones within a quotation, none
 * where the encoder declares the source's marks kept in the text), unless
 * the encoding gives the words another rendition (@rend, @rendition, @style).
 */
import { strict as assert } from 'node:assert';
import { toHtml, toText } from '../../src/transform/index.js';
import { teiDoc, type TeiSource } from '../support/tei-doc.js';

const doc = (body: string, encodingDesc = ''): TeiSource => teiDoc({ file: 'socalled.xml', title: 'So called', body, header: encodingDesc });

/** The words of the page's first paragraph, tags and its number taken out. */
async function pageParagraph(body: string, encodingDesc = ''): Promise<string> {
  const page = await toHtml(doc(body, encodingDesc));
  const paragraph = /<p id="para-1"[^>]*>([\s\S]*?)<\/p>/.exec(page)?.[1] ?? '';
  return paragraph.replace(/<a class="para-number"[^>]*>[^<]*<\/a>\s*/, '').replace(/<[^>]*>/g, '');
}

describe('soCalled on the page and in the plain text', function () {

  const body = '<p>He <soCalled>came down</soCalled> handsomely; the <soCalled rend="italic">experts</soCalled> agreed;'
    + ' <q>the <soCalled>experts</soCalled> said so</q>; <soCalled rend="single">so</soCalled>, <soCalled style="font-weight: bold">too</soCalled>.</p>'
    + '<p xml:lang="fr">Le <soCalled>progrès</soCalled>.</p>';

  it('gives back the scare quotes the encoding stands for, unless another rendition is given', async () => {
    const expected = 'He “came down” handsomely; the experts agreed; “the ‘experts’ said so”; ‘so’, too.';
    assert.equal(await pageParagraph(body), expected);
    assert.equal((await toText(doc(body))).split('\n\n')[0], expected);
    assert.equal((await toText(doc(body))).split('\n\n')[1].trim(), 'Le «progrès».', 'the language’s marks');
  });

  it('sets the words in the rendition given instead', async () => {
    const page = await toHtml(doc(body));
    assert.match(page, /<span class="tei-soCalled rend-italic[^"]*">experts<\/span>/);
    assert.match(page, /<span class="tei-soCalled" style="font-weight: ?bold;?">too<\/span>/);
  });

  it('adds none where the encoder declares the source’s own marks kept in the text', async () => {
    const kept = '<encodingDesc><editorialDecl><quotation marks="all"><p>Kept.</p></quotation></editorialDecl></encodingDesc>';
    const source = '<p>He <soCalled>“came down”</soCalled> and <soCalled>went up</soCalled>.</p>';
    assert.equal(await pageParagraph(source, kept), 'He “came down” and went up.');
    assert.equal((await toText(doc(source, kept))).trim(), 'He “came down” and went up.');
    assert.equal(await pageParagraph(source), 'He “came down” and “went up”.', 'undeclared, the marks are added where the text has none');
  });
});

/**
 * address: "a postal address", which may stand in running text (TEI Guidelines). Within a sentence (words of
 * its parent beside it, or a phrase holding it) its lines do not break the plain text's paragraph: they are
 * joined by ", " ("Write to 1 Main St, Town then …"); the page keeps the sentence one paragraph. An address
 * standing as a block (in a closer, alone in a paragraph) keeps its lines in both.
 */
import { strict as assert } from 'node:assert';
import { toHtml, toText } from '../../src/transform/index.js';
import { teiDoc, type TeiSource } from '../support/tei-doc.js';

const doc = (body: string): TeiSource => teiDoc({ file: 'address.xml', title: 'Addresses', body });

describe('address within a sentence, in the plain text', function () {

  it('joins the lines of an address that stands in running text', async () => {
    const body = '<p>Write to <address><addrLine>1 Main St</addrLine><addrLine>Town</addrLine></address> then <email>a@b.c</email> end.</p>'
      + '<p>Or <hi><address>\n  <addrLine>2 Side St,</addrLine>\n  <addrLine>City</addrLine>\n</address></hi>.</p>';
    assert.equal((await toText(doc(body))).trim(), 'Write to 1 Main St, Town then a@b.c end.\n\nOr 2 Side St, City.');
    const page = await toHtml(doc(body));
    assert.match(page, /<p id="para-1"[^>]*>[\s\S]*Write to <span class="tei-address"><span class="tei-addrLine">1 Main St<\/span> <span class="tei-addrLine">Town<\/span><\/span> then[\s\S]*?<\/p>/,
      'the page: one paragraph, its lines in it');
  });

  it('keeps the lines of an address standing as a block', async () => {
    const body = '<div><p>Yours.</p><closer><address><addrLine>3 High St</addrLine><addrLine>Village</addrLine></address></closer>'
      + '<p><address><addrLine>4 Low St</addrLine><addrLine>Hamlet</addrLine></address></p></div>';
    assert.equal((await toText(doc(body))).trim(), 'Yours.\n\n3 High St\n\nVillage\n\n4 Low St\n\nHamlet');
    assert.match(await toHtml(doc(body)), /<p class="tei-addrLine">3 High St<\/p>/);
  });
});

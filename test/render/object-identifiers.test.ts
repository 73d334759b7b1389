/**
 * objectIdentifier "groups one or more identifiers or pieces of locating information concerning a single
 * object" (TEI Guidelines). Beside the object's description (a p) it was a bare span run into the line before
 * the description, saying nothing of what it is. It is now a line of its own that says so ("Identifier: …"), as
 * an msIdentifier is a line of an msDesc, on the page and in the plain text; an object with no description
 * keeps its register line ("A bowl, 7").
 */
import { strict as assert } from 'node:assert';
import { toHtml, toText } from '../../src/transform/index.js';
import { teiDoc } from '../support/tei-doc.js';

const body = '<p>See the cup.</p><listObject>'
  + '<object xml:id="cup"><objectIdentifier><objectName>The Ardagh Chalice</objectName> <settlement>Dublin</settlement> '
  + '<institution>National Museum of Ireland</institution> <idno>1874:99</idno></objectIdentifier><p>A silver chalice.</p></object>'
  + '<object xml:id="bowl"><objectIdentifier><objectName>A bowl</objectName><idno>7</idno></objectIdentifier></object>'
  + '</listObject>';
const doc = teiDoc({ file: 'objects.xml', title: 'Objects', body });

describe('an object\'s identifier beside its description', function () {
  this.timeout(120_000);

  it('is a line of its own on the page, labelled, before the description', async () => {
    const page = await toHtml(doc);
    const cup = /<div class="tei-object" id="cup">([\s\S]*?)<\/div>/.exec(page)?.[1] ?? '';
    assert.match(cup, /^<p class="tei-objectIdentifier"><span class="ms-label">Identifier: <\/span>(.*?)<\/p><p id="para-2"/);
    assert.equal(/^<p class="tei-objectIdentifier">(.*?)<\/p>/.exec(cup)?.[1].replace(/<[^>]*>/g, ''),
      'Identifier: The Ardagh Chalice, Dublin, National Museum of Ireland, 1874:99');
    assert.match(page, /<p class="tei-object" id="bowl"><span class="tei-objectIdentifier"><span class="tei-objectName">A bowl<\/span>, <span class="tei-idno">7<\/span><\/span><\/p>/,
      'an object without a description is its identifier\'s register line');
  });

  it('is a labelled line in the plain text', async () => {
    assert.deepEqual((await toText(doc)).trim().split(/\n+/), [
      'See the cup.',
      'Identifier: The Ardagh Chalice, Dublin, National Museum of Ireland, 1874:99',
      'A silver chalice.',
      'A bowl, 7',
    ]);
  });
});

/**
 * A register in the text (listPerson, listPlace, listOrg in the back matter): TEI's person "provides information
 * about an identifiable individual", with birth, death, occupation … as data with no punctuation of their own.
 * Each entry is a paragraph of the page and a line of the plain text, its parts worded as a register
 * (common/register.xsl): "Mary Shelley (b. 30 August 1797, d. 1851), novelist"; a place's coordinates in
 * parentheses after its names; the entry keeps its xml:id, each part its class.
 */
import { strict as assert } from 'node:assert';
import { toHtml, toText } from '../../src/transform/index.js';

const doc = (back: string): { text: string; file: string } => ({
  file: 'register.xml',
  text: '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Register</title></titleStmt>'
    + '<publicationStmt><p>Test.</p></publicationStmt><sourceDesc><p>Made up.</p></sourceDesc></fileDesc></teiHeader>'
    + `<text><body><p>Text.</p></body><back><div>${back}</div></back></text></TEI>`,
});

/** The words of the page's elements of class $cls, tags taken out. */
function wordsOf(page: string, element: string, cls: string): string[] {
  return [...page.matchAll(new RegExp(`<${element} class="${cls}"[^>]*>([\\s\\S]*?)</${element}>`, 'g'))].map((m) => m[1].replace(/<[^>]*>/g, ''));
}

const register = `<listPerson>
  <person xml:id="ms">
    <persName>Mary Shelley</persName>
    <birth when="1797-08-30">30 August 1797</birth>
    <death when="1851"/>
    <occupation>novelist</occupation>
  </person>
  <person xml:id="pbs"><persName>Percy Shelley</persName><floruit>1810–1822</floruit><residence>Italy</residence></person>
</listPerson>
<listPlace><place xml:id="london"><placeName>London</placeName><location><country>England</country><geo>51.5 -0.1</geo></location></place></listPlace>
<listOrg><org xml:id="rs"><orgName>Royal Society</orgName><desc>a learned society</desc></org></listOrg>`;

const entries = [
  'Mary Shelley (b. 30 August 1797, d. 1851), novelist',
  'Percy Shelley (fl. 1810–1822), Italy',
  'London, England (51.5, -0.1)',
  'Royal Society, a learned society',
];

describe('registers in the text, on the page and in the plain text', function () {
  this.timeout(120_000);

  it('words each entry as a register does, a line of its own', async () => {
    assert.equal((await toText(doc(register))).trim(), ['Text.', ...entries].join('\n\n'));
    const page = await toHtml(doc(register));
    assert.deepEqual([...wordsOf(page, 'p', 'tei-person'), ...wordsOf(page, 'p', 'tei-place'), ...wordsOf(page, 'p', 'tei-org')], entries);
  });

  it('keeps the entry’s xml:id and each part’s class', async () => {
    const page = await toHtml(doc(register));
    assert.match(page, /<p class="tei-person" id="ms"><span class="tei-persName">Mary Shelley<\/span> \(b\. <span class="tei-birth">30 August 1797<\/span>, d\. 1851/);
    assert.match(page, /<span class="tei-geo">51\.5, -0\.1<\/span>\)/);
  });

  it('adds nothing where the encoding words the entry itself', async () => {
    const own = '<listPerson><person><persName>Ann</persName>, born <birth>1800</birth>; a <occupation>cook</occupation></person></listPerson>';
    assert.equal((await toText(doc(own))).trim(), 'Text.\n\nAnn, born 1800; a cook');
  });
});

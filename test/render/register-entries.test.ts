/**
 * A register in the text (listPerson, listPlace, listOrg in the back matter): TEI's person "provides information
 * about an identifiable individual", with birth, death, occupation … as data with no punctuation of their own.
 * Each entry is a paragraph of the page and a line of the plain text, its parts worded as a register
 * (common/register.xsl): "Mary Shelley (b. 30 August 1797, d. 1851), novelist"; a place's coordinates in
 * parentheses after its names; the entry keeps its xml:id, each part its class.
 */
import { strict as assert } from 'node:assert';
import { toHtml, toText } from '../../src/transform/index.js';
import { passageWords } from '../support/records.js';

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

describe('events and objects in the text, as register lines', function () {

  // TEI: event "contains data relating to anything of significance that happens in time" (its label or name, a
  // description, its date in att.datable's attributes); object "contains a description of a single identifiable
  // physical object" (its objectIdentifier: name, place, repository, number; then its description).
  const registers = `<listEvent>
  <event xml:id="mat" when="1972-10-12"><label>matriculation</label></event>
  <event from="1618" to="1648">
    <eventName>Thirty Years’ War</eventName>
    <desc>a war in Europe</desc>
  </event>
  <event><label>Sitzung <date when="1848-04-01">1. April 1848</date></label></event>
</listEvent>
<listObject><object xml:id="aj">
  <objectIdentifier>
    <objectName>Alfred Jewel</objectName>
    <settlement>Oxford</settlement>
    <repository>Ashmolean Museum</repository>
  </objectIdentifier>
  <p>A jewel of gold.</p>
</object></listObject>`;
  const lines = [
    'matriculation (1972-10-12)',
    'Thirty Years’ War, a war in Europe (1618–1648)',
    // A date the label words itself is not said again.
    'Sitzung 1. April 1848',
    'Alfred Jewel, Oxford, Ashmolean Museum',
    'A jewel of gold.',
  ];

  it('words an event as its label or name and description, then its date; an object as its identifier, then its description', async () => {
    assert.equal((await toText(doc(registers))).trim(), ['Text.', ...lines].join('\n\n'));
    const page = await toHtml(doc(registers));
    assert.deepEqual(wordsOf(page, 'p', 'tei-event'), lines.slice(0, 3));
    assert.match(page, /<p class="tei-event" id="mat"><span class="tei-label[^"]*">matriculation<\/span> \(1972-10-12\)<\/p>/);
    assert.match(page, /<span class="tei-objectName">Alfred Jewel<\/span>, <span class="tei-settlement">Oxford<\/span>, <span class="tei-repository">Ashmolean Museum<\/span>/);
    assert.deepEqual(await passageWords(doc(registers)), ['Text.', ...lines]);
  });
});

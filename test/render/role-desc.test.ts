/**
 * A cast list's role descriptions: roleDesc "describes a character's role in
 * a drama" (TEI Guidelines), and a cast list prints it beside the role it
 * describes, set apart ("Theseus, duke of Athens"). Encoded with nothing
 * between them (<role>Theseus</role><roleDesc>duke of Athens</roleDesc>), the
 * page and the plain text ran them together ("Theseusduke of Athens"); laid
 * out on lines of their own, with only white space between, as in the DraCor
 * plays, they read "Theseus duke of Athens". They put ", " there now, and
 * keep the punctuation the encoding has (a space after a comma, before an
 * opening bracket, if it has none).
 */
import { strict as assert } from 'node:assert';
import { toHtml, toText } from '../../src/transform/index.js';
import { personRegister, teiDoc, type TeiSource } from '../support/tei-doc.js';

const doc = (body: string): TeiSource => teiDoc({ file: 'cast.xml', title: 'Cast', body, header: personRegister([['hermia', 'Hermia']]) });

/** The words of each cast item on the page, in order, tags taken out. */
const castItems = (page: string): string[] =>
  [...page.matchAll(/<p(?: id="[^"]*")? class="tei-castItem[^"]*">([\s\S]*?)<\/p>/g)].map((m) => m[1].replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim());

describe('a role description set apart from its role', function () {

  const cast = '<castList>'
    + '<castItem><role>Theseus</role><roleDesc>duke of Athens</roleDesc></castItem>'
    + '<castItem><role>Egeus</role> <roleDesc>father to Hermia</roleDesc></castItem>'
    + '<castItem>\n  <role>\n    <name>Theseus</name>\n  </role>\n  <roleDesc>duke again</roleDesc>\n</castItem>'
    + '<castItem><role>Lysander</role>,<roleDesc>in love with Hermia</roleDesc></castItem>'
    + '<castItem><role>Philostrate,</role><roleDesc>master of the revels</roleDesc></castItem>'
    + '<castItem><role>Puck</role><roleDesc>(Robin Goodfellow)</roleDesc></castItem>'
    + '<castItem><role>Snout</role><roleDesc>, a tinker</roleDesc></castItem>'
    + '<castItem><role>Bottom</role><roleDesc>a weaver</roleDesc><roleDesc>an ass</roleDesc></castItem>'
    + '<castItem corresp="#hermia"><role>Hermia</role><roleDesc>daughter to Egeus</roleDesc></castItem>'
    + '<castGroup><castItem><role>Oberon</role><roleDesc>king of the fairies</roleDesc></castItem>'
    + '<castItem><role>Titania</role><roleDesc>queen of the fairies</roleDesc></castItem><roleDesc>the fairies</roleDesc></castGroup>'
    + '</castList>';
  const expected = [
    'Theseus, duke of Athens', 'Egeus, father to Hermia', 'Theseus, duke again', 'Lysander, in love with Hermia', 'Philostrate, master of the revels',
    'Puck (Robin Goodfellow)', 'Snout, a tinker', 'Bottom, a weaver, an ass', 'Hermia, daughter to Egeus',
    'Oberon, king of the fairies', 'Titania, queen of the fairies',
  ];

  it('on the page', async () => {
    const page = await toHtml(doc(cast));
    assert.deepEqual(castItems(page), expected);
    assert.match(page, /<a class="entity name-link" href="[^"]+">Hermia<\/a><\/span>, <span class="tei-roleDesc">daughter to Egeus<\/span>/, 'after the role’s link');
    assert.match(page, /<\/p><span class="tei-roleDesc">the fairies<\/span><\/div>/, 'nothing before a group’s description after its items');
  });

  it('in the plain text', async () => {
    const text = await toText(doc(cast));
    assert.deepEqual(text.trim().split(/\s*\n\s*/).filter((l) => l !== ''), [...expected, 'the fairies']);
  });

  // A role or a description whose words end in white space of its own ("<role>Theseus </role>"): the ", " came
  // after that space, "Theseus , duke of Athens", on the page and in the plain text.
  const spaced = '<castList>'
    + '<castItem><role>Theseus </role><roleDesc>duke of Athens</roleDesc></castItem>'
    + '<castItem>\n  <role>Lysander\n  </role>\n  <roleDesc>in love with Hermia</roleDesc>\n</castItem>'
    + '<castItem><role>Bottom</role><roleDesc>a weaver </roleDesc><roleDesc>an ass</roleDesc></castItem>'
    + '<castItem><role>Quince </role><roleDesc>, a carpenter</roleDesc></castItem>'
    + '</castList>';
  // Quince: the encoding's own comma, its own space before it, kept as it is (nothing is added there).
  const spacedExpected = ['Theseus, duke of Athens', 'Lysander, in love with Hermia', 'Bottom, a weaver, an ass', 'Quince , a carpenter'];

  it('puts no space before the comma after a role that ends in white space, on the page', async () => {
    const page = await toHtml(doc(spaced));
    assert.deepEqual(castItems(page), spacedExpected);
  });

  it('puts no space before the comma after a role that ends in white space, in the plain text', async () => {
    const text = await toText(doc(spaced));
    assert.deepEqual(text.trim().split(/\s*\n\s*/).filter((l) => l !== ''), spacedExpected);
  });
});

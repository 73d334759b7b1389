/**
 * lb "marks the beginning of a new (typographic) line" (TEI Guidelines). The
 * diplomatic plain text follows the source's lineation, as the page's <br>
 * does: a new line at every lb, where it used to be a space (only
 * lb break="no" gave one). The reading plain text and the search records
 * keep a space, the words of a line running on.
 */
import { strict as assert } from 'node:assert';
import { toText } from '../../src/transform/index.js';
import { teiDoc, type TeiSource } from '../support/tei-doc.js';
import { passageWords } from '../support/records.js';

const doc = (body: string): TeiSource => teiDoc({ file: 'lines.xml', title: 'Lines', body });

// A prose speech as the DraCor/Folger plays encode it: an lb (with the line's number) before each line.
const body = '<sp who="#m"><speaker>MASTER </speaker><p>\n  <lb xml:id="ftln-0003" n="1.1.3"/>Good, speak to th’ mariners. Fall to ’t yarely, '
  + '<lb xml:id="ftln-0004" n="1.1.4"/>or we run ourselves aground. Bestir, bestir! </p></sp>'
  + '<p>One<lb/>two <lb/> three<lb/><lb/>four.<lb/></p>';

describe('ordinary line breaks in the plain text', function () {
  this.timeout(300_000);

  it('starts a new line at every lb in the diplomatic text', async () => {
    assert.equal((await toText(doc(body), { mode: 'diplomatic' })).trim(), 'MASTER\n\n'
      + 'Good, speak to th’ mariners. Fall to ’t yarely,\nor we run ourselves aground. Bestir, bestir!\n\n'
      + 'One\ntwo\nthree\nfour.');
  });

  it('keeps a space in the reading text and in the search records', async () => {
    const reading = ['Good, speak to th’ mariners. Fall to ’t yarely, or we run ourselves aground. Bestir, bestir!', 'One two three four.'];
    assert.equal((await toText(doc(body))).trim(), `MASTER\n\n${reading.join('\n\n')}`);
    assert.deepEqual((await passageWords(doc(body))).filter((t) => t !== 'MASTER'), reading);
  });
});

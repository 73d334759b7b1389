/**
 * What the search records read as dates, and what they search in a document with no text.
 *
 * - Dates: att.datable's @from and @to ("the starting point of the period") are dates; other elements' are not. A
 *   span's and an app's point to the words they are on (teidata.pointer), an arc's to its nodes, a locus's count
 *   leaves ("from 1r to 10v"), a biblScope's and a citedRange's pages or volumes (TEI Guidelines, att.citing: "the
 *   starting point of the range of units indicated by the unit attribute"). "pp. 1200–1250" put the years 1200 to
 *   1250 in the year filter, and a span or a locus gave a passage an empty date to sort by.
 * - A sourceDoc ("a transcription of a source document" as it stands on the page, its surfaces, zones and lines)
 *   with no text: its page and plain text showed its lines; the search records held nothing, so none of its words
 *   could be found. Its lines are now passages, with their ids as anchors.
 */
import { strict as assert } from 'node:assert';
import { searchRecords } from '../support/records.js';
import { teiDoc, teiText } from '../support/tei-doc.js';

describe('search records: dates only from dates; a transcription with no text searched', function () {
  this.timeout(300_000);

  it('reads no date from a page range, a citation\'s range, leaves or an apparatus entry\'s pointers', async () => {
    const { passages } = await searchRecords(teiDoc({
      file: 'ranges.xml', title: 'Ranges',
      body: '<p>See <bibl><title>Annals</title>, <biblScope unit="page" from="1200" to="1250">pp. 1200–1250</biblScope></bibl>'
        + ' and <citedRange unit="volume" from="1917" to="1921">vols. 1917–1921</citedRange>,'
        + ' <locus from="1r" to="10v">fols. 1r–10v</locus><anchor xml:id="a1"/>cat<anchor xml:id="a2"/>'
        + '<app from="#a1" to="#a2"><rdg wit="#B">dog</rdg></app>, written <date from="1917" to="1921">1917–21</date>.</p>',
    }));
    assert.equal(passages.length, 1);
    assert.deepEqual(passages[0][6], [['', '1917', '1921']]);
  });

  it('searches a sourceDoc\'s lines where the document has no text', async () => {
    const tei = teiText({ title: 'Draft', body: '' }).replace(/<text>[\s\S]*<\/text>/, '<sourceDoc><surface n="1r"><zone>'
      + '<line xml:id="l1">First line of the draft</line><line xml:id="l2">and the second</line></zone></surface></sourceDoc>');
    assert.match(tei, /<sourceDoc>/);
    const { passages } = await searchRecords({ text: tei, file: 'draft.xml' });
    assert.deepEqual(passages.map((p) => [p[0], p[3]]), [['l1', 'First line of the draft'], ['l2', 'and the second']]);
  });
});

/**
 * index: "marks a location to be indexed for whatever purpose" (TEI
 * Guidelines). Its terms are for an index, not the text: printed, the
 * Guidelines' own example reads the name twice. Nothing on the page (but
 * an empty anchor with the entry's xml:id, so that pointers land), in the
 * plain text of either mode, or in the search records.
 */
import { strict as assert } from 'node:assert';
import { toHtml, toText } from '../../src/transform/index.js';
import { teiDoc, type TeiSource } from '../support/tei-doc.js';
import { passageWords } from '../support/records.js';

const doc = (body: string): TeiSource => teiDoc({ file: 'index.xml', title: 'Index', body });

const body = '<p>Josiah ha-Kohen <index indexName="NAMES"><term>Josiah ha-Kohen b. Azarya</term></index> b. Azarya'
  + ' came; <index xml:id="ix-ship"><term>ships</term><index><term>sailing</term></index></index>ships sailed.</p>';
const expected = 'Josiah ha-Kohen b. Azarya came; ships sailed.';

describe('index entries on the page, in the plain text and in the search records', function () {

  it('prints none of its terms on the page, and keeps an anchor where it has an id', async () => {
    const page = await toHtml(doc(body));
    const paragraph = /<p id="para-1"[^>]*>([\s\S]*?)<\/p>/.exec(page)?.[1] ?? '';
    assert.equal(paragraph.replace(/<a class="para-number"[^>]*>[^<]*<\/a>\s*/, '').replace(/<[^>]*>/g, '').replace(/\s+/g, ' '), expected);
    assert.match(paragraph, /came; <span class="tei-index" id="ix-ship"><\/span>ships/);
  });

  it('prints none in the plain text, reading or diplomatic', async () => {
    assert.equal((await toText(doc(body))).trim(), expected);
    assert.equal((await toText(doc(body), { mode: 'diplomatic' })).trim(), expected);
  });

  it('puts none in the search records', async () => {
    assert.deepEqual(await passageWords(doc(body)), [expected]);
  });
});

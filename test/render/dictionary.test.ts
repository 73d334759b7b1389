/**
 * Dictionary entries. The Guidelines encode an entry's parts element against
 * element (<form><orth>cat</orth><pron>kat</pron></form><gramGrp><pos>n</pos>
 * </gramGrp><sense n="1"><def>…</def></sense>), and a print dictionary sets
 * them apart by space and typography. They ran together ("catkatn a small
 * feline"), the senses lost their numbers, and an entry was not a block.
 */
import { strict as assert } from 'node:assert';
import { toHtml, toText } from '../../src/transform/index.js';
import { teiDoc, type TeiSource } from '../support/tei-doc.js';
import { passageWords } from '../support/records.js';

const doc = (body: string): TeiSource => teiDoc({ file: 'dictionary.xml', title: 'Dictionary', body });

const ENTRIES = '<div><entry xml:id="cat"><form type="lemma"><orth>cat</orth><pron>kat</pron></form><gramGrp><pos>n</pos></gramGrp>'
  + '<sense n="1"><def>a small feline</def><cit type="example"><quote>the cat sat</quote></cit></sense>'
  + '<sense n="2)"><usg type="dom">naut.</usg><def>a whip</def></sense><etym>From Old English <mentioned>catt</mentioned>.</etym></entry>'
  + '<entry><form><orth>dog</orth></form><sense><def>a canine</def></sense></entry></div>';

describe('dictionary entries on the page, in the plain text and in the search records', function () {

  it('sets each entry apart and its parts apart, each numbered sense after its number', async () => {
    const page = await toHtml(doc(ENTRIES));
    const entries = [...page.matchAll(/<p class="tei-entry"[^>]*>([\s\S]*?)<\/p>/g)].map(([, inner]) => inner.replace(/<[^>]*>/g, ''));
    assert.deepEqual(entries, [
      'cat kat n 1. a small feline “the cat sat” 2) naut. a whip From Old English catt.',
      'dog a canine',
    ]);
    assert.match(page, /<p class="tei-entry" id="cat">/);
    assert.match(page, /<b class="sense-number">1\.<\/b> <span class="tei-sense">/);
    assert.equal((await toText(doc(ENTRIES))).trim(), entries.join('\n\n'));
  });

  it('indexes each entry as a passage, as the plain text reads it', async () => {
    assert.deepEqual(await passageWords(doc(ENTRIES)), ['cat kat n 1. a small feline “the cat sat” 2) naut. a whip From Old English catt.', 'dog a canine']);
  });
});

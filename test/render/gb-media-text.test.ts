/**
 * Two limits of the plain text (and so of the search records, which read it)
 * left by media-gb.test.ts. gb "marks the beginning of a new gathering or
 * quire" (TEI Guidelines): a page break too, so "word<gb/>word" is two words,
 * as "word<pb/>word" is (a gb with break="no" joins them, as such a pb does);
 * before, they ran together. A media's desc describes the clip: set apart
 * from the sentence around it, as a figure's figDesc is a block of its own;
 * before, it ran on into the words either side.
 */
import { strict as assert } from 'node:assert';
import { toText } from '../../src/transform/index.js';
import { teiDoc, type TeiSource } from '../support/tei-doc.js';
import { passageWords } from '../support/records.js';

const doc = (body: string): TeiSource => teiDoc({ file: 'quires.xml', title: 'Quires', body });

describe('gb and media in the plain text', function () {
  this.timeout(300_000);

  it('parts the words a gathering break stands between, as a page break does', async () => {
    const source = doc('<p>end of the quire<gb n="B"/>next one, end of a page<pb n="2"/>next, half<gb n="C" break="no"/>way.</p>');
    const words = 'end of the quire next one, end of a page next, halfway.';
    assert.equal((await toText(source)).trim(), words);
    assert.equal((await toText(source, { mode: 'diplomatic' })).trim(), words);
    assert.deepEqual(await passageWords(source), [words]);
  });

  it('sets a media\'s description apart from the sentence, as a figure\'s is', async () => {
    const source = doc('<p>Hear<media url="a.mp3" mimeType="audio/mpeg"><desc>The poet reads</desc></media>it now'
      + '<media url="b.mp3" mimeType="audio/mpeg"/>.</p><p>See<figure><graphic url="m.png"/><figDesc>A map</figDesc></figure>it.</p>');
    const text = (await toText(source)).trimEnd().split('\n\n');
    assert.deepEqual(text.slice(0, 1), ['Hear\nThe poet reads\nit now.']);
    assert.deepEqual(text.slice(1), ['See', 'A map', 'it.'], 'a figure\'s description, a block of its own');
    for (const passage of await passageWords(source)) assert.doesNotMatch(String(passage), /HearThe|readsit/);
  });
});

/**
 * am: "contains a sequence of letters or signs present in an abbreviation which are omitted or replaced in the
 * expanded form"; ex: "contains a sequence of letters added by an editor or transcriber when expanding an
 * abbreviation" (TEI Guidelines). The reading view drops a mark only for the ex of its own word
 * (samizdat:am-expanded, abbreviation-marks.test.ts). Finding that word compared the place of every sibling of
 * the mark with the white space around it: each mark cost the length of its paragraph, a paragraph of 300
 * marks about three times as much as the rest of its page. Now the word is walked from the mark to the white
 * space: the same words, each mark the cost of its word (measured by ms41, CPU of toHtml, old and new builds in
 * turn in one process: 300 pairs 1386 → 438 ms, 600 pairs 4296 → 698 ms). Held here: a long paragraph reads as
 * before, and a word longer than the walk, written without spaces, is still one word. Its cost is not timed
 * here: speed is measured by the bench, not by timed unit tests.
 */
import { strict as assert } from 'node:assert';
import { toText } from '../../src/transform/index.js';
import { teiDoc, type TeiSource } from '../support/tei-doc.js';

const doc = (body: string): TeiSource => teiDoc({ file: 'marks.xml', title: 'Marks', body });
// An expanded word ("D~omi-nus" reads "Dominus"), then one with no expansion ("Bp̃" keeps its mark).
const pair = 'D<am>~</am><ex>omi</ex>nus Bp<am>\u0303</am> ';
const paragraph = (pairs: number): TeiSource => doc(`<p>${pair.repeat(pairs)}</p>`);

describe('abbreviation marks in a long paragraph', function () {
  this.timeout(600_000);

  it('drops the marks of the expanded words only, 300 pairs of words on', async () => {
    const source = paragraph(300);
    assert.equal((await toText(source)).trim(), 'Dominus Bp\u0303 '.repeat(300).trim());
    assert.equal((await toText(source, { mode: 'diplomatic' })).trim(), 'D~nus Bp\u0303 '.repeat(300).trim());
  });

  it('finds the expansion of a word longer than the walk, written without spaces', async () => {
    const letters = 'a<hi>b</hi>'.repeat(40);
    assert.equal((await toText(doc(`<p>D<am>~</am>${letters}<ex>omi</ex>nus and D<am>~</am>${letters} too</p>`))).trim(),
      `D${'ab'.repeat(40)}ominus and D~${'ab'.repeat(40)} too`);
  });
});

/**
 * A stage direction amid the words of a verse line or a speech's paragraph,
 * set against the next (or the last) word with no white space in the encoding
 * (`<stage>(rising)</stage>with`): the plain text read "(rising)with", the
 * page (the stage an inline span there) the same. Both now put one space
 * between the stage and a word, none before punctuation that follows it.
 */
import { strict as assert } from 'node:assert';
import { toHtml, toText } from '../../src/transform/index.js';
import { teiDoc, type TeiSource } from '../support/tei-doc.js';
import { passageWords } from '../support/records.js';

const doc = (body: string): TeiSource => teiDoc({ file: 'stage.xml', title: 'Stage', body });

const body = '<sp><speaker>HERMIA</speaker><l><stage>(rising)</stage>with you, O me!<stage>To Helena</stage>you juggler</l>'
  + '<l>Away<stage>(She exits.)</stage>, and <stage>aside</stage>farewell.</l>'
  + '<p>Prose<stage>(Sits.)</stage>and more.</p></sp>';
const lines = ['(rising) with you, O me! (To Helena) you juggler', 'Away (She exits.), and (aside) farewell.', 'Prose (Sits.) and more.'];

describe('a stage direction set against a word', function () {
  this.timeout(300_000);

  it('is a word apart in the plain text and the search records, none before punctuation', async () => {
    assert.equal((await toText(doc(body))).trim(), ['HERMIA', ...lines].join('\n\n'));
    assert.deepEqual((await passageWords(doc(body))).filter((t) => t !== 'HERMIA'), lines);
  });

  it('is a word apart on the page, in the line (inline), none before punctuation', async () => {
    const page = await toHtml(doc(body));
    const shown = [...page.matchAll(/<p id="[^"]*" class="tei-(?:l|p)\b[^"]*"[^>]*>([\s\S]*?)<\/p>/g)]
      .map((m) => m[1].replace(/<a class="para-number"[^>]*>[^<]*<\/a>/, '').replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim());
    assert.deepEqual(shown, ['(rising) with you, O me! To Helena you juggler', 'Away (She exits.), and aside farewell.', 'Prose (Sits.) and more.']);
    assert.match(page, /<span class="tei-stage in-sentence">\(rising\)<\/span> with/);
  });
});

/**
 * The transcription table (xslt/common/transcr.xsl, docs/rendering.md) in the
 * plain texts: for each phenomenon of test/fixtures/render/transcription.xml,
 * the line the reading text and the diplomatic text give, as the table
 * defines them (Leiden marks: [lost] ⟨omitted⟩ {superfluous} ⟦deleted⟧
 * \above/ /below\ ⸌margin⸍).
 */
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { toText } from '../../src/transform/index.js';
import { repoRoot } from '../support/paths.js';

const fixture = join(repoRoot, 'test', 'fixtures', 'render', 'transcription.xml');

/** Paragraph (by its first words) → [reading, diplomatic]. */
const expected: [string, string, string][] = [
  ['additions', 'The ancient mill stood by the willow stream yonder.', 'The \\ancient/ mill stood by the /willow\\ stream ⸌yonder⸍.'],
  ['deletions', 'He was weary and famished.', 'He was ⟦exceedingly⟧ weary and ⟦furious⟧ famished.'],
  ['substitutions', 'She wrote a postcard to her mother.', 'She wrote a ⟦letter⟧\\postcard/ to her mother.'],
  ['mod, restore, retrace', 'The byre was cold; the lantern was lit; a firmly inked word.', 'The ⟦barn⟧\\byre/ was cold; the ⟦lantern⟧ was lit; a firmly inked word.'],
  ['supplied', 'The [gar]den wall was ⟨not⟩ mended.', 'The […]den wall was mended.'],
  ['unclear', 'We sailed from Rotterdam(?) past the lighthouse.', 'We sailed from Rotterdam(?) past the lighthouse.'],
  ['damage', 'The page is sodden here.', 'The page is sodden here.'],
  ['gap', 'Then [… 3 words] and [… half a line] after.', 'Then [… 3 words] and [… half a line] after.'],
  ['space', 'A blank was left.', 'A blank [vac. 4 characters] was left.'],
  ['sic and corr', 'I beleive [sic] you ⟨were⟩ right to receive him.', 'I beleive you ⟨were⟩ right to recieve him.'],
  ['abbr, expan, am, ex', 'Ask Reverend Jones and Doctor Price; Bp\u0303 and dominus, also scilicet.', 'Ask Revd Jones and Dr Price; Bp\u0303 and dn\u0304s, also sc.'],
  ['orig and reg', 'The color of the shop.', 'The colour of the shoppe.'],
  ['surplus and secl', 'Go to to {to} town; ⸨a wandering phrase⸩ stays.', 'Go to to to town; a wandering phrase stays.'],
  ['handShift and metamark', 'Pencilled postscript here.', '[hand: B] Pencilled postscript ⁁ here.'],
  ['choice of two readings', 'Either hall (or hull) will do.', 'Either hall (or hull) will do.'],
];

describe('transcription in the plain texts (the table of docs/rendering.md)', () => {
  let reading: string[];
  let diplomatic: string[];
  before(async () => {
    reading = (await toText(fixture)).trimEnd().split('\n\n');
    diplomatic = (await toText(fixture, { mode: 'diplomatic' })).trimEnd().split('\n\n');
  });

  it('gives one block per paragraph in both views', () => {
    assert.equal(reading.length, expected.length);
    assert.equal(diplomatic.length, expected.length);
  });

  expected.forEach(([what, read, diplo], i) => {
    it(`${what}: reading and diplomatic`, () => {
      assert.equal(reading[i], read);
      assert.equal(diplomatic[i], diplo);
    });
  });

  it('the reading text leaves every deletion out', () => {
    for (const deleted of ['exceedingly', 'furious', 'letter', 'barn']) assert.ok(!reading.join(' ').includes(deleted), deleted);
  });

  it('never runs a substitution\'s deletion and addition together', () => {
    assert.ok(!/letterpostcard|postcardletter/.test(reading.join(' ') + diplomatic.join(' ')));
  });
});

/**
 * A line break within a word in a witness's text. TEI: lb "marks the beginning of a new (typographic) line";
 * @break "indicates whether or not the element bounds a word", break="no" that it does not: the words on either side
 * are one word. The Guidelines' hyphenation example ("tea-<lb break="no"/>pot") is of a hyphen the source printed at
 * the line's end, which "is not, in this case, part of the word, but just a signal that the word continues"; and
 * they note that whether "tea-pot" or "teapot" was meant cannot be told from it. So a plain "-" before the lb is kept
 * (it may be the word's own: removing it could make "teapot" of a "tea-pot"); a soft hyphen (U+00AD), or a hyphen
 * the lb's @rend also records as the break's, is the signal and is left out (common/transcr.xsl, as in the edited
 * text since stop 41). The edited text, its search record and the witness pages joined the word; a witness's plain
 * text did not: "some\u00ADthing", "hy-phen", "exam ple" (the file's newline before the lb read as a space), and
 * the diplomatic one printed the hyphen twice ("hy--"). Now every view of a witness joins as the edited text does.
 */
import { strict as assert } from 'node:assert';
import { compileStylesheet, teiSource, toText, transformSource, HTML_STYLESHEET } from '../../src/transform/index.js';
import { teiDoc } from '../support/tei-doc.js';
import { searchRecords } from '../support/records.js';

const doc = teiDoc({
  file: 'lb-witness.xml',
  title: 'Witness breaks',
  header: '<encodingDesc><variantEncoding method="parallel-segmentation" location="internal"/></encodingDesc>',
  body: '<listWit><witness xml:id="A">A</witness><witness xml:id="B">B</witness></listWit>'
    + '<p>The <app><rdg wit="#A">sil<lb break="no"/>ver</rdg><rdg wit="#B">gol<lb break="no"/>den</rdg></app> some\u00AD<lb break="no"/>thing,'
    + ' hy-<lb break="no" rend="hyphen"/>phen, tea-<lb break="no"/>pot, exam\n  <lb break="no"/>ple <lb/>end.</p>',
});
const words = (reading: string): string => `The ${reading} something, hyphen, tea-pot, example end.`;

describe('a line break within a word, in a witness’s text', function () {
  this.timeout(300_000);

  it('is joined in the witness’s plain text, the soft and the marked hyphen left out, the plain one kept', async () => {
    assert.equal(await toText(doc, { witness: 'A' }), `${words('silver')}\n`);
    assert.equal(await toText(doc, { witness: 'B' }), `${words('golden')}\n`);
  });

  it('breaks the line once, after one hyphen, in the witness’s diplomatic text', async () => {
    assert.equal(await toText(doc, { witness: 'B', mode: 'diplomatic' }), 'The gol\nden some-\nthing, hy-\nphen, tea-\npot, exam\nple\nend.\n');
  });

  it('reads alike on the witness pages and in the search record of the edited text', async () => {
    const html = await compileStylesheet(HTML_STYLESHEET);
    const { results } = transformSource(html, teiSource(doc.text, doc.file), { params: { output: 'page+entities' } });
    const reading = (page: string): string => (/<p id="para-1"[^>]*>([\s\S]*?)<\/p>/.exec(page)?.[1] ?? '')
      .replace(/<a class="para-number"[^>]*>[^<]*<\/a>\s*|<a class="app-callout"[\s\S]*?<\/a>/g, '')
      .replace(/<span class="[^"]*\bview-diplomatic\b[^"]*">(?:<span class="mark">[^<]*<\/span>)?<br ?\/><\/span>/g, '')
      .replace(/<br ?\/>/g, '').replace(/<[^>]*>/g, '');
    assert.equal(reading(results['witness-A.html']), words('silver'));
    assert.equal(reading(results['witness-B.html']), words('golden'));
    const json = await searchRecords(doc);
    assert.deepEqual(json.passages.map((p) => [p[3], p[4]]), [[words('silver'), ['golden']]]);
  });
});

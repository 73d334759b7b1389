/**
 * A span's annotation in a witness's plain text (`samizdat text --witness W`), as on the witness's page.
 *
 * span "associates an interpretative annotation directly with a span of text" (TEI Guidelines 17.3): the words its
 * @target or @from names. rdg "contains a single reading within a textual variant"; rdgGrp "groups two or more
 * readings perceived to have a genetic or other relationship" and stands in an app (or another rdgGrp). A witness's
 * text reads every app of a parallel-segmentation apparatus as that witness has it, and has no apparatus.
 *
 * Before: the witness's plain text left every annotation out, while the witness's page showed them (stop 44).
 * Now, as on that page: the same letter (the edition's) after the same words, those of the witness's own reading
 * included (in an rdgGrp too); none after words the witness does not read; the "Annotations" list after the text,
 * every annotation in it with its letter (one on a reading the witness lacks as well: the page shows it, at the
 * call-out). A witness's text with no annotation has no list (guard).
 */
import { strict as assert } from 'node:assert';
import { toText } from '../../src/transform/index.js';
import { teiDoc, type TeiSource } from '../support/tei-doc.js';

const doc = (body: string): TeiSource => teiDoc({
  file: 'witness-annotated.xml', title: 'Witness annotated',
  header: '<encodingDesc><variantEncoding method="parallel-segmentation" location="internal"/></encodingDesc>',
  body: '<listWit><witness xml:id="A">Oxford</witness><witness xml:id="B">Bern</witness></listWit>' + body,
});
const witnessLines = async (source: TeiSource, witness: string): Promise<string[]> => (await toText(source, { witness })).trim().split('\n\n');

describe('a span\'s annotation in a witness\'s plain text', function () {
  this.timeout(300_000);

  const source = doc('<p><seg xml:id="f">First</seg> he <app><lem wit="#A"><seg xml:id="l">wrote</seg></lem><rdg wit="#B"><seg xml:id="r1">said</seg></rdg></app> it.</p>'
    + '<p>Then <app><lem wit="#A">left</lem><rdgGrp><rdg wit="#B"><seg xml:id="g1">went</seg></rdg></rdgGrp></app> home.</p>'
    + '<spanGrp><span target="#r1">a slip</span><span target="#l">in pencil</span><span target="#f">capital</span>'
    + '<span type="gloss" target="#g1">grouped</span><span>a general remark</span></spanGrp>');
  const list = ['Annotations', 'a. capital', 'b. in pencil', 'c. a slip', 'd. gloss: grouped', 'e. a general remark'];

  it('the witness that reads the variants: their letters after its words, in an rdgGrp too; every annotation listed', async () => {
    assert.deepEqual(await witnessLines(source, 'B'), ['First[^a] he said[^c] it.', 'Then went[^d] home.', ...list]);
  });

  it('the witness that reads the lemma: its letters, none for readings it lacks, whose annotations are still listed', async () => {
    assert.deepEqual(await witnessLines(source, 'A'), ['First[^a] he wrote[^b] it.', 'Then left home.', ...list]);
    // The edition's text gives the same letters (the variants' in the apparatus).
    assert.deepEqual((await toText(source)).trim().split('\n\n').slice(0, 4), ['First[^a] he wrote[^b] it.', 'Then left home.', 'Apparatus criticus', '1 wrote] A; said[^c] B.']);
  });

  it('guard: a witness\'s text with no annotation has no list', async () => {
    const plain = doc('<p>He <app><lem wit="#A">wrote</lem><rdg wit="#B">said</rdg></app> it<note>A note.</note>.</p>');
    assert.deepEqual(await witnessLines(plain, 'B'), ['He said it[1].', '[1] A note.']);
  });
});

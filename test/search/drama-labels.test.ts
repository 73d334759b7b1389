/**
 * A play's labels in the search records. A prologue, an epilogue or a setting (set: "a description of the
 * setting, time, locale, appearance, etc., of the action of a play", TEI Guidelines) without a head begins, on
 * the page and in the plain text, with the label Prologue, Epilogue or Setting (samizdat:drama-label); the
 * search records, walked apart from the plain text's blocks, left it out, and a reader searching "Prologue"
 * found nothing. The label is now a passage of its own, anchored where the page puts the prologue.
 */
import { strict as assert } from 'node:assert';
import { compileStylesheet, runStylesheet, teiSource, toHtml, toText, type CompiledStylesheet } from '../../src/transform/index.js';
import { RECORDS_STYLESHEET } from '../../src/search/index.js';
import { pageIds, readDocumentPassages } from '../../src/search/passages.js';
import { teiDoc } from '../support/tei-doc.js';

const FRONT = '<set><p>Verona and Mantua.</p></set>';
const BODY = '<div type="prologue"><prologue xml:id="pro"><sp who="#chorus"><speaker>Chorus</speaker><l>Two households, both alike in dignity,</l></sp></prologue></div>'
  + '<div type="act"><head>Act 1</head><sp who="#romeo"><speaker>Romeo</speaker><l>I read: <writing type="letter">Come at once.</writing> So be it.</l></sp>'
  + '<epilogue><p>Our play is done.</p></epilogue></div>'
  + '<div><epilogue><head>The Epilogue, spoken by Puck</head><p>If we shadows have offended,</p></epilogue></div>';

describe('search: a play\'s prologue, epilogue and setting labels', function () {
  let records: CompiledStylesheet;
  before(async () => {
    records = await compileStylesheet(RECORDS_STYLESHEET);
  });

  const doc = teiDoc({ file: 'play.xml', title: 'Play', body: BODY, front: FRONT });

  it('has a passage for each label, where the plain text has it, and none for a headed epilogue', async () => {
    const json = String(runStylesheet(records, teiSource(doc.text, doc.file)));
    const raw = (JSON.parse(json) as { passages: unknown[][] }).passages;
    const text = (await toText(doc)).trim().split('\n\n');
    assert.deepEqual(raw.map((p) => p[3]), text, 'the records\' texts are the plain text\'s blocks');
    assert.deepEqual(raw.filter((p) => ['Setting', 'Prologue', 'Epilogue'].includes(String(p[3]))).map((p) => [p[3], p[0], p[7]]),
      [['Setting', '', ''], ['Prologue', 'pro', ''], ['Epilogue', '', 'Act 1']]);
    // The passages a reader finds: the label with the prologue's words, at the prologue's id on the page.
    const page = await toHtml(doc);
    const { passages } = readDocumentPassages(json, pageIds(page));
    assert.deepEqual(passages.filter((p) => /\b(Prologue|Setting)\b/.test(p.text)).map((p) => [p.text, p.target]),
      [['Setting', ''], ['Prologue Chorus Two households, both alike in dignity,', 'pro']]);
  });
});

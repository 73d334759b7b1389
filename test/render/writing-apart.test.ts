/**
 * writing: "a passage of written text revealed to participants in the course of a spoken text" (TEI
 * Guidelines): a letter read out, a scroll. Standing in a speech beside the speaker's words, the page sets it
 * apart as a block (samizdat.css: a writing that is a child of sp, div, lg …); the plain text and the search
 * records ran it into the speech ("reads To the unknown beloved soft!"). They set it apart now, a block of its
 * own as they set a block quotation; a writing within a line keeps its place in the line, as on the page.
 */
import { strict as assert } from 'node:assert';
import { compileStylesheet, runStylesheet, teiSource, toHtml, toText, type CompiledStylesheet } from '../../src/transform/index.js';
import { RECORDS_STYLESHEET } from '../../src/search/index.js';
import { teiDoc } from '../support/tei-doc.js';

const BODY = '<div type="act"><sp><speaker>Malvolio</speaker>reads <writing type="letter">To the unknown beloved</writing> soft!</sp>'
  + '<sp><speaker>Romeo</speaker><l>I read: <writing>Come at once.</writing> So be it.</l></sp>'
  + '<writing>A sign</writing></div>';
const doc = teiDoc({ file: 'writing.xml', title: 'Writing', body: BODY });
const EXPECTED = ['Malvolio', 'reads', 'To the unknown beloved', 'soft!', 'Romeo', 'I read: Come at once. So be it.', 'A sign'];

describe('writing in a speech set apart as on the page', function () {
  let records: CompiledStylesheet;
  before(async () => {
    records = await compileStylesheet(RECORDS_STYLESHEET);
  });

  it('the page makes a block of the writing in the speech, not of the one in the line', async () => {
    const page = await toHtml(doc);
    assert.match(page, /<div class="tei-sp"><p class="tei-speaker">Malvolio<\/p>reads <span class="tei-writing rend-letter">To the unknown beloved<\/span> soft!<\/div>/);
    assert.match(page, /I read: <span class="tei-writing">Come at once\.<\/span> So be it\.<\/p>/);
  });

  it('in the plain text, a block of its own', async () => {
    assert.deepEqual((await toText(doc)).trim().split('\n\n'), EXPECTED);
  });

  it('in the search records, a passage of its own', () => {
    const raw = (JSON.parse(String(runStylesheet(records, teiSource(doc.text, doc.file)))) as { passages: unknown[][] }).passages;
    assert.deepEqual(raw.map((p) => p[3]), EXPECTED);
  });
});

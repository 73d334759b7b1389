/**
 * A figure's description in the search passages. A figure may stand inside a sentence (a paragraph holds it
 * between two words), and its description (figDesc: "a brief description of the appearance or content of a
 * graphic figure", TEI) is not words of that sentence. The passage gave "SeeA mapit." where the encoding puts
 * no white space around the figure, so neither "See" nor "it" nor "map" could be found as a word.
 */
import { strict as assert } from 'node:assert';
import { compileStylesheet, runStylesheet, teiSource, toText, type CompiledStylesheet } from '../../src/transform/index.js';
import { RECORDS_STYLESHEET } from '../../src/search/index.js';
import { readDocumentPassages } from '../../src/search/passages.js';
import { teiText } from '../support/tei-doc.js';

describe('search: a figure within a sentence', function () {
  let records: CompiledStylesheet;
  before(async () => {
    records = await compileStylesheet(RECORDS_STYLESHEET);
  });

  const text = teiText({ body: '<p xml:id="p1">See<figure><graphic url="a.png"/><figDesc>A map</figDesc></figure>it, and'
    + '<figure><head>Fig. 1</head><figDesc>Plan</figDesc></figure>here.</p>' });

  it('keeps the description apart from the words around it', () => {
    const { passages } = readDocumentPassages(String(runStylesheet(records, teiSource(text, 'figures.xml'))), new Set(['p1']));
    assert.equal(passages.length, 1);
    assert.equal(passages[0].text, 'See A map it, and Fig. 1 Plan here.');
  });

  it('leaves the plain text as it was: the figure a block of its own', async () => {
    assert.equal(await toText({ file: 'figures.xml', text }), 'See\n\nA map\n\nit, and\n\nFig. 1\n\nPlan\n\nhere.\n');
  });
});

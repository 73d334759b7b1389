/**
 * divGen "indicates the location at which a textual division generated
 * automatically by a text-processing application is to appear" (TEI
 * Guidelines); type="index" asks for an index there. The edition's index is
 * the entity index the build generates: the page points to it where the
 * divGen stands (an empty span before), under the divGen's head or "Index";
 * the plain text has nothing for it.
 */
import { strict as assert } from 'node:assert';
import { toHtml, toText } from '../../src/transform/index.js';
import { teiDoc, type TeiSource } from '../support/tei-doc.js';

const doc = (back: string): TeiSource => teiDoc({ file: 'index.xml', title: 'Index',
  body: '<div><p>Text.</p></div>' + back });

describe('divGen type="index": a pointer to the entity index where the encoding puts it', function () {

  it('links the entity index, under the divGen\'s head or "Index"', async () => {
    const page = await toHtml(doc('<divGen type="index"/>'));
    assert.match(page, /<p class="tei-divGen rend-index index-pointer"><a href="\.\.\/entities\/index\.html">Index<\/a><\/p>/);
    const headed = await toHtml(doc('<divGen type="index"><head>Index of <hi>names</hi></head></divGen>'));
    assert.match(headed, /<p class="tei-divGen rend-index index-pointer"><a href="\.\.\/entities\/index\.html">Index of <span class="tei-hi[^"]*">names<\/span><\/a><\/p>/);
  });

  it('gives nothing to the plain text', async () => {
    assert.equal((await toText(doc('<divGen type="index"><head>Index of names</head></divGen>'))).trim(), 'Text.');
  });
});

/**
 * samizdat's stylesheets are XSLT 3.0, not saxon-js dialect: Saxon-HE (Java),
 * the reference processor, runs them and gives the same page and the same
 * plain text as saxon-js, on the flagship and on other people's TEI (a
 * novel, a play, a TEI P4 document, hostile content). The only difference
 * allowed is how an empty element's tag is closed (`<br />` or `<br/>`),
 * which the two serializers write differently and browsers read alike.
 */
import { strict as assert } from 'node:assert';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HTML_STYLESHEET, TEXT_STYLESHEET, toHtml, toText } from '../../src/transform/index.js';
import { requireSaxonJava, saxonJavaTransform } from '../support/saxon-java.js';
import { corporaDir } from '../support/paths.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const corpora = corporaDir;

const documents: { file: string; registers: string }[] = [
  { file: join(root, 'tei', '1923-opposition-ch01.xml'), registers: 'register.xml' },
  { file: join(corpora, 'eltec', 'ELTeC-eng', 'level1', 'ENG18652_Carroll.xml'), registers: '' },
  { file: join(corpora, 'shakedracor', 'tei', 'the-tempest.xml'), registers: '' },
  { file: join(root, 'test', 'fixtures', 'entities', 'edition', 'cartulary.xml'), registers: 'register.xml' },
  { file: join(corpora, 'tei-stylesheets-tests', 'testp4.xml'), registers: '' },
  { file: join(root, 'test', 'fixtures', 'build', 'injection', 'attack.xml'), registers: '' },
  // The critical apparatus in its three methods (xslt/common/apparatus.xsl, textcrit.xsl).
  ...['parallel/wbp-parallel.xml', 'location/wbp-location.xml', 'double-end-point/wbp-inline.xml']
    .map((fixture) => ({ file: join(root, 'test', 'fixtures', 'textcrit', fixture), registers: '' })),
];

/** Both serializers' output with empty-element tags written one way. */
const sameTags = (html: string) => html.replace(/ \/>/g, '/>').replace(/^<!DOCTYPE html>\n/, '<!DOCTYPE html>');

describe('the stylesheets under Saxon-HE (Java), the reference XSLT 3.0 processor', function () {
  before(function () { requireSaxonJava(this); });

  for (const { file, registers } of documents) {
    const name = file.split('/').pop();
    it(`${name}: the same page as saxon-js`, async () => {
      const params = { registers, 'text-href': 'x.txt' };
      const java = saxonJavaTransform(HTML_STYLESHEET, file, params);
      const js = await toHtml(file, { params });
      assert.equal(sameTags(js), sameTags(java));
    });
  }

  for (const mode of ['reading', 'diplomatic'] as const) {
    it(`1923-opposition-ch01.xml: the same ${mode} text as saxon-js`, async () => {
      const file = documents[0].file;
      assert.equal(await toText(file, { mode }), saxonJavaTransform(TEXT_STYLESHEET, file, { mode }));
    });
  }

  it('wbp-parallel.xml: the same apparatus and the same witness text as saxon-js', async () => {
    const file = join(root, 'test', 'fixtures', 'textcrit', 'parallel', 'wbp-parallel.xml');
    assert.equal(await toText(file), saxonJavaTransform(TEXT_STYLESHEET, file, {}));
    assert.equal(await toText(file, { witness: 'Ra2' }), saxonJavaTransform(TEXT_STYLESHEET, file, { witness: 'Ra2' }));
  });
});

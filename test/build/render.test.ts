/**
 * A document's render (build/render.ts) parses it once for the page, the
 * plain text and the search records, from the text the reading layer found
 * well-formed: its tree is built without saxon-js's own parser
 * (transform/checked-tree.ts). What it publishes must be what saxon-js's
 * parser gives, byte for byte, on the repository's documents: the
 * flagship, real TEI of others, a document with a DOCTYPE whose entities
 * the reading layer expands.
 */
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { renderDocument, type DocumentStylesheets, type RenderRequest, type RenderedDocument } from '../../src/build/render.js';
import { RECORDS_STYLESHEET } from '../../src/search/index.js';
import { HTML_STYLESHEET, TEXT_STYLESHEET, compileStylesheet, parseCheckedSource, parseSource, sourceOf } from '../../src/transform/index.js';
import { saxon } from '../../src/transform/saxon.js';
import { readXml, readingLimits } from '../../src/xml/index.js';
import { corporaDir, repoRoot } from '../support/paths.js';

const DOCUMENTS = [
  join(repoRoot, 'tei', '1923-opposition-ch01.xml'),
  join(corporaDir, 'shakedracor', 'tei', 'the-tempest.xml'),
  join(corporaDir, 'tei-stylesheets-tests', 'test6.xml'),
  join(corporaDir, 'tei-stylesheets-tests', 'testp4.xml'),
  join(repoRoot, 'test', 'fixtures', 'validate', 'internal-entity.xml'),
];

/** Everything a render gives, as comparable values. */
function published(rendered: RenderedDocument): unknown {
  const values = (map: Map<string, string | Uint8Array>) => [...map].map(([path, content]) => [path, Buffer.from(content).toString('base64')]);
  return { ...rendered, files: values(rendered.files), data: values(rendered.data) };
}

describe('rendering a document for the build', () => {
  let stylesheets: DocumentStylesheets;
  before(async () => {
    const [html, text, records] = await Promise.all([HTML_STYLESHEET, TEXT_STYLESHEET, RECORDS_STYLESHEET].map((path) => compileStylesheet(path)));
    stylesheets = { html, text, records };
    // The checked trees' hand-over is set up on saxon-js's platform by the first of them: before the tests wrap its parser below.
    await parseCheckedSource({ file: 'first.xml', text: '<first/>', baseUri: 'file:///first.xml' });
  });

  for (const file of DOCUMENTS) {
    it(`publishes from the checked tree what saxon-js's parser gives: ${file.slice(repoRoot.length + 1)}`, async () => {
      const limits = readingLimits();
      const read = await readXml(file, limits);
      assert.ok(read.ok, file);
      const source = sourceOf(read.document, limits);
      const request: RenderRequest = {
        file, name: 'doc', textModes: ['reading', 'diplomatic'], citations: false, limits, search: true,
        params: { images: '', registers: '', 'text-href': 'doc.txt', 'edition-title': 'Edition', 'search-href': '../search/index.html' },
      };
      // What saxon-js's parser is given while the build renders: never the document's text.
      const platform = saxon().getPlatform() as unknown as { parseXmlFromString(text: string, ...rest: unknown[]): unknown };
      const parse = platform.parseXmlFromString;
      const parsedTexts: string[] = [];
      platform.parseXmlFromString = function (this: unknown, text: string, ...rest: unknown[]) {
        parsedTexts.push(text);
        return parse.call(this, text, ...rest);
      };
      let checked: RenderedDocument;
      try {
        checked = await renderDocument(source, request, stylesheets);
      } finally {
        platform.parseXmlFromString = parse;
      }
      assert.ok(!parsedTexts.includes(source.text), 'saxon-js did not parse the text itself');
      const bySaxon = await renderDocument(source, request, stylesheets, undefined, parseSource);
      assert.deepEqual(published(checked), published(bySaxon));
    });
  }
});

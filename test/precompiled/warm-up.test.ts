/**
 * The warm-up saxon-js's code cache is made after (precompiled/warm-up.ts):
 * it runs samizdat's page, plain text, search records and edition rules over
 * the sample that `samizdat init` writes, on the saxon-js instance it is
 * given, not on the one samizdat loads; and a transform on another instance
 * refuses to limit reads, which only samizdat's own instance can do.
 */
import { strict as assert } from 'node:assert';
import { pathToFileURL } from 'node:url';
import { WARM_UP_DOCUMENT, saxonWarmUp } from '../../src/precompiled/warm-up.js';
import { DEFAULT_XSLT_CACHE_DIR, HTML_STYLESHEET, compileStylesheet, loadXsltRuntime, transformSource } from '../../src/transform/index.js';
import type { SaxonApi, SaxonTransformOptions } from '../../src/transform/saxon.js';

/** saxon-js behind a runtime that notes each transform it is asked for. */
function notingRuntime(): { runtime: SaxonApi; runs: SaxonTransformOptions[] } {
  const runs: SaxonTransformOptions[] = [];
  const real = loadXsltRuntime();
  return { runs, runtime: { ...real, transform: (options) => { runs.push(options); return real.transform(options); } } };
}

describe('precompiled: the warm-up of saxon-js\'s code cache', () => {
  it('runs the page, the plain text, the search records and the edition rules over the sample, on the runtime given', async () => {
    const warmUp = await saxonWarmUp(DEFAULT_XSLT_CACHE_DIR);
    const { runtime, runs } = notingRuntime();
    warmUp(runtime);
    assert.equal(runs.length, 4);
    assert.ok(runs.every((run) => run.sourceBaseURI === pathToFileURL(WARM_UP_DOCUMENT).href && /<TEI\b/.test(run.sourceText ?? '')));
    assert.deepEqual(runs.slice(0, 3).map((run) => run.stylesheetParams), [{ output: 'page+entities' }, { mode: 'reading' }, {}]);
  });

  it('refuses to limit reads on a runtime other than samizdat\'s own', async () => {
    const stylesheet = await compileStylesheet(HTML_STYLESHEET, { cacheDir: DEFAULT_XSLT_CACHE_DIR });
    const { runtime, runs } = notingRuntime();
    const source = { file: 'a.xml', text: '<TEI xmlns="http://www.tei-c.org/ns/1.0"/>', baseUri: 'file:///a.xml' };
    assert.throws(() => transformSource(stylesheet, source, { runtime, readable: new Set() }), /own saxon-js/);
    assert.equal(runs.length, 0);
  });
});

/**
 * The site stylesheet loaded ahead: while the render thread renders the documents that changed, the build's
 * own thread loads saxon-js and the site stylesheet (`siteStylesheetAhead`), and the edition-wide pages render
 * with that stylesheet instead of loading it after the render. The output stays what a cold build writes
 * (incremental.test.ts, "after a change of the words around a name", takes this path: two threads, one
 * document changed).
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BuildCache } from '../../src/build/cache.js';
import type { EditionEntities } from '../../src/build/entities.js';
import { siteStylesheetAhead, sitePages } from '../../src/build/site.js';
import { diagnostic } from '../../src/diagnostics.js';
import { SITE_STYLESHEET, TransformProblem, stylesheetKey, type CompiledStylesheet } from '../../src/transform/index.js';

describe('the site stylesheet loaded ahead of the edition-wide pages', function () {
  const scratch = mkdtempSync(join(tmpdir(), 'samizdat-site-ahead-'));
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('is loaded on a later turn of the event loop, not in the call', async () => {
    let settled = false;
    const ahead = siteStylesheetAhead({ cacheDir: false });
    void ahead.then(() => { settled = true; });
    await Promise.resolve();
    assert.equal(settled, false, 'loading saxon-js is synchronous: the caller goes on first');
    const stylesheet = await ahead;
    assert.equal(stylesheet.key, await stylesheetKey(SITE_STYLESHEET));
  });

  it('is the stylesheet the pages render with when the build gives it', async () => {
    // A stylesheet that fails in a way no compile of the site stylesheet would: the pages must have used it.
    const given = Promise.reject(new TransformProblem(diagnostic('error', 'xslt-compile', 'the stylesheet given ahead', { file: SITE_STYLESHEET })));
    given.catch(() => undefined);
    const entities = { catalogue: { entries: () => [] }, index: { pages: [] }, key: 'no entities' } as unknown as EditionEntities;
    const cache = new BuildCache(join(scratch, 'dist'), join(scratch, 'cache'));
    await assert.rejects(
      sitePages([], entities, { cache, format: 'test', siteKey: 'site', editionTitle: 'Documents', searchHref: '', compile: { cacheDir: false }, stylesheet: given as Promise<CompiledStylesheet> }),
      /the stylesheet given ahead/,
    );
  });

  it('without one, the pages compile the site stylesheet themselves', async () => {
    const entities = { catalogue: { entries: () => [] }, index: { pages: [] }, key: 'no entities' } as unknown as EditionEntities;
    const cache = new BuildCache(join(scratch, 'dist-own'), join(scratch, 'cache-own'));
    const site = await sitePages([], entities, { cache, format: 'test', siteKey: 'site', editionTitle: 'Documents', searchHref: '', compile: { cacheDir: false } });
    assert.deepEqual(site.rendered, ['index.html', 'samizdat.css']);
  });
});

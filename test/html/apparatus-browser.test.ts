/**
 * The critical apparatus as a reader uses it, in headless Chromium, on an
 * edition built from the apparatus fixtures (all three linking methods, an
 * apparatus in another file, nested entries):
 *
 * - axe-core finds no violations on the pages and on a witness's page;
 * - the text shows the lemma, the apparatus under it reads
 *   "N lemma] sigla; reading sigla", the witness list "siglum — description";
 * - every link of every page leads to something that exists (call-outs,
 *   entries, sigla, witness pages);
 * - with JavaScript off, a keyboard user tabs to a call-out, follows it to
 *   its entry, tabs on to the entry's number and follows it back;
 * - a witness's page shows that witness's text, lacuna marked;
 * - on a phone nothing scrolls sideways.
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { inBrowser, noAxeViolations, withoutJavaScript } from '../support/browser.js';
import { repoRoot } from '../support/paths.js';

const parallel = 'wbp-parallel/index.html';

describe('the critical apparatus in a browser', function () {
  const edition = inBrowser((out, scratch) => {
    const tei = join(scratch, 'tei');
    cpSync(join(repoRoot, 'test', 'fixtures', 'textcrit'), tei, { recursive: true });
    execFileSync(process.execPath, [join(repoRoot, 'bin', 'samizdat.js'), 'build', tei, '--out', out, '--cache-dir', join(scratch, 'cache')], { cwd: scratch, stdio: 'pipe' });
  }, parallel);
  let browser: Browser;
  let site: string;
  let page: Page;
  let pages: string[] = [];
  before(() => {
    pages = readdirSync(edition.out, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).sort();
  });
  beforeEach(() => ({ browser, site, page } = edition));

  it('builds a page for every document and for every witness of the parallel-segmentation apparatus', () => {
    assert.deepEqual(pages, [
      'entities/index.html', 'index.html', 'nested/index.html', 'nested/witness-Chi3.html', 'nested/witness-El.html', 'nested/witness-Hg.html', 'nested/witness-La.html', 'nested/witness-Ra2.html',
      'search/index.html', 'wbp-base/index.html', 'wbp-inline/index.html', 'wbp-location/index.html',
      'wbp-parallel/index.html', 'wbp-parallel/witness-El.html', 'wbp-parallel/witness-Hg.html', 'wbp-parallel/witness-La.html',
      'wbp-parallel/witness-Rawl.html', 'wbp-parallel/witness-X.html',
    ]);
  });

  noAxeViolations(edition, ['wbp-parallel/index.html', 'wbp-parallel/witness-Rawl.html', 'nested/index.html', 'wbp-location/index.html', 'wbp-base/index.html', 'wbp-inline/index.html']);

  it('shows the lemma in the text, and under it the apparatus and the witnesses as scholars read them', async () => {
    const line = page.locator('.tei-l').first();
    assert.equal((await line.innerText()).trim(), 'Experience1 though2 noon Auctoritee3');
    const entries = page.locator('#apparatus li.app-entry');
    assert.equal(await entries.count(), 10);
    assert.ok(await entries.first().isVisible());
    assert.equal(await entries.nth(0).innerText(), '1 Experience] El Hg; Experiment La (substantive); Eryment Ra2 (substantive).');
    assert.equal(await entries.nth(1).innerText(), '2 though] El Ra2; orthographic: thogh Hg, thouh La.');
    assert.equal(await entries.nth(6).innerText(), '7 that] El Hg Ra2 X; om. La. Lansdowne drops the relative pronoun, as it often does.');
    assert.equal(await entries.nth(7).innerText(), '8 For, lordynges,] El Hg La X; lacuna begins Ra2.');
    assert.equal(await page.locator('#Rawl').innerText(), 'Ra2 — Bodleian Library Rawlinson Poetic 149 · text of this witness');
    assert.equal(await page.locator('#grpB > .siglum').innerText(), 'β');
  });

  it('marks an omission ("om.") in italics, set apart from the words of a reading', async () => {
    const om = page.locator('#app-7 .app-om');
    assert.equal(await om.innerText(), 'om.');
    assert.equal(await om.evaluate((e) => getComputedStyle(e).fontStyle), 'italic');
    assert.equal(await page.locator('#app-7 .app-lemma').evaluate((e) => getComputedStyle(e).fontStyle), 'normal');
  });

  it('leads every link of every page somewhere that exists', async () => {
    const ids = new Map<string, Set<string>>();
    const idsOf = async (file: string): Promise<Set<string>> => {
      if (!ids.has(file)) {
        const response = await page.goto(site + file);
        assert.equal(response?.status(), 200, `${file} exists`);
        ids.set(file, new Set(await page.locator('[id]').evaluateAll((es) => es.map((e) => e.id))));
      }
      return ids.get(file)!;
    };
    for (const file of pages) {
      await page.goto(site + file);
      const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
      for (const href of hrefs) {
        const target = new URL(href, site + file);
        if (target.origin !== new URL(site).origin) continue;
        const path = target.pathname.slice(1).replace(/\/$/, '/index.html');
        if (!path.endsWith('.html')) continue;
        const known = await idsOf(path);
        if (target.hash) assert.ok(known.has(decodeURIComponent(target.hash.slice(1))), `${file}: ${href} leads to no element`);
      }
    }
  });

  it('takes a keyboard user from a call-out to its entry and back, without JavaScript', async () => {
    await withoutJavaScript(edition, parallel, async (reader) => {
      const callout = reader.locator('a.app-callout').first();
      let tabs = 0;
      while (!(await callout.evaluate((link) => link === document.activeElement))) {
        assert.ok(++tabs < 100, 'the first call-out is never reached with Tab');
        await reader.keyboard.press('Tab');
      }
      assert.equal(await callout.getAttribute('aria-label'), 'Apparatus entry 1');
      await reader.keyboard.press('Enter');
      await reader.waitForURL(/#app-experience$/);
      const entry = reader.locator(':target');
      assert.equal(await entry.getAttribute('id'), 'app-experience');
      assert.ok(await entry.isVisible());
      const seen = await entry.evaluate((e) => { const r = e.getBoundingClientRect(); return { top: r.top, bottom: r.bottom, height: innerHeight }; });
      assert.ok(seen.top > -1 && seen.bottom <= seen.height, `the entry is scrolled into view: ${JSON.stringify(seen)}`);

      await reader.keyboard.press('Tab');
      const back = reader.locator('#app-experience .app-number');
      assert.equal(await back.evaluate((link) => link === document.activeElement), true, 'Tab goes on to the entry\'s number');
      await reader.keyboard.press('Enter');
      await reader.waitForURL(/#app-experience-ref$/);
      assert.equal(await reader.evaluate(() => document.querySelector(':target')?.className), 'app-callout');
    });
  });

  it('leads from a siglum to its witness in the list', async () => {
    await page.locator('#app-experience a.siglum', { hasText: 'La' }).click();
    await page.waitForURL(/#La$/);
    const witness = page.locator(':target');
    assert.equal(await witness.locator('.siglum').innerText(), 'La');
    assert.ok(await witness.isVisible());
  });

  it('shows a witness\'s text on its page, its lacuna marked, and leads back to the edition', async () => {
    await page.locator('#Rawl a.witness-text-link').click();
    await page.waitForURL(/witness-Rawl\.html$/);
    assert.equal(await page.title(), "The Wife of Bath's Prologue, lines 1–6: parallel segmentation — The text of witness Ra2");
    const lines = await page.locator('.tei-l').allInnerTexts();
    assert.deepEqual(lines.map((l) => l.replace(/\d+/g, '').trim()), [
      'Eryment though none auctorite', 'Were in this world, it is right ynow for me', 'To speke of wo that is in mariage;',
      '[lacuna]', '', 'housbondes at chirche dore I have had fyve—',
    ]);
    assert.match(await page.locator('.witness-banner').innerText(), /^The text of witness Ra2\. The edited text and its apparatus\.$/);
    await page.locator('a.app-callout').first().click();
    await page.waitForURL(/\/wbp-parallel\/index\.html#app-experience$/);
  });

  it('shows call-outs of an apparatus kept apart where their lemmata end (location-referenced, double end-point)', async () => {
    await page.goto(site + 'wbp-location/index.html');
    assert.deepEqual(await page.locator('.tei-l').allInnerTexts(), [
      'Experience though noon Auctoritee12', 'Were in this world, were right ynogh to me3', 'To speke of wo that is in mariage;4',
    ]);
    assert.equal(await page.locator('#app-2').innerText(), '2 WBP 1: thogh Hg; thouh La — orthographic.');
    await page.goto(site + 'wbp-base/index.html');
    assert.equal((await page.locator('.tei-l').nth(2).innerText()).trim(), 'And of so parfit wys 2a wight 3ywroght');
    assert.equal(await page.locator('#app-3').innerText(), '3 wys a wight] Hg; was a wight El Ha4.');
  });

  it('does not scroll sideways on a phone', async () => {
    await page.setViewportSize({ width: 375, height: 740 });
    for (const file of ['wbp-parallel/index.html', 'wbp-parallel/witness-X.html', 'wbp-location/index.html']) {
      await page.goto(site + file);
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 375, `${file} is wider than the phone`);
    }
  });
});

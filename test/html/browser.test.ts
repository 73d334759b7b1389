/**
 * The built flagship page as a reader uses it, in headless Chromium: no axe
 * violations; an omission explains itself on keyboard focus and shows the
 * printed glyphs when the toggle is ticked; an entity link leads to its
 * entry; a paragraph number is a link to its own paragraph. Needs Debian's
 * chromium (/usr/bin/chromium); skipped, saying so, where it is missing.
 */
import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from '../../src/build/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const executablePath = '/usr/bin/chromium';
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

describe('the flagship page in a browser', function () {
  this.timeout(120_000);
  const scratch = mkdtempSync(join(tmpdir(), 'samizdat-browser-'));
  const out = join(scratch, 'dist');
  let browser: Browser | undefined;
  let page: Page;
  const url = pathToFileURL(join(out, '1923-opposition-ch01', 'index.html')).href;

  before(async function () {
    if (!existsSync(executablePath)) {
      console.warn(`    (skipped: ${executablePath} is not installed; .ci/run should install chromium)`);
      this.skip();
    }
    const report = await build(join(root, 'tei'), { out });
    assert.deepEqual(report.diagnostics, []);
    browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
    page = await browser.newPage();
  });
  after(async () => {
    await browser?.close();
    rmSync(scratch, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await page.goto(url);
  });

  for (const file of ['1923-opposition-ch01/index.html', 'entities/index.html', 'index.html']) {
    it(`${file} has no axe-core violations`, async () => {
      await page.goto(pathToFileURL(join(out, file)).href);
      await page.addScriptTag({ path: axePath });
      const violations = await page.evaluate(async () => {
        const result = await (globalThis as unknown as { axe: { run: (context: unknown) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe.run(document);
        return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
      });
      assert.deepEqual(violations, []);
    });
  }

  it('explains an omission on keyboard focus and shows the printed glyphs when asked', async () => {
    const omission = page.locator('#omission-1');
    assert.equal(await omission.locator('.omission-reading').isVisible(), true);
    assert.equal(await omission.locator('.omission-printed').isVisible(), false);
    const why = omission.locator('.omission-why');
    const hidden = await why.boundingBox();
    await omission.focus();
    const shown = await why.boundingBox();
    assert.ok(hidden && shown && shown.width > 100 && hidden.width <= 1, 'the explanation opens on focus');
    assert.match((await omission.getAttribute('aria-describedby')) ?? '', /omission-1-why/);
    await page.locator('label[for="show-printed"]').click();
    assert.equal(await omission.locator('.omission-printed').isVisible(), true);
    assert.equal(await omission.locator('.omission-reading').isVisible(), false);
    assert.equal(await omission.locator('.omission-printed').textContent(), '. . .');
  });

  it('follows an entity link to its entry in the index', async () => {
    await page.locator('#p4 a.entity', { hasText: 'Stalin' }).click();
    assert.match(page.url(), /entities\/index\.html#stalin$/);
    assert.equal(await page.locator('#stalin h3').textContent(), 'Joseph Stalin');
    assert.ok(await page.locator('#stalin').isVisible());
  });

  it('makes each paragraph number a link to its own paragraph', async () => {
    await page.locator('#p6 .para-number').click();
    assert.match(page.url(), /#p6$/);
    assert.equal(await page.evaluate(() => document.querySelector(':target')?.id), 'p6');
  });
});

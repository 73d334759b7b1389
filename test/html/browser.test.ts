/**
 * The built flagship edition as a reader uses it, in headless Chromium
 * (Debian's /usr/bin/chromium, driven by playwright-core), served over HTTP
 * from a fresh `samizdat build`:
 *
 * - axe-core finds no violations on the document page, the list of
 *   documents and the entity index;
 * - an omission marker takes keyboard focus, tells a screen reader and the
 *   eye who left the text out and why, and shows the source's glyphs when the
 *   reader ticks the toggle (which works with JavaScript switched off);
 * - an entity link leads to the entity's entry, whose occurrences link back
 *   to the paragraph;
 * - a paragraph number is a link to its own paragraph;
 * - on a phone (375 px) nothing scrolls sideways, not even an open
 *   explanation.
 *
 * Skipped, saying so, where chromium is missing; in CI (`CI` set) a missing
 * chromium is a failure, since .ci/run installs it.
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type Page } from 'playwright-core';
import { axeViolations, focusedForScreenReader, openEdition, requireChromium, type ServedEdition } from '../support/browser.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const flagship = '1923-opposition-ch01/index.html';

describe('the flagship edition in a browser', function () {
  let scratch: string | undefined;
  let edition: ServedEdition | undefined;
  let browser: Browser | undefined;
  let site: string;
  let page: Page;

  before(async function () {
    requireChromium(this);
    scratch = mkdtempSync(join(tmpdir(), 'samizdat-browser-'));
    const out = join(scratch, 'dist');
    execFileSync(process.execPath, [join(root, 'bin', 'samizdat.js'), 'build', 'tei', '--out', out], { cwd: root, stdio: 'pipe' });
    edition = await openEdition(out);
    ({ site, browser } = edition);
  });
  after(async () => {
    await edition?.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });
  beforeEach(async () => {
    if (!browser) return;
    page = await browser.newPage();
    await page.goto(site + flagship);
  });
  afterEach(async () => {
    await page?.context().close();
  });

  for (const file of [flagship, 'index.html', 'entities/index.html']) {
    it(`axe-core finds no violations on ${file}`, async () => {
      await page.goto(site + file);
      const violations = await axeViolations(page);
      assert.equal(violations.length, 0, `axe-core violations on ${file}:\n${JSON.stringify(violations, null, 2)}`);
    });
  }

  it('explains an omission to the keyboard, the eye and the screen reader', async () => {
    const omission = page.locator('.omission').first();
    const explanation = omission.locator('.omission-why');
    const closed = await explanation.boundingBox();
    assert.ok(closed && closed.width <= 1 && closed.height <= 1, 'the explanation is closed until asked for');

    // Tab from the top of the page until the marker has focus, as a keyboard user would.
    let tabs = 0;
    while (!(await omission.evaluate((marker) => marker === document.activeElement))) {
      assert.ok(++tabs < 200, 'the omission marker is never reached with Tab');
      await page.keyboard.press('Tab');
    }
    const open = await explanation.boundingBox();
    assert.ok(open && open.width > 100 && open.height > 10, 'the explanation opens on focus');

    // flagship: <ellipsis resp="#collection-editors"> with its <desc>; the respStmt says who and what they did.
    const { description } = await focusedForScreenReader(page);
    assert.match(description, /^Omission by the editors of the collection/, 'who omitted');
    assert.match(description, /selection and abridgement of the documents/, 'in what capacity');
    assert.match(description, /who print extracts only; its extent is unknown/, 'why');
    assert.equal(description, (await explanation.textContent())?.trim());
  });

  it('shows an omission as "[…]" or, when the reader asks, as printed, without JavaScript', async () => {
    const context = await browser!.newContext({ javaScriptEnabled: false });
    try {
      const reader = await context.newPage();
      await reader.goto(site + flagship);
      const omission = reader.locator('.omission').first();
      const seen = async () => (await omission.locator('.omission-reading').isVisible() ? '[…]' : '')
        + (await omission.locator('.omission-printed').isVisible() ? '. . .' : '');
      const toggle = reader.getByRole('checkbox', { name: /as printed/ });
      assert.equal(await seen(), '[…]');
      await toggle.focus();
      await reader.keyboard.press('Space');
      assert.equal(await toggle.isChecked(), true);
      assert.equal(await seen(), '. . .');
      assert.equal(await omission.locator('.omission-printed').textContent(), '. . .');
      await reader.keyboard.press('Space');
      assert.equal(await seen(), '[…]');
    } finally {
      await context.close();
    }
  });

  it('follows an entity link to its entry and back to the paragraph', async () => {
    const mention = page.locator('p.para a.entity').first();
    const paragraph = await mention.evaluate((link) => link.closest('p[id]')!.id);
    const entryId = new URL((await mention.getAttribute('href'))!, page.url()).hash.slice(1);
    await mention.click();
    await page.waitForURL(/\/entities\/index\.html#/);
    assert.equal(new URL(page.url()).hash, `#${entryId}`);

    const entry = page.locator(':target');
    assert.equal(await entry.getAttribute('id'), entryId);
    assert.ok(await entry.locator('h3').isVisible(), 'the entry heading is on screen');
    assert.notEqual((await entry.locator('h3').textContent())?.trim(), '');
    assert.notEqual((await entry.locator('.description').textContent())?.trim(), '');

    const back = entry.locator(`.occurrences a[href$="#${paragraph}"]`).first();
    assert.equal(await back.count(), 1, `the entry lists the occurrence in ${paragraph}`);
    await back.click();
    await page.waitForURL(new RegExp(`/1923-opposition-ch01/index\\.html#${paragraph}$`));
    const target = await page.evaluate(() => ({ tag: document.querySelector(':target')?.localName, id: document.querySelector(':target')?.id }));
    assert.deepEqual(target, { tag: 'p', id: paragraph });
  });

  it('makes each paragraph number a link to its own paragraph', async () => {
    const number = page.locator('#p7 .para-number');
    assert.equal((await number.textContent())?.trim(), '7');
    await number.click();
    assert.equal(await page.evaluate(() => location.hash), '#p7');
    assert.equal(await page.evaluate(() => document.querySelector('#p7')!.matches(':target')), true);
  });

  it('does not scroll sideways on a phone, even with an explanation open', async () => {
    await page.setViewportSize({ width: 375, height: 740 });
    for (const file of [flagship, 'index.html', 'entities/index.html']) {
      await page.goto(site + file);
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 375, `${file} is wider than the phone`);
    }
    await page.goto(site + flagship);
    for (const omission of await page.locator('.omission').all()) {
      await omission.focus();
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 375, `with ${await omission.getAttribute('id')} open the page is ${width} px wide`);
    }
  });
});

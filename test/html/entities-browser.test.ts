/**
 * The entity index and entity links as a reader uses them, in headless
 * Chromium: an edition of the fixture documents (entities in headers,
 * standOff, back, a register, another document) and a DraCor play, built
 * with a small page size so that persons get a page per letter.
 *
 * - axe-core finds no violations on a document with authority links and
 *   names linked several ways, on the play, on the index and on a letter page;
 * - a speaker leads to the character's entry on its letter page, and the
 *   entry's speeches lead back to the speech;
 * - the letter bar leads to the letter's entries;
 * - on a phone nothing scrolls sideways.
 */
import { strict as assert } from 'node:assert';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Page } from 'playwright-core';
import { build } from '../../src/build/index.js';
import { axeViolations, openEdition, requireChromium, type ServedEdition } from '../support/browser.js';
import { corporaDir, repoRoot } from '../support/paths.js';

describe('entities in a browser', function () {
  this.timeout(300_000);
  let scratch: string | undefined;
  let edition: ServedEdition | undefined;
  let site: string;
  let page: Page;

  before(async function () {
    requireChromium(this);
    scratch = mkdtempSync(join(tmpdir(), 'samizdat-entities-browser-'));
    const tei = join(scratch, 'tei');
    mkdirSync(tei);
    const fixtures = join(repoRoot, 'test', 'fixtures', 'entities', 'edition');
    for (const file of readdirSync(fixtures)) copyFileSync(join(fixtures, file), join(tei, file));
    copyFileSync(join(corporaDir, 'shakedracor', 'tei', 'the-tempest.xml'), join(tei, 'the-tempest.xml'));
    const out = join(scratch, 'dist');
    const report = await build(tei, { out, buildCacheDir: join(scratch, 'cache'), jobs: 1, entityPageSize: 5 });
    assert.deepEqual(report.diagnostics, []);
    edition = await openEdition(out);
    site = edition.site;
  });
  after(async () => {
    await edition?.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });
  beforeEach(async () => {
    if (edition) page = await edition.browser.newPage();
  });
  afterEach(async () => {
    await page?.context().close();
  });

  for (const file of ['cartulary/index.html', 'letters/index.html', 'the-tempest/index.html', 'entities/index.html', 'entities/persons-p.html']) {
    it(`axe-core finds no violations on ${file}`, async () => {
      const response = await page.goto(site + file);
      assert.equal(response?.status(), 200);
      // The play's "About this edition" renders its source's publicationStmt as dt/dd outside a dl
      // (header.xsl, not the entities' doing): that section is left to the header's own tests.
      const violations = await axeViolations(page, file === 'the-tempest/index.html' ? ['#about'] : []);
      assert.equal(violations.length, 0, `axe-core violations on ${file}:\n${JSON.stringify(violations, null, 2)}`);
    });
  }

  it('follows a speaker to the character\'s entry on its letter page, and a speech from there back to the play', async () => {
    await page.goto(site + 'the-tempest/index.html');
    const speaker = page.locator('#sp-0085 .tei-speaker a');
    assert.equal((await speaker.textContent())?.trim(), 'PROSPERO');
    await speaker.click();
    await page.waitForURL(/\/entities\/persons-p\.html#the-tempest%3AProspero_Tmp$/);
    const entry = page.locator(':target');
    assert.equal(await entry.getAttribute('id'), 'the-tempest:Prospero_Tmp');
    assert.equal((await entry.locator('h3').textContent())?.trim(), 'Prospero');
    assert.ok(await entry.locator('h3').isVisible());

    const speeches = entry.locator('details.speeches');
    const first = speeches.locator('li a').first();
    assert.equal(await first.isVisible(), false, 'the speeches are folded until asked for');
    await speeches.locator('summary').click();
    assert.ok(await first.isVisible());
    await first.click();
    await page.waitForURL(/\/the-tempest\/index\.html#sp-0085$/);
    assert.equal(await page.evaluate(() => document.querySelector(':target')?.id), 'sp-0085');
  });

  it('leads from the index\'s letter bar to the letter\'s page, and from a name in a document to its entry', async () => {
    await page.goto(site + 'entities/index.html');
    await page.locator('nav[aria-label="Persons and groups by letter"] a', { hasText: /^B$/ }).click();
    await page.waitForURL(/\/entities\/persons-b\.html$/);
    assert.ok(await page.locator('#cartulary\\:berta h3').isVisible());

    await page.goto(site + 'cartulary/index.html');
    await page.locator('#c1 a.entity', { hasText: 'Massa' }).click();
    await page.waitForURL(/\/entities\/index\.html#cartulary%3Amassa$/);
    const entry = page.locator(':target');
    assert.equal((await entry.locator('h3').textContent())?.trim(), 'Massa');
    const back = entry.locator('.occurrences a').first();
    await back.click();
    await page.waitForURL(/\/cartulary\/index\.html#c1$/);
    assert.equal(await page.evaluate(() => document.querySelector(':target')?.localName), 'p');
  });

  it('does not scroll sideways on a phone', async () => {
    await page.setViewportSize({ width: 375, height: 740 });
    for (const file of ['entities/index.html', 'entities/persons-p.html', 'cartulary/index.html']) {
      await page.goto(site + file);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 375, `${file} is ${width} px wide`);
    }
  });
});

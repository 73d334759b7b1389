/**
 * Live reload as the editor sees it, in headless Chromium (Debian's
 * /usr/bin/chromium, driven by playwright-core): the open page reloads after
 * an edit; an edit that does not build leaves the page as it was and shows
 * the problems over it, as text; the fix reloads the page and the panel goes.
 *
 * Skipped, saying so, where chromium is missing; in CI (`CI` set) a missing
 * chromium is a failure, since .ci/run installs it.
 */
import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { serveEdition, type EditionServer } from '../../src/serve/index.js';
import { watchEdition, type Watcher } from '../../src/watch/index.js';
import { broken, retitled, save, scratchEdition, waitFor, type ScratchEdition } from './support.js';

const executablePath = '/usr/bin/chromium';
/** Headless and offline: without these Chromium keeps dialling Google's services. */
const chromiumArgs = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

describe('samizdat serve: live reload in a browser', function () {
  let edition: ScratchEdition | undefined;
  let watcher: Watcher | undefined;
  let server: EditionServer | undefined;
  let browser: Browser | undefined;
  let page: Page;

  const heading = () => page.locator('h1').first().textContent();
  const panel = () => page.locator('aside[role="alert"]');

  before(async function () {
    if (!existsSync(executablePath)) {
      if (process.env.CI) throw new Error(`${executablePath} is missing: .ci/run installs Debian's chromium for this test`);
      console.warn(`    (skipped: ${executablePath} is not installed; \`apt-get install chromium\` runs these tests)`);
      this.skip();
    }
    edition = scratchEdition();
    server = await serveEdition({ root: edition.out, port: 0 });
    watcher = watchEdition({ sources: edition.tei, build: { out: edition.out }, debounce: 100 });
    server.follow(watcher);
    await watcher.ready;
    browser = await chromium.launch({ executablePath, args: chromiumArgs });
    page = await browser.newPage();
    await page.goto(`${server.url}1923-opposition-ch01/`);
    await waitFor('the page to listen for reloads', () => server!.pages === 1);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await watcher?.close();
    edition?.remove();
  });

  it('reloads the open page after an edit', async () => {
    assert.equal(await heading(), 'Trotsky opens the attack');
    const reloaded = page.waitForEvent('load');
    save(edition!.document, retitled(edition!.original, 'Reloaded by itself'));
    await reloaded;
    assert.equal(await heading(), 'Reloaded by itself');
  });

  it('keeps the page and shows the problem, at path:line:col, when an edit does not build', async () => {
    save(edition!.document, broken(retitled(edition!.original, 'Never shown')));
    await panel().waitFor({ state: 'visible' });
    const text = await panel().textContent();
    assert.match(text ?? '', /did not build; this page shows the last good edition/);
    assert.match(text ?? '', /1923-opposition-ch01\.xml:\d+:\d+: error: not well-formed/);
    assert.equal(await heading(), 'Reloaded by itself');
  });

  it('shows a problem\'s message as text, never as markup', async () => {
    server!.failed([{ file: 'x.xml', line: 1, column: 1, severity: 'error', ruleId: 'test', message: '<img src="x" onerror="window.pwned = true">' }]);
    await page.waitForFunction(() => document.querySelector('aside[role="alert"]')?.textContent?.includes('<img src="x"'));
    assert.equal(await page.locator('aside[role="alert"] img').count(), 0);
    assert.equal(await page.evaluate(() => (window as unknown as { pwned?: boolean }).pwned), undefined);
  });

  it('reloads and clears the panel once the document is fixed', async () => {
    const reloaded = page.waitForEvent('load');
    save(edition!.document, retitled(edition!.original, 'Fixed and reloaded'));
    await reloaded;
    assert.equal(await heading(), 'Fixed and reloaded');
    assert.equal(await panel().count(), 0);
  });
});

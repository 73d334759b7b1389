/**
 * Searching a built edition as a reader does, in headless Chromium (Debian's
 * /usr/bin/chromium, driven by playwright-core), served by `samizdat serve`'s
 * server over HTTP: the flagship, its register, and a letter with
 * corrections and regularisations (test/fixtures/search).
 *
 * - a name in the flagship, typed in the search box of a page, is found and
 *   its result leads to the right paragraph;
 * - a word that appears only as a `sic` or `orig` form finds its passage;
 * - a name found by a variant form from the register;
 * - filters by a person and by a year, chosen with the keyboard;
 * - text from the index stays text; the page passes axe; without JavaScript
 *   the search page says what it needs and where else to go;
 * - every request the pages make stays on the edition's own origin.
 *
 * Skipped, saying so, where chromium is missing; in CI (`CI` set) a missing
 * chromium is a failure, since .ci/run installs it.
 */
import { strict as assert } from 'node:assert';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { build } from '../../src/build/index.js';
import { serveEdition, type EditionServer } from '../../src/serve/index.js';
import { axeViolations, launchChromium, requireChromium } from '../support/browser.js';
import { repoRoot } from '../support/paths.js';


interface Result { href: string; title: string; where: string; excerpt: string; marks: string[]; forms: string }

describe('search in a browser', function () {
  let scratch: string | undefined;
  let server: EditionServer | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext;
  let page: Page;
  let site: string;
  /** Every URL any page asked for, over all the tests. */
  const requested: string[] = [];

  before(async function () {
    requireChromium(this);
    scratch = mkdtempSync(join(tmpdir(), 'samizdat-search-browser-'));
    const tei = join(scratch, 'tei');
    mkdirSync(tei);
    for (const file of ['1923-opposition-ch01.xml', 'register.xml']) copyFileSync(join(repoRoot, 'tei', file), join(tei, file));
    for (const file of ['letter.xml', 'people.xml']) copyFileSync(join(repoRoot, 'test', 'fixtures', 'search', file), join(tei, file));
    const out = join(scratch, 'dist');
    const report = await build(tei, { out, buildCacheDir: join(scratch, 'cache') });
    assert.deepEqual(report.diagnostics, []);
    server = await serveEdition({ root: out, port: 0 });
    site = server.url;
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });
  beforeEach(async () => {
    if (!browser) return;
    context = await browser.newContext();
    context.on('request', (request) => { requested.push(request.url()); });
    page = await context.newPage();
  });
  afterEach(async () => {
    await context?.close();
  });

  /** The search page at `query`, once its results (or its "nothing found") are shown. */
  async function searchPage(query: string): Promise<void> {
    await page.goto(`${site}search/${query}`);
    await settled();
  }
  async function settled(): Promise<void> {
    await page.waitForFunction(() => {
      const status = document.getElementById('search-status')?.textContent ?? '';
      return /found|Type words/.test(status) && !/Searching/.test(status);
    });
  }
  function results(): Promise<Result[]> {
    return page.$$eval('.search-result', (items) => items.map((item) => ({
      href: item.querySelector('h2 a')?.getAttribute('href') ?? '',
      title: item.querySelector('h2 a')?.textContent ?? '',
      where: item.querySelector('.search-result-where')?.textContent ?? '',
      excerpt: item.querySelector('.search-result-excerpt')?.textContent ?? '',
      marks: [...item.querySelectorAll('mark')].map((m) => m.textContent ?? ''),
      forms: item.querySelector('.search-forms')?.textContent ?? '',
    })));
  }
  const status = (): Promise<string> => page.locator('#search-status').innerText();

  it('finds a name typed in the search box of a document page, and leads to its paragraph', async () => {
    await page.goto(`${site}1923-opposition-ch01/index.html`);
    await page.getByRole('searchbox', { name: 'Search the edition' }).fill('Zinoviev');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/index\.html\?q=Zinoviev$/);
    await settled();
    assert.equal(await status(), '1 passage found for “Zinoviev”.');
    const [found] = await results();
    assert.match(found.href, /^\/1923-opposition-ch01\/index\.html#p4:~:text=/, 'paragraph 4, with the word to highlight');
    assert.equal(found.title, 'Trotsky opens the attack');
    assert.match(found.where, /^paragraph 4/);
    assert.deepEqual(found.marks, ['Zinoviev']);
    assert.match(found.excerpt, /the Politburo leaders, Kamenev, Zinoviev and Stalin\./);
    await page.getByRole('link', { name: 'Trotsky opens the attack' }).click();
    await page.waitForURL(/\/1923-opposition-ch01\/index\.html#p4/);
    assert.equal(await page.evaluate(() => location.hash), '#p4');
    // The paragraph is in view: the reader lands on it, not at the top of the page.
    const top = await page.evaluate(() => document.getElementById('p4')!.getBoundingClientRect().top);
    assert.ok(top >= 0 && top < (page.viewportSize()?.height ?? 720), `paragraph 4 is in view (top ${top})`);
  });

  it('finds a word that the text corrects (sic) or regularises (orig), showing it among the other forms', async () => {
    for (const [word, passage] of [['recieve', 'I did receive your letter'], ['musick', 'I did receive your letter']]) {
      await searchPage(`?q=${word}`);
      const found = await results();
      assert.equal(found.length, 1, `${word}: ${JSON.stringify(found)}`);
      assert.equal(found[0].href, '/letter/index.html#para-1', `${word}: the paragraph, no text fragment (the word is not on the page)`);
      assert.ok(found[0].excerpt.startsWith(passage) || found[0].forms !== '', word);
      assert.deepEqual(found[0].marks, [word]);
      assert.match(found[0].forms, new RegExp(`^other forms: ⟨ .*${word}`), `${word} is shown as another form: ${found[0].forms}`);
    }
    await searchPage('?q=receive');
    assert.equal((await results())[0]?.href.split(':~:')[0], '/letter/index.html#para-1', 'the corrected form finds it too');
  });

  it('finds a person by a form of the name the register gives (Bronstein for Trotsky)', async () => {
    await searchPage('?q=Bronstein');
    const hrefs = (await results()).map((r) => r.href);
    assert.ok(hrefs.includes('/1923-opposition-ch01/index.html#p4'), hrefs.join(' '));
    assert.ok(hrefs.every((h) => h.startsWith('/1923-opposition-ch01/')), 'only where Trotsky is mentioned');
  });

  it('filters by a person and by a year, chosen with the keyboard', async () => {
    await searchPage('');
    assert.match(await status(), /Type words to find/);
    // Focus the select, type the start of the name: the choice searches at once.
    await page.getByLabel('mentioning the person').focus();
    await page.keyboard.type('Grig');
    await page.waitForURL(/[?&]person=Grigory\+Zinoviev/);
    await settled();
    assert.equal(await status(), '1 passage found with these filters.');
    assert.deepEqual((await results()).map((r) => r.href), ['/1923-opposition-ch01/index.html#p4']);
    assert.match(page.url(), /[?&]person=Grigory\+Zinoviev/, 'the address keeps the search');

    await searchPage('?year-from=1905&year-to=1905');
    const in1905 = (await results()).map((r) => r.href).sort();
    // The letter's first paragraph is dated 20 February 1905; the second runs from November 1904 to January 1905.
    assert.deepEqual(in1905, ['/letter/index.html#para-1', '/letter/index.html#weather']);
    await searchPage('?q=weather&year-from=1923');
    assert.equal(await status(), 'No passage found for “weather”.');
    await searchPage('?q=Party&year-from=1923&year-to=1923&person=Felix+Dzerzhinsky');
    assert.deepEqual((await results()).map((r) => r.href.split(':~:')[0]).sort(), ['/1923-opposition-ch01/index.html#p3', '/1923-opposition-ch01/index.html#p4', '/1923-opposition-ch01/index.html#p5']);
  });

  it('orders by the edition’s order on request, and goes back to an earlier search', async () => {
    await searchPage('?q=Party&sort=order');
    const ordered = (await results()).map((r) => r.href.split(':~:')[0]);
    assert.deepEqual(ordered, [...ordered].sort((a, b) => Number(/#p(\d+)/.exec(a)?.[1]) - Number(/#p(\d+)/.exec(b)?.[1])));
    await page.getByLabel('Words to find').fill('Zinoviev');
    await page.keyboard.press('Enter');
    await settled();
    assert.equal(await status(), '1 passage found for “Zinoviev”.');
    await page.goBack();
    await settled();
    assert.equal(await page.getByLabel('Words to find').inputValue(), 'Party');
    assert.match(await status(), /passages found for “Party”/);
  });

  it('shows ten results, then more on request, where the keyboard goes on', async () => {
    await searchPage('?q=the');
    const total = Number(/^(\d+) passages found/.exec(await status())?.[1]);
    assert.ok(total > 10, `${total} passages`);
    assert.equal((await results()).length, 10);
    await page.getByRole('button', { name: 'More results' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => document.querySelectorAll('.search-result').length === n, total);
    assert.ok(await page.getByRole('button', { name: 'More results' }).isHidden(), 'nothing more to show');
    const focused = await page.evaluate(() => document.activeElement?.closest('.search-result') === document.querySelectorAll('.search-result')[10]);
    assert.ok(focused, 'focus is on the first result added');
  });

  it('shows text of the edition as text, never as markup', async () => {
    await searchPage('?q=onerror');
    const [found] = await results();
    // Indexed with the verse before it (neither mentions nor dates anything), it is still its own paragraph.
    assert.match(found.href, /^\/letter\/index\.html#para-4:~:text=/);
    assert.equal(found.where, 'paragraph 4 · To Ada');
    assert.match(found.excerpt, /<img src=x onerror=alert\(1\)> is only text here\./);
    assert.equal(await page.locator('.search-results img').count(), 0);
  });

  it('passes axe with results and filters shown', async () => {
    await searchPage('?q=Party&person=Leon+Trotsky');
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
  });

  it('is reached from the keyboard: Tab goes to the words, then to every filter', async () => {
    await searchPage('');
    const order: string[] = [];
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      order.push(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name || document.activeElement?.textContent || ''));
    }
    const words = order.indexOf('q');
    assert.ok(words >= 0, order.join(', '));
    for (const name of ['document', 'person', 'place', 'year-from', 'year-to', 'language', 'sort']) assert.ok(order.indexOf(name) > words, `${name} after the words: ${order.join(', ')}`);
  });

  it('without JavaScript, says what search needs and leads to the documents and the entity index', async () => {
    await context.close();
    context = await browser!.newContext({ javaScriptEnabled: false });
    context.on('request', (request) => { requested.push(request.url()); });
    page = await context.newPage();
    await page.goto(`${site}index.html`);
    await page.getByRole('searchbox', { name: 'Search the edition' }).fill('Trotsky');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/\/search\/index\.html\?q=Trotsky$/);
    assert.match(await page.locator('#search-unavailable').innerText(), /^Searching this edition needs JavaScript/);
    assert.ok(await page.locator('#search').isHidden(), 'no form that cannot search');
    assert.equal(await page.getByRole('link', { name: 'index of persons, places, organisations and events' }).getAttribute('href'), '../entities/index.html');
  });

  it('is served with the types its files need', async () => {
    const bundle = `${site}search/pagefind/`;
    const entry = await (await fetch(`${bundle}pagefind-entry.json`)).json() as { languages: Record<string, { hash: string }> };
    const checks: [string, string][] = [
      [`${site}search/search.js`, 'text/javascript; charset=utf-8'],
      [`${bundle}pagefind.js`, 'text/javascript; charset=utf-8'],
      [`${bundle}wasm.en.pagefind`, 'application/octet-stream'],
      [`${bundle}pagefind.${entry.languages.en.hash}.pf_meta`, 'application/octet-stream'],
    ];
    for (const [url, type] of checks) {
      const response = await fetch(url);
      assert.equal(response.status, 200, url);
      assert.equal(response.headers.get('content-type'), type, url);
    }
  });

  it('asks nothing of any other origin', () => {
    assert.ok(requested.length > 20, `requests were recorded (${requested.length})`);
    const foreign = requested.filter((url) => !url.startsWith(site));
    assert.deepEqual(foreign, []);
    assert.ok(requested.some((url) => url.includes('/search/pagefind/') && url.endsWith('.pf_fragment')), 'the index was really used');
  });
});

/**
 * A search index in shards behaves, for a reader, as one index: the letters
 * edition (letters.ts) built twice, in one shard and forced into many
 * (`searchShardSize: 1`), each served and searched in headless Chromium:
 *
 * - the filters list the same values with the same counts (summed over the
 *   shards);
 * - every sort order (as in the edition, by date, by title) and a search
 *   with filters only list the same passages in the same order, across
 *   "More results";
 * - a word search finds the same passages, from every shard;
 * - an address-kept search (words, filters and order in the address) gives
 *   the same page.
 *
 * Best match is compared as a set: Pagefind scores each shard's results
 * against that shard's own statistics (docs/search.md).
 *
 * Skipped, saying so, where chromium is missing (a failure in CI).
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { LETTERS, lettersInBrowser } from './letters.js';

interface Shown { status: string; results: string[] }

describe('search in shards, in a browser', function () {
  const served = lettersInBrowser('shards-browser');
  let page: Page, single: string, sharded: string;
  let bundles: string[];
  before(() => {
    ({ page, single, sharded } = served);
    bundles = /data-bundles="([^"]*)"/.exec(readFileSync(join(served.scratch, 'sharded', 'search', 'index.html'), 'utf8'))?.[1].split(' ') ?? [];
    assert.ok(bundles.length >= 4, `the letters are in ${bundles.length} shards`);
  });

  /** The search page of `site` at `query`: its status and every result (after "More results" until there are no more), each as its link, document and excerpt. */
  async function shown(site: string, query: string): Promise<Shown> {
    await page.goto(`${site}search/${query}`);
    const settled = () => page.waitForFunction(() => {
      const status = document.getElementById('search-status')?.textContent ?? '';
      return /found|Type words/.test(status) && !/Searching/.test(status) && document.getElementById('search-more')?.hidden !== false;
    }, undefined, { timeout: 20_000 }).catch(() => undefined);
    await page.waitForFunction(() => /found|Type words/.test(document.getElementById('search-status')?.textContent ?? ''));
    for (;;) {
      const more = page.locator('#search-more');
      if (await more.isHidden()) break;
      const count = await page.locator('.search-result').count();
      await more.click();
      // The button hides while the next results load: only results added say they are there.
      await page.waitForFunction((n) => document.querySelectorAll('.search-result').length > n, count);
    }
    await settled();
    return {
      status: await page.locator('#search-status').innerText(),
      results: await page.$$eval('.search-result', (items) => items.map((item) =>
        `${item.querySelector('h2 a')?.getAttribute('href')} | ${item.querySelector('h2 a')?.textContent} | ${item.querySelector('.search-result-excerpt')?.textContent}`)),
    };
  }

  /** The options of every filter of the search form: label and count, as the reader sees them. */
  async function filters(site: string): Promise<Record<string, string[]>> {
    await page.goto(`${site}search/`);
    await page.waitForFunction(() => /Type words/.test(document.getElementById('search-status')?.textContent ?? ''));
    return page.$$eval('#search-filters select', (selects) => Object.fromEntries(selects.map((select) =>
      [(select as HTMLSelectElement).name, [...(select as HTMLSelectElement).options].map((o) => o.textContent ?? '')])));
  }

  it('lists every filter value with its count summed over the shards', async () => {
    const one = await filters(single);
    // Ada is named in each letter's heading and in a paragraph: twenty passages (ten before each record had an address
    // of its own, when Pagefind kept the verse after the heading in its place).
    assert.ok(one.document.length === LETTERS.length + 1 && one.person?.includes('Ada Lovelace (20)'), JSON.stringify(one));
    assert.deepEqual(await filters(sharded), one);
  });

  for (const sort of ['order', 'date', 'title']) {
    it(`lists the passages found in the order “${sort}” as one index does, across “More results”`, async () => {
      const one = await shown(single, `?q=the&sort=${sort}`);
      assert.ok(one.results.length > 10, `${one.status}: more than a page`);
      assert.deepEqual(await shown(sharded, `?q=the&sort=${sort}`), one);
    });
  }

  it('lists the passages of a search with filters only as one index does (the edition’s order)', async () => {
    for (const query of ['?person=Ada+Lovelace', '?year-from=1905&year-to=1905', '?language=la&sort=date']) {
      const one = await shown(single, query);
      assert.ok(one.results.length > 0, `${query}: ${one.status}`);
      assert.deepEqual(await shown(sharded, query), one, query);
    }
  });

  it('finds a word in every shard, and the same passages as one index, best match first', async () => {
    const one = await shown(single, '?q=only+text');
    assert.equal(one.results.length, LETTERS.length, one.status);
    const many = await shown(sharded, '?q=only+text');
    assert.equal(many.status, one.status);
    assert.deepEqual([...many.results].sort(), [...one.results].sort());
    for (const { word } of LETTERS) {
      const found = await shown(sharded, `?q=${word}`);
      assert.equal(found.results.length, 1, `${word}: ${found.status}`);
    }
  });

  it('gives the same page for a search kept in the address: words, filters and order', async () => {
    const query = '?q=society&place=Bath&year-from=1850&sort=title';
    const one = await shown(single, query);
    assert.ok(one.results.length > 0, one.status);
    assert.deepEqual(await shown(sharded, query), one);
    assert.equal(await page.locator('#search-sort').inputValue(), 'title');
    assert.equal(await page.locator('#search-filter-place').inputValue(), 'Bath');
  });
});

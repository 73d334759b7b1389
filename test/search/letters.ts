/**
 * An edition of letters for the tests of a search index in shards: the
 * search fixture's letter (test/fixtures/search) written out with other
 * titles, dates and words, so that the sort orders, the filters and a word
 * search all have something to tell apart, and the people register beside
 * them. Small enough for one shard by default; a test asks for more with
 * `searchShardSize`.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { strict as assert } from 'node:assert';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { build } from '../../src/build/index.js';
import { serveEdition, type EditionServer } from '../../src/serve/index.js';
import { launchChromium, requireChromium } from '../support/browser.js';
import { repoRoot } from '../support/paths.js';

const fixtures = join(repoRoot, 'test', 'fixtures', 'search');

/** Each letter: its file name, title (two share one; capitals and accents for the title order), date ('' for none) and a word of its own. */
export const LETTERS: readonly { file: string; title: string; date: string; word: string }[] = [
  { file: 'a-letter.xml', title: 'A letter with corrections', date: '1905-03-02', word: 'gooseberry' },
  { file: 'bath.xml', title: 'From Bath', date: '1899-07-14', word: 'quince' },
  { file: 'london.xml', title: 'From London', date: '1905-03-01', word: 'medlar' },
  { file: 'london-2.xml', title: 'From London', date: '1910', word: 'damson' },
  { file: 'elegy.xml', title: 'Élégie for a winter', date: '', word: 'sloe' },
  { file: 'zed.xml', title: 'zed, the last letter', date: '1850-01-09', word: 'rowan' },
  { file: 'notes.xml', title: 'Notes on the weather', date: '1905-03-02', word: 'bilberry' },
  { file: 'rome.xml', title: 'A letter from Rome', date: '1923-05-06', word: 'juniper' },
  { file: 'winter.xml', title: 'Winter again', date: '1901-12-24', word: 'elder' },
  { file: 'cadiz.xml', title: 'Cadiz', date: '0044', word: 'olive' },
];

/** Writes the letters and the register into `folder`; `words` gives some letters (by file) other words of their own. */
export function writeLetters(folder: string, words: Readonly<Record<string, string>> = {}): void {
  mkdirSync(folder, { recursive: true });
  const letter = readFileSync(join(fixtures, 'letter.xml'), 'utf8');
  for (const { file, title, date, word: own } of LETTERS) {
    const word = words[file] ?? own;
    const creation = date === '' ? '' : `<creation><date when="${date}">${date}</date></creation>`;
    writeFileSync(join(folder, file), letter
      .replace('<title>A letter with corrections</title>', () => `<title>${title}</title>`)
      .replace(/<creation>.*?<\/creation>/, () => creation)
      .replace('is only text here.', () => `is only text here, and so is ${word}.`));
  }
  copyFileSync(join(fixtures, 'people.xml'), join(folder, 'people.xml'));
}

/** The letters edition served twice: built in one index, and forced into a shard per letter. */
export interface ServedLetters { single: string; sharded: string; servers: EditionServer[] }

/** Builds the letters in `tei` into `scratch` (`single/`, `sharded/`, each with its cache) without a diagnostic, and serves both. */
export async function serveSingleAndSharded(tei: string, scratch: string): Promise<ServedLetters> {
  const servers: EditionServer[] = [];
  for (const [name, searchShardSize] of [['single', undefined], ['sharded', 1]] as const) {
    const out = join(scratch, name);
    const report = await build(tei, { out, buildCacheDir: join(scratch, `${name}-cache`), jobs: 1, searchShardSize });
    assert.deepEqual(report.diagnostics, []);
    servers.push(await serveEdition({ root: out, port: 0 }));
  }
  return { single: servers[0].url, sharded: servers[1].url, servers };
}

/** The letters edition served in one index and in shards, and a page of headless Chromium to search them. */
export interface LettersInBrowser {
  /** The folder the letters (`tei/`) and both builds are in. */
  readonly scratch: string;
  /** The site with one index, and the one in shards. */
  readonly single: string;
  readonly sharded: string;
  readonly page: Page;
}

/**
 * Sets up, for the suite it is called in, the letters edition (`words` as
 * `writeLetters` takes them) built and served in one index and in shards,
 * and a browser page; checks after each test that the page's script threw
 * nothing; tears it all down after the suite. Skipped, saying so, where
 * chromium is missing (a failure in CI).
 */
export function lettersInBrowser(name: string, words: Readonly<Record<string, string>> = {}): LettersInBrowser {
  let scratch: string | undefined;
  let served: ServedLetters | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  const errors: string[] = [];
  before(async function () {
    requireChromium(this);
    scratch = mkdtempSync(join(tmpdir(), `samizdat-search-${name}-`));
    const tei = join(scratch, 'tei');
    writeLetters(tei, words);
    served = await serveSingleAndSharded(tei, scratch);
    browser = await launchChromium();
    page = await browser.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
  });
  afterEach(() => assert.deepEqual(errors, []));
  after(async () => {
    await browser?.close();
    for (const server of served?.servers ?? []) await server.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the letters are not served yet (read this in a test or a hook after the suite\'s own before)');
    return value;
  };
  return {
    get scratch() { return ready(scratch); },
    get single() { return ready(served).single; },
    get sharded() { return ready(served).sharded; },
    get page() { return ready(page); },
  };
}

/**
 * What the browser tests share: a static server for a built edition (folders
 * serve their index.html), Debian's /usr/bin/chromium driven by
 * playwright-core, headless and offline (one launch, in `openEdition`),
 * axe-core, and what a screen reader is told about the focused element.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { repoRoot } from './paths.js';

export const executablePath = '/usr/bin/chromium';
const axePath = createRequire(import.meta.url).resolve('axe-core');
/** Headless and offline: without these Chromium keeps dialling Google's services. */
export const chromiumArgs = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json', '.png': 'image/png', '.bib': 'application/x-bibtex', '.ris': 'application/x-research-info-systems',
};

/** The built edition as a static web server publishes it (folders serve their index.html). */
export function serve(dir: string): Promise<Server> {
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    let file = resolve(dir, '.' + path);
    if (path.endsWith('/')) file = join(file, 'index.html');
    if (file !== dir && !file.startsWith(dir + sep)) { response.writeHead(403).end(); return; }
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': contentTypes[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

export interface AxeViolation { id: string; impact: string; help: string; helpUrl: string; nodes: { target: unknown[]; html: string; failureSummary: string }[] }

/** axe-core's violations on the page as it stands (leaving out the parts `exclude` selects). */
export async function axeViolations(page: Page, exclude: readonly string[] = []): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async (excluded) => {
    const { axe } = globalThis as unknown as { axe: { run: (context: Document | { include: Document; exclude: string[][] }) => Promise<{ violations: AxeViolation[] }> } };
    const { violations } = await axe.run(excluded.length === 0 ? document : { include: document, exclude: excluded.map((s) => [s]) });
    return violations.map(({ id, impact, help, helpUrl, nodes }) => ({
      id, impact, help, helpUrl, nodes: nodes.map(({ target, html, failureSummary }) => ({ target, html, failureSummary })),
    }));
  }, [...exclude]);
}

/** Role, name and description of the focused element, as Chromium gives them to a screen reader. */
export async function focusedForScreenReader(page: Page): Promise<{ role: string; name: string; description: string }> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { result } = await cdp.send('Runtime.evaluate', { expression: 'document.activeElement' });
    const { node } = await cdp.send('DOM.describeNode', { objectId: result.objectId });
    const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { backendNodeId: node.backendNodeId, fetchRelatives: false });
    const [ax] = nodes;
    return { role: String(ax.role?.value ?? ''), name: String(ax.name?.value ?? ''), description: String(ax.description?.value ?? '') };
  } finally {
    await cdp.detach();
  }
}

/** Skips the calling suite when Chromium is missing outside CI; in CI (.ci/run installs it) that is a failure. */
export function requireChromium(ctx: Mocha.Context): void {
  if (existsSync(executablePath)) return;
  if (process.env.CI) throw new Error(`${executablePath} is missing: .ci/run installs Debian's chromium for this test`);
  console.warn(`    (skipped: ${executablePath} is not installed; \`apt-get install chromium\` runs these tests)`);
  ctx.skip();
}

/** A built edition served over HTTP on a free port, and a headless Chromium to read it. */
export interface ServedEdition {
  /** The edition's address, ending with a slash. */
  site: string;
  browser: Browser;
  close(): Promise<void>;
}

/** Chromium headless and offline. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath, args: chromiumArgs });
}

export async function openEdition(dist: string): Promise<ServedEdition> {
  const server = await serve(dist);
  const browser = await launchChromium();
  return {
    site: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    browser,
    close: async () => {
      await browser.close();
      await new Promise((done) => server.close(done));
    },
  };
}

/** Runs `read` on `path` of the edition in a page with JavaScript switched off, as some readers have it. */
export async function withoutJavaScript(edition: EditionInBrowser, path: string, read: (page: Page) => Promise<void>): Promise<void> {
  const context = await edition.browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(edition.site + path);
    await read(page);
  } finally {
    await context.close();
  }
}

/** Declares one test per page: axe-core finds no violations on it. */
export function noAxeViolations(edition: EditionInBrowser, files: readonly string[]): void {
  for (const file of files) {
    it(`axe-core finds no violations on ${file}`, async () => {
      await edition.page.goto(edition.site + file);
      const violations = await axeViolations(edition.page);
      if (violations.length > 0) throw new Error(`axe-core violations on ${file}:\n${JSON.stringify(violations, null, 2)}`);
    });
  }
}

/** A built edition served to Chromium, as the hooks of `inBrowser` keep it. */
export interface EditionInBrowser {
  /** The output folder. */
  out: string;
  /** Its address, ending in "/". */
  site: string;
  browser: Browser;
  /** A fresh page for each test, opened on `start`. */
  page: Page;
}

/**
 * Mocha hooks for a suite that reads an edition in Chromium: `make(out, scratch)`
 * builds it into `out` (in a scratch folder removed afterwards), `openEdition`
 * serves it, and each test gets a fresh page on `start`.
 */
export function inBrowser(make: (out: string, scratch: string) => void, start: string): EditionInBrowser {
  const edition = {} as EditionInBrowser;
  let scratch: string | undefined;
  let served: ServedEdition | undefined;
  before(async function () {
    requireChromium(this);
    scratch = mkdtempSync(join(tmpdir(), 'samizdat-browser-'));
    edition.out = join(scratch, 'dist');
    make(edition.out, scratch);
    served = await openEdition(edition.out);
    ({ site: edition.site, browser: edition.browser } = served);
  });
  after(async () => {
    await served?.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });
  beforeEach(async () => {
    if (!edition.browser) return;
    edition.page = await edition.browser.newPage();
    await edition.page.goto(edition.site + start);
  });
  afterEach(async () => {
    await edition.page?.context().close();
  });
  return edition;
}

/**
 * One document, `tei`, published by the CLI as `name` (tei/<name>.xml, built with `samizdat build` into an empty
 * folder) and served to Chromium, each test starting at its page: what a browser test of one rendering needs.
 */
export function oneDocumentInBrowser(name: string, tei: string): EditionInBrowser {
  return inBrowser((out, scratch) => {
    const sources = join(scratch, 'tei');
    mkdirSync(sources);
    writeFileSync(join(sources, `${name}.xml`), tei);
    execFileSync(process.execPath, [join(repoRoot, 'bin', 'samizdat.js'), 'build', sources, '--out', out, '--cache-dir', join(scratch, 'cache')], { cwd: scratch, stdio: 'pipe' });
  }, `${name}/index.html`);
}

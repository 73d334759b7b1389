/**
 * Debian's chromium for the browser tests, driven by playwright-core:
 * launched headless and offline, or the suite skipped saying what to
 * install (in CI, where .ci/run installs it, a missing chromium fails).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';

const axePath = createRequire(import.meta.url).resolve('axe-core');

export const chromiumPath = '/usr/bin/chromium';
/** Headless and offline: without these Chromium keeps dialling Google's services. */
export const chromiumArgs = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Whether chromium is there; when it is not, the suite of `context` is skipped (outside CI) with a message. */
export function chromiumOrSkip(context: Mocha.Context): boolean {
  if (existsSync(chromiumPath)) return true;
  if (process.env.CI) throw new Error(`${chromiumPath} is missing: .ci/run installs Debian's chromium for this test`);
  console.warn(`    (skipped: ${chromiumPath} is not installed; \`apt-get install chromium\` runs these tests)`);
  context.skip();
  return false;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}

/** A rule of axe-core the page breaks, with where. */
export interface AxeViolation { id: string; impact: string; help: string; helpUrl: string; nodes: { target: unknown[]; html: string; failureSummary: string }[] }

/** What axe-core finds wrong with the page as it is now. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    const { axe } = globalThis as unknown as { axe: { run: (context: Document) => Promise<{ violations: AxeViolation[] }> } };
    const { violations } = await axe.run(document);
    return violations.map(({ id, impact, help, helpUrl, nodes }) => ({
      id, impact, help, helpUrl, nodes: nodes.map(({ target, html, failureSummary }) => ({ target, html, failureSummary })),
    }));
  });
}

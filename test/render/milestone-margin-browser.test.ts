/**
 * A reference milestone's number (a Stephanus page, a verse …) stands in the
 * left margin, as a verse line's number does (reference-milestones.test.ts):
 * on a numbered verse line both were set at the same place, one over the
 * other. Measured in headless Chromium: both numbers show, side by side, the
 * reference number left of the line number, neither over the verse's words.
 */
import { strict as assert } from 'node:assert';
import { oneDocumentInBrowser } from '../support/browser.js';
import { teiText } from '../support/tei-doc.js';

const lines = ['Sing, goddess, the wrath', 'of Peleus\' son Achilles,', 'the ruinous wrath', 'that brought countless woes', 'and sent many mighty souls'];
const body = '<div><lg>' + lines.map((l, i) => `<l n="${i + 1}">${i === 4 ? '<milestone unit="stephanus" n="17a"/>' : ''}${l}</l>`).join('')
  + '</lg><p><milestone unit="stephanus" n="17b"/>Prose, with its number alone.</p></div>';

interface Box { left: number; right: number; top: number; bottom: number; width: number }

describe('a reference milestone on a numbered verse line, in a browser', function () {
  const edition = oneDocumentInBrowser('iliad', teiText({ body, title: 'Iliad' }));

  it('shows the line number and the reference number side by side, both in the margin', async () => {
    const { page } = edition;
    const box = (selector: string): Promise<Box> => page.locator(selector).first().evaluate((e) => {
      const r = e.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width };
    });
    if (process.env.SAMIZDAT_SCREENSHOT) await page.screenshot({ path: process.env.SAMIZDAT_SCREENSHOT, fullPage: true });
    const verse = '.tei-l:has(> .line-number)';
    const lineNumber = await box(`${verse} > .line-number`);
    const reference = await box(`${verse} .reference-number`);
    const words = await page.locator(verse).first().evaluate((e) => {
      const range = document.createRange();
      range.setStart(e.lastChild!, 0);
      range.setEnd(e.lastChild!, 1);
      return range.getBoundingClientRect().left;
    });
    assert.equal(await page.locator(`${verse} > .line-number`).first().innerText(), '5');
    assert.equal(await page.locator(`${verse} .reference-number`).first().innerText(), '17a');
    assert.ok(lineNumber.width > 0 && reference.width > 0, 'both numbers have a size');
    assert.ok(reference.bottom > lineNumber.top && reference.top < lineNumber.bottom, 'on the same line');
    assert.ok(reference.right <= lineNumber.left, `the reference number (${reference.left}–${reference.right}) left of the line number (${lineNumber.left}–${lineNumber.right}), not over it`);
    assert.ok(lineNumber.right <= words && reference.left >= 0, 'both in the margin, on the page');
    // In prose, no line number: the reference number stays next to the text, as before.
    const prose = await box('p.tei-p .reference-number');
    const proseWords = await page.locator('p.tei-p:has(.reference-number)').first().evaluate((e) => e.getBoundingClientRect().left);
    assert.ok(prose.right <= proseWords && proseWords - prose.right < 20, `next to the paragraph (${prose.right} → ${proseWords})`);
  });
});

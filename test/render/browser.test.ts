/**
 * The rendering fixtures (test/fixtures/render) as a reader sees them in
 * headless Chromium, built by `samizdat build` and served over HTTP:
 * the reading view hides deletions and shows additions plainly; the one view
 * switch, by keyboard and with JavaScript off, shows the diplomatic view
 * (deletions struck through, additions raised); typography is applied
 * (computed styles), hostile CSS is not; note call-outs, the table of
 * contents, line and page anchors lead where they say; facsimiles load from
 * the edition; no script from MathML or SVG reaches the page; axe-core finds
 * no violation on any fixture page.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, type Page } from 'playwright-core';
import { build } from '../../src/build/index.js';
import { axeViolations, openEdition, requireChromium, type ServedEdition } from '../support/browser.js';
import { repoRoot } from '../support/paths.js';

const fixtures = join(repoRoot, 'test', 'fixtures', 'render');

describe('the rendering fixtures in a browser', function () {
  let scratch: string | undefined;
  let edition: ServedEdition | undefined;
  let context: BrowserContext;
  let page: Page;

  before(async function () {
    requireChromium(this);
    scratch = mkdtempSync(join(tmpdir(), 'samizdat-render-browser-'));
    const report = await build(fixtures, { out: join(scratch, 'dist'), buildCacheDir: join(scratch, 'cache') });
    assert.equal(report.written, true, JSON.stringify(report.diagnostics));
    edition = await openEdition(join(scratch, 'dist'));
  });
  after(async () => {
    await edition?.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });
  beforeEach(async () => {
    // As a reader without JavaScript: everything here must work without it.
    context = await edition!.browser.newContext({ javaScriptEnabled: false });
    page = await context.newPage();
  });
  afterEach(async () => { await context?.close(); });

  const style = (selector: string, property: string) => page.locator(selector).first().evaluate(
    (e, p) => getComputedStyle(e).getPropertyValue(p), property);

  for (const name of readdirSync(fixtures).filter((f) => f.endsWith('.xml')).map((f) => f.replace(/\.xml$/, ''))) {
    it(`axe-core finds no violations on ${name}/index.html`, async () => {
      const withScript = await edition!.browser.newPage();
      try {
        await withScript.goto(`${edition!.site}${name}/index.html`);
        const violations = await axeViolations(withScript);
        assert.equal(violations.length, 0, JSON.stringify(violations, null, 2));
      } finally {
        await withScript.close();
      }
    });
  }

  it('switches between the reading and the diplomatic view by keyboard, without JavaScript', async () => {
    await page.goto(`${edition!.site}transcription/index.html`);
    const deleted = page.locator('#deletions del').first();
    const added = page.locator('#additions ins.place-above');
    assert.equal(await deleted.isVisible(), false, 'a deletion is not part of the reading text');
    assert.equal((await page.locator('#deletions').innerText()).replace(/^\d+\s*/, ''), 'He was weary and famished.');
    assert.equal(await style('#additions ins.place-above', 'vertical-align'), 'baseline');

    const toggle = page.getByRole('checkbox', { name: /diplomatic view/ });
    await toggle.focus();
    await page.keyboard.press('Space');
    assert.equal(await toggle.isChecked(), true);
    assert.equal(await deleted.isVisible(), true, 'the diplomatic view shows the deletion');
    assert.match(await style('#deletions del', 'text-decoration-line'), /line-through/);
    assert.equal(await style('#additions ins.place-above', 'vertical-align'), 'super');
    assert.equal((await added.innerText()).trim(), '\\ancient/');
    assert.equal((await page.locator('#substitutions').innerText()).replace(/^\d+\s*/, ''), 'She wrote a ⟦letter⟧\\postcard/ to her mother.');
    assert.equal(await page.locator('#sic-corr .tei-choice').innerText(), 'recieve');

    await page.keyboard.press('Space');
    assert.equal(await deleted.isVisible(), false, 'and back to the reading view');
    assert.equal(await page.locator('#sic-corr .tei-choice').innerText(), 'receive');
  });

  it('applies typography from @rend, @rendition and @style, and not the hostile CSS', async () => {
    await page.goto(`${edition!.site}structure/index.html`);
    assert.equal(await style('.typo-italic', 'font-style'), 'italic');
    assert.equal(await style('.rend-italics', 'font-style'), 'italic', 'a spelled-out variant');
    assert.equal(await style('.typo-bold', 'font-weight'), '700');
    assert.equal(await style('.typo-sup', 'vertical-align'), 'super');
    assert.equal(await style('.typo-smallcaps', 'font-variant-caps'), 'small-caps');
    assert.match(await style('.typo-strikethrough', 'text-decoration-line'), /line-through/);
    assert.equal(await style('.rendition-r-red', 'color'), 'rgb(160, 0, 0)');
    assert.equal(await style('.rendition-r-evil', 'background-image'), 'none');
    assert.equal(await page.locator('body').isVisible(), true, 'the rendition\'s "} body { display: none" did not escape');
    // Renditions by @selector: the elements they select, and only those.
    const green = 'rgb(0, 100, 0)';
    assert.equal(await page.locator('.tei-quote .tei-q').evaluate((e) => getComputedStyle(e).color), green, 'quote q');
    assert.equal(await page.locator('p > .tei-hi.rend-underline').evaluate((e) => getComputedStyle(e).color), green, 'p > hi[rend=underline]');
    assert.notEqual(await page.locator('.tei-q', { hasText: 'come in' }).evaluate((e) => getComputedStyle(e).color), green, 'a q outside a quote');
    assert.notEqual(await page.locator('.tei-hi.rend-bold').first().evaluate((e) => getComputedStyle(e).color), green, 'another hi');
    assert.notEqual(await page.locator('body').evaluate((e) => getComputedStyle(e).color), 'rgb(0, 0, 255)', 'a selector that is not understood selects nothing');
    const styled = page.locator('span.tei-hi', { hasText: 'styled inline' });
    assert.equal(await styled.evaluate((e) => getComputedStyle(e).fontStyle), 'italic');
    const hostile = page.locator('span.tei-hi', { hasText: 'hostile style' });
    assert.equal(await hostile.evaluate((e) => getComputedStyle(e).position), 'static');
    assert.equal(await page.locator('script:not([type="application/ld+json"]), [onclick], [onload]').count(), 0, 'no script or event attribute from MathML or SVG');
    assert.equal(await page.locator('math msup').count(), 1, 'MathML is kept');
    assert.equal(await page.locator('svg circle').count(), 1, 'SVG is kept');
  });

  it('sets verse as print does: lines close, stanzas apart, a split line continued where it left off', async () => {
    await page.goto(`${edition!.site}verse/index.html`);
    const box = async (selector: string) => (await page.locator(selector).boundingBox())!;
    assert.equal(await style('#one', 'margin-top'), '0px');
    assert.equal(await style('#one', 'margin-bottom'), '0px');
    const [one, two, three] = [await box('#one'), await box('#two'), await box('#three')];
    const within = two.y - (one.y + one.height);
    const between = three.y - (two.y + two.height);
    assert.ok(between > within + 8, `a stanza stands apart: ${between}px between stanzas, ${within}px between lines`);
    assert.equal(await style('#poem > .tei-head', 'font-weight'), '700', "a line group's heading is set as one");

    // Where each part's own words begin and end on the screen (the hidden words before a part take their room).
    const words = (selector: string) => page.locator(selector).evaluate((line) => {
      const text = [...line.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
      const range = document.createRange();
      range.setStartBefore(text[0]);
      range.setEndAfter(text[text.length - 1]);
      const rect = range.getBoundingClientRect();
      return { left: rect.left, right: rect.right };
    });
    const [initial, medial, final, after] = [await words('#initial'), await words('#medial'), await words('#final'), await words('#after')];
    assert.ok(medial.left >= initial.right, `the medial part begins where the initial one ended (${medial.left} >= ${initial.right})`);
    assert.ok(final.left >= medial.right, `the final part begins where the medial one ended (${final.left} >= ${medial.right})`);
    assert.ok(after.left < initial.right, 'the next whole line begins at the margin');
    assert.equal((await page.locator('#final').innerText()).trim(), 'I do, kneeling my lord.', 'the hidden words are not read');
    assert.equal(await page.locator('#final .part-before').getAttribute('aria-hidden'), 'true');

    assert.equal(await style('#aside', 'display'), 'inline', 'a stage direction amid the words stays in the line');
    assert.equal(await style('#aside', 'font-style'), 'italic');
    const [aside, split, whole] = [await box('#aside'), await box('#final'), await box('#after')];
    assert.ok(split.height < 1.5 * whole.height, `the line holding it is one line (${split.height}px high; a line is ${whole.height}px)`);
    assert.ok(aside.y >= split.y - 1 && aside.y + aside.height <= split.y + split.height + 1, 'within that line');
    assert.equal(await style('#entrance', 'display'), 'block');
    assert.equal(await style('#words .tei-mentioned', 'font-style'), 'italic');
    assert.equal(await style('#words .tei-term', 'font-style'), 'italic');
    assert.match(await page.locator('#words').innerText(), /noun, ‘a small feline’\./);
  });

  it('links note call-outs to their notes and back, and the contents, lines and pointers to their targets', async () => {
    await page.goto(`${edition!.site}structure/index.html`);
    const call = page.locator('a.note-ref').first();
    assert.equal((await call.innerText()).trim(), '1');
    await call.click();
    assert.equal(await page.evaluate(() => document.querySelector(':target')?.textContent?.includes('The first footnote')), true);
    await page.locator(':target a.note-back').click();
    assert.equal(await page.evaluate(() => document.querySelector(':target')?.classList.contains('note-ref')), true);
    assert.equal((await page.locator('a.note-ref', { hasText: '*' }).count()), 1, '@n is the label');
    assert.equal(await page.locator('ol.endnotes li').first().innerText().then((t) => t.includes('The endnote')), true);

    for (const link of await page.locator('nav.contents a').all()) {
      const id = (await link.getAttribute('href'))!.slice(1);
      const heading = await page.locator(`[id="${id}"] > :is(h2, h3)`).evaluate((h) => [...h.childNodes].filter((n) => !(n instanceof Element && n.matches('.note-ref'))).map((n) => n.textContent).join('').trim());
      assert.equal(heading, await link.innerText());
    }
    assert.equal((await page.locator('a.line-number').allInnerTexts()).join(' '), '5');
    assert.equal(await page.locator('a.tei-ptr', { hasText: 'line 7' }).getAttribute('href'), '#line-seven');
    assert.equal(await page.locator('th').count(), 4);
    assert.equal(await page.locator('td[rowspan="2"]').count(), 1);
  });

  it('shows page numbers as links and the facsimiles copied into the edition', async () => {
    await page.goto(`${edition!.site}pages/index.html`);
    assert.deepEqual(await page.locator('.page-break a.page-number').allInnerTexts(), ['1', '2', '3', '3']);
    assert.deepEqual(await page.locator('.page-break').evaluateAll((all) => all.map((e) => e.id)), ['page-1', 'page-2', 'page-3', 'page-3-2']);
    for (const image of await page.locator('a.facsimile img, figure img').all()) {
      assert.ok(await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), `${await image.getAttribute('src')} loads`);
    }
    assert.equal(await page.locator('figure img').getAttribute('alt'), 'A green rectangle standing for the harbour.');
    assert.match((await page.locator('a.facsimile-link').getAttribute('href'))!, /\/100,200,600,300\/max\/0\/default\.jpg$/, 'an IIIF zone links to its region');
    assert.equal(await page.locator('img[src^="http"]').count(), 0, 'nothing is loaded from the web');
    assert.equal(await page.locator('.tei-sourceDoc .tei-line').count(), 2);
  });
});

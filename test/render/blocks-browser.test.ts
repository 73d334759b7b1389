/**
 * The look of the blocks block37 set apart, measured in headless Chromium:
 * a title page centred, its main title larger than its subtitle; a trailer
 * centred; a letter's dateline and signature to the right; a label between
 * blocks in small capitals on a line of its own; a division's subtitle
 * smaller than its title; a note not the author's signed "— Ed.".
 */
import { strict as assert } from 'node:assert';
import { oneDocumentInBrowser } from '../support/browser.js';

const tei = '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Blocks</title>'
  + '<respStmt xml:id="ed"><resp>editor</resp><name>Ed Itor</name></respStmt></titleStmt>'
  + '<publicationStmt><p>Test.</p></publicationStmt><sourceDesc><p>Made up.</p></sourceDesc></fileDesc></teiHeader><text>'
  + '<front><titlePage><docTitle><titlePart type="main">Main Title</titlePart><titlePart type="sub">A Subtitle</titlePart></docTitle>'
  + '<docImprint>London, 1850</docImprint><imprimatur>Imprimatur, J. Censor</imprimatur></titlePage></front>'
  + '<body><div><head>Letter</head><head type="sub">To a friend</head><opener><dateline>London, 1 May</dateline><salute>Dear Sir,</salute></opener>'
  + '<p>Text<note resp="#ed">A gloss.</note>.</p><label>CHORUS.</label><lg><l>one</l></lg>'
  + '<closer><salute>Yours truly,</salute><signed>J. S.</signed></closer><trailer>THE END</trailer></div></body></text></TEI>';

describe('blocks set apart, in a browser', function () {
  const edition = oneDocumentInBrowser('blocks', tei);

  it('sets the title page, trailer, letter parts, label, subtitle and signature as print does', async () => {
    const { page } = edition;
    const style = (selector: string): Promise<{ align: string; size: number; variant: string; display: string; left: number; right: number; parentRight: number }> =>
      page.locator(selector).first().evaluate((e) => {
        const s = getComputedStyle(e);
        const range = document.createRange();
        range.selectNodeContents(e);
        const words = range.getBoundingClientRect();
        return { align: s.textAlign, size: parseFloat(s.fontSize), variant: s.fontVariantCaps, display: s.display, left: words.left, right: words.right, parentRight: e.getBoundingClientRect().right };
      });
    const main = await style('.tei-titlePart.rend-main');
    const sub = await style('.tei-titlePart.rend-sub');
    const paragraph = await style('p.tei-p');
    assert.equal(main.align, 'center');
    assert.ok(main.size > sub.size && sub.size > paragraph.size, `title ${main.size}px > subtitle ${sub.size}px > text ${paragraph.size}px`);
    const imprimatur = await style('.tei-imprimatur');
    assert.equal(imprimatur.display, 'block');
    assert.equal(imprimatur.align, 'center');
    assert.equal((await style('.tei-trailer')).align, 'center');
    for (const selector of ['.tei-dateline', '.tei-signed', '.tei-closer > .tei-salute']) {
      const s = await style(selector);
      assert.equal(s.align, 'right', selector);
      assert.ok(Math.abs(s.right - s.parentRight) < 2, `${selector} ends at the right edge`);
    }
    const label = await style('p.label-block');
    assert.equal(label.display, 'block');
    assert.equal(label.variant, 'small-caps');
    const title = await style('hgroup h2');
    const subtitle = await style('hgroup .subhead');
    assert.ok(subtitle.size < title.size, `subtitle ${subtitle.size}px < title ${title.size}px`);
    assert.equal(await page.locator('ol.footnotes li .note-by').innerText(), '— Ed.');
  });
});

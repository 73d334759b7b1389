/**
 * A span's annotation reached with the keyboard, in headless Chromium without JavaScript (stop 41). span "associates
 * an interpretative annotation directly with a span of text" (TEI Guidelines 17.3): the page sets it in the margin
 * beside the words it is on and marks them; a reader who cannot hover had no way from the words to it. Now Tab
 * reaches the annotation's letter after the words, a link to it; Enter brings the annotation into view, and Tab and
 * Enter lead back, as a footnote's call-out and body do. axe-core finds nothing wrong with the page.
 */
import { strict as assert } from 'node:assert';
import { axeViolations, focusedForScreenReader, oneDocumentInBrowser, withoutJavaScript } from '../support/browser.js';
import { teiText } from '../support/tei-doc.js';

const tei = teiText({
  title: 'Annotated',
  body: '<p>He met <seg xml:id="w">the smith</seg> at the forge.</p><p>Another paragraph.</p>'
    + '<spanGrp><span type="gloss" target="#w">a blacksmith by trade</span></spanGrp>',
});

describe('a span\'s annotation reached with the keyboard, in a browser', function () {
  const edition = oneDocumentInBrowser('annotated', tei);

  it('takes a keyboard user from the words to their annotation and back, without JavaScript', async () => {
    await withoutJavaScript(edition, 'annotated/index.html', async (reader) => {
      const link = reader.locator('a.annotation-ref');
      assert.equal(await link.count(), 1);
      let tabs = 0;
      while (!(await link.evaluate((a) => a === document.activeElement))) {
        assert.ok(++tabs < 100, 'the annotation\'s link is never reached with Tab');
        await reader.keyboard.press('Tab');
      }
      assert.deepEqual(await focusedForScreenReader(reader), { role: 'link', name: 'Annotation a', description: '' });
      await reader.keyboard.press('Enter');
      await reader.waitForURL(/#annotation-1$/);
      const note = reader.locator(':target');
      assert.equal(await note.getAttribute('class'), 'note-margin span-annotation');
      assert.equal(await note.innerText(), 'a gloss: a blacksmith by trade');
      assert.ok(await note.isVisible());

      await reader.keyboard.press('Tab');
      const back = reader.locator('#annotation-1 a.annotation-back');
      assert.equal(await back.evaluate((a) => a === document.activeElement), true, 'Tab goes on to the annotation\'s letter');
      await reader.keyboard.press('Enter');
      await reader.waitForURL(/#annotation-ref-1$/);
      assert.equal(await reader.evaluate(() => document.querySelector(':target')?.className), 'annotation-ref');
    });
  });

  it('has no axe-core violations', async () => {
    const violations = await axeViolations(edition.page);
    assert.deepEqual(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.html).join(', ')})`), []);
  });
});

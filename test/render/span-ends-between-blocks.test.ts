/**
 * A span (delSpan, addSpan, damageSpan) "up to the element pointed to by
 * @spanTo" that ends at an empty element standing between paragraphs (an
 * anchor, a pb, a section's milestone). The plain text closed it with a line
 * "⟧" of its own after the paragraph, or, at a section break, not at all: the
 * deletion ran on into the next section. Its closing mark now stands after the
 * last words before that element, as it does for a span ending inside a paragraph.
 */
import { strict as assert } from 'node:assert';
import { toText } from '../../src/transform/index.js';
import { teiDoc } from '../support/tei-doc.js';

const text = async (body: string, mode: 'reading' | 'diplomatic'): Promise<string[]> =>
  (await toText(teiDoc({ file: 'spans.xml', title: 'Spans', body }), { mode })).trim().split('\n\n');

describe('a span that ends at an empty element between paragraphs', function () {
  this.timeout(300_000);

  for (const [name, end] of [['an anchor', '<anchor xml:id="e"/>'], ['a page break', '<pb n="2" xml:id="e"/>'], ['an lb', '<lb xml:id="e"/>']]) {
    it(`closes at the end of the paragraph before ${name}`, async () => {
      const body = `<div><p>One <delSpan spanTo="#e"/>two</p><p>three</p>${end}<p>four</p></div>`;
      assert.deepEqual(await text(body, 'diplomatic'), ['One ⟦two', 'three⟧', 'four']);
      assert.deepEqual(await text(body, 'reading'), ['One', 'four']);
    });
  }

  it('closes before a section break it ends at', async () => {
    const body = '<div><p>One <delSpan spanTo="#e"/>two</p><p>three</p><milestone unit="section" xml:id="e"/><p>four</p></div>';
    assert.deepEqual(await text(body, 'diplomatic'), ['One ⟦two', 'three⟧', '* * *', 'four']);
  });

  it('closes after the last words before a run of empty elements, an addition as a deletion', async () => {
    const body = '<div><p>One <addSpan spanTo="#e"/>two</p><p>three</p><pb n="2"/><anchor xml:id="e"/><p>four</p></div>';
    assert.deepEqual(await text(body, 'diplomatic'), ['One \\two', 'three/', 'four']);
    assert.deepEqual(await text(body, 'reading'), ['One two', 'three', 'four']);
  });

  it('still closes inside a paragraph before an lb there', async () => {
    const body = '<div><p>One <delSpan spanTo="#e"/>two <lb xml:id="e"/>three</p></div>';
    assert.deepEqual(await text(body, 'diplomatic'), ['One ⟦two ⟧\nthree']);
  });
});

/**
 * A milestone "marks a boundary point separating any kind of section of a
 * text" (TEI Guidelines); where its @unit is a reference system's (a verse, a
 * Stephanus page, a line …) and not a section's, its @n is how the text is
 * cited. It was an empty span, the number invisible. Now the number stands in
 * the margin, as a verse line's does; a section break (section-break.test.ts)
 * and a milestone with no @n are as before; the plain text has no number, as
 * it has no page number.
 */
import { strict as assert } from 'node:assert';
import { readFile } from 'node:fs/promises';
import { toHtml, toText } from '../../src/transform/index.js';
import { teiDoc, type TeiSource } from '../support/tei-doc.js';

const doc = (body: string): TeiSource => teiDoc({ file: 'milestones.xml', title: 'Milestones', body });

const body = '<p><milestone unit="stephanus" n="327a"/>I went down yesterday to the Piraeus <milestone xml:id="s327b" unit="Stephanus" n="327b"/>with Glaucon'
  + ' <milestone unit="verse"/>and <milestone unit="section" n="2"/>prayed.</p>'
  + '<lg><l>In the beginning <milestone unit="verse" n="1.2"/>was the word</l></lg>';

describe('milestones of a reference system', function () {
  this.timeout(300_000);

  it('show their number in the margin, their unit and number in the title', async () => {
    const page = await toHtml(doc(body));
    assert.match(page, /<span class="tei-milestone reference-milestone" data-n="327a" data-unit="stephanus" title="Stephanus 327a"><span class="reference-number">327a<\/span><\/span>I went/);
    assert.match(page, /<span class="tei-milestone reference-milestone" data-n="327b" data-unit="Stephanus" title="Stephanus 327b" id="s327b"><span class="reference-number">327b<\/span><\/span>with/);
    assert.match(page, /<span class="tei-milestone reference-milestone" data-n="1.2" data-unit="verse" title="Verse 1.2"><span class="reference-number">1.2<\/span><\/span>was/);
    // No number to show, or a section's unit: the marker as before.
    assert.match(page, /<span class="tei-milestone" data-n="" data-unit="verse"><\/span>and <span class="tei-milestone" data-n="2" data-unit="section"><\/span>prayed/);
    const css = await readFile(new URL('../../xslt/html/samizdat.css', import.meta.url), 'utf8');
    assert.match(css, /\.reference-milestone \.reference-number \{ position: absolute; right: 100%;/);
  });

  it('leave the plain text as it was', async () => {
    assert.equal((await toText(doc(body))).trim(), 'I went down yesterday to the Piraeus with Glaucon and prayed.\n\nIn the beginning was the word');
  });
});

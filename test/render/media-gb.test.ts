/**
 * media "indicates the location of any form of external media such as an
 * audio or video clip"; gb "marks the beginning of a new gathering or quire in
 * a transcribed codex" (TEI Guidelines). Both were empty spans: the clip not
 * offered at all, the gathering unmarked. Now an audio or video player
 * (controls, no autoplay) or a link, its desc the label, and never a
 * javascript: address; a gathering marker as a page break has.
 */
import { strict as assert } from 'node:assert';
import { HtmlValidate } from 'html-validate';
import { toHtml } from '../../src/transform/index.js';
import { teiDoc, type TeiSource } from '../support/tei-doc.js';

const doc = (body: string): TeiSource => teiDoc({ file: 'media.xml', title: 'Media', body });
const article = (page: string): string => /<article>([\s\S]*?)<\/article>/.exec(page)?.[1] ?? '';

describe('media and gb on the page', function () {
  this.timeout(300_000);

  it('offers an audio or a video clip in a player with controls, its desc the label', async () => {
    const page = article(await toHtml(doc('<p>Hear <media xml:id="m1" url="audio/a.mp3" mimeType="audio/mpeg"><desc>The poet reads</desc></media>'
      + ' and see <media url="https://example.org/v.mp4" mimeType="video/mp4"/>.</p>')));
    assert.match(page, /<span class="tei-media media-audio" id="m1"><audio controls="controls" preload="none" src="audio\/a.mp3" aria-label="The poet reads"><a href="audio\/a.mp3">The poet reads<\/a><\/audio><span class="media-desc">The poet reads<\/span><\/span>/);
    assert.match(page, /<video controls="controls" preload="none" src="https:\/\/example.org\/v.mp4" aria-label="Video">/);
    assert.doesNotMatch(page, /autoplay/);
  });

  it('links other media, and never makes a javascript: address a src or an href', async () => {
    const page = article(await toHtml(doc('<p><media url="score.pdf" mimeType="application/pdf"><desc>The score</desc></media>'
      + ' <media url="javascript:alert(1)" mimeType="audio/mpeg"><desc>Bad</desc></media>'
      + ' <media url=" JavaScript:alert(2)" mimeType="text/html"/></p>')));
    assert.match(page, /<a href="score.pdf" class="tei-media media-link">The score<\/a>/);
    assert.match(page, /<span class="tei-media missing-media">\[bad\]<\/span>/);
    assert.doesNotMatch(page, /javascript:/i);
  });

  it('writes valid HTML5 (html-validate, its standard rules)', async () => {
    const page = await toHtml(doc('<p>Hear <media xml:id="m1" url="a.mp3" mimeType="audio/mpeg"><desc>Reading</desc></media>, see'
      + ' <media url="v.webm" mimeType="video/webm"/>, read <media url="s.pdf" mimeType="application/pdf"/>'
      + ' <media url="javascript:x" mimeType="audio/ogg"/><gb n="C"/>.</p>'));
    const report = await new HtmlValidate({ extends: ['html-validate:standard'] }).validateString(page, 'media.html');
    assert.deepEqual(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`)), []);
  });

  it('marks a gathering break as a page break is marked', async () => {
    const page = article(await toHtml(doc('<p>End of quire<gb n="B"/> <pb n="17"/>and on.</p>')));
    assert.match(page, /<span class="tei-gb gathering-break" title="Gathering B"><span class="gathering-number">B<\/span><\/span>/);
  });
});

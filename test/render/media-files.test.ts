/**
 * The audio and video a relative media/@url names are part of the edition, as
 * the images a graphic names are (images.test.ts): copied into
 * `images/<path from the edition's root>`, played from there by the page, and
 * part of the document's cache key; a file that cannot be published (missing,
 * not audio or video, outside the edition's folder) is a warning with its line
 * and column, and the page offers no player pointing to nothing.
 */
import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from '../../src/build/index.js';
import { imageMentions, imagesParameter, isMedia } from '../../src/build/images.js';
import { teiText } from '../support/tei-doc.js';

/** The line and column (1-based) of the value of the attribute written `attribute` in `text`. */
function placeOf(text: string, attribute: string): string {
  const at = text.indexOf(attribute);
  assert.notEqual(at, -1, attribute);
  const offset = at + attribute.indexOf('"') + 1;
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${before[before.length - 1].length + 1}`;
}

// An MP3 with its ID3 tag, an Ogg page, a WebM (EBML) header: the first bytes the build looks at.
const mp3 = Buffer.concat([Buffer.from('ID3\u0004\u0000\u0000\u0000\u0000\u0000\u0000', 'latin1'), Buffer.alloc(32, 0x55)]);
const ogg = Buffer.concat([Buffer.from('OggS\u0000\u0002', 'latin1'), Buffer.alloc(32, 0x11)]);
const webm = Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3]), Buffer.alloc(32, 0x22)]);

describe('audio and video in the edition', function () {
  this.timeout(300_000);
  let scratch: string;
  let root: string;
  const body = [
    '<p>Hear <media url="audio/reading.mp3" mimeType="audio/mpeg"><desc>The poet reads</desc></media>',
    ' and <media url="audio/clip%20two.ogg" mimeType="audio/ogg"/>,',
    ' see <media url="video/lost.webm" mimeType="video/webm"><desc>The lost film</desc></media>,',
    ' not <media url="audio/page.mp3" mimeType="audio/mpeg"/>,',
    ' nor <media url="../../elsewhere.webm" mimeType="video/webm"/>,',
    ' and on the web <media url="https://example.org/v.mp4" mimeType="video/mp4"/>.</p>',
    '<figure><graphic url="https://example.org/poster.png"/><media url="video/film.webm" mimeType="video/webm"/></figure>',
  ].join('\n');
  const text = teiText({ body, title: 'Recordings' });
  before(() => {
    scratch = mkdtempSync(join(tmpdir(), 'samizdat-media-'));
    root = join(scratch, 'edition');
    mkdirSync(join(root, 'tei', 'audio'), { recursive: true });
    mkdirSync(join(root, 'tei', 'video'), { recursive: true });
    writeFileSync(join(root, 'tei', 'recordings.xml'), text);
    writeFileSync(join(root, 'tei', 'audio', 'reading.mp3'), mp3);
    writeFileSync(join(root, 'tei', 'audio', 'clip two.ogg'), ogg);
    writeFileSync(join(root, 'tei', 'video', 'film.webm'), webm);
    // A page that calls itself a recording: the page must not publish it under that name.
    writeFileSync(join(root, 'tei', 'audio', 'page.mp3'), '<!doctype html><script>alert(1)</script>');
    writeFileSync(join(scratch, 'elsewhere.webm'), webm);
  });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('finds every relative media/@url, whatever its name, and no address on the web', () => {
    const found = imageMentions('<p><media url="a/b.mp3"/><ptr url="c.mp3"/><tei:media mimeType="audio/x" url="d"/><media url="https://x.org/e.mp3"/><graphic url="f.png"/></p>');
    assert.deepEqual(found.map((m) => `${m.ref}${m.media ? ' (media)' : ''}`), ['a/b.mp3 (media)', 'd (media)', 'f.png']);
  });

  // media38 copied audio.mp3#t=10,20 but addressed the copy without #t=10,20: the page played the whole file.
  it('keeps a reference\'s fragment (a media fragment) in its copy\'s address, not its query', () => {
    const copy = (ref: string) => ({ ref, source: '/e/tei/audio/a.mp3', out: 'images/tei/audio/a.mp3', hash: 'h' });
    assert.deepEqual(JSON.parse(imagesParameter([copy('audio/a.mp3#t=10,20'), copy('audio/a.mp3?v=2'), copy('audio/a.mp3')])), {
      'audio/a.mp3#t=10,20': '../images/tei/audio/a.mp3#t=10,20',
      'audio/a.mp3?v=2': '../images/tei/audio/a.mp3',
      'audio/a.mp3': '../images/tei/audio/a.mp3',
    });
  });

  it('recognises audio and video by their first bytes', () => {
    for (const bytes of [mp3, ogg, webm]) assert.equal(isMedia(bytes), true);
    assert.equal(isMedia(Buffer.from('<!doctype html>')), false);
  });

  it('copies the files into the edition, plays them from there, warns about the others with their place', async () => {
    const options = { out: join(root, 'dist'), buildCacheDir: join(root, 'cache'), root, citations: false as const, search: false };
    const first = await build(join(root, 'tei'), options);
    assert.equal(first.written, true, JSON.stringify(first.diagnostics));
    assert.deepEqual(readFileSync(join(root, 'dist', 'images', 'tei', 'audio', 'reading.mp3')), mp3);
    assert.deepEqual(readFileSync(join(root, 'dist', 'images', 'tei', 'audio', 'clip two.ogg')), ogg);
    assert.deepEqual(readFileSync(join(root, 'dist', 'images', 'tei', 'video', 'film.webm')), webm);
    assert.equal(existsSync(join(root, 'dist', 'images', 'tei', 'audio', 'page.mp3')), false);
    assert.equal(existsSync(join(root, 'dist', 'images', 'elsewhere.webm')), false);

    const warnings = first.diagnostics.map((d) => `${d.severity} ${d.ruleId} ${d.line}:${d.column} ${d.message}`);
    assert.equal(warnings.length, 3, warnings.join('\n'));
    assert.match(warnings[0], new RegExp(`^warning build-image ${placeOf(text, 'url="video/lost.webm"')} the media file "video/lost.webm" does not exist`));
    assert.match(warnings[1], new RegExp(`^warning build-image ${placeOf(text, 'url="audio/page.mp3"')} the media file "audio/page.mp3" is not an audio or video file`));
    assert.match(warnings[2], new RegExp(`^warning build-image ${placeOf(text, 'url="../../elsewhere.webm"')} the media file "../../elsewhere.webm" lies outside the edition's folder`));

    const page = readFileSync(join(root, 'dist', 'recordings', 'index.html'), 'utf8');
    assert.match(page, /<audio controls="controls" preload="none" src="\.\.\/images\/tei\/audio\/reading\.mp3" aria-label="The poet reads">/);
    assert.match(page, /<audio controls="controls" preload="none" src="\.\.\/images\/tei\/audio\/clip%20two\.ogg"/);
    assert.match(page, /<video controls="controls" preload="none" src="\.\.\/images\/tei\/video\/film\.webm"/);
    assert.match(page, /<video controls="controls" preload="none" src="https:\/\/example\.org\/v\.mp4"/);
    // What was not published is named, not pointed to.
    assert.match(page, /<span class="tei-media missing-media">\[the lost film\]<\/span>/);
    assert.doesNotMatch(page, /src="(video\/lost|audio\/page|\.\.\/\.\.\/elsewhere)/);
    assert.doesNotMatch(page, /href="(video\/lost|audio\/page|\.\.\/\.\.\/elsewhere)/);

    const unchanged = await build(join(root, 'tei'), options);
    assert.deepEqual(unchanged.rendered, []);
    writeFileSync(join(root, 'tei', 'audio', 'reading.mp3'), Buffer.concat([mp3, Buffer.from('more')]));
    const again = await build(join(root, 'tei'), options);
    assert.deepEqual(again.rendered, ['recordings']);
    assert.deepEqual(again.changedFiles, ['images/tei/audio/reading.mp3']);
  });
});

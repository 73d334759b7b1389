/**
 * A note of a source-document transcription (sourceDoc) attached to a line or
 * a zone. TEI: note "contains a note or annotation"; its @target "indicates
 * the point of attachment of a note, or the beginning of the span to which the
 * note is attached" (att.pointing, note). An editor's notes on a transcription
 * often stand after its surfaces, each pointing at a line (TEIC/Stylesheets
 * Test/test32.xml has 226): their call-outs stood where the notes are encoded,
 * at the end of the transcription, far from the lines they are on. Now the
 * call-out (a link to the note's body, which links back) stands at the end of
 * the line or zone the note names, on the page and as "[n]" in the plain text;
 * a note without @target stays where it is encoded.
 */
import { strict as assert } from 'node:assert';
import { toHtml, toText } from '../../src/transform/index.js';
import { teiDoc, type TeiSource } from '../support/tei-doc.js';

/** A document whose only transcription is the sourceDoc $content (the header teiDoc makes, no text). */
const sourceDoc = (content: string): TeiSource => {
  const doc = teiDoc({ file: 'sourcedoc-notes.xml', title: 'Notes on lines', body: '<p>x</p>' });
  return { ...doc, text: doc.text.replace(/<text>[\s\S]*<\/text>/, `<sourceDoc>${content}</sourceDoc>`) };
};

const DOC = sourceDoc('<surface n="1"><zone xml:id="z1"><line xml:id="l1">First line.</line><line xml:id="l2">Second line.</line></zone>'
  + '<zone xml:id="z2"><line>Third line.</line></zone></surface>'
  + '<note xml:id="n1" target="#l1">On the first line.</note>'
  + '<note xml:id="n2" target="#l2">On the second line.</note>'
  + '<note xml:id="n3" target="#l2">Again on the second line.</note>'
  + '<note xml:id="n4" target="#z2">On the second zone.</note>'
  + '<note xml:id="n5">On the whole page.</note>');

/** The call-out core.xsl writes for note $id labelled $n. */
const call = (id: string, n: number): string => `<a class="note-ref" id="noteref-${id}" href="#${id}" role="doc-noteref" aria-label="Note ${n}"><sup>${n}</sup></a>`;
const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('a sourceDoc note attached to a line or a zone', function () {
  this.timeout(300_000);

  it('calls it out at the end of its line or zone on the page, linked both ways', async () => {
    const page = await toHtml(DOC);
    // A note on a line: its call-out ends the line.
    assert.match(page, new RegExp(esc(`<div class="tei-line" id="l1">First line.${call('n1', 1)}</div>`)));
    // Two notes on one line: both, in the order they are encoded.
    assert.match(page, new RegExp(esc(`<div class="tei-line" id="l2">Second line.${call('n2', 2)}${call('n3', 3)}</div>`)));
    // A note on a zone: after the zone's last line, inside the zone.
    assert.match(page, new RegExp(esc(`<div class="tei-zone" id="z2"><div class="tei-line">Third line.</div>${call('n4', 4)}</div>`)));
    // A note without @target: where it is encoded, after the surface.
    assert.match(page, new RegExp(esc(`</div></div>${call('n5', 5)}<ol class="footnotes">`)));
    // Each call-out once, each body once, linking back.
    assert.deepEqual([...page.matchAll(/class="note-ref" id="([^"]+)"/g)].map((m) => m[1]), ['noteref-n1', 'noteref-n2', 'noteref-n3', 'noteref-n4', 'noteref-n5']);
    assert.match(page, new RegExp(esc('<li id="n1" class="tei-note"><a class="note-back" href="#noteref-n1" aria-label="1: back to the text">1</a> On the first line.</li>')));
  });

  it('puts "[n]" at the same places in the plain text', async () => {
    assert.deepEqual((await toText(DOC)).trim().split('\n\n'), [
      'First line.[1]', 'Second line.[2][3]', 'Third line.[4]', '[5]',
      '[1] On the first line.', '[2] On the second line.', '[3] Again on the second line.', '[4] On the second zone.', '[5] On the whole page.',
    ]);
  });

  it('leaves a note whose target is no line or zone where it is encoded', async () => {
    const doc = sourceDoc('<surface xml:id="s1"><zone><line xml:id="m1">A line.</line></zone></surface><note xml:id="m2" target="#s1">On the surface.</note>');
    const page = await toHtml(doc);
    assert.match(page, new RegExp(esc(`<div class="tei-line" id="m1">A line.</div></div></div>${call('m2', 1)}<ol class="footnotes">`)));
    assert.deepEqual((await toText(doc)).trim().split('\n\n'), ['A line.', '[1]', '[1] On the surface.']);
  });
});

/**
 * The numbers of a source-document transcription's notes (sourceDoc) follow the order their call-outs are read.
 * TEI: note "contains a note or annotation"; its @target "indicates the point of attachment of a note"
 * (att.pointing). A note whose @target names a line or a zone is called out at the end of that line or zone
 * (test/render/sourcedoc-notes.test.ts), but the notes were numbered in the order they are encoded, so notes
 * encoded after the surfaces in another order were called out 4, 1, 5 … down the page. Now each is numbered
 * where its call-out stands: the page's call-outs and notes list, the plain text's "[n]" and its notes, and the
 * search passages (the note's words at the end of its line) agree.
 */
import { strict as assert } from 'node:assert';
import { compileStylesheet, runStylesheet, teiSource, toHtml, toText, type CompiledStylesheet } from '../../src/transform/index.js';
import { RECORDS_STYLESHEET } from '../../src/search/index.js';
import { teiDoc, type TeiSource } from '../support/tei-doc.js';

/** A document whose only transcription is the sourceDoc $content. */
const sourceDoc = (content: string): TeiSource => {
  const doc = teiDoc({ file: 'sourcedoc-notes-order.xml', title: 'Notes in reading order', body: '<p>x</p>' });
  return { ...doc, text: doc.text.replace(/<text>[\s\S]*<\/text>/, `<sourceDoc>${content}</sourceDoc>`) };
};

const LINES = '<surface n="1"><zone xml:id="z1"><line xml:id="l1">First line.</line><line xml:id="l2">Second line.</line></zone>'
  + '<zone xml:id="z2"><line xml:id="l3">Third line.</line></zone></surface>';
/** Notes encoded after the lines, last line first. */
const REVERSED = sourceDoc(LINES
  + '<note xml:id="n1" target="#l3">On the third line.</note>'
  + '<note xml:id="n2" target="#z1">On the first zone.</note>'
  + '<note xml:id="n3" target="#l2">On the second line.</note>'
  + '<note xml:id="n4" target="#l1">On the first line.</note>');
/** Targeted notes after the lines, an untargeted one in a line, one with its own label, one after the surface. */
const MIXED = sourceDoc('<note xml:id="m0">Before the surface.</note>'
  + '<surface n="1"><zone xml:id="y1"><line xml:id="k1">First line.</line><line xml:id="k2">Second<note xml:id="m1">In the line.</note> line.</line></zone></surface>'
  + '<note xml:id="m2" target="#k2">On the second line.</note>'
  + '<note xml:id="m3" target="#k1" n="a">Labelled a, on the first line.</note>'
  + '<note xml:id="m4" target="#k1">On the first line.</note>'
  + '<note xml:id="m5">At the end.</note>');

/** The call-out core.xsl writes for note $id labelled $n. */
const call = (id: string, n: string | number): string => `<a class="note-ref" id="noteref-${id}" href="#${id}" role="doc-noteref" aria-label="Note ${n}"><sup>${n}</sup></a>`;
/** The body of note $id in the notes list. */
const body = (id: string, n: string | number, words: string): string => `<li id="${id}" class="tei-note"><a class="note-back" href="#noteref-${id}" aria-label="${n}: back to the text">${n}</a> ${words}</li>`;
const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

let records: CompiledStylesheet;
const passages = (doc: TeiSource): [string, string][] => (JSON.parse(String(runStylesheet(records, teiSource(doc.text, doc.file)))) as { passages: string[][] }).passages.map((p) => [p[0], p[3]]);

describe('sourceDoc notes numbered in the order their call-outs are read', function () {
  this.timeout(300_000);
  before(async () => {
    records = await compileStylesheet(RECORDS_STYLESHEET);
  });

  it('numbers notes encoded after the lines in reverse order down the page, and lists them so', async () => {
    const page = await toHtml(REVERSED);
    assert.match(page, new RegExp(esc(`<div class="tei-zone" id="z1"><div class="tei-line" id="l1">First line.${call('n4', 1)}</div>`
      + `<div class="tei-line" id="l2">Second line.${call('n3', 2)}</div>${call('n2', 3)}</div>`
      + `<div class="tei-zone" id="z2"><div class="tei-line" id="l3">Third line.${call('n1', 4)}</div></div></div>`
      + `<ol class="footnotes">${body('n4', 1, 'On the first line.')}${body('n3', 2, 'On the second line.')}`
      + `${body('n2', 3, 'On the first zone.')}${body('n1', 4, 'On the third line.')}</ol></section>`)));
  });

  it('gives them the same numbers, in the same order, in the plain text', async () => {
    assert.deepEqual((await toText(REVERSED)).trim().split('\n\n'), [
      'First line.[1]', 'Second line.[2][3]', 'Third line.[4]',
      '[1] On the first line.', '[2] On the second line.', '[3] On the first zone.', '[4] On the third line.',
    ]);
  });

  it('puts their words at the end of their lines in the search passages', async () => {
    assert.deepEqual(passages(REVERSED), [
      ['l1', 'First line. [On the first line.]'],
      ['l2', 'Second line. [On the second line.] [On the first zone.]'],
      ['l3', 'Third line. [On the third line.]'],
    ]);
  });

  it('numbers a mix of targeted and untargeted notes where each is called out, @n labels kept', async () => {
    const page = await toHtml(MIXED);
    assert.match(page, new RegExp(esc(`<section class="tei-sourceDoc" aria-label="Transcription of the source document">${call('m0', 1)}`
      + `<div class="tei-surface"><p class="surface-label">Surface 1</p><div class="tei-zone" id="y1">`
      + `<div class="tei-line" id="k1">First line.${call('m3', 'a')}${call('m4', 2)}</div>`
      + `<div class="tei-line" id="k2">Second${call('m1', 3)} line.${call('m2', 4)}</div></div></div>${call('m5', 5)}`
      + `<ol class="footnotes">${body('m0', 1, 'Before the surface.')}${body('m3', 'a', 'Labelled a, on the first line.')}`
      + `${body('m4', 2, 'On the first line.')}${body('m1', 3, 'In the line.')}${body('m2', 4, 'On the second line.')}`
      + `${body('m5', 5, 'At the end.')}</ol></section>`)));
    assert.deepEqual((await toText(MIXED)).trim().split('\n\n'), [
      '[1]', 'First line.[a][2]', 'Second[3] line.[4]', '[5]',
      '[1] Before the surface.', '[a] Labelled a, on the first line.', '[2] On the first line.', '[3] In the line.',
      '[4] On the second line.', '[5] At the end.',
    ]);
    assert.deepEqual(passages(MIXED), [
      ['', '[Before the surface.]'],
      ['k1', 'First line. [Labelled a, on the first line.] [On the first line.]'],
      ['k2', 'Second [In the line.] line. [On the second line.]'],
      ['', '[At the end.]'],
    ]);
  });
});

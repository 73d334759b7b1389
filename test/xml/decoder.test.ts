/**
 * The UTF-8 decoder, fed a document in chunks of any size: most chunks go
 * through the platform's decoder and only their line ends are counted, the
 * others (with a CR or a NUL, or invalid) are walked byte by byte. Whatever
 * the cut, the text is the document's and a problem has the place of its
 * first bad byte, as counted here independently (lines end with LF, CR LF
 * or CR; a column per character).
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { CheckedDecoder } from '../../src/xml/encoding.js';

/** Line and column just after `text` (the place of whatever follows it). */
function placeAfter(text: string): { line: number; column: number } {
  let line = 1;
  let column = 1;
  const characters = [...text];
  characters.forEach((c, i) => {
    if (c === '\n') {
      if (characters[i - 1] !== '\r') line++;
      column = 1;
    } else if (c === '\r') {
      line++;
      column = 1;
    } else column++;
  });
  return { line, column };
}

function decodeInChunks(bytes: Uint8Array, cuts: number[]) {
  const decoder = new CheckedDecoder('utf-8');
  const ends = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b).concat(bytes.length);
  let text = '';
  let from = 0;
  for (const end of ends) {
    const piece = decoder.decode(bytes.subarray(from, end), end === bytes.length);
    if (typeof piece !== 'string') return piece;
    text += piece;
    from = end;
  }
  return text;
}

const piece = fc.constantFrom('a', 'TEI ', '<p>', '\n', '\r\n', '\r', 'é', 'Ж', '€', '中', '𝔄', '😀', '\t');
const document = fc.array(piece, { maxLength: 60 }).map((parts) => parts.join(''));
const cuts = fc.array(fc.nat(), { maxLength: 6 });
const encode = (text: string) => new TextEncoder().encode(text);

describe('reading: the UTF-8 decoder, chunk by chunk', () => {
  it('gives back the text, however the bytes are cut', () => {
    fc.assert(fc.property(document, cuts, (text, at) => {
      assert.equal(decodeInChunks(encode(text), at), text);
    }), { numRuns: 500 });
  });

  // A lone continuation byte, a sequence cut short by an ASCII byte, a surrogate, an overlong form, a NUL.
  const bad: [number[], 'invalid' | 'nul'][] = [[[0x80], 'invalid'], [[0xe2, 0x61], 'invalid'], [[0xed, 0xa0, 0x80], 'invalid'], [[0xc0, 0xaf], 'invalid'], [[0xf4, 0x90, 0x80, 0x80], 'invalid'], [[0x00], 'nul']];

  it('places a bad byte where it is, however the bytes are cut', () => {
    fc.assert(fc.property(document, fc.constantFrom(...bad), document, cuts, (before, [wrong, kind], after, at) => {
      const bytes = new Uint8Array([...encode(before), ...wrong, ...encode(after)]);
      const problem = decodeInChunks(bytes, at);
      assert.ok(typeof problem !== 'string', 'the document is refused');
      assert.equal(problem.kind, kind);
      assert.deepEqual({ line: problem.line, column: problem.column }, placeAfter(before));
      if (kind === 'invalid') assert.equal(problem.byte, wrong[0]);
    }), { numRuns: 500 });
  });

  it('drops a leading byte-order mark and keeps a later U+FEFF, as TextDecoder does, whole (converted by the platform) or in chunks', () => {
    fc.assert(fc.property(fc.boolean(), document, fc.constantFrom('', '\uFEFF'), document, cuts, (mark, before, inside, after, at) => {
      const text = `${mark ? '\uFEFF' : ''}${before}${inside}${after}`;
      const bytes = encode(text);
      const expected = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      assert.equal(expected, text.startsWith('\uFEFF') ? text.slice(1) : text);
      assert.equal(decodeInChunks(bytes, []), expected, 'whole');
      assert.equal(decodeInChunks(bytes, at), expected, 'in chunks');
    }), { numRuns: 300 });
  });

  it('refuses a document that ends inside a sequence', () => {
    fc.assert(fc.property(document, cuts, (before, at) => {
      const bytes = new Uint8Array([...encode(before), 0xe2, 0x82]);
      const problem = decodeInChunks(bytes, at);
      assert.ok(typeof problem !== 'string');
      assert.deepEqual({ line: problem.line, column: problem.column, byte: problem.byte }, { ...placeAfter(before), byte: 0xe2 });
    }), { numRuns: 300 });
  });
});

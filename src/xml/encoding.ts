/**
 * Which character encoding a document is really in, what it declares, and a
 * streaming UTF-8 check that knows the line and column of a bad byte.
 * Only UTF-8 and UTF-16 are accepted (the two every XML processor must read).
 */
import { diagnostic, type Diagnostic } from '../diagnostics.js';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export interface SniffedEncoding {
  encoding: Encoding;
  /** Whether a byte-order mark starts the file. */
  bom: boolean;
}

/** Reads the first bytes (byte-order mark, or the `<?` of the declaration) to find the encoding. */
export function sniffEncoding(head: Uint8Array, file: string): SniffedEncoding | Diagnostic {
  const [a, b, c, d] = head;
  if ((a === 0x00 && b === 0x00 && c === 0xfe && d === 0xff) || (a === 0xff && b === 0xfe && c === 0x00 && d === 0x00)) {
    return unsupported(file, 'UTF-32 (found by its byte-order mark)');
  }
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: 'utf-8', bom: true };
  if (a === 0xff && b === 0xfe) return { encoding: 'utf-16le', bom: true };
  if (a === 0xfe && b === 0xff) return { encoding: 'utf-16be', bom: true };
  if (a === 0x3c && b === 0x00 && c === 0x3f && d === 0x00) return { encoding: 'utf-16le', bom: false };
  if (a === 0x00 && b === 0x3c && c === 0x00 && d === 0x3f) return { encoding: 'utf-16be', bom: false };
  if (a === 0x4c && b === 0x6f && c === 0xa7 && d === 0x94) return unsupported(file, 'EBCDIC');
  return { encoding: 'utf-8', bom: false };
}

function unsupported(file: string, actual: string): Diagnostic {
  return diagnostic('error', 'xml-encoding',
    `${file} is encoded in ${actual}; samizdat reads only UTF-8 and UTF-16. Convert it, e.g. with iconv -t UTF-8.`,
    { file, line: 1, column: 1 });
}

/** The `encoding` pseudo-attribute of the XML declaration, if there is one. */
export function declaredEncoding(start: string): string | undefined {
  const match = /^\uFEFF?<\?xml\s[^?]*?\bencoding\s*=\s*(["'])([^"']*)\1/.exec(start);
  return match?.[2];
}

/**
 * Compares what the XML declaration says with what the bytes are. Returns the
 * problem, or undefined when they agree (or nothing is declared, which means
 * UTF-8 or UTF-16 by byte-order mark).
 */
export function checkDeclaredEncoding(declared: string | undefined, actual: SniffedEncoding, file: string): Diagnostic | undefined {
  if (declared === undefined) {
    if (actual.encoding !== 'utf-8' && !actual.bom) {
      return diagnostic('error', 'xml-encoding', `${file} is UTF-16 without a byte-order mark and declares no encoding; add encoding="UTF-16" or a byte-order mark.`, { file, line: 1, column: 1 });
    }
    return undefined;
  }
  const name = declared.toLowerCase().replace(/_/g, '-');
  const where = { file, line: 1, column: 1 };
  const isUtf8 = name === 'utf-8' || name === 'utf8';
  const isUtf16 = name === 'utf-16' || name === 'utf-16le' || name === 'utf-16be';
  if (!isUtf8 && !isUtf16) {
    return diagnostic('error', 'xml-encoding',
      `${file} declares encoding="${declared}" (the bytes read as ${label(actual)}); samizdat accepts only UTF-8 and UTF-16. Convert the file (e.g. iconv -f ${declared} -t UTF-8) and change the declaration.`, where);
  }
  if (isUtf8 && actual.encoding !== 'utf-8') {
    return diagnostic('error', 'xml-encoding', `${file} declares encoding="${declared}" but is actually ${label(actual)}.`, where);
  }
  if (isUtf16 && actual.encoding === 'utf-8') {
    return diagnostic('error', 'xml-encoding', `${file} declares encoding="${declared}" but is actually ${label(actual)}.`, where);
  }
  if ((name === 'utf-16le' && actual.encoding === 'utf-16be') || (name === 'utf-16be' && actual.encoding === 'utf-16le')) {
    return diagnostic('error', 'xml-encoding', `${file} declares encoding="${declared}" but is actually ${label(actual)}.`, where);
  }
  return undefined;
}

function label(actual: SniffedEncoding): string {
  const name = { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16 little-endian', 'utf-16be': 'UTF-16 big-endian' }[actual.encoding];
  return actual.bom ? `${name} (with byte-order mark)` : name;
}

/** A bad byte (or character) found while decoding, with its position. */
export interface DecodeProblem {
  kind: 'invalid' | 'nul';
  line: number;
  column: number;
  byte?: number;
}

/**
 * Decodes a byte stream chunk by chunk, checking every byte: invalid UTF-8
 * (with the line:column of the offending character) and NUL bytes, which
 * mean the file is binary rather than text.
 */
export class CheckedDecoder {
  private readonly decoder: TextDecoder;
  private line = 1;
  private column = 1;
  // UTF-8 validation state (WHATWG decoder algorithm).
  private needed = 0;
  private lower = 0x80;
  private upper = 0xbf;
  private sequenceLine = 1;
  private sequenceColumn = 1;

  constructor(readonly encoding: Encoding) {
    this.decoder = new TextDecoder(encoding, { fatal: true });
  }

  /** Decoded text, or the first problem found in this chunk. */
  decode(chunk: Uint8Array, last = false): string | DecodeProblem {
    if (this.encoding === 'utf-8') {
      const problem = this.checkUtf8(chunk, last);
      if (problem) return problem;
    }
    let text: string;
    try {
      text = this.decoder.decode(chunk, { stream: !last });
    } catch {
      return { kind: 'invalid', line: this.line, column: this.column };
    }
    if (this.encoding !== 'utf-8') {
      const nul = text.indexOf('\0');
      if (nul >= 0) return { kind: 'nul', ...advance(this.line, this.column, text.slice(0, nul)) };
      ({ line: this.line, column: this.column } = advance(this.line, this.column, text));
    }
    return text;
  }

  private checkUtf8(bytes: Uint8Array, last: boolean): DecodeProblem | undefined {
    for (let i = 0; i < bytes.length; i++) {
      const byte = bytes[i];
      if (this.needed === 0) {
        if (byte < 0x80) {
          if (byte === 0x0a) { this.line++; this.column = 1; } else if (byte === 0) {
            return { kind: 'nul', line: this.line, column: this.column, byte };
          } else this.column++;
          continue;
        }
        this.sequenceLine = this.line;
        this.sequenceColumn = this.column;
        if (byte >= 0xc2 && byte <= 0xdf) this.needed = 1;
        else if (byte >= 0xe0 && byte <= 0xef) {
          if (byte === 0xe0) this.lower = 0xa0;
          if (byte === 0xed) this.upper = 0x9f;
          this.needed = 2;
        } else if (byte >= 0xf0 && byte <= 0xf4) {
          if (byte === 0xf0) this.lower = 0x90;
          if (byte === 0xf4) this.upper = 0x8f;
          this.needed = 3;
        } else return { kind: 'invalid', line: this.line, column: this.column, byte };
        this.column++;
        continue;
      }
      if (byte < this.lower || byte > this.upper) {
        return { kind: 'invalid', line: this.sequenceLine, column: this.sequenceColumn, byte };
      }
      this.lower = 0x80;
      this.upper = 0xbf;
      this.needed--;
    }
    if (last && this.needed > 0) return { kind: 'invalid', line: this.sequenceLine, column: this.sequenceColumn };
    return undefined;
  }
}

function advance(line: number, column: number, text: string): { line: number; column: number } {
  let newline = text.lastIndexOf('\n');
  if (newline < 0) return { line, column: column + text.length };
  let count = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
  return { line: line + count, column: text.length - newline };
}

/**
 * Which character encoding a document is in, and decoding it exactly.
 *
 * The encoding is found as XML 1.0 (Appendix F) says: a byte-order mark, or
 * the first bytes, then the XML declaration's `encoding`, which must agree
 * with the bytes. Read: UTF-8, UTF-16 (either byte order), US-ASCII,
 * ISO-8859-1 to -15 (no -12, which was never published), windows-1250 to
 * -1258, KOI8-R and KOI8-U: the encodings XML parsers commonly read and older
 * TEI is often saved in. Decoding never guesses and never replaces: a byte
 * that is not a character of the encoding is reported at its line and column
 * (and the document refused), so a command reads a document exactly or not
 * at all.
 */
import { isUtf8, transcode } from 'node:buffer';
import { endianness } from 'node:os';
import { diagnostic, type Diagnostic } from '../diagnostics.js';

/** An encoding samizdat decodes, by its canonical (IANA) name in lower case. */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | SingleByteEncoding;

type SingleByteEncoding =
  | 'us-ascii'
  | `iso-8859-${1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 13 | 14 | 15}`
  | `windows-${1250 | 1251 | 1252 | 1253 | 1254 | 1255 | 1256 | 1257 | 1258}`
  | 'koi8-r'
  | 'koi8-u';

export interface SniffedEncoding {
  /** What the first bytes say: UTF-16 by its mark or its `<?`, else an ASCII-compatible encoding (UTF-8 until declared otherwise). */
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be';
  /** Whether a byte-order mark starts the file. */
  bom: boolean;
}

/** What the encodings are called in messages. */
export const ENCODINGS_READ = 'UTF-8, UTF-16, US-ASCII, ISO-8859-1…15, windows-1250…1258, KOI8-R and KOI8-U';

/** Reads the first bytes (byte-order mark, or the `<?` of the declaration) to find the encoding family. */
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
    `${file} is encoded in ${actual}; samizdat reads ${ENCODINGS_READ}. Convert it, e.g. with iconv -t UTF-8.`,
    { file, line: 1, column: 1 });
}

/** The `encoding` pseudo-attribute of the XML declaration, if there is one. */
export function declaredEncoding(start: string): string | undefined {
  const match = /^\uFEFF?<\?xml\s[^?]*?\bencoding\s*=\s*(["'])([^"']*)\1/.exec(start);
  return match?.[2];
}

const LATIN_ALIASES: Record<string, number> = { 1: 1, 2: 2, 3: 3, 4: 4, 5: 9, 6: 10, 7: 13, 8: 14, 9: 15 };
const SCRIPT_ALIASES: Record<string, number> = { cyrillic: 5, arabic: 6, greek: 7, hebrew: 8 };

/** The encoding a declared name (IANA name or a common alias, any case) stands for; undefined when samizdat does not read it. */
export function encodingOfLabel(label: string): Encoding | undefined {
  const name = label.trim().toLowerCase().replace(/_/g, '-');
  if (name === 'utf-8' || name === 'utf8') return 'utf-8';
  if (name === 'utf-16le') return 'utf-16le';
  if (name === 'utf-16be') return 'utf-16be';
  if (name === 'us-ascii' || name === 'ascii' || name === 'iso-646-us' || name === 'iso646-us') return 'us-ascii';
  if (name === 'koi8-r' || name === 'koi8-u') return name;
  let part = /^iso-?8859-(\d+)(?::\d+)?$/.exec(name)?.[1];
  const latin = /^(?:latin-?|l)(\d)$/.exec(name)?.[1];
  if (latin !== undefined) part = String(LATIN_ALIASES[latin] ?? '');
  if (name in SCRIPT_ALIASES) part = String(SCRIPT_ALIASES[name]);
  if (part !== undefined && /^(?:[1-9]|1[013-5])$/.test(part)) return `iso-8859-${Number(part)}` as Encoding;
  const windows = /^(?:windows-|cp-?|x-cp)(125[0-8])$/.exec(name)?.[1];
  if (windows !== undefined) return `windows-${windows}` as Encoding;
  return undefined;
}

/**
 * The encoding to decode with: what the XML declaration says, checked
 * against what the bytes say. Without a declaration, UTF-8 (or UTF-16 by its
 * byte-order mark), as XML requires.
 */
export function resolveEncoding(declared: string | undefined, actual: SniffedEncoding, file: string): Encoding | Diagnostic {
  const where = { file, line: 1, column: 1 };
  if (declared === undefined) {
    if (actual.encoding !== 'utf-8' && !actual.bom) {
      return diagnostic('error', 'xml-encoding', `${file} is UTF-16 without a byte-order mark and declares no encoding; add encoding="UTF-16" or a byte-order mark.`, where);
    }
    return actual.encoding;
  }
  const contradiction = (): Diagnostic => diagnostic('error', 'xml-encoding', `${file} declares encoding="${declared}" but is actually ${label(actual)}.`, where);
  const name = declared.trim().toLowerCase().replace(/_/g, '-');
  if (name === 'utf-16') return actual.encoding === 'utf-8' ? contradiction() : actual.encoding;
  const encoding = encodingOfLabel(declared);
  if (encoding === undefined) {
    return diagnostic('error', 'xml-encoding',
      `${file} declares encoding="${declared}", which samizdat does not read (it reads ${ENCODINGS_READ}). Convert the file (e.g. iconv -f ${declared} -t UTF-8) and change the declaration.`, where);
  }
  const family = encoding.startsWith('utf-16') ? encoding : 'utf-8';
  if (family === 'utf-8' && actual.encoding !== 'utf-8') return contradiction();
  if (family !== 'utf-8' && family !== actual.encoding) return contradiction();
  if (encoding !== 'utf-8' && family === 'utf-8' && actual.bom) return contradiction();
  return encoding;
}

function label(actual: SniffedEncoding): string {
  const name = { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16 little-endian', 'utf-16be': 'UTF-16 big-endian' }[actual.encoding];
  return actual.bom ? `${name} (with byte-order mark)` : name;
}

/** The name of an encoding in messages: `UTF-8`, `ISO-8859-1`, `windows-1252`. */
export function encodingName(encoding: Encoding): string {
  if (encoding.startsWith('utf-16')) return 'UTF-16';
  return encoding.startsWith('windows') ? encoding : encoding.toUpperCase();
}

/** A bad byte (or character) found while decoding, with its position. */
export interface DecodeProblem {
  kind: 'invalid' | 'nul';
  line: number;
  column: number;
  /** The first byte that is not (or does not start) a character of the encoding. */
  byte?: number;
}

/**
 * Windows-1252's characters at 0x80–0x9F (the WHATWG Encoding Standard's
 * index, which is Microsoft's table with its five holes mapped to the C1
 * controls). Built in because Node's TextDecoder decodes "windows-1252" as
 * ISO-8859-1 there.
 */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

const tables = new Map<SingleByteEncoding, Int32Array>();
const UTF16 = new TextDecoder(endianness() === 'LE' ? 'utf-16le' : 'utf-16be');

/**
 * Byte → code point (-1: not a character of the encoding) for a single-byte
 * encoding, from the platform's decoder, corrected where the WHATWG standard
 * it follows gives a different encoding the ISO name: ISO-8859-1, -9 and -11
 * have the C1 controls at 0x80–0x9F (WHATWG reads them as windows-1252,
 * -1254 and -874).
 */
function tableOf(encoding: SingleByteEncoding): Int32Array {
  let table = tables.get(encoding);
  if (table) return table;
  table = new Int32Array(256);
  const decoder = encoding === 'us-ascii' || encoding === 'iso-8859-1' || encoding === 'windows-1252' ? undefined
    : new TextDecoder(encoding === 'iso-8859-9' ? 'windows-1254' : encoding === 'iso-8859-11' ? 'windows-874' : encoding, { fatal: true });
  for (let byte = 0; byte < 256; byte++) {
    if (byte < 0x80) table[byte] = byte;
    else if (encoding === 'us-ascii') table[byte] = -1;
    else if (encoding === 'iso-8859-1') table[byte] = byte;
    else if (encoding === 'windows-1252') table[byte] = byte < 0xa0 ? WINDOWS_1252_HIGH[byte - 0x80] : byte;
    else if (byte < 0xa0 && (encoding === 'iso-8859-9' || encoding === 'iso-8859-11')) table[byte] = byte;
    else {
      try {
        table[byte] = decoder!.decode(Uint8Array.of(byte)).codePointAt(0)!;
      } catch {
        table[byte] = -1;
      }
    }
  }
  tables.set(encoding, table);
  return table;
}

/**
 * A document read in one chunk, if it is valid UTF-8: validated, converted
 * to UTF-16 and made a string by the platform, twice as fast as the UTF-8
 * decoder (V8's own, behind TextDecoder's fast path) on the bench corpus (45
 * MB: 40 ms against 80). A leading byte-order mark is dropped, as
 * TextDecoder drops it. Undefined when the bytes are not valid (the walk
 * says where) or the platform has no ICU to convert with.
 */
function wholeUtf8(bytes: Uint8Array): string | undefined {
  if (!CAN_TRANSCODE || !isUtf8(bytes)) return undefined;
  const text = transcode(bytes, 'utf8', 'utf16le').toString('utf16le');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** `transcode` needs Node built with ICU (as its releases are). */
const CAN_TRANSCODE = process.versions.icu !== undefined;

/**
 * Decodes a byte stream chunk by chunk, checking every byte: a byte that is
 * not (or does not start) a character of the encoding, and NUL bytes, which
 * mean the file is binary rather than text, are reported with the line and
 * column of that byte. Columns count characters, as the XML layer's do.
 */
export class CheckedDecoder {
  private readonly utf16: TextDecoder | undefined;
  private readonly table: Int32Array | undefined;
  private line = 1;
  private column = 1;
  // UTF-8 validation state (WHATWG decoder algorithm).
  private needed = 0;
  private lower = 0x80;
  private upper = 0xbf;
  private sequenceLine = 1;
  private sequenceColumn = 1;
  private sequenceByte = 0;
  /** The last byte was a carriage return: a line feed after it ends no further line (CR LF is one line end, as in XML). */
  private afterCr = false;
  private readonly utf8: TextDecoder | undefined;
  /** Nothing decoded yet: the next chunk starts the document. */
  private first = true;

  constructor(readonly encoding: Encoding) {
    if (encoding === 'utf-8') this.utf8 = new TextDecoder('utf-8', { fatal: true });
    else if (encoding === 'utf-16le' || encoding === 'utf-16be') this.utf16 = new TextDecoder(encoding, { fatal: true });
    else this.table = tableOf(encoding);
  }

  /** Decoded text, or the first problem found in this chunk. */
  decode(chunk: Uint8Array, last = false): string | DecodeProblem {
    if (this.utf8) return this.decodeUtf8(this.utf8, chunk, last);
    if (this.table) return this.decodeSingleByte(chunk);
    let text: string;
    try {
      text = this.utf16!.decode(chunk, { stream: !last });
    } catch {
      return { kind: 'invalid', line: this.line, column: this.column };
    }
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      if (unit === 0) return { kind: 'nul', line: this.line, column: this.column };
      // A surrogate pair is one character: count its first half only.
      if (unit < 0xdc00 || unit > 0xdfff) this.count(unit);
    }
    return text;
  }

  /**
   * UTF-8. A chunk without NUL or CR (nearly every chunk) is validated by the
   * platform's decoder and only its line ends and last line are counted;
   * otherwise, or when the platform finds it invalid, it is walked byte by
   * byte, to give the problem its place.
   */
  private decodeUtf8(utf8: TextDecoder, bytes: Uint8Array, last: boolean): string | DecodeProblem {
    const first = this.first;
    this.first = false;
    if (bytes.indexOf(0) < 0 && bytes.indexOf(0x0d) < 0) {
      if (first && last) {
        const whole = wholeUtf8(bytes);
        if (whole !== undefined) return whole;
      }
      let text: string | undefined;
      try {
        text = utf8.decode(bytes, { stream: !last });
      } catch {
        // Invalid: the walk below says where (the platform's decoder is not used again).
      }
      if (text !== undefined) {
        // The place is for problems in later chunks: after the last one there are none to place.
        if (!last) this.advance(bytes);
        return text;
      }
      return this.checkUtf8(bytes, last) ?? { kind: 'invalid', line: this.line, column: this.column };
    }
    const problem = this.checkUtf8(bytes, last);
    if (problem) return problem;
    return utf8.decode(bytes, { stream: !last });
  }

  /** Moves the place past `bytes`, valid UTF-8 without CR, as `checkUtf8` would have. */
  private advance(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    let lastNewline = -1;
    for (let i = bytes.indexOf(0x0a); i >= 0; i = bytes.indexOf(0x0a, i + 1)) {
      if (i !== 0 || !this.afterCr) this.line++;
      lastNewline = i;
    }
    let column = lastNewline >= 0 ? 1 : this.column;
    // A character per byte that does not continue a sequence.
    for (let i = lastNewline + 1; i < bytes.length; i++) if ((bytes[i] & 0xc0) !== 0x80) column++;
    this.column = column;
    this.afterCr = false;
    this.lower = 0x80;
    this.upper = 0xbf;
    // The sequence the chunk ends inside, if any, as the walk would have left it.
    let lead = bytes.length - 1;
    while (lead >= 0 && (bytes[lead] & 0xc0) === 0x80) lead--;
    if (lead < 0) {
      this.needed = Math.max(0, this.needed - bytes.length);
      return;
    }
    const byte = bytes[lead];
    const length = byte < 0x80 ? 1 : byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
    const have = bytes.length - lead;
    this.needed = have >= length ? 0 : length - have;
    if (this.needed === 0) return;
    this.sequenceLine = this.line;
    this.sequenceColumn = this.column - 1;
    this.sequenceByte = byte;
    if (have === 1) {
      if (byte === 0xe0) this.lower = 0xa0;
      if (byte === 0xed) this.upper = 0x9f;
      if (byte === 0xf0) this.lower = 0x90;
      if (byte === 0xf4) this.upper = 0x8f;
    }
  }

  private decodeSingleByte(bytes: Uint8Array): string | DecodeProblem {
    const table = this.table!;
    // Every character of these encodings is in the BMP: one UTF-16 code unit each.
    const units = new Uint16Array(bytes.length);
    for (let i = 0; i < bytes.length; i++) {
      const byte = bytes[i];
      const code = table[byte];
      if (code <= 0) return { kind: code === 0 ? 'nul' : 'invalid', line: this.line, column: this.column, byte };
      this.count(byte);
      units[i] = code;
    }
    return UTF16.decode(units);
  }

  /** Moves the position past a character starting with `byte` (lines end with LF, CR LF or CR). */
  private count(byte: number): void {
    if (byte === 0x0a) {
      if (!this.afterCr) this.line++;
      this.column = 1;
    } else if (byte === 0x0d) {
      this.line++;
      this.column = 1;
    } else this.column++;
    this.afterCr = byte === 0x0d;
  }

  private checkUtf8(bytes: Uint8Array, last: boolean): DecodeProblem | undefined {
    for (let i = 0; i < bytes.length; i++) {
      const byte = bytes[i];
      if (this.needed === 0) {
        if (byte < 0x80) {
          if (byte === 0) return { kind: 'nul', line: this.line, column: this.column, byte };
          this.count(byte);
          continue;
        }
        this.sequenceLine = this.line;
        this.sequenceColumn = this.column;
        this.sequenceByte = byte;
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
        this.count(byte);
        continue;
      }
      // The sequence that started at sequenceLine:sequenceColumn is broken: that is where the bad character is.
      if (byte < this.lower || byte > this.upper) {
        return { kind: 'invalid', line: this.sequenceLine, column: this.sequenceColumn, byte: this.sequenceByte };
      }
      this.lower = 0x80;
      this.upper = 0xbf;
      this.needed--;
    }
    if (last && this.needed > 0) return { kind: 'invalid', line: this.sequenceLine, column: this.sequenceColumn, byte: this.sequenceByte };
    return undefined;
  }
}

/**
 * The whole text of `bytes` (a complete document), or the problem that
 * stops it being read: the encoding found from the bytes and the
 * declaration, and every byte decoded exactly.
 */
export function decodeDocument(bytes: Uint8Array, file: string): { text: string; encoding: Encoding } | Diagnostic {
  const sniffed = sniffEncoding(bytes, file);
  if ('ruleId' in sniffed) return sniffed;
  const encoding = resolveEncoding(declaredEncoding(declarationOf(bytes, sniffed)), sniffed, file);
  if (typeof encoding !== 'string') return encoding;
  const decoder = new CheckedDecoder(encoding);
  const text = decoder.decode(bytes, true);
  if (typeof text !== 'string') return decodeProblem(file, encoding, text);
  return { text: text.replace(/^\uFEFF/, ''), encoding };
}

/** The start of the document, enough to hold its XML declaration, decoded leniently to read that declaration only. */
export function declarationOf(head: Uint8Array, sniffed: SniffedEncoding): string {
  return new TextDecoder(sniffed.encoding).decode(head.subarray(0, 400));
}

/** A decoding problem as the diagnostic every command reports. */
export function decodeProblem(file: string, encoding: Encoding, problem: DecodeProblem): Diagnostic {
  const where = { file, line: problem.line, column: problem.column };
  if (problem.kind === 'nul') {
    return diagnostic('error', 'xml-binary', `${file} contains a NUL byte at ${problem.line}:${problem.column}; it looks like a binary file, not XML text.`, where);
  }
  const name = encodingName(encoding);
  const byte = problem.byte === undefined ? '' : ` (byte 0x${problem.byte.toString(16).padStart(2, '0')})`;
  const hint = encoding === 'utf-8'
    ? ' If the file is in another encoding (ISO-8859-1 or windows-1252, say), declare it: <?xml version="1.0" encoding="ISO-8859-1"?>; otherwise save it as UTF-8.'
    : ` Check the encoding its XML declaration names, or save it as ${name}.`;
  return diagnostic('error', 'xml-encoding', `${file} is not valid ${name} at ${problem.line}:${problem.column}${byte}.${hint}`, where);
}

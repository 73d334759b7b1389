/**
 * The reading layer every command reads TEI through (validate, build, text,
 * cite, watch): the same decoding (encoding.ts: UTF-8, UTF-16 and the
 * single-byte encodings older TEI is saved in, exactly or not at all), the
 * same safety rules for DOCTYPEs (doctype.ts), the same well-formedness
 * check (wellformed.ts) and the same limits (limits.ts), with the same
 * messages at `file:line:col`. A document one command reads, every command
 * reads; one it refuses, every command refuses, saying the same thing.
 *
 * Validation streams a document through `readDocument` and
 * `WellFormednessCheck`; the commands that transform a document hold it
 * whole and take it from `readXml` (a file) or `checkXml` (text in memory).
 */
import type { Diagnostic } from '../diagnostics.js';
import { readingLimits, type ReadingLimits } from './limits.js';
import { readDocumentText, tooLarge, type DocumentText } from './read.js';
import { WellFormednessCheck, type XmlEvents } from './wellformed.js';

export { DEFAULT_LIMITS, formatSize, LIMIT_FLAGS, parseSize, readingLimits } from './limits.js';
export type { ReadingLimits } from './limits.js';
export { readDocument, readDocumentText, readDocumentTextSync, ReadRecord, IO_RULE, TOO_LARGE_RULE, tooLarge } from './read.js';
export type { DocumentChunk, DocumentText } from './read.js';
export { WellFormednessCheck } from './wellformed.js';
export type { Position, XmlAttribute, XmlEvents, XmlStartTag } from './wellformed.js';
export { ENCODINGS_READ, encodingOfLabel, type Encoding } from './encoding.js';

/** A document read, decoded and found well-formed within the limits. */
export interface XmlDocument {
  file: string;
  /** The decoded text, without a byte-order mark. */
  text: string;
  /** Its bytes when it was read from a file (for hashing); absent for text given in memory. */
  bytes?: Uint8Array;
  /** The deepest element nesting in it (the root element is level 1). */
  depth: number;
}

export type XmlRead = { ok: true; document: XmlDocument } | { ok: false; problem: Diagnostic };

/** Reads, decodes and checks the document at `path`. */
export async function readXml(path: string, limits?: Partial<ReadingLimits>): Promise<XmlRead> {
  const inForce = readingLimits(limits);
  const read = await readDocumentText(path, inForce.maxDocumentSize);
  if ('ruleId' in read) return { ok: false, problem: read };
  return checkRead(read, inForce);
}

/** Checks a document given as text (already decoded), as `readXml` checks a file. */
export function checkXml(text: string, file: string, limits?: Partial<ReadingLimits>, events?: XmlEvents): XmlRead {
  const inForce = readingLimits(limits);
  const size = Buffer.byteLength(text, 'utf8');
  if (size > inForce.maxDocumentSize) return { ok: false, problem: tooLarge(file, size, inForce.maxDocumentSize) };
  return checkRead({ file, text: text.replace(/^\uFEFF/, '') }, inForce, events);
}

function checkRead(read: Pick<DocumentText, 'file' | 'text'> & { bytes?: Uint8Array }, limits: ReadingLimits, events?: XmlEvents): XmlRead {
  const check = new WellFormednessCheck(read.file, events, limits);
  check.write(read.text);
  const problem = check.close();
  if (problem) return { ok: false, problem };
  return { ok: true, document: { file: read.file, text: read.text, bytes: read.bytes, depth: check.deepest } };
}

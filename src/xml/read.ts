/**
 * Reading a document from disk as a stream of decoded text, with a clear
 * diagnostic (naming the path) for everything that stops it being read:
 * missing or unreadable path, a directory, an empty or binary file, bytes that
 * are not the encoding they claim. The file is never held in memory whole.
 */
import { open, stat } from 'node:fs/promises';
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { CheckedDecoder, checkDeclaredEncoding, declaredEncoding, sniffEncoding, type Encoding } from './encoding.js';

/** One piece of a document: decoded text, or the problem that ends the reading. */
export type DocumentChunk = { text: string } | { problem: Diagnostic };

/** `ruleId` of problems with the path itself (missing, unreadable, a directory). */
export const IO_RULE = 'io';

const CHUNK_SIZE = 1 << 20;

/** The document at `path`, decoded, chunk by chunk; at most one problem, always last. */
export async function* readDocument(path: string): AsyncGenerator<DocumentChunk> {
  const where = { file: path };
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) {
      yield { problem: diagnostic('error', IO_RULE, `${path} is a directory, not an XML file.`, where) };
      return;
    }
    size = info.size;
  } catch (err) {
    yield { problem: diagnostic('error', IO_RULE, describeIoError(path, err), where) };
    return;
  }
  if (size === 0) {
    yield { problem: diagnostic('error', 'xml-empty', `${path} is empty: an XML document needs at least a root element.`, where) };
    return;
  }
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (err) {
    yield { problem: diagnostic('error', IO_RULE, describeIoError(path, err), where) };
    return;
  }
  try {
    const buffer = Buffer.allocUnsafe(CHUNK_SIZE);
    let decoder: CheckedDecoder | undefined;
    let position = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, CHUNK_SIZE, position);
      const last = position + bytesRead >= size || bytesRead === 0;
      let bytes: Uint8Array = buffer.subarray(0, bytesRead);
      if (decoder === undefined) {
        const sniffed = sniffEncoding(bytes, path);
        if ('ruleId' in sniffed) { yield { problem: sniffed }; return; }
        decoder = new CheckedDecoder(sniffed.encoding);
        const start = new TextDecoder(sniffed.encoding).decode(bytes.subarray(0, 400));
        const mismatch = checkDeclaredEncoding(declaredEncoding(start), sniffed, path);
        if (mismatch) { yield { problem: mismatch }; return; }
      }
      const text = decoder.decode(bytes, last);
      if (typeof text !== 'string') {
        yield { problem: decodeProblem(path, decoder.encoding, text) };
        return;
      }
      if (text !== '') yield { text };
      position += bytesRead;
      if (last) return;
      bytes = new Uint8Array(0);
    }
  } catch (err) {
    yield { problem: diagnostic('error', IO_RULE, describeIoError(path, err), where) };
  } finally {
    await handle.close();
  }
}

function decodeProblem(file: string, encoding: Encoding, problem: { kind: 'invalid' | 'nul'; line: number; column: number; byte?: number }): Diagnostic {
  const where = { file, line: problem.line, column: problem.column };
  if (problem.kind === 'nul') {
    return diagnostic('error', 'xml-binary', `${file} contains a NUL byte at ${problem.line}:${problem.column}; it looks like a binary file, not XML text.`, where);
  }
  const name = encoding === 'utf-8' ? 'UTF-8' : 'UTF-16';
  const byte = problem.byte === undefined ? '' : ` (byte 0x${problem.byte.toString(16).padStart(2, '0')})`;
  return diagnostic('error', 'xml-encoding', `${file} is not valid ${name} at ${problem.line}:${problem.column}${byte}; save it as ${name}.`, where);
}

function describeIoError(path: string, err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return `${path} does not exist.`;
  if (code === 'EACCES' || code === 'EPERM') return `${path} cannot be read (permission denied).`;
  if (code === 'EISDIR') return `${path} is a directory, not an XML file.`;
  return `${path} cannot be read: ${(err as Error)?.message ?? String(err)}`;
}

/**
 * Reading a document from disk, with a clear diagnostic (naming the path) for
 * everything that stops it being read: missing or unreadable path, a
 * directory, an empty or binary file, a file larger than the limit, bytes
 * that are not the encoding they claim. Two ways: as a stream of decoded
 * text (validation, never holding the file whole), or whole (the commands
 * that transform it), both through the same decoder.
 */
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, fstatSync, openSync, readFileSync, readSync, statSync, type Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { isMainThread } from 'node:worker_threads';
import { lookOf, sameLook, type FileLook } from '../file-look.js';
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { CheckedDecoder, declarationOf, decodeDocument, decodeProblem, declaredEncoding, resolveEncoding, sniffEncoding, type Encoding } from './encoding.js';
import { formatSize, LIMIT_FLAGS } from './limits.js';

/** One piece of a document: decoded text, or the problem that ends the reading. */
export type DocumentChunk = { text: string } | { problem: Diagnostic };

/** `ruleId` of problems with the path itself (missing, unreadable, a directory). */
export const IO_RULE = 'io';

/** `ruleId` of a document larger than the limit for holding it whole. */
export const TOO_LARGE_RULE = 'xml-too-large';

/** Bytes read at a time, unless the caller asks for less (to look at a document's start). */
const CHUNK_SIZE = 1 << 20;

/** The size of the file at `path`, or the problem with the path (missing, a directory, empty). */
async function sizeOf(path: string): Promise<number | Diagnostic> {
  try {
    return sizeProblem(path, await stat(path));
  } catch (err) {
    return diagnostic('error', IO_RULE, describeIoError(path, err), { file: path });
  }
}

/** The size of the file `stats` describe, or the problem with it (a directory, empty). */
function sizeProblem(path: string, stats: Stats): number | Diagnostic {
  const where = { file: path };
  if (stats.isDirectory()) return diagnostic('error', IO_RULE, `${path} is a directory, not an XML file.`, where);
  if (stats.size === 0) return diagnostic('error', 'xml-empty', `${path} is empty: an XML document needs at least a root element.`, where);
  return stats.size;
}

/** An open file, read from a position into a buffer. */
interface OpenFile {
  stat(): Promise<Stats>;
  read(buffer: Buffer, position: number): Promise<number>;
  close(): Promise<void>;
}

/**
 * Opens `path` for reading. A worker thread does nothing else while it reads
 * its document, so it reads synchronously: each asynchronous open, stat, read
 * and close is a round trip through libuv's four threads, which every worker
 * of the process shares (a third of a worker's time, idle, on the bench
 * corpus). The calling thread reads asynchronously unless told otherwise:
 * it may be serving or watching meanwhile.
 */
async function openFile(path: string, synchronous: boolean): Promise<OpenFile> {
  if (!synchronous) {
    const handle = await open(path, 'r');
    return {
      stat: () => handle.stat(),
      read: async (buffer, position) => (await handle.read(buffer, 0, buffer.length, position)).bytesRead,
      close: () => handle.close(),
    };
  }
  const fd = openSync(path, 'r');
  return {
    stat: async () => fstatSync(fd),
    read: async (buffer, position) => readSync(fd, buffer, 0, buffer.length, position),
    close: async () => closeSync(fd),
  };
}

/**
 * What a reading saw of the file: how it looked when opened, before any byte
 * was read, and (once read to its end) the sha256 of its bytes. A verdict
 * kept under this hash is of exactly the bytes that were checked.
 */
export class ReadRecord {
  look?: FileLook;
  /** When `look` was taken (ms since the epoch). */
  lookedAt = 0;
  /** sha256 of the bytes, set only when the file was read to its end. */
  sha256?: string;
  private readonly hash = createHash('sha256');

  opened(stats: Stats): void {
    this.look = lookOf(stats);
    this.lookedAt = Date.now();
  }

  read(bytes: Uint8Array, last: boolean): void {
    this.hash.update(bytes);
    if (last) this.sha256 = this.hash.digest('hex');
  }

  /**
   * Hashes the whole file when the reading stopped before its end (a
   * document that is not well-formed is read no further than its first
   * fatal error), if it still looks as it did when opened.
   */
  async complete(path: string): Promise<void> {
    if (this.sha256 !== undefined || this.look === undefined) return;
    const hash = createHash('sha256');
    try {
      for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
      if (sameLook(lookOf(await stat(path)), this.look)) this.sha256 = hash.digest('hex');
    } catch {
      // Gone or unreadable since: nothing is known of its bytes.
    }
  }
}

/**
 * The document at `path`, decoded, chunk by chunk; at most one problem,
 * always last. `chunkSize` (bytes) is for a caller that needs only the start
 * of a document and would otherwise decode a megabyte to read its root;
 * `record` learns what the reading saw (see `ReadRecord`); `synchronous`
 * (default: in a worker thread, not in the calling thread) reads without a
 * round trip through libuv's threads for each step.
 */
export async function* readDocument(path: string, options: { chunkSize?: number; record?: ReadRecord; synchronous?: boolean } = {}): AsyncGenerator<DocumentChunk> {
  const chunkSize = options.chunkSize ?? CHUNK_SIZE;
  let handle: OpenFile;
  try {
    handle = await openFile(path, options.synchronous ?? !isMainThread);
  } catch (err) {
    yield { problem: diagnostic('error', IO_RULE, describeIoError(path, err), { file: path }) };
    return;
  }
  try {
    // The open file's own stat: one look at the path, and the file read is the file measured.
    const stats = await handle.stat();
    const size = sizeProblem(path, stats);
    if (typeof size !== 'number') {
      yield { problem: size };
      return;
    }
    options.record?.opened(stats);
    const buffer = Buffer.allocUnsafe(Math.min(chunkSize, Math.max(size, 1)));
    let decoder: CheckedDecoder | undefined;
    let position = 0;
    for (;;) {
      const bytesRead = await handle.read(buffer, position);
      const last = position + bytesRead >= size || bytesRead === 0;
      const bytes: Uint8Array = buffer.subarray(0, bytesRead);
      options.record?.read(bytes, last);
      if (decoder === undefined) {
        const sniffed = sniffEncoding(bytes, path);
        if ('ruleId' in sniffed) { yield { problem: sniffed }; return; }
        const encoding = resolveEncoding(declaredEncoding(declarationOf(bytes, sniffed)), sniffed, path);
        if (typeof encoding !== 'string') { yield { problem: encoding }; return; }
        decoder = new CheckedDecoder(encoding);
      }
      const text = decoder.decode(bytes, last);
      if (typeof text !== 'string') {
        yield { problem: decodeProblem(path, decoder.encoding, text) };
        return;
      }
      if (text !== '') yield { text: position === 0 ? text.replace(/^\uFEFF/, '') : text };
      position += bytesRead;
      if (last) return;
    }
  } catch (err) {
    yield { problem: diagnostic('error', IO_RULE, describeIoError(path, err), { file: path }) };
  } finally {
    await handle.close();
  }
}

/** A document read whole: its text decoded exactly, and what it was read from. */
export interface DocumentText {
  file: string;
  /** The decoded text, without a byte-order mark. */
  text: string;
  encoding: Encoding;
  /** Its bytes, for hashing (cache keys). */
  bytes: Uint8Array;
}

/**
 * The document at `path`, read whole and decoded, if it is at most
 * `maxDocumentSize` bytes: larger is refused before anything is read.
 */
export async function readDocumentText(path: string, maxDocumentSize: number): Promise<DocumentText | Diagnostic> {
  const size = await sizeOf(path);
  if (typeof size !== 'number') return size;
  if (size > maxDocumentSize) return tooLarge(path, size, maxDocumentSize);
  let bytes: Buffer;
  try {
    const handle = await open(path, 'r');
    try {
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (err) {
    return diagnostic('error', IO_RULE, describeIoError(path, err), { file: path });
  }
  return decodedText(path, bytes, maxDocumentSize);
}

/**
 * `readDocumentText` in one call, not through the thread pool: for a caller
 * that reads one or two documents among a thousand it only looks at, whose
 * asynchronous read waited on its loop over the others to end (~60 ms of the
 * bench's build after one change). The same checks, the same result.
 */
export function readDocumentTextSync(path: string, maxDocumentSize: number): DocumentText | Diagnostic {
  let bytes: Buffer;
  try {
    const size = sizeProblem(path, statSync(path));
    if (typeof size !== 'number') return size;
    if (size > maxDocumentSize) return tooLarge(path, size, maxDocumentSize);
    bytes = readFileSync(path);
  } catch (err) {
    return diagnostic('error', IO_RULE, describeIoError(path, err), { file: path });
  }
  return decodedText(path, bytes, maxDocumentSize);
}

/** A document's bytes as read, within the limit (it may have grown since stat: the limit holds for what was read), decoded. */
function decodedText(path: string, bytes: Buffer, maxDocumentSize: number): DocumentText | Diagnostic {
  if (bytes.length > maxDocumentSize) return tooLarge(path, bytes.length, maxDocumentSize);
  const decoded = decodeDocument(bytes, path);
  if ('ruleId' in decoded) return decoded;
  return { file: path, text: decoded.text, encoding: decoded.encoding, bytes };
}

/** The problem of a document larger than the limit. */
export function tooLarge(file: string, size: number, limit: number, what = 'samizdat holds a document whole to transform it'): Diagnostic {
  return diagnostic('error', TOO_LARGE_RULE,
    `${file} is ${formatSize(size)}, more than the ${formatSize(limit)} limit for one document (${what}). Split it, or raise the limit with ${LIMIT_FLAGS.maxDocumentSize} if this machine has the memory and the time (transforming a document takes about a hundred times its size in memory).`,
    { file });
}

function describeIoError(path: string, err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return `${path} does not exist.`;
  if (code === 'EACCES' || code === 'EPERM') return `${path} cannot be read (permission denied).`;
  if (code === 'EISDIR') return `${path} is a directory, not an XML file.`;
  return `${path} cannot be read: ${(err as Error)?.message ?? String(err)}`;
}

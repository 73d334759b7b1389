/**
 * What the build learnt from reading each plain document (not a register,
 * not an apparatus for other files) last time: its bytes' hash and the
 * images it names. A document whose file has the same size, inode, and
 * modification and change times is not read again — reading, decoding and
 * hashing every file was most of a build in which one document of a
 * thousand changed.
 *
 * A file's look, and when it can be trusted, are those `validate` uses for
 * its verdicts (src/file-look.ts): a file copied with its old modification
 * time is still read, and one whose times are within `SETTLING_MS` of its
 * reading is not remembered.
 */
import type { Stats } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { lookOf, sameLook, settled, type FileLook } from '../file-look.js';
import { writeAtomically } from '../transform/index.js';
import type { ImageMention } from './images.js';

/** What a plain document's reading gave. */
export interface DocumentRead {
  /** sha256 of its bytes. */
  hash: string;
  /** How far up its references climb (`placeReach`, location.ts). */
  reach: number;
  images: ImageMention[];
}

interface Remembered extends DocumentRead, FileLook {}

interface ReadsFile {
  /** The reading limits and samizdat version the reads were made under: any change forgets them all. */
  setting: string;
  files: Record<string, Remembered>;
  /**
   * Documents read whose look could not be trusted (they changed just
   * before), with the sha256 of the bytes read: read again next time. Missing
   * in reads kept by an earlier version; a list of paths alone in some.
   */
  unsettled?: Record<string, string> | string[];
}

export { SETTLING_MS } from '../file-look.js';

export class DocumentReads {
  private readonly remembered: Map<string, Remembered>;
  private readonly learnt = new Map<string, Remembered>();
  /** This build's reads of documents that changed just before, by path: the sha256 of the bytes read. */
  private readonly unsettled = new Map<string, string>();

  private constructor(
    private readonly path: string, private readonly setting: string, remembered: Map<string, Remembered>, private readonly readBefore: boolean, private readonly readUnsettled: ReadonlyMap<string, string>,
    private readonly place: (file: string) => string,
  ) {
    this.remembered = remembered;
  }

  /**
   * The reads kept in `folder` under `setting`; none when the file is missing, unreadable or of another setting.
   * Files are kept under `place` of their path (the build cache's, from its folder): a project moved with its
   * cache keeps its files' looks (a move keeps inodes and times; a copy does not, and its files are read again).
   */
  static async load(folder: string, setting: string, place: (file: string) => string = (file) => file): Promise<DocumentReads> {
    const path = join(folder, 'reads.json');
    let remembered = new Map<string, Remembered>();
    let readBefore = false;
    let unsettled = new Map<string, string>();
    try {
      const kept = JSON.parse(await readFile(path, 'utf8')) as ReadsFile;
      if (kept.setting === setting && typeof kept.files === 'object' && kept.files !== null) {
        remembered = new Map(Object.entries(kept.files));
        const unsettledKept = kept.unsettled ?? {};
        if (!Array.isArray(unsettledKept) && typeof unsettledKept === 'object') {
          unsettled = new Map(Object.entries(unsettledKept).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
        }
        readBefore = remembered.size > 0 || (Array.isArray(unsettledKept) ? unsettledKept.length > 0 : unsettled.size > 0);
      }
    } catch {
      // Nothing kept (a first build) or not readable: every document is read.
    }
    return new DocumentReads(path, setting, remembered, readBefore, unsettled, place);
  }

  /**
   * Whether the document `file`, read now with sha256 `hash`, may need
   * rendering: not when the last build read these same bytes, just after a
   * change or before its file was copied (its page is in the cache; only the
   * file's look was not trusted, or is new).
   */
  mayRender(file: string, hash: string): boolean {
    const at = this.place(file);
    return this.readUnsettled.get(at) !== hash && this.remembered.get(at)?.hash !== hash;
  }

  /**
   * Whether a build under the same setting read the edition's documents
   * before: then a document that must be read now (changed since, added, or
   * read just after a change) is one of the few an incremental build renders.
   */
  get incremental(): boolean {
    return this.readBefore;
  }

  /** What reading `file` gave last time, if the file is as it was then. */
  recall(file: string, stats: Stats): DocumentRead | undefined {
    const at = this.place(file);
    const kept = this.remembered.get(at);
    if (!kept || !sameLook(kept, lookOf(stats))) return undefined;
    this.learnt.set(at, kept);
    return { hash: kept.hash, reach: kept.reach, images: kept.images };
  }

  /** Remembers what reading `file` (as `stats` found it, just before reading, at `readAt`) gave, unless it changed too recently to trust its times. */
  remember(file: string, stats: Stats, readAt: number, read: DocumentRead): void {
    const look = lookOf(stats);
    const at = this.place(file);
    if (!settled(look, readAt)) {
      this.unsettled.set(at, read.hash);
      return;
    }
    this.learnt.set(at, { ...look, hash: read.hash, reach: read.reach, images: read.images });
  }

  /** Keeps the reads of this build (and only those: documents gone are forgotten). */
  async save(): Promise<void> {
    const files = Object.fromEntries([...this.learnt].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    const unsettled = Object.fromEntries([...this.unsettled].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    await writeAtomically(this.path, JSON.stringify({ setting: this.setting, files, ...(this.unsettled.size > 0 && { unsettled }) } satisfies ReadsFile));
  }
}

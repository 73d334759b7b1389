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
  images: ImageMention[];
}

interface Remembered extends DocumentRead, FileLook {}

interface ReadsFile {
  /** The reading limits and samizdat version the reads were made under: any change forgets them all. */
  setting: string;
  files: Record<string, Remembered>;
  /** Documents read whose look could not be trusted (they changed just before): read again next time. Missing in reads kept by an earlier version. */
  unsettled?: string[];
}

export { SETTLING_MS } from '../file-look.js';

export class DocumentReads {
  private readonly remembered: Map<string, Remembered>;
  private readonly learnt = new Map<string, Remembered>();
  private readonly unsettled = new Set<string>();

  private constructor(private readonly path: string, private readonly setting: string, remembered: Map<string, Remembered>, private readonly readBefore: boolean) {
    this.remembered = remembered;
  }

  /** The reads kept in `folder` under `setting`; none when the file is missing, unreadable or of another setting. */
  static async load(folder: string, setting: string): Promise<DocumentReads> {
    const path = join(folder, 'reads.json');
    let remembered = new Map<string, Remembered>();
    let readBefore = false;
    try {
      const kept = JSON.parse(await readFile(path, 'utf8')) as ReadsFile;
      if (kept.setting === setting && typeof kept.files === 'object' && kept.files !== null) {
        remembered = new Map(Object.entries(kept.files));
        readBefore = remembered.size > 0 || (Array.isArray(kept.unsettled) && kept.unsettled.length > 0);
      }
    } catch {
      // Nothing kept (a first build) or not readable: every document is read.
    }
    return new DocumentReads(path, setting, remembered, readBefore);
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
    const kept = this.remembered.get(file);
    if (!kept || !sameLook(kept, lookOf(stats))) return undefined;
    this.learnt.set(file, kept);
    return { hash: kept.hash, images: kept.images };
  }

  /** Remembers what reading `file` (as `stats` found it, just before reading, at `readAt`) gave, unless it changed too recently to trust its times. */
  remember(file: string, stats: Stats, readAt: number, read: DocumentRead): void {
    const look = lookOf(stats);
    if (!settled(look, readAt)) {
      this.unsettled.add(file);
      return;
    }
    this.learnt.set(file, { ...look, hash: read.hash, images: read.images });
  }

  /** Keeps the reads of this build (and only those: documents gone are forgotten). */
  async save(): Promise<void> {
    const files = Object.fromEntries([...this.learnt].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    const unsettled = [...this.unsettled].sort();
    await writeAtomically(this.path, JSON.stringify({ setting: this.setting, files, ...(unsettled.length > 0 && { unsettled }) } satisfies ReadsFile));
  }
}

/**
 * A process-wide memo of things compiled from files (grammars, rule sets)
 * that notices when those files change. `validate` alone could keep a
 * compiled schema for ever, but `watch` runs for hours while the editor may
 * edit the edition's schema or rules: each use checks, with one `stat` per
 * file, that the files it was made from still look as they did when read.
 */
import { statIfAny } from '../file-look.js';

/** What a file looked like: an atomic save (a rename) changes the inode, an edit the time or size. */
interface Stamp {
  path: string;
  look: string | undefined;
}

function lookOf(path: string): string | undefined {
  const info = statIfAny(path);
  return info && `${info.ino}:${info.size}:${info.mtimeMs}`;
}

/** Records a file as read; call it just before reading, so a change made during the read is noticed next time. */
export type TrackRead = (path: string) => Promise<void>;

export class FreshMemo<T> {
  private readonly entries = new Map<string, Promise<{ value: T; stamps: Stamp[] }>>();

  /** The value for `key`, made again by `make` when first asked for or when a file it read has changed since. */
  async get(key: string, make: (track: TrackRead) => Promise<T>): Promise<T> {
    const known = this.entries.get(key);
    if (known) {
      const entry = await known;
      const looks = entry.stamps.map((s) => lookOf(s.path));
      if (looks.every((look, i) => look === entry.stamps[i].look)) return entry.value;
      // Stale; whoever notices first makes it again, the others wait for that.
      if (this.entries.get(key) !== known) return this.get(key, make);
    }
    const stamps: Stamp[] = [];
    const made = make(async (path) => {
      stamps.push({ path, look: lookOf(path) });
    }).then((value) => ({ value, stamps }));
    this.entries.set(key, made);
    // A failure is not remembered: the next use tries again.
    made.catch(() => {
      if (this.entries.get(key) === made) this.entries.delete(key);
    });
    return (await made).value;
  }
}

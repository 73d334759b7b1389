/**
 * The edition's catalogue of entities: every entry of every register and
 * document, found by its anchor in constant time, with what refers to it
 * (relations, the entries kept within it) indexed once. Mentions point at
 * anchors; the catalogue says which of them exist and which entry an alias
 * (an entry whose @sameAs names another) stands for.
 */
import type { Entry, Relation } from './model.js';

/** Where entries come from: a register, or a document of the edition (its page is `<name>/index.html`). */
export interface EntitySource {
  /** A register's file name, or a document's name. */
  name: string;
  /** A register's path, for messages (two registers may share a file name). */
  file?: string;
  register: boolean;
  /** A document's title (registers have no page). */
  title?: string;
  entries: readonly Entry[];
  relations: readonly Relation[];
}

/** Two entries with the same anchor: the first is kept. */
export interface DuplicateAnchor {
  anchor: string;
  kept: string;
  ignored: string;
  /** The registers' paths, when the sources are registers. */
  keptFile?: string;
  ignoredFile?: string;
}

/** How far @sameAs is followed: further is taken for a loop. */
const MAX_ALIAS_STEPS = 16;

export class Catalogue {
  private readonly byAnchor = new Map<string, { entry: Entry; source: EntitySource }>();
  private readonly relationsByAnchor = new Map<string, Relation[]>();
  private readonly partsByAnchor = new Map<string, string[]>();
  private readonly aliasesByAnchor = new Map<string, string[]>();
  readonly duplicates: DuplicateAnchor[] = [];

  constructor(sources: readonly EntitySource[]) {
    for (const source of sources) {
      for (const entry of source.entries) {
        const known = this.byAnchor.get(entry.anchor);
        if (known) {
          this.duplicates.push({
            anchor: entry.anchor, kept: known.source.name, ignored: source.name,
            ...(known.source.file !== undefined && { keptFile: known.source.file }), ...(source.file !== undefined && { ignoredFile: source.file }),
          });
        } else this.byAnchor.set(entry.anchor, { entry, source });
      }
    }
    for (const source of sources) {
      for (const relation of source.relations) {
        for (const anchor of new Set([...relation.active, ...relation.passive, ...relation.mutual])) {
          const canonical = this.canonical(anchor);
          if (canonical !== undefined) push(this.relationsByAnchor, canonical, relation);
        }
      }
    }
    for (const { entry } of this.byAnchor.values()) {
      const canonical = this.canonical(entry.anchor);
      if (canonical !== entry.anchor && canonical !== undefined) push(this.aliasesByAnchor, canonical, entry.anchor);
      else if (entry.within !== undefined) {
        const parent = this.canonical(entry.within);
        if (parent !== undefined) push(this.partsByAnchor, parent, entry.anchor);
      }
    }
  }

  /** Every entry, aliases included, in the order their sources gave them. */
  entries(): Entry[] {
    return [...this.byAnchor.values()].map(({ entry }) => entry);
  }

  entry(anchor: string): Entry | undefined {
    return this.byAnchor.get(anchor)?.entry;
  }

  sourceOf(anchor: string): EntitySource | undefined {
    return this.byAnchor.get(anchor)?.source;
  }

  /**
   * The entry an anchor stands for: the entry itself, or, for an alias, the
   * entry its @sameAs names (followed as far as it goes); undefined when no
   * entry has that anchor.
   */
  canonical(anchor: string): string | undefined {
    const start = this.byAnchor.get(anchor)?.entry;
    if (start === undefined) return undefined;
    let current: Entry = start;
    for (let step = 0; step < MAX_ALIAS_STEPS && current.sameAs !== undefined; step++) {
      const next: Entry | undefined = this.byAnchor.get(current.sameAs)?.entry;
      if (next === undefined || next.anchor === anchor) break;
      current = next;
    }
    return current.anchor;
  }

  /** Whether an entry is shown in the index: it exists and is no alias of another. */
  isCanonical(anchor: string): boolean {
    return this.canonical(anchor) === anchor;
  }

  relationsOf(anchor: string): readonly Relation[] {
    return this.relationsByAnchor.get(anchor) ?? [];
  }

  /** Entries kept within this one (the places of a region), by anchor. */
  partsOf(anchor: string): readonly string[] {
    return this.partsByAnchor.get(anchor) ?? [];
  }

  /** Entries that are the same as this one (their @sameAs names it). */
  aliasesOf(anchor: string): readonly string[] {
    return this.aliasesByAnchor.get(anchor) ?? [];
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Which shard of the search index holds a document. Pagefind cannot add to
 * an index, so an index of the whole edition is made again whenever one
 * passage changes; split into shards, each its own build unit, a change
 * makes again only the shard of the document that changed.
 *
 * The rule depends on nothing but a document's name and the number of
 * documents, so that a change to a document's content never moves another
 * document: the shard is a stable hash of the name, masked to the number of
 * shards, a power of two that follows the number of documents. The count
 * changes only when the number of documents crosses a doubling of the shard
 * size, and then each shard splits in two (or two merge into one), since
 * the mask gains (or loses) a bit; adding or removing a document otherwise
 * moves no other document. Pure: no files, no processes.
 */
import { createHash } from 'node:crypto';

/** Documents per shard (on average) beyond which the index is split further (see `shardCount`). */
export const SEARCH_SHARD_SIZE = 64;

/**
 * How many shards an edition of `documents` documents is indexed in: the
 * smallest power of two that puts at most `size` documents in a shard on
 * average. An edition of `size` documents or fewer has one shard: one
 * index, as an edition had before shards.
 */
export function shardCount(documents: number, size: number = SEARCH_SHARD_SIZE): number {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`the search shard size must be a whole number of documents, at least 1 (not ${size})`);
  let count = 1;
  while (documents > count * size) count *= 2;
  return count;
}

/** The shard (0 to `count` − 1) that holds the document `name`, when the index has `count` shards (a power of two). */
export function shardOf(name: string, count: number): number {
  // The first four bytes of the name's SHA-256: spread evenly whatever the names look like (numbered files, shared prefixes).
  return createHash('sha256').update(name).digest().readUInt32BE(0) & (count - 1);
}

/** Where a shard's Pagefind bundle is published, below the search page's folder: the first at `pagefind/` (the search page loads it first), shard n at `pagefind-n/`. */
export function shardFolder(shard: number, first: boolean): string {
  return first ? 'pagefind' : `pagefind-${shard + 1}`;
}

/** A document of a shard, with its position in the edition's list of documents. */
export interface ShardMember<T> { document: T; position: number }

/** A shard that holds documents: its number, its folder (`shardFolder`) and its documents in the edition's order. */
export interface Shard<T> { shard: number; folder: string; members: ShardMember<T>[] }

/**
 * The shards that hold any of `documents` (listed in the edition's order),
 * by number, when the index has `count` shards. An edition with no documents
 * (registers alone) has one empty shard, so that the search page has an
 * index to load.
 */
export function assignShards<T extends { name: string }>(documents: readonly T[], count: number): Shard<T>[] {
  const members = new Map<number, ShardMember<T>[]>();
  for (const [position, document] of documents.entries()) {
    const shard = shardOf(document.name, count);
    const held = members.get(shard);
    if (held) held.push({ document, position });
    else members.set(shard, [{ document, position }]);
  }
  if (members.size === 0) members.set(0, []);
  return [...members.keys()].sort((a, b) => a - b).map((shard, i) => ({ shard, folder: shardFolder(shard, i === 0), members: members.get(shard)! }));
}

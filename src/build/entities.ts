/**
 * The edition's entities in the build, once every document has rendered:
 * the registers' entries (read with the HTML stylesheet, as documents'
 * are), the catalogue of every entry, the entity index, and each page's
 * entity links checked against it. Each step keeps its result in the build
 * cache under a key of what it depends on, so an unchanged edition does
 * none of it again.
 */
import { readFile } from 'node:fs/promises';
import { basename, dirname, relative, resolve, sep } from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import {
  Catalogue, DEFAULT_PAGE_SIZE, entityData, entityIndex, mentionedEntities, registersParameter, relink,
  type DuplicateAnchor, type EntityIndex, type EntitySource, type Mention, type MentionedEntity,
} from '../entities/index.js';
import { parseSource, transformSource, type CompiledStylesheet, type TeiSource } from '../transform/index.js';
import { BuildCache, MENTIONS_DATA, cacheKey, sha256, type UnitRecord } from './cache.js';
import { BUILD_RULE, ENTITY_INDEX_HREF } from './render.js';
import { placeReach, seesPlace } from './location.js';
import { urlFragment } from '../escape.js';

/** A register's entity data, from the cache or read with the HTML stylesheet (output `entities`). */
export async function registerRecord(
  register: TeiSource,
  registers: readonly string[],
  html: { stylesheet: () => Promise<CompiledStylesheet>; key: string; seesPlace?: boolean },
  format: string,
  cache: BuildCache,
  force: boolean,
): Promise<UnitRecord> {
  const params = { registers: registersParameter(register.file, registers), output: 'entities', 'entity-index-href': ENTITY_INDEX_HREF };
  // Named from the cache's folder unless its entries may depend on where it is (location.ts), as documents are.
  const where = html.seesPlace || seesPlace(register.file, placeReach(register.text)) ? resolve(register.file) : cache.place(register.file);
  const key = cacheKey([format, 'register', html.key, where, sha256(register.text), JSON.stringify(params)]);
  const known = force ? undefined : await cache.unit(key);
  if (known) return known;
  // Raw: the JSON string itself, not written out by the page's HTML serializer (which would escape its '&' and '<').
  const run = transformSource(await html.stylesheet(), await parseSource(register), { params, raw: true });
  const { mentions, entries, relations } = entityData(String(run.principal), basename(register.file));
  return cache.store(key, { name: basename(register.file), title: '', entities: { mentions, entries, relations }, links: [], files: new Map() });
}

export interface EditionEntities {
  catalogue: Catalogue;
  index: EntityIndex;
  /**
   * A digest of everything the entity index is made from (every entry, relation and mention, the
   * documents' names and titles, the page size), from the digests the records keep: equal keys, equal index.
   */
  key: string;
  /**
   * The entities each of `documents` (by name) mentions, with every form of their names: read from
   * their mentions, so asked only of the documents whose search records are made again.
   */
  mentionedBy(documents: readonly string[]): Map<string, MentionedEntity[]>;
  /**
   * A digest of what `mentionedBy` gives for a document, from its record and the catalogue alone
   * (its mentions are not read): equal digests, equal entities.
   */
  mentionedDigest(document: string): string;
  warnings: Diagnostic[];
}

/**
 * The catalogue and the index of the edition whose documents and registers
 * gave these records. Mentions are read from the cache (`mentionsOf`) only
 * when what is asked needs them: the pages of the index, or a document's
 * entities for its search records.
 */
export function editionEntities(documents: readonly UnitRecord[], registers: readonly UnitRecord[], registerFiles: readonly string[], cache: BuildCache, pageSize?: number): EditionEntities {
  const sources: EntitySource[] = [
    ...registers.map((r, i) => ({ name: r.name, file: registerFiles[i], register: true, entries: r.entities.entries, relations: r.entities.relations })),
    ...documents.map((d) => ({ name: d.name, register: false, title: d.title, entries: d.entities.entries, relations: d.entities.relations })),
  ];
  const catalogue = new Catalogue(sources);
  const mentionsOf = function* (records: Iterable<UnitRecord>): Generator<Mention> {
    for (const record of records) yield* cache.mentionsOf(record);
  };
  const index = entityIndex({ catalogue, mentions: mentionsOf(documents), documents: documents.map((d) => ({ name: d.name, title: d.title })), pageSize });
  const warnings = catalogue.duplicates.map((d) => {
    const [kept, ignored] = sourceLabels(d);
    return diagnostic('warning', BUILD_RULE,
      `two entries have the anchor "${d.anchor}", in ${kept} and in ${ignored}; the index shows the first and links go to it. Give one of them another xml:id.`,
      { file: d.ignoredFile ?? registerFiles.find((f) => basename(f) === d.ignored) ?? d.ignored });
  });
  const key = cacheKey([
    'entity-index', String(pageSize ?? DEFAULT_PAGE_SIZE),
    ...registers.flatMap((r, i) => [r.name, cache.place(registerFiles[i]), r.entitiesHash]),
    ...documents.flatMap((d) => [d.name, d.title, d.entitiesHash]),
  ]);
  const byName = new Map(documents.map((d) => [d.name, d]));
  // What `mentionedEntities` takes of the catalogue for a mentioned anchor, as JSON, once per anchor.
  const catalogued = new Map<string, string>();
  const entryFacts = (anchor: string): string => {
    let facts = catalogued.get(anchor);
    if (facts === undefined) {
      const canonical = catalogue.canonical(anchor);
      const entry = canonical === undefined ? undefined : catalogue.entry(canonical)!;
      facts = JSON.stringify(entry ? [canonical, entry.id, entry.type, entry.element, entry.names, catalogue.aliasesOf(canonical!).map((alias) => catalogue.entry(alias)?.names)] : null);
      catalogued.set(anchor, facts);
    }
    return facts;
  };
  return {
    catalogue, index, key, warnings,
    mentionedBy: (names) => mentionedEntities(catalogue, mentionsOf(names.flatMap((name) => byName.get(name) ?? []))),
    mentionedDigest: (name) => {
      const record = byName.get(name);
      return record === undefined ? '' : cacheKey([record.data?.[MENTIONS_DATA] ?? '', ...(record.mentioned ?? []).map(entryFacts)]);
    },
  };
}

/**
 * The two sources of a duplicate as a message names them: by name, or, for
 * two registers of the same file name, by their paths below the folder that
 * holds both.
 */
function sourceLabels(d: DuplicateAnchor): [string, string] {
  if (d.kept !== d.ignored || d.keptFile === undefined || d.ignoredFile === undefined) return [d.kept, d.ignored];
  const common = commonFolder(dirname(d.keptFile), dirname(d.ignoredFile));
  return [relative(common, d.keptFile), relative(common, d.ignoredFile)];
}

function commonFolder(a: string, b: string): string {
  let folder = a;
  while (relative(folder, b).split(sep)[0] === '..' && dirname(folder) !== folder) folder = dirname(folder);
  return folder;
}

/**
 * A document's record with its page's entity links sent where the index
 * shows each entry (and unlinked where no entry has the anchor); the record
 * itself when every link already leads there.
 */
export async function relinkedRecord(record: UnitRecord, index: EntityIndex, format: string, cache: BuildCache): Promise<{ record: UnitRecord; unresolved: string[]; linkUnit?: UnitRecord }> {
  const defaultHref = (anchor: string) => `${ENTITY_INDEX_HREF}#${urlFragment(anchor)}`;
  const targets: [string, string | null][] = [];
  const unresolved: string[] = [];
  for (const anchor of record.links) {
    const shown = index.hrefOf(anchor);
    if (shown === undefined) unresolved.push(anchor);
    const to = shown === undefined ? null : `../entities/${shown}`;
    if (to !== defaultHref(anchor)) targets.push([anchor, to]);
  }
  if (targets.length === 0) return { record, unresolved };
  // The page and its witness pages (beside it, in the document's folder): every page the document has.
  const pages = Object.keys(record.files).filter((path) => path.startsWith(`${record.name}/`) && path.endsWith('.html')).sort();
  const key = cacheKey([format, 'links', ...pages.map((page) => `${page} ${record.files[page]}`), JSON.stringify(targets)]);
  let linked = await cache.unit(key);
  if (!linked) {
    const moved = new Map(targets);
    const files = new Map<string, string>();
    for (const page of pages) {
      files.set(page, relink(await readFile(cache.blobPath(record.files[page]), 'utf8'), ENTITY_INDEX_HREF, (anchor) => (moved.has(anchor) ? moved.get(anchor) ?? undefined : defaultHref(anchor))));
    }
    linked = await cache.store(key, { name: record.name, title: record.title, entities: { mentions: [], entries: [], relations: [] }, links: [], files });
  }
  // The rendered pages stay in the cache beside the relinked ones (linkUnit), so the next build relinks them without rendering.
  return { record: { ...record, files: { ...record.files, ...linked.files } }, unresolved, linkUnit: linked };
}

/**
 * The entity index as a reader finds it: one part per type (persons,
 * places, organisations, events, objects, works), each sorted by regularised
 * name under a letter bar; every entry with its names, dates, occupations,
 * place hierarchy and coordinates, relations, authority links, and every
 * mention with its words in context, linking back to the paragraph.
 *
 * A part with more entries than `pageSize` gets a page per letter
 * (`entities/<type>-<letter>.html`), the index page then giving its letters;
 * smaller parts are shown whole on `entities/index.html`.
 *
 * Everything is grouped through maps in one pass over the mentions and one
 * over the entries, so the index costs time linear in both.
 */
import { urlFragment, urlPath } from '../escape.js';
import type { Catalogue } from './catalogue.js';
import { ENTITY_TYPES, type Entry, type EntityType, type Mention, type Relation } from './model.js';

/** Entries of one type shown on the index page itself; past this, a page per letter. */
export const DEFAULT_PAGE_SIZE = 300;

export interface DocumentInfo {
  name: string;
  title: string;
}

export interface Link {
  label: string;
  href: string;
}

export interface IndexMention {
  kind: Mention['kind'];
  href: string;
  /** "Title, paragraph 3". */
  label: string;
  before: string;
  text: string;
  after: string;
}

export interface IndexDocumentSpeeches {
  document: Link;
  count: number;
  speeches: IndexMention[];
}

export interface IndexRelation {
  relation: string;
  description: string;
  /** The parties, this entry among them (with no href). */
  active: Link[];
  passive: Link[];
  mutual: Link[];
}

/** An entry as the index shows it; every href is relative to the entities/ folder. */
export interface IndexEntry {
  anchor: string;
  type: EntityType;
  element: string;
  subtype: string;
  heading: string;
  /** The other names, each "name (type, language)". */
  otherNames: { text: string; qualifiers: string[] }[];
  descriptions: string[];
  notes: string[];
  sex?: string;
  dates: (Entry['dates'][number] & { placeLink?: Link })[];
  occupations: string[];
  affiliations: string[];
  authors: string[];
  /** The entries it lies within, outermost first, and those within it. */
  within: Link[];
  parts: Link[];
  location?: { names: { kind: string; text: string; href?: string }[]; geo?: { lat: string; long: string; href: string } };
  authorities: Link[];
  /** idnos that name no known authority: type and value. */
  identifiers: { type: string; value: string }[];
  relations: IndexRelation[];
  /** The document that keeps the entry (for entries kept in a document rather than a register). */
  keptIn?: Link;
  mentions: IndexMention[];
  speeches: IndexDocumentSpeeches[];
}

export interface LetterGroup {
  label: string;
  key: string;
  /** HTML id of the group on its page. */
  id: string;
  entries: IndexEntry[];
}

export interface IndexPart {
  type: EntityType;
  /** HTML id of the part's heading. */
  id: string;
  count: number;
  paged: boolean;
  /** Each letter with its entry count and where its entries are. */
  letters: { label: string; key: string; count: number; href: string }[];
  /** The entries shown on this page, by letter. */
  groups: LetterGroup[];
}

export interface IndexPage {
  /** Path relative to the entities/ folder. */
  file: string;
  /** For a letter page: its part and letter. */
  type?: EntityType;
  letter?: string;
  parts: IndexPart[];
}

export interface EntityIndex {
  /** The pages' data, made on first use (from every mention of the edition: the costly part). */
  readonly pages: IndexPage[];
  /** Where an anchor's entry is shown (relative to entities/), undefined when no entry has it. */
  hrefOf(anchor: string): string | undefined;
}

/** A name as it sorts: letters without their accents, lower case, leading punctuation dropped. */
export function sortKey(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/^[^\p{L}\p{N}]+/u, '');
}

/** The letter an entry is filed under, and a key for it that is safe in a file name and an id. */
export function letterOf(key: string): { label: string; key: string } {
  const first = String.fromCodePoint(key.codePointAt(0) ?? 0x23);
  if (/^[a-z]$/.test(first)) return { label: first.toUpperCase(), key: first };
  if (/^\p{L}$/u.test(first)) return { label: first.toUpperCase(), key: `u${first.codePointAt(0)!.toString(16)}` };
  if (/^\p{N}$/u.test(first)) return { label: '0–9', key: 'digits' };
  return { label: '#', key: 'other' };
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export interface EntityIndexInput {
  catalogue: Catalogue;
  /** Every mention of the edition, documents in edition order, each document's in text order. */
  mentions: Iterable<Mention>;
  documents: readonly DocumentInfo[];
  pageSize?: number;
}

export function entityIndex({ catalogue, mentions, documents, pageSize = DEFAULT_PAGE_SIZE }: EntityIndexInput): EntityIndex {
  const titles = new Map(documents.map((d) => [d.name, d.title]));
  const documentHref = (name: string, fragment = '') => `../${urlPath(name)}/index.html${fragment === '' ? '' : `#${urlFragment(fragment)}`}`;

  // Entries by type, sorted; where each is shown.
  const byType = new Map<EntityType, { entry: Entry; key: string; letter: { label: string; key: string } }[]>();
  for (const entry of catalogue.entries()) {
    if (!catalogue.isCanonical(entry.anchor)) continue;
    const key = sortKey(entry.sortName || entry.names[0]?.text || entry.id);
    const list = byType.get(entry.type) ?? [];
    list.push({ entry, key, letter: letterOf(key) });
    byType.set(entry.type, list);
  }
  const where = new Map<string, string>();
  const parts: { type: EntityType; paged: boolean; sorted: { entry: Entry; key: string; letter: { label: string; key: string } }[] }[] = [];
  for (const type of ENTITY_TYPES) {
    const sorted = byType.get(type);
    if (!sorted) continue;
    sorted.sort((a, b) => compare(a.key, b.key) || compare(a.entry.sortName, b.entry.sortName) || compare(a.entry.anchor, b.entry.anchor));
    const paged = sorted.length > pageSize;
    for (const { entry, letter } of sorted) {
      where.set(entry.anchor, `${paged ? letterFile(type, letter.key) : 'index.html'}#${urlFragment(entry.anchor)}`);
    }
    parts.push({ type, paged, sorted });
  }
  const hrefOf = (anchor: string): string | undefined => {
    const canonical = catalogue.canonical(anchor);
    return canonical === undefined ? undefined : where.get(canonical);
  };
  const labelOf = (anchor: string): string => {
    const entry = catalogue.entry(anchor);
    return entry?.names[0]?.text ?? entry?.id ?? anchor;
  };
  const linkTo = (anchor: string, self?: string): Link => {
    const canonical = catalogue.canonical(anchor) ?? anchor;
    return { label: labelOf(canonical), href: canonical === self ? '' : hrefOf(canonical) ?? '' };
  };

  // Where each entry is shown (above) is all that the links on documents' pages need; the pages' data,
  // built from every mention of the edition, is made when first asked for (an unchanged index is not rendered).
  const buildPages = (): IndexPage[] => {
    // Mentions by the entry they stand for.
    const mentionsOf = new Map<string, Mention[]>();
    for (const mention of mentions) {
      const anchor = catalogue.canonical(mention.entry);
      if (anchor === undefined) continue;
      const list = mentionsOf.get(anchor);
      if (list) list.push(mention);
      else mentionsOf.set(anchor, [mention]);
    }

    const indexMention = (mention: Mention): IndexMention => {
      const title = titles.get(mention.document) ?? mention.document;
      return {
        kind: mention.kind,
        href: documentHref(mention.document, mention.paragraph),
        label: mention.paragraphNumber === '' ? title : `${title}, paragraph ${mention.paragraphNumber}`,
        before: mention.before, text: mention.text, after: mention.after,
      };
    };

    const relation = (r: Relation, self: string): IndexRelation => ({
      relation: r.relation,
      description: r.description,
      active: r.active.map((a) => linkTo(a, self)),
      passive: r.passive.map((a) => linkTo(a, self)),
      mutual: r.mutual.map((a) => linkTo(a, self)),
    });

    const indexEntry = (entry: Entry): IndexEntry => {
      const anchor = entry.anchor;
      const names = [...entry.names, ...catalogue.aliasesOf(anchor).flatMap((alias) => catalogue.entry(alias)?.names ?? [])];
      const heading = names[0]?.text ?? entry.id;
      const seen = new Set([heading]);
      const otherNames: IndexEntry['otherNames'] = [];
      for (const name of names.slice(1)) {
        const qualifiers = [name.type && !['variant', 'alt', 'alternative'].includes(name.type) ? name.type : '', name.lang ?? ''].filter((q) => q !== '');
        const id = `${name.text}\u0000${qualifiers.join(' ')}`;
        if (seen.has(id) || (qualifiers.length === 0 && seen.has(name.text))) continue;
        seen.add(id);
        seen.add(name.text);
        otherNames.push({ text: name.text, qualifiers });
      }
      const within: Link[] = [];
      for (let up = entry.within, steps = 0; up !== undefined && steps < 32; steps++) {
        const parent = catalogue.canonical(up);
        if (parent === undefined) break;
        within.unshift(linkTo(parent));
        up = catalogue.entry(parent)?.within;
      }
      const all = mentionsOf.get(anchor) ?? [];
      const speeches = new Map<string, Mention[]>();
      for (const m of all) {
        if (m.kind !== 'speech') continue;
        const list = speeches.get(m.document);
        if (list) list.push(m);
        else speeches.set(m.document, [m]);
      }
      const source = catalogue.sourceOf(anchor);
      const authorities: Link[] = [];
      const identifiers: { type: string; value: string }[] = [];
      for (const idno of entry.idnos) {
        if (idno.href) authorities.push({ label: `${idno.authority} ${idno.value}`, href: idno.href });
        else identifiers.push({ type: idno.type, value: idno.value });
      }
      for (const link of entry.links) authorities.push({ label: link.authority, href: link.href });
      return {
        anchor, type: entry.type, element: entry.element, subtype: entry.subtype, heading, otherNames,
        descriptions: entry.descriptions, notes: entry.notes, sex: entry.sex,
        dates: entry.dates.map((d) => (d.place === undefined || hrefOf(d.place) === undefined ? d : { ...d, placeLink: linkTo(d.place) })),
        occupations: entry.occupations, affiliations: entry.affiliations, authors: entry.authors ?? [],
        within,
        parts: catalogue.partsOf(anchor).map((part) => linkTo(part)),
        location: entry.location && {
          names: entry.location.names.map((n) => ({ kind: n.kind, text: n.text, href: n.anchor === undefined ? undefined : hrefOf(n.anchor) })),
          geo: entry.location.geo && { ...entry.location.geo, href: mapLink(entry.location.geo) },
        },
        authorities, identifiers,
        relations: catalogue.relationsOf(anchor).map((r) => relation(r, anchor)),
        keptIn: source && !source.register ? { label: source.title ?? source.name, href: documentHref(source.name) } : undefined,
        mentions: all.filter((m) => m.kind !== 'speech').map(indexMention),
        speeches: [...speeches].map(([document, list]) => ({
          document: { label: titles.get(document) ?? document, href: documentHref(document) },
          count: list.length,
          speeches: list.map(indexMention),
        })),
      };
    };

    const pages: IndexPage[] = [{ file: 'index.html', parts: [] }];
    for (const { type, paged, sorted } of parts) {
      const groups: LetterGroup[] = [];
      for (const { entry, letter } of sorted) {
        const last = groups[groups.length - 1];
        if (last?.key === letter.key) last.entries.push(indexEntry(entry));
        else groups.push({ label: letter.label, key: letter.key, id: letterId(type, letter.key), entries: [indexEntry(entry)] });
      }
      const letters = groups.map((g) => ({
        label: g.label, key: g.key, count: g.entries.length,
        href: paged ? letterFile(type, g.key) : `index.html#${urlFragment(letterId(type, g.key))}`,
      }));
      pages[0].parts.push({ type, id: partId(type), count: sorted.length, paged, letters, groups: paged ? [] : groups });
      if (paged) {
        for (const group of groups) {
          pages.push({ file: letterFile(type, group.key), type, letter: group.label, parts: [{ type, id: partId(type), count: sorted.length, paged, letters, groups: [group] }] });
        }
      }
    }
    return pages;
  };
  let built: IndexPage[] | undefined;
  return {
    get pages() {
      built ??= buildPages();
      return built;
    },
    hrefOf,
  };
}

/**
 * The HTML id of a letter's group and of a part: with two colons, which no
 * entry's anchor has (an xml:id has none, a document's entry one), so they
 * never clash with an entry.
 */
export function letterId(type: EntityType, key: string): string {
  return `letter:${type}:${key}`;
}

export function partId(type: EntityType): string {
  return `part:${type}:`;
}

function letterFile(type: EntityType, key: string): string {
  return `${type}-${key}.html`;
}

/** A map of the point on OpenStreetMap: a link only, nothing is fetched. */
function mapLink(geo: { lat: string; long: string }): string {
  return `https://www.openstreetmap.org/?mlat=${encodeURIComponent(geo.lat)}&mlon=${encodeURIComponent(geo.long)}#map=12/${encodeURIComponent(geo.lat)}/${encodeURIComponent(geo.long)}`;
}

/**
 * The entity data a document yields, as the HTML stylesheet gives it
 * (xslt/html/entities.xsl: output `entities`, or the secondary result
 * `entities.json` of a page). Plain JSON, so it can be cached and posted
 * between threads.
 */

/** The parts of the entity index, in the order the index shows them. */
export const ENTITY_TYPES = ['persons', 'places', 'organisations', 'events', 'objects', 'works'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export interface EntryName {
  text: string;
  /** `@type` of the name element (preferred, variant, birth …). */
  type?: string;
  /** `@xml:lang` of the name element. */
  lang?: string;
}

export interface EntryDate {
  /** birth, death, floruit, or date (an event's or a work's date). */
  kind: 'birth' | 'death' | 'floruit' | 'date';
  /** The element's words, if any. */
  text: string;
  when?: string;
  notBefore?: string;
  notAfter?: string;
  from?: string;
  to?: string;
  /** Anchor of the place entry named in the date (a birth place), if any. */
  place?: string;
}

export interface EntryIdno {
  type: string;
  value: string;
  /** The authority named by the idno (authorities.xsl), with the record's address. */
  authority?: string;
  href?: string;
}

export interface EntryLocation {
  /** settlement, region, country … with the anchor of the place entry they point at, if any. */
  names: { kind: string; text: string; anchor?: string }[];
  /** Decimal latitude and longitude, as written. */
  geo?: { lat: string; long: string };
}

/** An entry: a person, group, place, organisation, event, object or work with an xml:id. */
export interface Entry {
  /** Its address in the entity index: the xml:id in a register, `<document>:<xml:id>` elsewhere. */
  anchor: string;
  id: string;
  /** The TEI element (person, personGrp, place, org, event, object, bibl …). */
  element: string;
  type: EntityType;
  /** `@type` and `@role` of the entry. */
  subtype: string;
  /** Its names, the regularised one first. */
  names: EntryName[];
  /** What the entry sorts by: its @sortKey, or its regularised name (surname first when encoded). */
  sortName: string;
  descriptions: string[];
  notes: string[];
  sex?: string;
  dates: EntryDate[];
  occupations: string[];
  affiliations: string[];
  idnos: EntryIdno[];
  /** Authority links from the entry's own @sameAs. */
  links: { authority: string; href: string }[];
  /** The anchor of the entry this one is the same as (its @sameAs), if any. */
  sameAs?: string;
  /** The anchor of the entry this one is kept in (a place within a place). */
  within?: string;
  location?: EntryLocation;
  /** Authors of a work. */
  authors?: string[];
}

export interface Relation {
  /** @name (or @type) of the relation. */
  relation: string;
  active: string[];
  passive: string[];
  mutual: string[];
  description: string;
}

export type MentionKind = 'name' | 'speech' | 'cast';

/** A mention of an entry in the text of a document. */
export interface Mention {
  /** The document's name (its folder in the output). */
  document: string;
  /** The anchor the mention points at (not yet checked against the edition's entries). */
  entry: string;
  kind: MentionKind;
  /** The TEI element that mentions it. */
  element: string;
  /** The words of the mention as written (for a speech, the speaker's label). */
  text: string;
  /** Keyword in context: the words before and after the mention, within its paragraph. */
  before: string;
  after: string;
  /** HTML id of the paragraph (or other element) on the page, '' for the page itself. */
  paragraph: string;
  /** Its number as the page shows it, '' when it has none. */
  paragraphNumber: string;
}

/** What one file (a document or a register) yields. */
export interface EntityData {
  mentions: Mention[];
  entries: Entry[];
  relations: Relation[];
}

/** The same, as the stylesheet gives it: mentions without their document. */
export interface StylesheetEntityData {
  mentions: Omit<Mention, 'document'>[];
  entries: Entry[];
  relations: Relation[];
  /** With output `entities` only: every anchor the file points at from outside its entries. */
  references?: string[];
}

/** Reads the stylesheet's JSON for the document named `document`. */
export function entityData(json: string, document: string): EntityData & { references: string[] } {
  const data = JSON.parse(json) as StylesheetEntityData;
  return {
    mentions: data.mentions.map((mention) => ({ document, ...mention })),
    entries: data.entries,
    relations: data.relations,
    references: data.references ?? [],
  };
}

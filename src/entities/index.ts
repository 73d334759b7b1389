/**
 * Named entities across the edition: the entries its registers and documents
 * keep (the stylesheet finds them, xslt/common/entities.xsl), the catalogue
 * that says which anchors exist, the entity index, the check of every entity
 * link on the pages, and what each document mentions (for search filters).
 * See docs/entities.md.
 */
import { Catalogue } from './catalogue.js';
import type { EntityType, Mention } from './model.js';

export { Catalogue } from './catalogue.js';
export type { EntitySource, DuplicateAnchor } from './catalogue.js';
export { entityIndex, sortKey, letterOf, letterId, partId, DEFAULT_PAGE_SIZE } from './entity-index.js';
export type { EntityIndex, EntityIndexInput, IndexEntry, IndexMention, IndexPage, IndexPart, IndexRelation, LetterGroup, Link, DocumentInfo } from './entity-index.js';
export { linkedAnchors, relink } from './links.js';
export { ENTITY_TYPES, entityData } from './model.js';
export { isApparatusFile, isRegister, registersParameter } from './registers.js';
export { scanEdition, unmentioned } from './scan.js';
export type { EditionScan, UnmentionedEntry } from './scan.js';
export type { Entry, EntryDate, EntryIdno, EntryLocation, EntryName, EntityData, EntityType, Mention, MentionKind, Relation, StylesheetEntityData } from './model.js';

/** An entity a document mentions, with every form of its name (for search filters). */
export interface MentionedEntity {
  anchor: string;
  type: EntityType;
  /** The entry's TEI element (person, personGrp, place, org, bibl …), for a finer kind than `type`. */
  element: string;
  /** The regularised name. */
  name: string;
  /** Every name of the entry (regularised first, variants after, aliases' names too) and every form the document writes. */
  names: string[];
  /** How often the document mentions it. */
  mentions: number;
  /** Each mention, in document order: where it is on the page (`Mention.paragraph`) and its words as written. */
  at: { paragraph: string; text: string }[];
}

/**
 * Per document, the entities it mentions (each once, in order of first
 * mention), for building search filters; mentions of anchors no entry has
 * are left out.
 */
export function mentionedEntities(catalogue: Catalogue, mentions: Iterable<Mention>): Map<string, MentionedEntity[]> {
  const byDocument = new Map<string, Map<string, MentionedEntity>>();
  for (const mention of mentions) {
    const anchor = catalogue.canonical(mention.entry);
    if (anchor === undefined) continue;
    let entities = byDocument.get(mention.document);
    if (!entities) byDocument.set(mention.document, (entities = new Map()));
    let entity = entities.get(anchor);
    if (!entity) {
      const entry = catalogue.entry(anchor)!;
      const names = [...entry.names, ...catalogue.aliasesOf(anchor).flatMap((alias) => catalogue.entry(alias)?.names ?? [])].map((n) => n.text);
      entity = { anchor, type: entry.type, element: entry.element, name: names[0] ?? entry.id, names: [...new Set(names)], mentions: 0, at: [] };
      entities.set(anchor, entity);
    }
    entity.mentions++;
    entity.at.push({ paragraph: mention.paragraph, text: mention.text });
    if (mention.kind === 'name' && mention.text !== '' && !entity.names.includes(mention.text)) entity.names.push(mention.text);
  }
  return new Map([...byDocument].map(([document, entities]) => [document, [...entities.values()]]));
}

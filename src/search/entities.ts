/**
 * The entities a passage mentions, with what the search needs of each: its
 * type, its regularised name (a filter value) and every form of its name (so
 * that a search for a variant finds the passage).
 *
 * The build's entity catalogue (src/entities, docs/entities.md) knows every
 * entry wherever the edition keeps it and which of them each document
 * mentions (`BuildReport.entities`, `MentionedEntity`): the search takes them
 * from there, and only places each mention in its passage here.
 */
import type { MentionedEntity } from '../entities/index.js';

/** What a search filter needs of an entity: `MentionedEntity`'s element, regularised name and name forms. */
export type Entity = Pick<MentionedEntity, 'element' | 'name' | 'names' | 'at'>;

/** What kind of thing an entry element is, as a filter names it; other elements are named by their own name. */
const ENTITY_TYPES: Readonly<Record<string, string>> = {
  person: 'person',
  persona: 'person',
  personGrp: 'group',
  place: 'place',
  org: 'organisation',
  event: 'event',
  object: 'object',
  bibl: 'work',
  biblStruct: 'work',
  biblFull: 'work',
  msDesc: 'work',
  nym: 'name',
};

export function entityType(element: string): string {
  return ENTITY_TYPES[element] ?? element;
}

/**
 * The entities each passage of a document mentions, by the passage's index
 * among `passages`, in the order the document first mentions them. A
 * mention names its passage by anchor (its paragraph's id, or the nearest id
 * the page gives outside paragraphs); where several passages share that
 * anchor (a heading and verse in the same division), it belongs to the first
 * of them whose text has the name's words, else to the first of them. A
 * mention whose anchor no passage has (a cast item's) is in no passage.
 */
export function passageEntities<E extends Entity>(
  entities: readonly E[],
  passages: readonly { anchor: string; contains: readonly string[]; text: string }[],
): Map<number, E[]> {
  const byAnchor = new Map<string, number[]>();
  passages.forEach((passage, index) => {
    for (const anchor of new Set([passage.anchor, ...passage.contains])) byAnchor.set(anchor, [...(byAnchor.get(anchor) ?? []), index]);
  });
  const mentioned = new Map<number, E[]>();
  for (const entity of entities) {
    for (const { paragraph, text } of entity.at) {
      const candidates = byAnchor.get(paragraph);
      if (!candidates) continue;
      const index = candidates.find((i) => text !== '' && passages[i].text.includes(text)) ?? candidates[0];
      const list = mentioned.get(index) ?? [];
      if (!list.includes(entity)) list.push(entity);
      mentioned.set(index, list);
    }
  }
  return mentioned;
}

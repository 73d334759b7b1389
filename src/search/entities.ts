/**
 * The entities a passage mentions, with what the search needs of each: its
 * type, its regularised name (a filter value) and every form of its name (so
 * that a search for a variant finds the passage).
 *
 * Today the build knows entities from two places: the mentions the HTML
 * stylesheet lists for each document (entry id and the paragraph it is in)
 * and the register files' entries. `passageEntities` is the one place that
 * joins them; when the build learns other places entities are kept, only it
 * changes.
 */
import { runStylesheet, type CompiledStylesheet, type TeiSource } from '../transform/index.js';
import type { Mention } from '../build/render.js';

/** A register entry, as records.xsl reads it. */
export interface Entity {
  id: string;
  /** The entry's element: person, personGrp, place, org, event … */
  kind: string;
  /** The preferred (regularised) name; the entry's id when it has no name. */
  name: string;
  /** Every form of the name the entry gives, the preferred one among them. */
  forms: string[];
}

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

export function entityType(kind: string): string {
  return ENTITY_TYPES[kind] ?? kind;
}

/** Every entry of the registers, by xml:id (the first register wins when two give the same id, as on the entity index). */
export function registerEntities(registers: readonly TeiSource[], records: CompiledStylesheet): Map<string, Entity> {
  const json = String(runStylesheet(records, undefined, {
    params: { 'registers-json': JSON.stringify(registers.map((r) => r.text)) },
    initialTemplate: 'Q{urn:samizdat}register-entries',
  }));
  const entries = new Map<string, Entity>();
  for (const [id, value] of Object.entries(JSON.parse(json) as Record<string, { kind?: unknown; name?: unknown; forms?: unknown }>)) {
    const forms = Array.isArray(value.forms) ? value.forms.filter((f): f is string => typeof f === 'string') : [];
    entries.set(id, { id, kind: String(value.kind ?? ''), name: typeof value.name === 'string' ? value.name : id, forms });
  }
  return entries;
}

/**
 * The entities each passage of a document mentions, by the passage's index
 * among `passages`, in order of first mention. A mention names its passage
 * by anchor (its paragraph's id, or the nearest xml:id outside paragraphs);
 * where several passages share that anchor (a heading and verse in the same
 * division), it belongs to the first of them whose text has the name's words,
 * else to the first of them.
 */
export function passageEntities(
  mentions: readonly Mention[],
  passages: readonly { anchor: string; contains: readonly string[]; text: string }[],
  entities: ReadonlyMap<string, Entity>,
): Map<number, Entity[]> {
  const byAnchor = new Map<string, number[]>();
  passages.forEach((passage, index) => {
    for (const anchor of new Set([passage.anchor, ...passage.contains])) byAnchor.set(anchor, [...(byAnchor.get(anchor) ?? []), index]);
  });
  const mentioned = new Map<number, Entity[]>();
  for (const mention of mentions) {
    const entity = typeof mention.entry === 'string' ? entities.get(mention.entry) : undefined;
    const candidates = byAnchor.get(typeof mention.paragraph === 'string' ? mention.paragraph : '');
    if (!entity || !candidates) continue;
    const name = typeof mention.text === 'string' ? mention.text : '';
    const index = candidates.find((i) => name !== '' && passages[i].text.includes(name)) ?? candidates[0];
    const list = mentioned.get(index) ?? [];
    if (!list.includes(entity)) list.push(entity);
    mentioned.set(index, list);
  }
  return mentioned;
}

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

/** The entities each passage of a document mentions, by passage anchor, in order of first mention. */
export function passageEntities(mentions: readonly Mention[], entities: ReadonlyMap<string, Entity>): Map<string, Entity[]> {
  const byAnchor = new Map<string, Entity[]>();
  for (const mention of mentions) {
    const entity = typeof mention.entry === 'string' ? entities.get(mention.entry) : undefined;
    if (!entity) continue;
    const anchor = typeof mention.paragraph === 'string' ? mention.paragraph : '';
    const list = byAnchor.get(anchor) ?? [];
    if (!list.includes(entity)) list.push(entity);
    byAnchor.set(anchor, list);
  }
  return byAnchor;
}

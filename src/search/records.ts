/**
 * From a document's passages to the records of the search index: one per
 * passage, its URL the passage's place on the page, its content the reading
 * text followed by the other forms it stands for (original spellings, the
 * readings of an apparatus, the names of the entities it mentions), its
 * filters and sort keys those the search page offers. Pure: no files, no
 * processes, so every rule here is tested on values.
 */
import type { Mention } from '../build/render.js';
import { entityType, passageEntities, type Entity } from './entities.js';
import { primaryLanguage, yearOf, yearsOf, type DateSpan, type DocumentPassages, type Passage } from './passages.js';

/** A record as Pagefind's `addCustomRecord` takes it. */
export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

/** What the index needs of one published document. */
export interface SearchDocument {
  name: string;
  title: string;
  mentions: readonly Mention[];
  passages: DocumentPassages;
}

/** Filters every record may carry; an entity type that would take one of these names is suffixed. */
export const FIXED_FILTERS = ['document', 'type', 'year', 'language'] as const;

/** The filter that lists the entities of a type (`person`, `place`, `organisation` …). */
export function entityFilter(type: string): string {
  return (FIXED_FILTERS as readonly string[]).includes(type) ? `${type}-entity` : type;
}

/** Open and close the run of other forms after a passage's text: words of their own that are not letters, so never words of the index. */
export const FORMS_OPEN = ' ⟨ ';
export const FORMS_CLOSE = ' ⟩';
export const FORMS_SEPARATOR = ' · ';

/**
 * The language whose rules (stemming) the index follows: the one most
 * passages are in ('und' when none declares one). Pagefind keeps one index
 * per language and a search page searches one, so an edition is indexed as
 * one language and its languages are a filter instead.
 */
export function indexLanguage(documents: Iterable<DocumentPassages>): string {
  const counts = new Map<string, number>();
  for (const document of documents) {
    for (const passage of document.passages) {
      const language = primaryLanguage(passage.languages[0] ?? document.language) ?? primaryLanguage(document.language);
      if (language) counts.set(language, (counts.get(language) ?? 0) + 1);
    }
  }
  let best: [string, number] = ['und', 0];
  for (const entry of counts) if (entry[1] > best[1]) best = entry;
  return best[0];
}

/** What the document filter shows for each document: its title, with its name when another document has the same title. */
export function documentLabels(documents: readonly { name: string; title: string }[]): Map<string, string> {
  const uses = new Map<string, number>();
  for (const { title } of documents) uses.set(title, (uses.get(title) ?? 0) + 1);
  return new Map(documents.map(({ name, title }) => [name, (uses.get(title) ?? 0) > 1 ? `${title} (${name})` : title]));
}

/** A word as the passage's content is compared: lower case, without the punctuation around it or a possessive ’s. */
function wordKey(word: string): string {
  return word.toLocaleLowerCase().replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, '').replace(/['’]s$/u, '');
}

/**
 * The passage's text, then the forms a search should also find it by: of
 * each form, the words the text (or an earlier form) does not already have,
 * so that a word is in the content once however many forms repeat it, and
 * the excerpt of a search for a word of the text shows the text.
 */
export function passageContent(passage: Passage, entities: readonly Entity[]): string {
  const seen = new Set(passage.text.split(/\s+/).map(wordKey));
  const forms: string[] = [];
  for (const form of [...passage.forms, ...entities.flatMap((e) => e.forms)]) {
    const words = form.split(/\s+/).filter((word) => {
      const key = wordKey(word);
      if (key === '' || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    if (words.length > 0) forms.push(words.join(' '));
  }
  return forms.length === 0 ? passage.text : `${passage.text}${FORMS_OPEN}${forms.join(FORMS_SEPARATOR)}${FORMS_CLOSE}`.trim();
}

/** A sort key that orders lexically as the documents and passages are ordered, never read as a number. */
function orderKey(document: number, passage: number): string {
  return `d${String(document).padStart(7, '0')}p${String(passage).padStart(7, '0')}`;
}

/** A date as a key that orders lexically by time (years shifted so that BCE sorts before CE); undated last. */
function dateKey(date: DateSpan | undefined): string {
  const value = date?.when ?? date?.from ?? date?.to;
  const year = yearOf(value);
  if (year === undefined) return 'z';
  const rest = /^-?\d{4,}(-\d{2}(-\d{2})?)?/.exec(value!.trim())?.[1] ?? '';
  return `${String(year + 100_000).padStart(6, '0')}${rest}`;
}

/**
 * The records of one document (the `position`th in the list of documents),
 * with the entities it mentions looked up in `entities`.
 */
export function documentRecords(
  document: SearchDocument,
  position: number,
  context: { entities: ReadonlyMap<string, Entity>; language: string; label: string },
): SearchRecord[] {
  const mentioned = passageEntities(document.mentions, context.entities);
  const title = document.title;
  return document.passages.passages.map((passage, index): SearchRecord => {
    const entities = [...new Set([passage.anchor, ...passage.contains].flatMap((anchor) => mentioned.get(anchor) ?? []))];
    const filters: Record<string, string[]> = { document: [context.label] };
    const add = (key: string, value: string): void => {
      const values = (filters[key] ??= []);
      if (!values.includes(value)) values.push(value);
    };
    for (const entity of entities) {
      add(entityFilter(entityType(entity.kind)), entity.name);
      add('type', entityType(entity.kind));
    }
    for (const year of yearsOf(passage.dates)) add('year', String(year));
    for (const tag of passage.languages) {
      const language = primaryLanguage(tag);
      if (language) add('language', language);
    }
    const order = orderKey(position, index);
    return {
      url: `/${encodeURIComponent(document.name)}/index.html${passage.target === '' ? '' : `#${encodeURIComponent(passage.target)}`}`,
      content: passageContent(passage, entities),
      language: context.language,
      meta: {
        'document-title': title,
        document: document.name,
        ...(passage.number !== '' && { paragraph: passage.number }),
        ...(passage.heading !== '' && passage.heading !== passage.text && { heading: passage.heading }),
      },
      filters,
      sort: { order, title: `${title.toLocaleLowerCase()} ${order}`, date: `${dateKey(document.passages.date)} ${order}` },
    };
  });
}

/**
 * From a document's passages to the records of the search index: one per
 * passage, its URL the passage's place on the page, its content the reading
 * text followed by the other forms it stands for (original spellings, the
 * readings of an apparatus, the names of the entities it mentions), its
 * filters and sort keys those the search page offers. Pure: no files, no
 * processes, so every rule here is tested on values.
 */
import { urlFragment, urlPath } from '../escape.js';
import { entityType, passageEntities, type Entity } from './entities.js';
import { primaryLanguage, yearOf, yearsOf, type DateSpan, type DocumentPassages, type Passage } from './passages.js';

/**
 * The form of the records made here, part of the keys under which the build
 * cache keeps records and shards: a samizdat that makes them otherwise (2:
 * dashes between words spaced, `DASH_JOIN`) does not take an earlier one's.
 */
export const RECORDS_FORMAT = 'records-2';

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
  /** The entities it mentions (the build's `BuildReport.entities` for it), in order of first mention. */
  entities: readonly Entity[];
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

/** Name of a document unit's `languageCounts` in the build cache (a datum, beside its passages). */
export const LANGUAGES_DATA = 'search-languages.json';

/** A document's passages per language (primary subtag), in order of first use: what choosing the index's language needs of it. */
export type LanguageCounts = [language: string, passages: number][];

/** How many of a document's passages are in each language: a passage's own language, else the document's. */
export function languageCounts(document: DocumentPassages): LanguageCounts {
  const counts = new Map<string, number>();
  for (const passage of document.passages) {
    const language = primaryLanguage(passage.languages[0] ?? document.language) ?? primaryLanguage(document.language);
    if (language) counts.set(language, (counts.get(language) ?? 0) + 1);
  }
  return [...counts];
}

/**
 * The language whose rules (stemming) the index follows: the one most
 * passages are in ('und' when none declares one), over the documents'
 * `languageCounts`. Pagefind keeps one index per language and a search page
 * searches one, so an edition is indexed as one language and its languages
 * are a filter instead.
 */
export function indexLanguage(documents: Iterable<LanguageCounts>): string {
  const counts = new Map<string, number>();
  for (const document of documents) for (const [language, passages] of document) counts.set(language, (counts.get(language) ?? 0) + passages);
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

/** Word keys already worked out, by word: most words of an edition recur, and a key takes a locale-aware lower-casing and two regular expressions. */
const wordKeys = new Map<string, string>();
/** Keys remembered at most: a bound on the memory they hold in a long `watch` (the bench corpus, 1,000 documents, has ~43,000 distinct words). */
const WORD_KEYS_KEPT = 100_000;

/** A word as the content is compared: lower case, without the punctuation around it or a possessive ’s. */
function wordKey(word: string): string {
  let key = wordKeys.get(word);
  if (key === undefined) {
    key = word.toLocaleLowerCase().replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, '').replace(/['’]s$/u, '');
    if (wordKeys.size >= WORD_KEYS_KEPT) wordKeys.clear();
    wordKeys.set(word, key);
  }
  return key;
}

const words = (text: string): string[] => text.split(/\s+/).filter((w) => w !== '');

/**
 * A run of words joined by single spaces, how many words it has, and which
 * of them (by index in the run) stand in the text right after a dash, with
 * no white space between (`DASH_JOIN`).
 */
interface Run { text: string; words: number; joins?: number[] }

/**
 * A dash or an ellipsis between two words with no white space around it
 * ("Grimstone—'ee'd", "régime—which", "1923–1924", "well…perhaps").
 * Pagefind splits its content into words at white space only, and a word
 * into the parts it also indexes at ASCII punctuation only: it indexed
 * "régime—which" as one word, "regimewhich", so that "which" and an exact
 * "régime" did not find the passage. Its content has a space after such a
 * dash; the words after one are listed in the record (`joins`), so that the
 * search page shows the text as it is. ASCII hyphens are left: Pagefind
 * indexes a hyphenated word whole and in its parts.
 */
const DASH_JOIN = /(?<=\S)[\u2012-\u2015\u2026\u2e3a\u2e3b]+(?=\S)/gu;

/**
 * A text's words (split at white space, as Pagefind counts them) joined by
 * one space, and how many there are: what `words(text).join(' ')` and its
 * length give, without an array of every word of the edition (the content
 * of its records, some 100,000 passages, is most of the search's own work).
 * `trim` takes off exactly what `\s` matches.
 */
function spaced(text: string): Run {
  const joined = text.trim().replace(/\s+/g, ' ');
  // Most texts have no dash between words: they are not looked at word by word.
  DASH_JOIN.lastIndex = 0;
  if (!DASH_JOIN.test(joined)) return { text: joined, words: joined === '' ? 0 : spaces(joined) + 1 };
  const words: string[] = [];
  const joins: number[] = [];
  for (const word of joined.split(' ')) {
    const parts = word.replace(DASH_JOIN, '$& ').split(' ');
    for (const [i, part] of parts.entries()) {
      if (i > 0) joins.push(words.length);
      words.push(part);
    }
  }
  return { text: words.join(' '), words: words.length, joins };
}

/** How many spaces a text has. */
function spaces(text: string): number {
  let count = 0;
  for (let at = text.indexOf(' '); at >= 0; at = text.indexOf(' ', at + 1)) count += 1;
  return count;
}

/** A record's content, where each of its passages starts, and the words that follow a dash in the text with no space (indexes among the content's words, ascending). */
export interface RecordContent { content: string; spans: PassageSpan[]; joins: number[] }

/** A passage's place in its record's content, and what a result found there links to and shows. */
export interface PassageSpan {
  /** Index of the passage's first word among the content's words (split at white space, as Pagefind counts them). */
  offset: number;
  /** The fragment of the passage's link ('' for the page's top). */
  target: string;
  /** The paragraph number ('' outside paragraphs). */
  number: string;
}

/**
 * The content of a record of `passages`: each passage's text followed by its
 * own other forms, then the forms of the names of the `entities` mentioned.
 * Of each form, only the words the record does not already have are added,
 * so that a word is in the content once however many forms repeat it, and
 * the excerpt of a search for a word of the text shows the text. Returns the
 * content, where each passage starts in it, and the words the text sets
 * right after a dash (`DASH_JOIN`).
 */
export function recordContent(passages: readonly Passage[], entities: readonly Entity[]): RecordContent {
  return contentOf(passages, passages.map((passage) => spaced(passage.text)), entities);
}

/** `recordContent`, given each passage's text `spaced` (worked out once, when the passages are grouped into records). */
function contentOf(passages: readonly Passage[], texts: readonly Run[], entities: readonly Entity[]): RecordContent {
  // Most passages have no other forms: the text's words are compared only when there are some.
  let known: Set<string> | undefined;
  const newWords = (forms: readonly string[]): string[] => forms.flatMap((form) => {
    const seen = (known ??= new Set(texts.flatMap((t) => (t.words === 0 ? [] : t.text.split(' ').map(wordKey)))));
    const kept = words(form).filter((word) => {
      const key = wordKey(word);
      if (key === '' || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    return kept.length > 0 ? [kept.join(' ')] : [];
  });
  // The content is built of runs of words, each joined by single spaces: `count` is the words so far.
  const runs: string[] = [];
  const joins: number[] = [];
  let count = 0;
  const add = (run: Run): void => {
    if (run.words === 0) return;
    runs.push(run.text);
    for (const join of run.joins ?? []) joins.push(count + join);
    count += run.words;
  };
  const bracketed = (forms: string[]): void => {
    if (forms.length > 0) add(spaced(`${FORMS_OPEN}${forms.join(FORMS_SEPARATOR)}${FORMS_CLOSE}`));
  };
  const spans: PassageSpan[] = [];
  for (const [i, passage] of passages.entries()) {
    spans.push({ offset: count, target: passage.target, number: passage.number });
    add(texts[i]);
    if (passage.forms.length > 0) bracketed(newWords(passage.forms));
  }
  if (entities.length > 0) bracketed(newWords(entities.flatMap((e) => e.names)));
  return { content: runs.join(' '), spans, joins };
}

/** The passages of a record, as its `passages` metadata carries them: `offset:target:number` (the number URI-encoded), space-separated. */
export function encodeSpans(spans: readonly PassageSpan[]): string {
  return spans.map((s) => `${s.offset}:${s.target}:${encodeURIComponent(s.number)}`).join(' ');
}

/**
 * Short passages that share everything a filter can tell (the entities they
 * mention, their years and languages) and their heading are indexed together
 * in records of at least this many words: a novel's dialogue is thousands of
 * short paragraphs, and Pagefind's work grows with records as much as with
 * words. Filters stay exact, and a result still links to the paragraph its
 * words are in (the search page finds it from `passages`).
 */
export const RECORD_WORDS = 120;

/** Prefix of the metadata that repeats a record's sort keys, in an index of several shards (`documentRecords`' `sortMeta`). */
export const SORT_META = 'sort-';

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

/** The records of one document (the `position`th in the list of documents). */
export function documentRecords(
  document: SearchDocument,
  position: number,
  context: { language: string; label: string; sortMeta?: boolean },
): SearchRecord[] {
  const mentioned = passageEntities(document.entities, document.passages.passages);
  const groups: { passages: Passage[]; texts: Run[]; entities: Entity[]; filters: Record<string, string[]>; key: string; words: number; first: number }[] = [];
  document.passages.passages.forEach((passage, index) => {
    const entities = mentioned.get(index) ?? [];
    const filters = passageFilters(passage, entities, context.label);
    const key = JSON.stringify([filters, passage.heading]);
    const group = groups.at(-1);
    const text = spaced(passage.text);
    if (group && group.key === key && group.words < RECORD_WORDS) {
      group.passages.push(passage);
      group.texts.push(text);
      group.words += text.words;
    } else groups.push({ passages: [passage], texts: [text], entities, filters, key, words: text.words, first: index });
  });
  const title = document.title;
  return groups.map(({ passages, texts, entities, filters, first }): SearchRecord => {
    const { content, spans, joins } = contentOf(passages, texts, entities);
    const heading = passages[0].heading;
    const order = orderKey(position, first);
    const target = passages[0].target;
    const sort = { order, title: `${title.toLocaleLowerCase()} ${order}`, date: `${dateKey(document.passages.date)} ${order}` };
    return {
      url: `/${urlPath(document.name)}/index.html${target === '' ? '' : `#${urlFragment(target)}`}`,
      content,
      language: context.language,
      // For the search page, not words of the text: Pagefind is given them in the record's address (pagefind.ts, `pagefindRecord`).
      meta: {
        passages: encodeSpans(spans),
        // The words that follow a dash with no space in the text (DASH_JOIN): the search page shows them joined.
        ...(joins.length > 0 && { joins: joins.join(' ') }),
        ...(heading !== '' && heading !== passages[0].text && { heading }),
        // Pagefind orders each index of a sharded edition on its own: the search page merges them by these (SORT_META).
        ...(context.sortMeta && Object.fromEntries(Object.entries(sort).map(([key, value]) => [`${SORT_META}${key}`, value]))),
      },
      filters,
      sort,
    };
  });
}

/** What the filters know of a passage: its document, the entities it mentions (by type, regularised name), its years and languages. */
function passageFilters(passage: Passage, entities: readonly Entity[], label: string): Record<string, string[]> {
  const filters: Record<string, string[]> = { document: [label] };
  const add = (key: string, value: string): void => {
    const values = (filters[key] ??= []);
    if (!values.includes(value)) values.push(value);
  };
  for (const entity of entities) {
    add(entityFilter(entityType(entity.element)), entity.name);
    add('type', entityType(entity.element));
  }
  for (const year of yearsOf(passage.dates)) add('year', String(year));
  for (const tag of passage.languages) {
    const language = primaryLanguage(tag);
    if (language) add('language', language);
  }
  return filters;
}

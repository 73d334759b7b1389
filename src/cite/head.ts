/**
 * Machine-readable citation metadata for the `<head>` of a document's HTML
 * page: Highwire Press `citation_*` tags (what Zotero and Google Scholar
 * read), Dublin Core `DC.*` tags and a schema.org JSON-LD object. Returned as
 * data; the HTML build writes them (attribute values escaped as usual, the
 * JSON-LD through `serializeJsonLd`).
 */
import { jsonInScript } from '../escape.js';
import type { CslDate, CslItem, CslName } from './csl.js';
import type { CitableDocument } from './header.js';

/** `<meta name="…" content="…">`. */
export interface MetaTag {
  name: string;
  content: string;
}

export interface HeadMetadata {
  /** Highwire Press tags, in the order Zotero's and Google Scholar's documentation list them. */
  highwire: MetaTag[];
  /** Dublin Core tags (`DC.title`…); the page should also declare `<link rel="schema.DC" href="http://purl.org/dc/elements/1.1/">`. */
  dublinCore: MetaTag[];
  /** A schema.org object for `<script type="application/ld+json">`. */
  jsonLd: Record<string, unknown>;
}

export function headMetadata(document: CitableDocument): HeadMetadata {
  const { item } = document;
  return { highwire: highwire(document), dublinCore: dublinCore(document), jsonLd: jsonLd(document) };
}

function highwire(document: CitableDocument): MetaTag[] {
  const { item } = document;
  const tags: MetaTag[] = [];
  const add = (name: string, content: string | undefined): void => { if (content) tags.push({ name, content }); };
  add('citation_title', item.title);
  for (const author of item.author ?? []) add('citation_author', invertedName(author));
  for (const editor of item.editor ?? []) add('citation_editor', invertedName(editor));
  add('citation_publication_date', dateParts(item.issued)?.join('/'));
  add('citation_publisher', item.publisher);
  if (item.type === 'chapter') add('citation_inbook_title', item['container-title']);
  if (item.type === 'article-journal') add('citation_journal_title', item['container-title']);
  add('citation_series_title', item['collection-title']);
  add('citation_doi', item.DOI);
  add('citation_language', item.language);
  add('citation_keywords', document.keywords.join('; '));
  add('citation_public_url', item.URL);
  return tags;
}

function dublinCore(document: CitableDocument): MetaTag[] {
  const { item } = document;
  const tags: MetaTag[] = [];
  const add = (name: string, content: string | undefined): void => { if (content) tags.push({ name, content }); };
  add('DC.title', item.title);
  for (const author of item.author ?? []) add('DC.creator', invertedName(author));
  for (const editor of item.editor ?? []) add('DC.contributor', invertedName(editor));
  add('DC.publisher', item.publisher);
  add('DC.date', isoDate(item.issued));
  add('DC.type', 'Text');
  add('DC.format', 'text/html');
  add('DC.language', item.language);
  add('DC.identifier', item.URL);
  if (item.DOI) add('DC.identifier', `https://doi.org/${item.DOI}`);
  add('DC.relation.isPartOf', item['container-title']);
  add('DC.description', item.abstract);
  for (const keyword of document.keywords) add('DC.subject', keyword);
  add('DC.rights', rights(document).licence ?? rights(document).notice);
  for (const source of document.sources) add('DC.source', source.url ?? source.description);
  return tags;
}

const SCHEMA_TYPES: Partial<Record<CslItem['type'], string>> = {
  chapter: 'Chapter',
  book: 'Book',
  'article-journal': 'ScholarlyArticle',
  webpage: 'WebPage',
};

function jsonLd(document: CitableDocument): Record<string, unknown> {
  const { item } = document;
  const data: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': SCHEMA_TYPES[item.type] ?? 'CreativeWork',
  };
  const set = (key: string, value: unknown): void => {
    if (value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0)) data[key] = value;
  };
  set('name', item.title);
  set('author', (item.author ?? []).map(agent));
  set('editor', (item.editor ?? []).map(agent));
  if (item['container-title']) {
    set('isPartOf', { '@type': item.type === 'article-journal' ? 'Periodical' : 'Book', name: item['container-title'] });
  }
  if (item.publisher) set('publisher', { '@type': 'Organization', name: item.publisher });
  set('datePublished', isoDate(item.issued));
  set('inLanguage', item.language);
  set('url', item.URL);
  if (item.DOI) set('identifier', `https://doi.org/${item.DOI}`);
  set('abstract', item.abstract);
  set('keywords', document.keywords);
  set('license', rights(document).licence);
  set('copyrightNotice', rights(document).notice);
  set('isBasedOn', document.sources.map((source) => {
    const work: Record<string, unknown> = { '@type': 'CreativeWork', name: source.title ?? source.description };
    if (source.authors.length) work.author = source.authors.map(agent);
    if (source.container) work.isPartOf = { '@type': 'Book', name: source.container };
    if (source.publisher) work.publisher = { '@type': 'Organization', name: source.publisher };
    if (source.date) work.datePublished = isoDate(source.date);
    if (source.url) work.url = source.url;
    return work;
  }));
  return data;
}

/**
 * The licence, only when it covers the document: with `availability[@status='restricted']`
 * (some of it is not under the licence) the whole availability statement is
 * given as a notice instead, so that no metadata claims a licence for text
 * the edition has no right to license.
 */
function rights(document: CitableDocument): { licence?: string; notice?: string } {
  const { licence, availability } = document;
  if (availability?.status === 'restricted') return { notice: availability.text };
  if (licence) return { licence: licence.url ?? licence.text };
  return { notice: availability?.text };
}

function agent(name: CslName): Record<string, string> {
  if (name.literal) return { '@type': 'Organization', name: name.literal };
  const person: Record<string, string> = { '@type': 'Person', name: displayName(name) };
  if (name.given) person.givenName = name.given;
  if (name.family) person.familyName = [name['non-dropping-particle'], name.family].filter(Boolean).join(' ');
  return person;
}

function displayName(name: CslName): string {
  return name.literal ?? [name.given, name['non-dropping-particle'], name.family].filter(Boolean).join(' ');
}

/** "Trotsky, L. D.": the form Highwire and Dublin Core readers parse best. */
function invertedName(name: CslName): string {
  if (name.literal) return name.literal;
  const family = [name['non-dropping-particle'], name.family].filter(Boolean).join(' ');
  return name.given ? `${family}, ${name.given}` : family;
}

function dateParts(date: CslDate | undefined): string[] | undefined {
  const parts = date?.['date-parts']?.[0];
  if (!parts?.length) return undefined;
  return parts.map((part, index) => (index === 0 ? String(part) : String(part).padStart(2, '0')));
}

function isoDate(date: CslDate | undefined): string | undefined {
  return dateParts(date)?.join('-');
}

/**
 * JSON for the inside of `<script type="application/ld+json">`: `<`, `>` and
 * `&` become `\u003c`, `\u003e`, `\u0026` (so no `</script>` or `<!--` can end
 * or change the script element), and U+2028/U+2029 are escaped too. The
 * result parses as JSON to exactly `value`.
 */
export const serializeJsonLd: (value: unknown) => string = jsonInScript;

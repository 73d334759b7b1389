/**
 * The TEI header of a document, read as what a scholar cites: this digital
 * edition (its title, authors, publisher, date and address), with the source
 * it was made from kept as the "original" (CSL `original-*` and `note`).
 * See docs/cite.md for the mapping table.
 */
import { urlPath } from '../escape.js';
import { basename, extname } from 'node:path';
import type { CslDate, CslItem, CslName, CslType } from './csl.js';
import { child, children, descendants, elements, textOf, type TeiElement } from './tree.js';

/** A paragraph that can be cited: its anchor (`xml:id`) and its number (`n`). */
export interface Passage {
  /** `xml:id` of the paragraph: the anchor of its URL (`#p7`). */
  id: string;
  /** Its number as cited ("7"): `@n`, else its position among the paragraphs. */
  n: string;
  /** The text it belongs to when that is a quoted letter (`correspDesc[@corresp]`), e.g. "letter of L. D. Trotsky to …, 8 October 1923". */
  within?: string;
}

const SOURCE_LABELS = { firstEdition: 'First edition', print: 'Print source', digital: 'Transcribed from', other: 'Source' } as const;

/** The source the edition was made from, as recorded in `sourceDesc`. */
export interface SourceRecord {
  /** From `@type` ("firstEdition", "printSource", "digitalSource", "webpage"…) and whether it has a URL. */
  kind: keyof typeof SOURCE_LABELS;
  /** Its main title with its subtitles ("Title of Work: A Study"), as the reference on the page reads it. */
  title?: string;
  /** Its abbreviated title (`title[@type='short']`), if the encoding gives one. */
  shortTitle?: string;
  container?: string;
  authors: CslName[];
  publisher?: string;
  place?: string;
  date?: CslDate;
  url?: string;
  /** One readable line: "Documents of the 1923 opposition. London: New Park Publications." */
  description: string;
}

/** Everything the citation functions need from one document. */
export interface CitableDocument {
  file: string;
  /** File name without extension: the edition's folder (`dist/<name>/`). */
  name: string;
  /** The document as CSL-JSON (not yet checked against the schema). */
  item: CslItem;
  passages: Passage[];
  licence?: { url?: string; text: string };
  /**
   * `availability` as a whole: its `@status` and all its text. A status of
   * "restricted" means the licence does not cover everything (the flagship's
   * encoding is CC BY, its text is New Park Publications' copyright).
   */
  availability?: { status?: string; text: string };
  keywords: string[];
  sources: SourceRecord[];
}

export interface CiteOptions {
  /**
   * Root URL of the published edition; the document's URL is
   * `<baseUrl>/<name>/` (the layout of `samizdat build`). Without it, and
   * without an address in the header, citations carry no URL.
   */
  baseUrl?: string;
  /** The document's URL, overriding the header and `baseUrl`. */
  documentUrl?: string;
}

/** Reads the citation data of a parsed TEI document. */
export function readHeader(root: TeiElement, file: string, options: CiteOptions = {}): CitableDocument {
  const name = basename(file, extname(file));
  const header = child(root, 'teiHeader') ?? descendants(root, 'teiHeader')[0];
  const fileDesc = child(header, 'fileDesc');
  const titleStmt = child(fileDesc, 'titleStmt');
  const publicationStmt = child(fileDesc, 'publicationStmt');
  const profileDesc = child(header, 'profileDesc');

  const titles = children(titleStmt, 'title');
  const analytic = titles.find((t) => t.attributes.level === 'a');
  const monograph = titles.find((t) => t.attributes.level === 'm');
  const journal = titles.find((t) => t.attributes.level === 'j');
  const series = titles.find((t) => t.attributes.level === 's');
  const main = analytic
    ?? titles.find((t) => t.attributes.type === 'main' && !t.attributes.level)
    ?? titles.find((t) => !t.attributes.type && !t.attributes.level)
    ?? titles.find((t) => !['sub', 'desc', 'alt', 'short'].includes(t.attributes.type ?? ''))
    ?? titles[0];
  const subtitle = titles.find((t) => t.attributes.type === 'sub' && t.attributes.level === main?.attributes.level);
  const description = titles.find((t) => t.attributes.type === 'desc');
  const short = titles.find((t) => t.attributes.type === 'short');

  let type: CslType = 'book';
  let container: string | undefined;
  if (analytic && journal) { type = 'article-journal'; container = textOf(journal); }
  else if (analytic && monograph) { type = 'chapter'; container = textOf(monograph); }
  else if (analytic) type = 'document';

  const item: CslItem = { id: root.attributes['xml:id'] || name, type };
  const title = joinTitle(textOf(main), textOf(subtitle));
  if (title) item.title = title;
  if (short && textOf(short)) item['title-short'] = textOf(short);
  if (container) item['container-title'] = container;
  if (series && textOf(series)) item['collection-title'] = textOf(series);

  const authors = children(titleStmt, 'author').map(nameOf).filter(isName);
  if (authors.length) item.author = authors;
  const editors = children(titleStmt, 'editor').map(nameOf).filter(isName);
  if (editors.length) item.editor = editors;

  const publisher = textOf(child(publicationStmt, 'publisher'))
    || textOf(child(publicationStmt, 'distributor'))
    || textOf(child(publicationStmt, 'authority'));
  if (publisher) item.publisher = publisher;
  const place = textOf(child(publicationStmt, 'pubPlace'));
  if (place) item['publisher-place'] = place;
  const issued = dateOf(child(publicationStmt, 'date'));
  if (issued) item.issued = issued;

  const url = options.documentUrl ?? headerUrl(publicationStmt) ?? editionUrl(options.baseUrl, name);
  if (url) item.URL = url;
  const doi = doiOf(publicationStmt);
  if (doi) item.DOI = doi;

  const language = languageOf(root, profileDesc);
  if (language) item.language = language;
  const abstract = textOf(description);
  if (abstract) item.abstract = abstract;
  const keywords = descendants(child(profileDesc, 'textClass'), 'term').map(textOf).filter(Boolean);
  // CSL keeps keywords in one comma-separated string (Citation.js splits it on
  // commas for RIS `KW`), so a comma inside a term becomes a dash.
  if (keywords.length) item.keyword = keywords.map((k) => k.replace(/\s*,\s*/g, ' – ')).join(',');

  const sources = readSources(child(fileDesc, 'sourceDesc'));
  const original = sources[0];
  if (original) {
    if (original.title && original.title !== item.title) item['original-title'] = original.title;
    if (original.publisher) item['original-publisher'] = original.publisher;
    if (original.place) item['original-publisher-place'] = original.place;
    if (original.date) item['original-date'] = original.date;
    const sameAuthors = JSON.stringify(original.authors) === JSON.stringify(authors);
    if (original.authors.length && !sameAuthors) item['original-author'] = original.authors;
    const lines = [`Edition of: ${original.description}`];
    for (const other of sources.slice(1)) lines.push(`${SOURCE_LABELS[other.kind]}: ${other.description}`);
    item.note = lines.join(' ');
  }

  const availabilityElement = child(publicationStmt, 'availability');
  const availability = availabilityElement && textOf(availabilityElement)
    ? { status: availabilityElement.attributes.status, text: elements(availabilityElement).map(textOf).filter(Boolean).join(' ') || textOf(availabilityElement) }
    : undefined;
  const licenceElement = descendants(availabilityElement, 'licence')[0];
  const licence = licenceElement
    ? { url: firstWebAddress([licenceElement]), text: textOf(licenceElement) }
    : undefined;

  return { file, name, item, passages: readPassages(root, profileDesc), licence, availability, keywords, sources };
}

function joinTitle(main: string, sub: string): string {
  if (!sub) return main;
  if (!main) return sub;
  return /[:.?!]$/.test(main) ? `${main} ${sub}` : `${main}: ${sub}`;
}

function isName(name: CslName | undefined): name is CslName {
  return name !== undefined;
}

/** A name from `author`/`editor`/`persName`: structured parts when encoded, else parsed text. */
export function nameOf(element: TeiElement): CslName | undefined {
  const person = element.name === 'persName' ? element : child(element, 'persName');
  const parts = person ?? element;
  const surnames = children(parts, 'surname').map(textOf).filter(Boolean);
  const forenames = children(parts, 'forename').map(textOf).filter(Boolean);
  if (surnames.length) {
    const name: CslName = { family: surnames.join(' ') };
    if (forenames.length) name.given = forenames.join(' ');
    return name;
  }
  const org = element.name === 'orgName' ? element : child(element, 'orgName');
  if (org && !person) {
    const literal = textOf(org);
    return literal ? { literal } : undefined;
  }
  return parseName(textOf(person ?? element));
}

/** "Trollope, Frances Milton (1780-1863)", "L. D. Trotsky", "The samizdat project". */
export function parseName(text: string): CslName | undefined {
  const name = text
    .replace(/\s*\[[^\]]*\]/g, '') // "[pseud.]"
    .replace(/\s*\([^)]*\d{3,4}[^)]*\)\s*\.?\s*$/, '') // "(1780-1863)"
    .replace(/,\s*(b\.\s*)?\d{3,4}\s*[-–]\s*(\d{3,4})?\.?\s*$/, '') // ", 1780-1863"
    .replace(/(\p{L}{3,})\.$/u, '$1') // a full stop closing the entry, not an initial's
    .trim();
  if (!name) return undefined;
  if (/^the\s/i.test(name) || /\b(project|society|university|press|library|institute|consortium|archive|committee)\b/i.test(name)) {
    return { literal: name };
  }
  const comma = name.indexOf(',');
  if (comma > 0) {
    const given = name.slice(comma + 1).trim();
    return given ? { family: name.slice(0, comma).trim(), given } : { literal: name.slice(0, comma).trim() };
  }
  const words = name.split(' ');
  if (words.length === 1) return { literal: name };
  const family = words.pop()!;
  return { family, given: words.join(' ') };
}

const ISO_DATE = /^(-?\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/;

/** `@when` (or `@notBefore`, `@from`) as date parts; else a year found in the text. */
export function dateOf(element: TeiElement | undefined): CslDate | undefined {
  if (!element) return undefined;
  const iso = element.attributes.when ?? element.attributes['when-iso'] ?? element.attributes.notBefore ?? element.attributes.from;
  const match = iso ? ISO_DATE.exec(iso) : null;
  if (match) {
    const parts = [Number(match[1])];
    if (match[2]) parts.push(Number(match[2]));
    if (match[3]) parts.push(Number(match[3]));
    return { 'date-parts': [parts] };
  }
  const year = /\b(\d{4})\b/.exec(textOf(element));
  return year ? { 'date-parts': [[Number(year[1])]] } : undefined;
}

function headerUrl(publicationStmt: TeiElement | undefined): string | undefined {
  for (const idno of children(publicationStmt, 'idno')) {
    const type = (idno.attributes.type ?? '').toLowerCase();
    if ((type === 'uri' || type === 'url') && /^https?:\/\//.test(textOf(idno))) return textOf(idno);
  }
  return firstWebAddress(children(publicationStmt, 'ptr'));
}

/**
 * The first `@target` that is a web address. Whatever else a header points
 * at (`javascript:`, `data:`, a local file) is no address a citation may carry.
 */
function firstWebAddress(pointers: readonly TeiElement[]): string | undefined {
  return pointers.map((p) => p.attributes.target?.trim()).find((target) => target !== undefined && /^https?:\/\/\S+$/i.test(target));
}

function doiOf(publicationStmt: TeiElement | undefined): string | undefined {
  for (const idno of children(publicationStmt, 'idno')) {
    if ((idno.attributes.type ?? '').toLowerCase() === 'doi' && textOf(idno)) return stripDoi(textOf(idno));
  }
  const ref = children(publicationStmt, 'ref').find((r) => (r.attributes.type ?? '').toLowerCase() === 'doi' && r.attributes.target);
  return ref ? stripDoi(ref.attributes.target!) : undefined;
}

function stripDoi(doi: string): string {
  return doi.replace(/^(https?:\/\/(dx\.)?doi\.org\/|doi:)/i, '');
}

function editionUrl(baseUrl: string | undefined, name: string): string | undefined {
  if (!baseUrl) return undefined;
  return `${baseUrl.replace(/\/+$/, '')}/${urlPath(name)}/`;
}

function languageOf(root: TeiElement, profileDesc: TeiElement | undefined): string | undefined {
  const declared = children(profileDesc, 'langUsage/language').find((l) => l.attributes.ident)?.attributes.ident;
  return declared ?? child(root, 'text')?.attributes['xml:lang'] ?? root.attributes['xml:lang'];
}

/** `sourceDesc`'s bibliographic descriptions; the original (pointed at by `relatedItem[@type='original']`) first. */
function readSources(sourceDesc: TeiElement | undefined): SourceRecord[] {
  const bibls: TeiElement[] = [];
  const visit = (el: TeiElement): void => {
    for (const c of elements(el)) {
      if (c.name === 'bibl' || c.name === 'biblStruct' || c.name === 'biblFull') bibls.push(c);
      else visit(c);
    }
  };
  if (sourceDesc) visit(sourceDesc);
  const originalIds = descendants(sourceDesc, 'relatedItem')
    .filter((r) => r.attributes.type === 'original' && r.attributes.target?.startsWith('#'))
    .map((r) => r.attributes.target!.slice(1));
  // The original first: the one a relatedItem calls original, then a first
  // edition, then a print source; a digital source last.
  const rank = (b: TeiElement): number => {
    if (originalIds.includes(b.attributes['xml:id'] ?? '')) return 0;
    const type = (b.attributes.type ?? '').toLowerCase();
    if (type === 'firstedition') return 1;
    if (type === 'printsource' || type === 'book' || type === 'original') return 2;
    if (/digital|web|online|electronic/.test(type)) return 4;
    return 3;
  };
  bibls.sort((a, b) => rank(a) - rank(b));
  return bibls.map(readSource).filter((s): s is SourceRecord => s !== undefined);
}

function readSource(bibl: TeiElement): SourceRecord | undefined {
  let title: string | undefined;
  let titles: TeiElement[];
  let container: string | undefined;
  let authors: TeiElement[];
  let imprint: TeiElement | undefined;
  let url: string | undefined;
  if (bibl.name === 'biblStruct') {
    const analytic = child(bibl, 'analytic');
    const monogr = child(bibl, 'monogr');
    const analyticTitles = children(analytic, 'title');
    const analyticTitle = fullTitle(analyticTitles);
    const monogrTitles = children(monogr, 'title');
    const bookTitles = monogrTitles.filter((t) => t.attributes.level !== 's');
    const monogrTitle = fullTitle(bookTitles.length > 0 ? bookTitles : monogrTitles.slice(0, 1));
    titles = analyticTitle ? analyticTitles : bookTitles;
    title = analyticTitle || monogrTitle || undefined;
    container = analyticTitle ? monogrTitle || undefined : undefined;
    authors = [...children(analytic, 'author'), ...children(monogr, 'author')];
    imprint = child(monogr, 'imprint');
    url = firstWebAddress([...descendants(analytic, 'ptr'), ...descendants(monogr, 'ptr')]);
  } else if (bibl.name === 'biblFull') {
    const titleStmt = child(bibl, 'titleStmt');
    titles = children(titleStmt, 'title');
    title = fullTitle(titles) || undefined;
    authors = children(titleStmt, 'author');
    imprint = child(bibl, 'publicationStmt');
  } else {
    titles = children(bibl, 'title');
    title = fullTitle(titles) || undefined;
    authors = children(bibl, 'author');
    imprint = bibl;
    url = firstWebAddress(descendants(bibl, 'ptr'));
  }
  const publisher = textOf(child(imprint, 'publisher')) || undefined;
  const place = placeOf(child(imprint, 'pubPlace')) || undefined;
  const dateElement = children(imprint, 'date').find((d) => !d.attributes.type || d.attributes.type === 'published' || d.attributes.type === 'transcribed') ?? child(imprint, 'date');
  const date = dateOf(dateElement);
  const names = authors.map(nameOf).filter(isName);
  const type = (bibl.attributes.type ?? '').toLowerCase();
  const kind: SourceRecord['kind'] = type === 'firstedition' ? 'firstEdition'
    : /digital|web|online|electronic/.test(type) || url ? 'digital'
    : type === 'printsource' || type === 'book' ? 'print' : 'other';
  if (!title && !publisher && !url) {
    const text = textOf(bibl);
    return text ? { kind, authors: [], description: text } : undefined;
  }
  const year = date?.['date-parts']?.[0]?.[0];
  const who = names.map((n) => n.literal ?? [n.given, n.family].filter(Boolean).join(' ')).join(', ');
  const series = seriesOf(bibl);
  const head = [who, container ? `“${title}”, in ${container}` : title].filter(Boolean).join(', ');
  const imprintText = [place && publisher ? `${place}: ${publisher}` : place ?? publisher, series, year !== undefined ? String(year) : 'n.d.']
    .filter(Boolean).join(', ');
  const description = `${head}${head ? '. ' : ''}${imprintText}${url ? `, ${url}` : ''}`.replace(/\.?$/, '.');
  const shortTitle = textOf(titles.find((t) => t.attributes.type === 'short')) || undefined;
  return { kind, title, ...(shortTitle ? { shortTitle } : {}), container, authors: names, publisher, place, date, url, description };
}

/**
 * A reference's title: its main title (type "main", else the first that is not a subtitle, an alternate, a short or
 * a descriptive title), wherever the encoding puts it: a subtitle encoded first is not the work's title.
 */
function mainTitle(titles: TeiElement[]): TeiElement | undefined {
  return titles.find((t) => t.attributes.type === 'main')
    ?? titles.find((t) => !['sub', 'alt', 'short', 'desc'].includes(t.attributes.type ?? ''))
    ?? titles[0];
}

/**
 * A reference's title as a citation names it: its main title and its subtitles ("Title of Work: A Study"), as the
 * page reads them (TEI title/@type "sub": "subtitle, title of part"). A subtitle of another level (a journal's,
 * after an article's title) is not this title's; an alternate, short or descriptive title is not part of it.
 */
function fullTitle(titles: TeiElement[]): string {
  const main = mainTitle(titles);
  const level = main?.attributes.level;
  const subtitles = titles.filter((t) => t !== main && t.attributes.type === 'sub' && (!level || !t.attributes.level || t.attributes.level === level));
  return subtitles.reduce((whole, sub) => joinTitle(whole, textOf(sub)), textOf(main));
}

/** A place of publication as it reads: an address's lines set apart by commas ("12 High Street, Oxford"), as on the page. */
function placeOf(pubPlace: TeiElement | undefined): string {
  const lines = descendants(pubPlace, 'addrLine').map(textOf).filter(Boolean);
  return lines.length > 0 ? lines.join(', ') : textOf(pubPlace);
}

/**
 * The series a source is in, as its reference on the page names it: a biblStruct's `series` (or a title
 * level="s" in its monogr), a biblFull's `seriesStmt`; with its volume ("Library of Classics, vol. 4").
 */
function seriesOf(bibl: TeiElement): string {
  const group = bibl.name === 'biblStruct' ? child(bibl, 'series') : bibl.name === 'biblFull' ? child(bibl, 'seriesStmt') : undefined;
  const title = textOf(child(group, 'title')) || (bibl.name === 'biblStruct' ? textOf(children(child(bibl, 'monogr'), 'title').find((t) => t.attributes.level === 's')) : '');
  const volume = children(group, 'biblScope').find((s) => ['volume', 'vol'].includes((s.attributes.unit ?? s.attributes.type ?? '').toLowerCase()));
  return title && volume && textOf(volume) ? `${title}, vol. ${textOf(volume)}` : title;
}

/** Paragraphs of `text` with an `xml:id`, numbered by `@n` (else their position). */
function readPassages(root: TeiElement, profileDesc: TeiElement | undefined): Passage[] {
  const text = child(root, 'text') ?? descendants(root, 'text')[0];
  const letters = lettersById(profileDesc);
  const passages: Passage[] = [];
  // Numbered as the page numbers them (samizdat:paragraph-number, xslt/html/core.xsl): every p and ab of
  // the text counts, with an id or not, so that "para. N" names the paragraph the reader sees marked N.
  let paragraphs = 0;
  const visit = (el: TeiElement, within: string | undefined): void => {
    for (const c of elements(el)) {
      const id = c.attributes['xml:id'];
      if (c.name === 'p' || c.name === 'ab') paragraphs++;
      if (c.name === 'p' && id) {
        const passage: Passage = { id, n: c.attributes.n ?? String(paragraphs) };
        if (within) passage.within = within;
        passages.push(passage);
      }
      visit(c, (id && letters.get(id)) || within);
    }
  };
  if (text) visit(text, undefined);
  return passages;
}

/**
 * `correspDesc[@corresp]` as one line per text it describes (a letter quoted
 * in the document): "letter of L. D. Trotsky to Central Committee …, 8 October 1923".
 */
function lettersById(profileDesc: TeiElement | undefined): Map<string, string> {
  const letters = new Map<string, string>();
  for (const desc of children(profileDesc, 'correspDesc')) {
    const targets = (desc.attributes.corresp ?? '').split(/\s+/).filter((t) => t.startsWith('#')).map((t) => t.slice(1));
    if (!targets.length) continue;
    const action = (type: string) => children(desc, 'correspAction').find((a) => a.attributes.type === type);
    const who = (a: TeiElement | undefined) => elements(a).filter((e) => ['persName', 'orgName', 'name'].includes(e.name)).map(textOf).join(' and ');
    const sender = who(action('sent'));
    const addressee = who(action('received'));
    const date = textOf(child(action('sent'), 'date'));
    const line = ['letter', sender && `of ${sender}`, addressee && `to ${addressee}`].filter(Boolean).join(' ') + (date ? `, ${date}` : '');
    for (const target of targets) letters.set(target, line);
  }
  return letters;
}

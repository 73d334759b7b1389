/**
 * A document's passages for the search index, as `xslt/search/records.xsl`
 * finds them: read from its JSON, checked, and put in a canonical form (so
 * that the same document always gives the same bytes, whatever order the
 * XSLT processor serialised its maps in). Pure: no files, no processes.
 */

/** Name of a document unit's passages in the build cache (a datum, not a published file). */
export const PASSAGES_DATA = 'search-passages.json';

/** A date as TEI's att.datable gives it: a point, or a span with either end open. */
export interface DateSpan {
  when?: string;
  from?: string;
  to?: string;
}

export interface Passage {
  /** The key entity mentions name the passage by: a paragraph's id, or the nearest xml:id outside paragraphs ('' for none). */
  anchor: string;
  /** The fragment a link to the passage uses: the anchor when the page has an element with that id, '' (the page's top) otherwise. */
  target: string;
  /** The paragraph's number as the page shows it ('' outside paragraphs). */
  number: string;
  /** Anchors of paragraphs nested in this passage (a p in a note), whose mentions belong to it. */
  contains: string[];
  /** The reading text. */
  text: string;
  /** Forms the encoding records and the reading text does not show (sic, orig, abbr, readings of an app). */
  forms: string[];
  /** Language tags in force in the passage, the passage's own first. */
  languages: string[];
  dates: DateSpan[];
  /** The head of the division the passage is in ('' for none). */
  heading: string;
}

export interface DocumentPassages {
  /** The document's language tag ('' when it declares none). */
  language: string;
  /** The document's own date (creation, sending of a letter, docDate), for sorting. */
  date?: DateSpan;
  passages: Passage[];
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** A date as records.xsl gives it: [when, from, to], '' for a value not given. */
function dateSpan(value: unknown): DateSpan | undefined {
  if (!Array.isArray(value)) return undefined;
  const span: DateSpan = {};
  (['when', 'from', 'to'] as const).forEach((key, index) => {
    if (text(value[index]) !== '') span[key] = text(value[index]);
  });
  return Object.keys(span).length > 0 ? span : undefined;
}

const union = (a: readonly string[], b: readonly string[]): string[] => [...new Set([...a, ...b])];

/**
 * The passages in `json` (records.xsl's output). `pageIds` are the ids the
 * document's page has: a passage whose anchor is not among them links to the
 * page's top rather than to a fragment that is not there. Consecutive
 * passages with the same anchor (a heading and the verse after it, say) are
 * one passage, since a link cannot tell them apart.
 */
export function readDocumentPassages(json: string, pageIds: ReadonlySet<string>): DocumentPassages {
  const raw = JSON.parse(json) as Record<string, unknown>;
  const passages: Passage[] = [];
  for (const item of Array.isArray(raw.passages) ? raw.passages : []) {
    // A passage is an array, its members by position (records.xsl says why).
    const [rawAnchor, number, contains, passageText, forms, languages, dates, heading] = Array.isArray(item) ? item as unknown[] : [];
    const anchor = text(rawAnchor);
    const passage: Passage = {
      anchor,
      target: pageIds.has(anchor) ? anchor : '',
      number: text(number),
      contains: strings(contains),
      text: text(passageText),
      forms: strings(forms),
      languages: strings(languages),
      dates: (Array.isArray(dates) ? dates : []).map(dateSpan).filter((d): d is DateSpan => d !== undefined),
      heading: text(heading),
    };
    const previous = passages.at(-1);
    if (previous && previous.anchor === anchor && previous.number === '' && passage.number === '') {
      previous.text = `${previous.text} ${passage.text}`.trim();
      previous.forms = union(previous.forms, passage.forms);
      previous.contains = union(previous.contains, passage.contains);
      previous.languages = union(previous.languages, passage.languages);
      previous.dates.push(...passage.dates);
    } else passages.push(passage);
  }
  const date = dateSpan(raw.date);
  return { language: text(raw.language), ...(date && { date }), passages };
}

/** The ids of the elements of an HTML page. */
export function pageIds(html: string): Set<string> {
  const ids = new Set<string>();
  for (const match of html.matchAll(/<[a-zA-Z][^>]*?\sid="([^"]*)"/g)) ids.add(decodeHtmlAttribute(match[1]));
  return ids;
}

function decodeHtmlAttribute(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|amp|lt|gt|quot|apos);/gi, (_, entity: string) => {
    const lower = entity.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(parseInt(lower.slice(1), 10));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[lower];
  });
}

/** Spans longer than this many years give only their two ends as years (a "1000–1500" would otherwise list 501). */
export const LONGEST_SPAN_YEARS = 100;

/** The year of an ISO 8601 / XML Schema date (`1923`, `1923-10-08`, `-0044`, `--10-08` has none). */
export function yearOf(value: string | undefined): number | undefined {
  const match = /^\s*(-?)(\d{4,})(?:-|T|$|\s)/.exec(value ?? '');
  if (!match) return undefined;
  const year = Number(match[2]) * (match[1] === '-' ? -1 : 1);
  return Object.is(year, -0) ? 0 : year;
}

/** Every year a passage's dates fall in, ascending: a point's year, each year of a span (its two ends for a very long one). */
export function yearsOf(dates: readonly DateSpan[]): number[] {
  const years = new Set<number>();
  for (const date of dates) {
    const when = yearOf(date.when);
    if (when !== undefined) years.add(when);
    const [from, to] = [yearOf(date.from), yearOf(date.to)];
    if (from !== undefined && to !== undefined && from <= to && to - from <= LONGEST_SPAN_YEARS) {
      for (let year = from; year <= to; year++) years.add(year);
    } else {
      if (from !== undefined) years.add(from);
      if (to !== undefined) years.add(to);
    }
  }
  return [...years].sort((a, b) => a - b);
}

/** A language tag's primary subtag, lower case, or undefined when it is not one (`x-private`, `und`, empty). */
export function primaryLanguage(tag: string): string | undefined {
  const primary = tag.trim().split(/[-_]/)[0].toLowerCase();
  return /^[a-z]{2,3}$/.test(primary) && primary !== 'und' ? primary : undefined;
}

/**
 * Citations of a TEI document and of each of its paragraphs: the header read
 * as CSL-JSON (checked against the CSL schema before anything is written),
 * and from it BibTeX, RIS and Chicago, MLA and APA references. Everything
 * here works on text in memory; `samizdat cite` (cli.ts) does the reading and
 * writing.
 */
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { readDocumentText, readingLimits, type ReadingLimits } from '../xml/index.js';
import { urlFragment } from '../escape.js';
import { checkCslData, type CslItem } from './csl.js';
import { readHeader, type CitableDocument, type CiteOptions, type Passage } from './header.js';
import { formatEntryAndCitation, formatHtml, formatItem, toBibtex, toRis, usesNote, STYLES, type FormattedCitation, type StyleName } from './render.js';
import { parseTei } from './tree.js';

export type { CslDate, CslItem, CslName, CslType } from './csl.js';
export { checkCslData, CSL_SCHEMA_RULE } from './csl.js';
export type { CitableDocument, CiteOptions, Passage, SourceRecord } from './header.js';
export { STYLES, type FormattedCitation, type Locator, type StyleName } from './render.js';
export { headMetadata, serializeJsonLd, type HeadMetadata, type MetaTag } from './head.js';

/** A value, or the problems that stopped it (never thrown). */
export type CiteResult<T> = { ok: true; value: T } | { ok: false; problems: Diagnostic[] };

/** `ruleId`s of the problems the citation functions report. */
export const CITE_RULES = {
  noHeader: 'cite:no-header',
  unknownPassage: 'cite:unknown-passage',
} as const;

export const CITATION_FORMATS = ['csl-json', 'bibtex', 'ris', 'chicago', 'mla', 'apa'] as const;
export type CitationFormat = (typeof CITATION_FORMATS)[number];

/**
 * Reads the citation data of the TEI document `text` (from `file`); its
 * CSL-JSON has passed the CSL schema.
 */
export function readCitable(text: string, file: string, options: CiteOptions & { limits?: Partial<ReadingLimits> } = {}): CiteResult<CitableDocument> {
  const parsed = parseTei(text, file, options.limits);
  if ('problem' in parsed) return { ok: false, problems: [parsed.problem] };
  const root = parsed.root;
  if (!['TEI', 'TEI.2', 'teiCorpus'].includes(root.name) && !root.children.some((c) => typeof c !== 'string' && c.name === 'teiHeader')) {
    return { ok: false, problems: [diagnostic('error', CITE_RULES.noHeader, `${file} is not a TEI document (its root element is <${root.name}>), so it has no TEI header to cite from.`, { file })] };
  }
  const document = readHeader(root, file, options);
  const problems = checkCslData([document.item], file);
  return problems.length ? { ok: false, problems } : { ok: true, value: document };
}

/**
 * `readCitable` of the file at `path`, read (and decoded) like every samizdat
 * input; a problem with the path itself has `ruleId` `io`.
 */
export async function readCitableFile(path: string, options: CiteOptions & { limits?: Partial<ReadingLimits> } = {}): Promise<CiteResult<CitableDocument>> {
  const read = await readDocumentText(path, readingLimits(options.limits).maxDocumentSize);
  if ('ruleId' in read) return { ok: false, problems: [read] };
  return readCitable(read.text, path, options);
}

/** The CSL-JSON of one paragraph: the document's item with the paragraph's anchor in its URL. */
export function passageItem(document: CitableDocument, passageId: string): CiteResult<{ item: CslItem; passage: Passage }> {
  const passage = document.passages.find((p) => p.id === passageId);
  if (!passage) {
    const valid = document.passages.map((p) => p.id);
    const list = valid.length ? `valid passages are ${valid.join(', ')}` : 'it has no paragraph with an xml:id to cite';
    return { ok: false, problems: [diagnostic('error', CITE_RULES.unknownPassage, `${document.file} has no passage "${passageId}": ${list}.`, { file: document.file })] };
  }
  const item = itemOfPassage(document, passage);
  const problems = checkCslData([item], document.file);
  return problems.length ? { ok: false, problems } : { ok: true, value: { item, passage } };
}

function itemOfPassage(document: CitableDocument, passage: Passage): CslItem {
  const item: CslItem = { ...document.item, id: `${document.item.id}-${passage.id}` };
  if (document.item.URL) item.URL = `${document.item.URL.replace(/#.*$/, '')}#${urlFragment(passage.id)}`;
  const where = passage.within ? `Paragraph ${passage.n} (#${passage.id}), in the ${passage.within}.` : `Paragraph ${passage.n} (#${passage.id}).`;
  item.note = [where, document.item.note].filter(Boolean).join(' ');
  return item;
}

/** Everything a "Cite this" block offers for one citable thing (the document or a paragraph). */
export interface CitationSet {
  /** CSL-JSON data (an array of one item), as downloaded. */
  cslJson: CslItem[];
  bibtex: string;
  ris: string;
  formatted: Record<StyleName, FormattedCitation>;
}

/** What the HTML edition's "Cite this" block shows and offers for download. */
export interface CitationBlock {
  /** The document: its CSL-JSON item, BibTeX and RIS (downloads), and its bibliography entry per style (HTML). */
  document: { item: CslItem; bibtex: string; ris: string; html: Partial<Record<StyleName, string>> };
  /** One per citable paragraph, in document order: its note or in-text citation per style (HTML). */
  passages: { passage: Passage; item: CslItem; html: Partial<Record<StyleName, string>> }[];
}

/** The citations of `item` in every format; `passage` adds the paragraph locator. */
export async function citationSet(item: CslItem, passage?: Passage): Promise<CitationSet> {
  const locator = passage ? { locator: passage.n, label: 'paragraph' as const } : undefined;
  const formatted = {} as Record<StyleName, FormattedCitation>;
  for (const style of Object.keys(STYLES) as StyleName[]) formatted[style] = await formatItem(item, style, locator);
  return { cslJson: [item], bibtex: await toBibtex(item), ris: await toRis(item), formatted };
}

/**
 * A stand-in paragraph number and anchor. Paragraph citations differ only in
 * the number and the anchor (and in the text they belong to), so citeproc
 * formats one stand-in per text and every paragraph with a plain number is
 * that result with its own number and anchor put in: a play of a thousand
 * speeches costs one formatting run per style, not a thousand.
 */
const STAND_IN = { n: '918273645', id: 'samizdatpassage918273645' };

/** A number citeproc prints as given: no range, list or "and" that would make the label plural. */
const PLAIN_NUMBER = /^[0-9A-Za-z]+$/;

/**
 * Whether a paragraph within `within` may take the stand-in of another
 * text's paragraph, when no style uses the note: only when its note cannot
 * set other fields of the item through citeproc's note-field syntax
 * (`{:issued: 1923}` anywhere, `issued: 1923` on a line of its own).
 */
function sharedStandIn(within: string): boolean {
  return !/[{\n\r]/.test(within);
}

/**
 * Whether a paragraph's item formats as the document's own (with the
 * paragraph's locator), when no style uses the note: the two differ in their
 * id, which no style prints, in their URL (the paragraph's anchor), and in
 * their note, which then reaches the formatted forms only through citeproc's
 * note-field syntax. So: when the document has no URL, and its note can set
 * no field (one line, no `{`, not beginning `name:` as a field line does),
 * as the paragraph's cannot when its text's name cannot (`sharedStandIn`:
 * its note is that name after "Paragraph N (#id), in the ").
 */
function citesAsDocument(item: CslItem): boolean {
  return item.URL === undefined && (item.note === undefined || (!/[{\n\r]/.test(item.note) && !/^[-_A-Za-z]+:/.test(item.note)));
}

type Forms = Partial<Record<StyleName, string>>;

/** The document's bibliography entry and its citation at the stand-in paragraph, per style, each style's two in one citeproc registry. */
async function entriesAndStandIn(item: CslItem, styles: readonly StyleName[]): Promise<{ bibliography: Forms; citation: Forms }> {
  const bibliography: Forms = {};
  const citation: Forms = {};
  for (const style of styles) ({ bibliography: bibliography[style], citation: citation[style] } = await formatEntryAndCitation(item, style, { locator: STAND_IN.n, label: 'paragraph' }));
  return { bibliography, citation };
}

async function passageHtml(item: CslItem, n: string, styles: readonly StyleName[]): Promise<Partial<Record<StyleName, string>>> {
  const html: Partial<Record<StyleName, string>> = {};
  for (const style of styles) html[style] = await formatHtml(item, style, 'citation', { locator: n, label: 'paragraph' });
  return html;
}

/** For the HTML edition: the citations of the document and of each paragraph, in `styles` (default all). */
export async function citationBlock(document: CitableDocument, styles: readonly StyleName[] = Object.keys(STYLES) as StyleName[]): Promise<CiteResult<CitationBlock>> {
  const problems = checkCslData([document.item], document.file);
  if (problems.length) return { ok: false, problems };
  const standIns = new Map<string, Promise<Partial<Record<StyleName, string>>>>();
  // The text a paragraph is within reaches its item's note alone: when no style uses the note, one stand-in serves
  // every text (the first text's), saving citeproc a run per style for each other text (see `sharedStandIn`).
  const notes = (await Promise.all(styles.map(usesNote))).some(Boolean);
  let shared: Promise<Partial<Record<StyleName, string>>> | undefined;
  // Then too, when a paragraph cites as the document (`citesAsDocument`), the shared stand-in is the document's
  // citation, made in the registry its bibliography entry is made in: citeproc registers the item once, not twice.
  const asDocument = !notes && citesAsDocument(document.item);
  let paired: ReturnType<typeof entriesAndStandIn> | undefined;
  const passages: CitationBlock['passages'] = [];
  for (const passage of document.passages) {
    const item = itemOfPassage(document, passage);
    let html: Partial<Record<StyleName, string>>;
    if (PLAIN_NUMBER.test(passage.n)) {
      const within = passage.within ?? '';
      const standInOf = (): Promise<Partial<Record<StyleName, string>>> => {
        const standIn = { ...STAND_IN, within: passage.within };
        return passageHtml(itemOfPassage(document, standIn), standIn.n, styles);
      };
      let formatted: Promise<Partial<Record<StyleName, string>>>;
      if (asDocument && sharedStandIn(within)) formatted = (paired ??= entriesAndStandIn(document.item, styles)).then((pair) => pair.citation);
      else if (!notes && sharedStandIn(within)) formatted = shared ??= standInOf();
      else {
        if (!standIns.has(within)) standIns.set(within, standInOf());
        formatted = standIns.get(within)!;
      }
      const anchor = urlFragment(passage.id);
      const fill = (formatted: string) => formatted.replaceAll(STAND_IN.id, anchor).replaceAll(STAND_IN.n, passage.n);
      html = Object.fromEntries(Object.entries(await formatted).map(([style, form]) => [style, fill(form)]));
    } else {
      html = await passageHtml(item, passage.n, styles);
    }
    passages.push({ passage, item, html });
  }
  let bibliography: Forms = {};
  if (paired) bibliography = (await paired).bibliography;
  else for (const style of styles) bibliography[style] = await formatHtml(document.item, style, 'bibliography');
  return { ok: true, value: { document: { item: document.item, bibtex: await toBibtex(document.item), ris: await toRis(document.item), html: bibliography }, passages } };
}

/**
 * What `samizdat cite` prints: the document (or, with `passageId`, one
 * paragraph) in `format`. A formatted style gives the bibliography entry; for a
 * passage, the note or in-text citation naming the paragraph comes first.
 */
export async function cite(document: CitableDocument, format: CitationFormat, passageId?: string): Promise<CiteResult<string>> {
  let item = document.item;
  let passage: Passage | undefined;
  if (passageId !== undefined) {
    const one = passageItem(document, passageId);
    if (!one.ok) return one;
    ({ item, passage } = one.value);
  }
  switch (format) {
    case 'csl-json': return { ok: true, value: `${JSON.stringify([item], null, 2)}\n` };
    case 'bibtex': return { ok: true, value: withNewline(await toBibtex(item)) };
    case 'ris': return { ok: true, value: withNewline(await toRis(item)) };
    default: {
      const locator = passage ? { locator: passage.n, label: 'paragraph' as const } : undefined;
      const { bibliography, citation } = await formatItem(item, format, locator);
      return { ok: true, value: passage ? `${citation}\n${bibliography}\n` : `${bibliography}\n` };
    }
  }
}

function withNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}

/**
 * From checked CSL-JSON to what a reader downloads or copies: BibTeX and RIS
 * (Citation.js's own serialisers) and formatted references in Chicago
 * (notes-bibliography), MLA and APA (citeproc-js through Citation.js).
 * Citation.js is loaded on first use only: it is heavy, and no other command
 * should pay for it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { CslItem } from './csl.js';

/** The formatted styles, by the name `samizdat cite --format` takes. */
export const STYLES = {
  chicago: 'chicago-note-bibliography',
  mla: 'modern-language-association',
  apa: 'apa',
} as const;

export type StyleName = keyof typeof STYLES;

/** One style's rendering of an item. */
export interface FormattedCitation {
  /** The entry of the bibliography, works cited or reference list. */
  bibliography: string;
  /**
   * The note (Chicago: a short note, since the bibliography gives the full
   * reference) or in-text citation (MLA, APA); names the paragraph ("para. 7")
   * when a passage is cited.
   */
  citation: string;
  /**
   * The same as HTML fragments (no wrapper element): titles in `<i>` as the
   * style sets them; text from the header is escaped by citeproc-js, which
   * lets through only its own rich-text tags (`i`, `b`, `sup`, `sub`,
   * small-caps `span`).
   */
  html: { bibliography: string; citation: string };
}

/** Paragraph locator of a passage citation (CSL `locator`, `label: 'paragraph'`). */
export interface Locator {
  locator: string;
  label: 'paragraph';
}

type CitationJs = typeof import('@citation-js/core');
let loading: Promise<CitationJs> | undefined;

/** Citation.js with its CSL, BibTeX and RIS plugins and samizdat's styles registered. */
function citationJs(): Promise<CitationJs> {
  loading ??= (async () => {
    const core = await import('@citation-js/core');
    await import('@citation-js/plugin-csl');
    await import('@citation-js/plugin-bibtex');
    await import('@citation-js/plugin-ris');
    const styles = core.plugins.config.get('@csl').styles;
    const require = createRequire(import.meta.url);
    const chicago = require('@citation/csl-style-chicago-note-bibliography/info.json') as { content: string };
    const sources: Record<StyleName, string> = {
      chicago: chicago.content,
      mla: readFileSync(new URL('../../src/cite/styles/modern-language-association.csl', import.meta.url), 'utf8'),
      apa: styles.get(STYLES.apa) as string,
    };
    for (const style of Object.keys(STYLES) as StyleName[]) {
      styles.add(template(style), forOneItem(sources[style]));
      notePrinting[style] = NOTE_VARIABLE.test(sources[style]);
    }
    const csl = core.plugins.config.get('@csl');
    core.plugins.output.add(ENTRY_AND_CITATION, entryAndCitation(csl.engine as PrepareEngine));
    core.plugins.output.add(CITATION_ALONE, citationAlone(csl.engine as PrepareEngine));
    return core;
  })();
  return loading;
}

/** A style's use of the CSL `note` variable: printed (`<text variable="note"/>`) or tested (`<if variable="note">`). */
const NOTE_VARIABLE = /\bvariable="[^"]*\bnote\b[^"]*"/;

/** Whether each style uses the `note` variable, read from its source when it is registered. */
const notePrinting = {} as Record<StyleName, boolean>;

/** Whether `style` prints an item's `note` (or decides anything by it): if not, the note cannot change what it formats. */
export async function usesNote(style: StyleName): Promise<boolean> {
  await citationJs();
  return notePrinting[style];
}

/**
 * The name samizdat registers `style` under with Citation.js: its own, so
 * that a program importing samizdat and Citation.js keeps the unabridged
 * styles under their usual names.
 */
function template(style: StyleName): string {
  return `samizdat-${STYLES[style]}`;
}

/**
 * A style without its `<sort>` keys. samizdat formats one item at a time,
 * which sorting leaves as it is; but citeproc-js builds every sort key at
 * engine start-up, expanding the style's macros once more for each (about
 * two thirds of the engines' start-up, the longest step of a first build).
 * CSL forbids nesting `sort`, so the first end tag closes it.
 */
export function forOneItem(style: string): string {
  return style.replace(/<sort(?=[\s/>])[^>]*\/>|<sort(?=[\s>])[\s\S]*?<\/sort\s*>/g, '');
}

export async function toBibtex(item: CslItem): Promise<string> {
  const { Cite } = await citationJs();
  return new Cite([item]).format('bibtex', { format: 'text' });
}

export async function toRis(item: CslItem): Promise<string> {
  const { Cite } = await citationJs();
  return new Cite([item]).format('ris', { format: 'text' });
}

/** Formats `item` in `style`, as plain text and as HTML fragments. */
export async function formatItem(item: CslItem, style: StyleName, locator?: Locator): Promise<FormattedCitation> {
  const { Cite } = await citationJs();
  const cite = new Cite([withoutUndatedOriginal(item)]);
  const bibliography = (format: 'text' | 'html') => cite.format('bibliography', { template: template(style), lang: 'en-US', format }).trim();
  const citation = citationOf(cite, item, style, locator);
  return { bibliography: bibliography('text'), citation: citation.text, html: { bibliography: unwrapEntry(bibliography('html')), citation: citation.html } };
}

/**
 * One HTML form alone: the bibliography entry, or the note or in-text
 * citation. The HTML edition shows nothing else, and each form is a
 * citeproc run of its own. The citation is the one Citation.js's `citation`
 * format gives, made as `entryAndCitation` makes it (see there).
 */
export async function formatHtml(item: CslItem, style: StyleName, form: 'bibliography' | 'citation', locator?: Locator): Promise<string> {
  const { Cite } = await citationJs();
  const cite = new Cite([withoutUndatedOriginal(item)]);
  const options = { template: template(style), lang: 'en-US', format: 'html' };
  if (form === 'bibliography') return unwrapEntry(cite.format('bibliography', options).trim());
  const citationOptions: CitationAloneOptions = { template: options.template, lang: options.lang, locator };
  return cite.format(CITATION_ALONE, citationOptions as unknown as Record<string, unknown>) as unknown as string;
}

/** The bibliography entry of `item` and its citation (note or in-text) at `locator`, both as HTML. */
export interface EntryAndCitation {
  bibliography: string;
  citation: string;
}

/**
 * `formatHtml(item, style, 'bibliography')` and `formatHtml(item, style,
 * 'citation', locator)` in one citeproc registry. Citation.js empties its
 * engine's registry for each format it is asked for, and citeproc, putting
 * the item in again, works out how to tell it from every other item
 * (disambiguation: some three renderings of the item, about half of a run's
 * time). Here the item goes in once: the bibliography is made as Citation.js
 * makes it, then the citation of the item already registered (see
 * `entryAndCitation` for how). A registry of one item has nothing to tell
 * apart, so the citation is the one a fresh registry gives (test/cite.test.ts
 * compares them).
 */
export async function formatEntryAndCitation(item: CslItem, style: StyleName, locator: Locator): Promise<EntryAndCitation> {
  const { Cite } = await citationJs();
  // Through an output format of its own, so that citeproc gets the data Citation.js gives its own formats (cleaned).
  const options: EntryAndCitationOptions = { template: template(style), lang: 'en-US', locator };
  return new Cite([withoutUndatedOriginal(item)]).format(ENTRY_AND_CITATION, options as unknown as Record<string, unknown>) as unknown as EntryAndCitation;
}

/** Name of the output format `formatEntryAndCitation` registers with Citation.js. */
const ENTRY_AND_CITATION = 'samizdat-entry-and-citation';

/** Name of the output format `formatHtml` registers with Citation.js for a citation. */
const CITATION_ALONE = 'samizdat-citation';

interface CitationAloneOptions {
  template: string;
  lang: string;
  locator?: Locator;
}

interface EntryAndCitationOptions {
  template: string;
  lang: string;
  locator: Locator;
}

/** The little of a citeproc-js engine that `entryAndCitation` calls. */
interface CiteprocEngine {
  updateItems(ids: string[], nosort?: boolean): string[];
  makeBibliography(): [{ bibstart: string; bibend: string }, string[]];
  makeCitationCluster(citationItems: CiteItem[]): string;
}

/** A cite as `makeCitationCluster` takes it: the item, its locator, and where it stands among the cites of a document. */
type CiteItem = { id: string; position: 0; 'first-reference-note-number': 0; 'first-container-reference-note-number': 0; 'near-note': false } & Partial<Locator>;

/** The cites of a citation of `ids` (each at `locator`) as `makeCitationCluster` takes them: as `processCitationCluster` sets them in a document's first and only citation. */
function firstCites(ids: string[], locator?: Locator): CiteItem[] {
  return ids.map((id) => ({ id, ...locator, position: 0, 'first-reference-note-number': 0, 'first-container-reference-note-number': 0, 'near-note': false }));
}

/** Citation.js's engine for a style (`@csl` config `engine`): its registry emptied, the data's items retrievable, the output format set. */
type PrepareEngine = (data: Record<string, unknown>[], style: string, lang: string | undefined, format: string) => CiteprocEngine;

/**
 * The output format behind `formatEntryAndCitation`: the steps of
 * Citation.js's `bibliography` format (HTML, no affixes, no hyperlinks), then
 * the item's citation in the same registry.
 *
 * Citation.js's `citation` format gives the citation through
 * `rebuildProcessorState`, which registers the citation as the document's
 * only one (its one item first cited there: position "first", first
 * referenced in note 0, not near a note) and, before rendering it, runs
 * disambiguation again for an item cited for the first time; of a registry
 * of one item that run renders the item once more to set what the
 * registration had set already (there is no other item to tell it from).
 * `makeCitationCluster` renders the citation (the same `getCitationCluster`)
 * from the cites as given, registering nothing: given those position values
 * and no prefix, suffix or mode (none of which the citation has), it gives
 * the same string for about an eighth less of the three styles' time
 * (test/cite.test.ts compares them, with a fresh registry's).
 */
function entryAndCitation(prepare: PrepareEngine) {
  return (data: Record<string, unknown>[], options: EntryAndCitationOptions): EntryAndCitation => {
    const ids = data.map((entry) => String(entry.id));
    const engine = prepare(data, options.template, options.lang, 'html');
    const sorted = engine.updateItems(ids, false);
    const [{ bibstart, bibend }, body] = engine.makeBibliography();
    // Citation.js names each entry's item on its first element (a string replacement, as there); `unwrapEntry` reads past it.
    const entries = body.map((entry, i) => entry.replace(/^\s*<[a-z]+/i, `$& data-csl-entry-id="${sorted[i]}"`));
    const cited = engine.makeCitationCluster(firstCites(ids, options.locator));
    return { bibliography: unwrapEntry((bibstart + entries.join('') + bibend).trim()), citation: cited.trim() };
  };
}

/**
 * The output format behind `formatHtml`'s citation: Citation.js's `citation`
 * format (HTML), its `rebuildProcessorState` replaced as in
 * `entryAndCitation`: the item registered (`updateItems`, as
 * `rebuildProcessorState` registers it first), then its citation made of it.
 */
function citationAlone(prepare: PrepareEngine) {
  return (data: Record<string, unknown>[], options: CitationAloneOptions): string => {
    const ids = data.map((entry) => String(entry.id));
    const engine = prepare(data, options.template, options.lang, 'html');
    engine.updateItems(ids);
    return engine.makeCitationCluster(firstCites(ids, options.locator)).trim();
  };
}

function citationOf(cite: InstanceType<CitationJs['Cite']>, item: CslItem, style: StyleName, locator?: Locator): { text: string; html: string } {
  const entry = locator ? [{ id: item.id, ...locator }] : [{ id: item.id }];
  const render = (format: 'text' | 'html') => cite.format('citation', { template: template(style), lang: 'en-US', format, entry }).trim();
  return { text: render('text'), html: render('html') };
}

/** The inside of citeproc-js's `<div class="csl-bib-body"><div class="csl-entry">…</div></div>`. */
function unwrapEntry(html: string): string {
  const match = /<div[^>]*class="csl-entry"[^>]*>([\s\S]*)<\/div>\s*<\/div>\s*$/.exec(html);
  return (match ? match[1]! : html).trim();
}

/**
 * Without its date, the original publication misleads in a formatted
 * reference: APA prints "(Original work published New Park Publications)",
 * Chicago a bare "London: New Park Publications." as if it were this
 * edition's imprint. It stays in the CSL-JSON (and its `note`), and is left
 * out of the formatted styles.
 */
export function withoutUndatedOriginal(item: CslItem): CslItem {
  if (item['original-date']) return item;
  const { 'original-publisher': _publisher, 'original-publisher-place': _place, 'original-title': _title, ...rest } = item;
  return rest;
}

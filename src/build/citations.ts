/**
 * Joins citations (src/cite) to the HTML build: the `<head>` metadata
 * (Highwire, Dublin Core, JSON-LD), the "Cite this" block for the document
 * and each paragraph, and the downloads (BibTeX, RIS, CSL-JSON) beside the
 * page. Everything from the TEI header is escaped here: citeproc's HTML
 * output escapes the header's text itself, the rest goes through the
 * escaping functions of `src/escape.ts`.
 */
import { citationBlock, headMetadata, readCitable, type StyleName } from '../cite/index.js';
import { htmlAttribute, htmlText, jsonInScript, urlFragment, urlPath } from '../escape.js';
import type { ReadingLimits } from '../xml/index.js';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { version } from '../version.js';
import { cacheKey } from './cache.js';

/** A document about to be published, as citations see it. */
export interface PublishedDocument {
  /** Output name: the page is `<name>/index.html`. */
  name: string;
  /** Path of the TEI file. */
  file: string;
  /** The TEI text (already checked for unsafe DOCTYPEs). */
  text: string;
  /** The document's title, as on its page, when the caller has it (citations draw theirs from the header). */
  title?: string;
  /** The limits it was read under (default `DEFAULT_LIMITS`). */
  limits?: Partial<ReadingLimits>;
}

/** What citations add to a document's page. */
export interface DocumentCitations {
  /** Markup for `<head>` (citation_* meta tags, Dublin Core, JSON-LD). */
  head?: string;
  /** The "Cite this" block, placed after the article. */
  block?: string;
  /** Downloads for the document's folder, by plain file name. */
  files?: Record<string, string | Uint8Array>;
}

export type CitationProvider = (document: PublishedDocument) => Promise<DocumentCitations>;

export interface CitationProviderOptions {
  /** Absolute URL the edition is published at (config `site.baseUrl`); pages are `<baseUrl>/<name>/`. */
  baseUrl?: string;
  /** Styles offered, in order (config `citationStyles`). */
  styles?: StyleName[];
}

const STYLE_LABELS: Record<StyleName, string> = {
  chicago: 'Chicago (notes and bibliography)',
  mla: 'MLA',
  apa: 'APA',
};

function meta(name: string, content: string): string {
  return `<meta name="${htmlAttribute(name)}" content="${htmlAttribute(content)}">`;
}

function downloads(name: string): Record<'bibtex' | 'ris' | 'csl', string> {
  return { bibtex: `${name}.bib`, ris: `${name}.ris`, csl: `${name}.csl.json` };
}

/** One entry per style; `html` gives each style's formatted HTML fragment (escaped by citeproc). */
function styleList(styles: StyleName[], html: (style: StyleName) => string): string {
  const rows = styles.map((style) => `<dt>${htmlText(STYLE_LABELS[style])}</dt>\n<dd class="citation citation-${htmlAttribute(style)}">${html(style)}</dd>`);
  return `<dl class="citations">\n${rows.join('\n')}\n</dl>`;
}

/** The HTML of the "Cite this" section. */
function citeThis(document: PublishedDocument, block: Awaited<ReturnType<typeof citationBlock>>, styles: StyleName[]): string {
  if (!block.ok) return '';
  const files = downloads(document.name);
  const passages = block.value.passages.map(
    ({ passage, html }) =>
      `<li id="cite-${htmlAttribute(passage.id)}"><a href="#${htmlAttribute(urlFragment(passage.id))}">Paragraph ${htmlText(passage.n)}</a>\n${styleList(styles, (style) => html[style] ?? '')}</li>`,
  );
  return [
    '<section class="cite-this" aria-labelledby="cite-this-heading">',
    '<h2 id="cite-this-heading">Cite this</h2>',
    styleList(styles, (style) => block.value.document.html[style] ?? ''),
    '<p class="downloads">Download the reference: ' +
      `<a href="${htmlAttribute(urlPath(files.bibtex))}" download>BibTeX</a>, ` +
      `<a href="${htmlAttribute(urlPath(files.ris))}" download>RIS</a>, ` +
      `<a href="${htmlAttribute(urlPath(files.csl))}" download>CSL-JSON</a></p>`,
    passages.length > 0
      ? `<details class="cite-passages">\n<summary>Cite a paragraph</summary>\n<ol>\n${passages.join('\n')}\n</ol>\n</details>`
      : '',
    '</section>',
  ].join('\n');
}

let versionsOfCiting: string | undefined;

/**
 * The versions of what draws citations up: a new citeproc or citation-js may
 * word them otherwise. Read from their package.json files, not required:
 * citation-js is loaded only when something is formatted.
 */
function citingVersions(): string {
  const require = createRequire(import.meta.url);
  versionsOfCiting ??= ['citeproc', '@citation-js/core', '@citation-js/plugin-csl', '@citation-js/plugin-bibtex', '@citation-js/plugin-ris']
    .map((name) => `${name}@${(JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version}`).join(' ');
  return versionsOfCiting;
}

type Citable = ReturnType<typeof readCitable>;

/** What the citations read of a document, and where it is published (`baseUrl`, the document's URL). */
function citableOf(options: CitationProviderOptions, document: PublishedDocument): Citable {
  const documentUrl = options.baseUrl ? `${options.baseUrl.replace(/\/+$/, '')}/${urlPath(document.name)}/` : undefined;
  return readCitable(document.text, document.file, { baseUrl: options.baseUrl, documentUrl, limits: document.limits });
}

/**
 * What `citationsKey` read of a document, kept for the citations drawn up
 * next: the build keys a document's citations, then (when the cache does not
 * have them) draws them up from the same document, and each read parses the
 * whole text (~1 ms for a chapter, ~30 ms for a novel of 1 MB). Kept with
 * what it was read from, so that a document changed in between is read again.
 */
const readForKey = new WeakMap<PublishedDocument, { options: CitationProviderOptions; from: readonly unknown[]; citable: Citable }>();

const readFrom = (document: PublishedDocument): readonly unknown[] => [document.name, document.file, document.text, document.limits];

/** `citableOf`, taking what `citationsKey` read of the same document with the same options (once: it is not kept after). */
function citableAgain(options: CitationProviderOptions, document: PublishedDocument): Citable {
  const known = readForKey.get(document);
  readForKey.delete(document);
  if (known && known.options === options && readFrom(document).every((value, i) => value === known.from[i])) return known.citable;
  return citableOf(options, document);
}

/**
 * A key for a document's citations: everything they are drawn up from (the
 * header's data and the paragraphs as citations read them, the document's
 * name, the options, the versions of samizdat and of citeproc and
 * citation-js), not the rest of its text. Undefined for a document that
 * cannot be cited (it has no citations to keep).
 */
export function citationsKey(options: CitationProviderOptions, document: PublishedDocument): string | undefined {
  const citable = citableOf(options, document);
  if (!citable.ok) return undefined;
  // JSON.stringify below reads it before anything else may: what the citations are drawn up from is what the key says.
  // ("-2": their unit carries what they fill the page with in its record, where "-1" kept it in a blob.)
  readForKey.set(document, { options, from: readFrom(document), citable });
  return cacheKey(['samizdat-citations-2', version, citingVersions(), JSON.stringify(options), document.name, JSON.stringify(citable.value)]);
}

/**
 * The build's citation hook. A document whose header cannot be cited (no
 * TEI header, data the CSL schema rejects) gets a page without citations
 * rather than a failed build: citation is an extra, the text is not.
 */
export function citationProvider(options: CitationProviderOptions = {}): CitationProvider {
  const styles = options.styles ?? ['chicago', 'mla', 'apa'];
  return async (document: PublishedDocument): Promise<DocumentCitations> => {
    const citable = citableAgain(options, document);
    if (!citable.ok) return {};
    const head = headMetadata(citable.value);
    const headHtml = [
      '<link rel="schema.DC" href="http://purl.org/dc/elements/1.1/">',
      ...head.highwire.map((tag) => meta(tag.name, tag.content)),
      ...head.dublinCore.map((tag) => meta(tag.name, tag.content)),
      `<script type="application/ld+json">${jsonInScript(head.jsonLd)}</script>`,
    ].join('\n');
    const block = await citationBlock(citable.value, styles);
    const files = downloads(document.name);
    return {
      head: headHtml,
      block: citeThis(document, block, styles),
      files: block.ok
        ? {
            [files.bibtex]: block.value.document.bibtex,
            [files.ris]: block.value.document.ris,
            [files.csl]: `${JSON.stringify([block.value.document.item], null, 2)}\n`,
          }
        : {},
    };
  };
}

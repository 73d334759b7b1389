/**
 * One TEI document to everything the edition publishes for it: the HTML page
 * (with its citations), the plain texts, the citation downloads, and the
 * entity data (mentions, entries, relations) the edition-wide pages are made
 * from. Pure of side
 * effects: it takes the document's text and compiled stylesheets and returns
 * the files as values, so it runs the same in a worker thread or in the
 * calling thread.
 */
import { diagnostic } from '../diagnostics.js';
import {
  TransformProblem, parseCheckedSource, runStylesheet, transformSource, type CompiledStylesheet, type ParsedSource, type TeiSource, type TextMode,
} from '../transform/index.js';
import type { ReadingLimits } from '../xml/index.js';
import { isFileName } from '../escape.js';
import { readFile } from 'node:fs/promises';
import { sha256 } from './cache.js';
import type { ImageCopy } from './images.js';
import { entityData, linkedAnchors, type EntityData } from '../entities/index.js';
import type { CitationProviderOptions, DocumentCitations, PublishedDocument } from './citations.js';
import { PASSAGES_DATA, pageIds, readDocumentPassages } from '../search/passages.js';
import { LANGUAGES_DATA, languageCounts } from '../search/records.js';

export const BUILD_RULE = 'build';

/** Where the pages' entity links lead: the entity index, seen from a document's folder. */
export const ENTITY_INDEX_HREF = '../entities/index.html';

/** What rendering one document needs besides the document itself. Plain data, so it can be posted to a worker. */
export interface RenderRequest {
  /** Path of the TEI file. */
  file: string;
  /** Output name: the page is `<name>/index.html`. */
  name: string;
  /** Parameters of the HTML stylesheet (registers, text-href, edition-title). */
  params: Record<string, string>;
  /** Plain texts to write. */
  textModes: readonly TextMode[];
  /** Citations on the page and as downloads; false for none. */
  citations: CitationProviderOptions | false;
  /** The limits the document is read under (part of the cache key: a document cached under other limits is read again). */
  limits: ReadingLimits;
  /** Images the page shows, copied into the edition (their addresses are in `params.images`). */
  images?: readonly ImageCopy[];
  /** Whether the document's passages are gathered for the search index. */
  search: boolean;
}

/** The compiled stylesheets a document goes through. */
export interface DocumentStylesheets {
  html: CompiledStylesheet;
  text: CompiledStylesheet;
  /** What the search index reads of a document (`xslt/search/records.xsl`), when the edition has search. */
  records?: CompiledStylesheet;
}

export interface RenderedDocument {
  name: string;
  title: string;
  /** What the document mentions and keeps. */
  entities: EntityData;
  /** The anchors its pages' entity links point at (its page's and its witness pages'), for the build to check against the whole edition. */
  links: string[];
  /** Files to publish, by path relative to the output folder. */
  files: Map<string, string | Uint8Array>;
  /** What other units read, kept in the build cache only (the passages for the search index). */
  data: Map<string, string | Uint8Array>;
  /** Small data other units read of every document (its passages' languages), kept in its record. */
  facts: Record<string, string>;
}

/** File name of a document's plain text in `mode`. */
export function textFileName(name: string, mode: TextMode): string {
  return mode === 'reading' ? `${name}.txt` : `${name}.${mode}.txt`;
}

/** The page of one witness of the apparatus (xslt/html/textcrit.xsl), written beside index.html. */
const WITNESS_PAGE = /^witness-[A-Za-z0-9._-]+\.html$/;

/** Who draws up a document's citations: this thread by default; a build may give them a thread of their own. */
export type Citing = (options: CitationProviderOptions, document: PublishedDocument) => Promise<DocumentCitations>;

/** Citations drawn up in this thread (citation-js and citeproc loaded on first use). */
export async function citeInThisThread(options: CitationProviderOptions, document: PublishedDocument): Promise<DocumentCitations> {
  const { citationProvider } = await import('./citations.js');
  return citationProvider(options)(document);
}

/**
 * Renders a document (read and checked by the reading layer); a problem is
 * raised as `TransformProblem`. The stylesheets may still be loading, and
 * `cite` draws up the citations (in this thread unless the build says otherwise).
 * Its tree is made by `parse` (a checked tree, `parseCheckedSource`; tests
 * give saxon-js's own parser to compare).
 */
export async function renderDocument(
  checked: TeiSource,
  request: RenderRequest,
  compiled: DocumentStylesheets | Promise<DocumentStylesheets>,
  cite: Citing = citeInThisThread,
  parse: (source: TeiSource) => Promise<ParsedSource> = parseCheckedSource,
): Promise<RenderedDocument> {
  const { file, name } = request;
  // Citations need only the text: they are under way (in a thread of their
  // own, when the build gave them one) while the page is rendered. A page
  // that fails leaves them unawaited; theirs is not the failure to report.
  const citing = request.citations === false ? undefined : cite(request.citations, { name, file, text: checked.text, limits: request.limits });
  citing?.catch(() => undefined);
  const stylesheets = await compiled;
  // The reading layer found the text well-formed (its DOCTYPE refused or absent): its tree is built without
  // saxon-js's character-by-character parser, the same tree (checked-tree.ts), unless the builder leaves it to it.
  const source = await parse(checked);
  // One run gives the page and, as a second result, the entity data for the edition-wide pages.
  const run = transformSource(stylesheets.html, source, { params: { ...request.params, 'entity-index-href': ENTITY_INDEX_HREF, output: 'page+entities' } });
  const page = String(run.principal);
  const listed = run.results['entities.json'];
  if (listed === undefined) throw new TransformProblem(diagnostic('error', BUILD_RULE, `${stylesheets.html.path} gave no entities.json for ${file}: a customisation must leave the template for "/" (or call xsl:next-match).`, { file }));
  const { mentions, entries, relations } = entityData(listed, name);
  const entities: EntityData = { mentions, entries, relations };
  const witnessPages = Object.entries(run.results).filter(([href]) => WITNESS_PAGE.test(href));
  const title = decodeXml(/<title>([\s\S]*?)<\/title>/.exec(page)?.[1] ?? name);
  const files = new Map<string, string | Uint8Array>();

  let head = '';
  let block = '';
  if (citing) {
    const citations = await citing;
    head = citations.head ?? '';
    block = citations.block ?? '';
    for (const [download, content] of Object.entries(citations.files ?? {})) {
      if (!isFileName(download)) throw new TransformProblem(diagnostic('error', BUILD_RULE, `the citation file name ${JSON.stringify(download)} is not one file name.`, { file }));
      files.set(`${name}/${download}`, content);
    }
  }
  // Functions, not strings, as replacements: a `$&` or `$'` in a title is text, not a pattern.
  files.set(`${name}/index.html`, page.replace('<!--samizdat:citation-meta-->', () => head).replace('<!--samizdat:cite-this-->', () => block));
  for (const image of request.images ?? []) {
    const bytes = await readFile(image.source);
    // The image changed between finding it and copying it: the key no longer describes it.
    if (sha256(bytes) !== image.hash) throw new TransformProblem(diagnostic('error', BUILD_RULE, `the image ${image.source} changed while the edition was being built; build again.`, { file }));
    files.set(image.out, bytes);
  }
  // A witness's text is not the edition's: it carries no citation of its own (its page links to the edition's).
  for (const [href, witnessPage] of witnessPages) files.set(`${name}/${href}`, witnessPage.replace('<!--samizdat:citation-meta-->', '').replace('<!--samizdat:cite-this-->', ''));
  for (const mode of request.textModes) {
    const apparatus = request.params['apparatus-documents'];
    files.set(`${name}/${textFileName(name, mode)}`, String(runStylesheet(stylesheets.text, source, { params: { mode, ...(apparatus === undefined ? {} : { 'apparatus-documents': apparatus }) } })));
  }
  const data = new Map<string, string | Uint8Array>();
  const facts: Record<string, string> = {};
  if (request.search) {
    if (!stylesheets.records) throw new Error('the search index needs the records stylesheet, which was not compiled');
    const passages = readDocumentPassages(String(runStylesheet(stylesheets.records, source)), pageIds(String(files.get(`${name}/index.html`))));
    data.set(PASSAGES_DATA, JSON.stringify(passages));
    // The index's language is chosen over every document on every build: kept in the record, this spares reading all the passages (or any file) for it.
    facts[LANGUAGES_DATA] = JSON.stringify(languageCounts(passages));
  }
  // Witness pages show the same names (and a reading's own): their links are checked and sent to the index like the page's.
  const links = new Set([page, ...witnessPages.map(([, witnessPage]) => witnessPage)].flatMap((html) => linkedAnchors(String(html), ENTITY_INDEX_HREF)));
  return { name, title, entities, links: [...links], files, data, facts };
}

/** The text of the page's serialized `<title>`: the serializer writes some characters (U+2028, the C1 controls) as numeric references. */
function decodeXml(text: string): string {
  return text.replace(/&(?:#x([0-9a-fA-F]+)|#(\d+)|(lt|gt|quot|apos|amp)|#39);/g, (whole, hex: string | undefined, decimal: string | undefined, name: string | undefined) => {
    if (hex !== undefined) return String.fromCodePoint(parseInt(hex, 16));
    if (decimal !== undefined) return String.fromCodePoint(parseInt(decimal, 10));
    return ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' } as Record<string, string>)[name ?? 'apos'] ?? whole;
  });
}

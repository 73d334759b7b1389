/**
 * One TEI document to everything the edition publishes for it: the HTML page
 * (with its citations), the plain texts, the citation downloads, and the
 * entity mentions the edition-wide pages are made from. Pure of side
 * effects: it takes the document's text and compiled stylesheets and returns
 * the files as values, so it runs the same in a worker thread or in the
 * calling thread.
 */
import { diagnostic } from '../diagnostics.js';
import {
  TransformProblem, parseSource, runStylesheet, teiSource, transformSource, type CompiledStylesheet, type ParsedSource, type TextMode,
} from '../transform/index.js';
import { WellFormednessCheck } from '../xml/wellformed.js';
import type { CitationProviderOptions } from './citations.js';

export const BUILD_RULE = 'build';

/** An entity mention as the HTML stylesheet lists it (mode `mentions`), with its document's name. */
export type Mention = Record<string, unknown> & { document: string };

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
}

/** The compiled stylesheets a document goes through. */
export interface DocumentStylesheets {
  html: CompiledStylesheet;
  text: CompiledStylesheet;
}

export interface RenderedDocument {
  name: string;
  title: string;
  mentions: Mention[];
  /** Files to publish, by path relative to the output folder. */
  files: Map<string, string | Uint8Array>;
}

/** File name of a document's plain text in `mode`. */
export function textFileName(name: string, mode: TextMode): string {
  return mode === 'reading' ? `${name}.txt` : `${name}.${mode}.txt`;
}

const CITATION_FILE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Renders a document given by its text; a problem is raised as `TransformProblem` with its location. */
export async function renderDocument(text: string, request: RenderRequest, stylesheets: DocumentStylesheets): Promise<RenderedDocument> {
  const { file, name } = request;
  let source: ParsedSource;
  let page: string;
  let mentions: Mention[];
  try {
    source = await parseSource(teiSource(text, file));
    // One run gives the page and, as a second result, the entity mentions for the edition-wide pages.
    const run = transformSource(stylesheets.html, source, { params: { ...request.params, output: 'page+mentions' } });
    page = String(run.principal);
    const listed = run.results['mentions.json'];
    if (listed === undefined) throw new TransformProblem(diagnostic('error', BUILD_RULE, `${stylesheets.html.path} gave no mentions.json for ${file}: a customisation must leave the template for "/" (or call xsl:next-match).`, { file }));
    mentions = (JSON.parse(listed) as Record<string, unknown>[]).map((mention) => ({ document: name, ...mention }));
  } catch (error) {
    throw locate(error, text, file);
  }
  const title = decodeXml(/<title>([\s\S]*?)<\/title>/.exec(page)?.[1] ?? name);
  const files = new Map<string, string | Uint8Array>();

  let head = '';
  let block = '';
  if (request.citations !== false) {
    const { citationProvider } = await import('./citations.js');
    const citations = await citationProvider(request.citations)({ name, file, text: source.text, title });
    head = citations.head ?? '';
    block = citations.block ?? '';
    for (const [download, content] of Object.entries(citations.files ?? {})) {
      if (!CITATION_FILE.test(download)) throw new TransformProblem(diagnostic('error', BUILD_RULE, `the citation file name '${download}' is not a plain file name.`, { file }));
      files.set(`${name}/${download}`, content);
    }
  }
  files.set(`${name}/index.html`, page.replace('<!--samizdat:citation-meta-->', head).replace('<!--samizdat:cite-this-->', block));
  for (const mode of request.textModes) {
    files.set(`${name}/${textFileName(name, mode)}`, String(runStylesheet(stylesheets.text, source, { params: { mode } })));
  }
  return { name, title, mentions, files };
}

/**
 * saxon-js reports a document that is not well-formed without a position;
 * the streaming checker says where, so the editor is sent to the line.
 */
function locate(error: unknown, text: string, file: string): unknown {
  if (!(error instanceof TransformProblem)) return error;
  const check = new WellFormednessCheck(file);
  check.write(text);
  const fatal = check.close();
  return fatal ? new TransformProblem(fatal) : error;
}

function decodeXml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'").replace(/&amp;/g, '&');
}

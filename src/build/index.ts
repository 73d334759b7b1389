/**
 * `build`: a folder of TEI documents to a static edition. For each document
 * `<out>/<name>/index.html` and `<out>/<name>/<name>.txt`; for the edition
 * `<out>/index.html`, `<out>/entities/index.html` and `<out>/samizdat.css`.
 *
 * Two passes: the first gathers every document's entity mentions (XSLT,
 * JSON), the second renders the pages. Everything is written into a fresh
 * folder beside `out`, which replaces `out` by renames only when the whole
 * build has succeeded: a failed build leaves the previous edition intact.
 */
import { copyFile, mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import {
  HTML_STYLESHEET, SITE_STYLESHEET, TEXT_STYLESHEET, TransformProblem, XSLT_DIR,
  compileStylesheet, readTeiSource, runStylesheet, type CompileOptions, type TeiSource,
} from '../transform/index.js';

/** A document about to be published, as the citation provider sees it. */
export interface PublishedDocument {
  /** Output name: the file name without `.xml`; the page is `<name>/index.html`. */
  name: string;
  /** Path of the TEI file. */
  file: string;
  /** The TEI text (already checked for unsafe DOCTYPEs). */
  text: string;
  /** The document's title, as on its page. */
  title: string;
}

/** What a citation provider adds to a document's page. */
export interface DocumentCitations {
  /** Markup for `<head>` (citation_* meta tags, Dublin Core, JSON-LD). */
  head?: string;
  /** The "Cite this" block, placed after the article. */
  block?: string;
  /** Extra files for the document's folder (e.g. `cite.bib`, `cite.ris`, `cite.json`). */
  files?: Record<string, string | Uint8Array>;
}

/** The hook through which citations (src/cite) join the build. */
export type CitationProvider = (document: PublishedDocument) => Promise<DocumentCitations>;

export interface BuildOptions extends CompileOptions {
  /** Output folder (default `dist`). */
  out?: string;
  /** A stylesheet importing `xslt/html/html.xsl` that overrides parts of it. */
  xslt?: string;
  /** Title of the edition on the list of documents. */
  editionTitle?: string;
  /** Adds citation markup and files to each document's page. */
  citations?: CitationProvider;
}

export interface BuiltDocument {
  name: string;
  file: string;
  title: string;
  page: string;
  text: string;
}

export interface BuildReport {
  out: string;
  documents: BuiltDocument[];
  registers: string[];
  diagnostics: Diagnostic[];
  /** Whether the output was replaced (false when any error stopped the build). */
  written: boolean;
}

export const BUILD_RULE = 'build';

/** Every .xml file under `dir`, sorted, so that builds are repeatable. */
async function xmlFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  async function walk(folder: string): Promise<void> {
    const entries = (await readdir(folder, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile() && entry.name.endsWith('.xml')) found.push(path);
    }
  }
  await walk(dir);
  return found;
}

/** A register is a TEI file with standOff lists and no <text>. */
export function isRegister(text: string): boolean {
  return !/<(?:[A-Za-z_][\w.-]*:)?text[\s>\/]/.test(text) && /<(?:[A-Za-z_][\w.-]*:)?standOff[\s>]/.test(text);
}

const posix = (p: string): string => p.split(sep).join('/');

/** The name of a document in the output: its file name without extension, made safe for a folder. */
export function documentName(file: string): string {
  return basename(file, '.xml').replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_');
}

/** Builds the edition from the TEI documents in `dir`. */
export async function build(dir: string, options: BuildOptions = {}): Promise<BuildReport> {
  const out = resolve(options.out ?? 'dist');
  const report: BuildReport = { out, documents: [], registers: [], diagnostics: [], written: false };
  const fail = (problem: Diagnostic): BuildReport => { report.diagnostics.push(problem); return report; };

  let files: string[];
  try {
    if (!(await stat(dir)).isDirectory()) return fail(diagnostic('error', 'io', `${dir} is not a folder of TEI documents.`, { file: dir }));
    files = await xmlFiles(dir);
  } catch (error) {
    return fail(diagnostic('error', 'io', `${dir} cannot be read: ${(error as Error).message}`, { file: dir }));
  }
  if (files.length === 0) return fail(diagnostic('error', BUILD_RULE, `${dir} holds no .xml files to publish.`, { file: dir }));

  const sources: TeiSource[] = [];
  const registers: TeiSource[] = [];
  for (const file of files) {
    try {
      const source = await readTeiSource(file);
      (isRegister(source.text) ? registers : sources).push(source);
    } catch (error) {
      if (error instanceof TransformProblem) report.diagnostics.push(error.problem);
      else throw error;
    }
  }
  if (report.diagnostics.length > 0) return report;
  report.registers = registers.map((r) => r.file);

  let html, site, text;
  try {
    [html, site, text] = await Promise.all([
      compileStylesheet(options.xslt ?? HTML_STYLESHEET, options),
      compileStylesheet(SITE_STYLESHEET, options),
      compileStylesheet(TEXT_STYLESHEET, options),
    ]);
  } catch (error) {
    if (error instanceof TransformProblem) return fail(error.problem);
    throw error;
  }

  const names = new Map<string, string>();
  const editionTitle = options.editionTitle ?? 'Documents';
  const pages: { source: TeiSource; name: string; params: Record<string, unknown> }[] = [];
  for (const source of sources) {
    const name = documentName(source.file);
    const clash = names.get(name);
    if (clash) { report.diagnostics.push(diagnostic('error', BUILD_RULE, `${source.file} and ${clash} would both be published as ${name}/; rename one of them.`, { file: source.file })); continue; }
    names.set(name, source.file);
    const registerNames = registers.map((r) => posix(relative(dirname(source.file), r.file))).join(' ');
    pages.push({ source, name, params: { registers: registerNames, 'text-href': `${name}.txt`, 'edition-title': editionTitle } });
  }
  if (report.diagnostics.length > 0) return report;

  // Pass 1: entity mentions of every document.
  const mentions: Record<string, unknown>[] = [];
  const documents: { name: string; title: string; href: string }[] = [];
  const rendered: { name: string; source: TeiSource; page: string; plain: string; title: string }[] = [];
  for (const { source, name, params } of pages) {
    try {
      const json = String(runStylesheet(html, source, { params: { ...params, output: 'mentions' }, raw: true }));
      for (const mention of JSON.parse(json) as Record<string, unknown>[]) mentions.push({ document: name, ...mention });
      const page = String(runStylesheet(html, source, { params }));
      const plain = String(runStylesheet(text, source, { params: { mode: 'reading' } }));
      const title = /<title>([\s\S]*?)<\/title>/.exec(page)?.[1] ?? name;
      documents.push({ name, title: decodeXml(title), href: `${encodeURIComponent(name)}/index.html` });
      rendered.push({ name, source, page, plain, title: decodeXml(title) });
    } catch (error) {
      if (error instanceof TransformProblem) report.diagnostics.push(error.problem);
      else throw error;
    }
  }
  if (report.diagnostics.length > 0) return report;

  // Everything goes into a fresh folder first; `out` is replaced only at the end.
  await mkdir(dirname(out), { recursive: true });
  const staging = `${out}.partial-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  try {
    await mkdir(staging, { recursive: true });
    await copyFile(join(XSLT_DIR, 'html', 'samizdat.css'), join(staging, 'samizdat.css'));
    for (const doc of rendered) {
      let page = doc.page;
      const folder = join(staging, doc.name);
      await mkdir(folder, { recursive: true });
      if (options.citations) {
        const citations = await options.citations({ name: doc.name, file: doc.source.file, text: doc.source.text, title: doc.title });
        page = page.replace('<!--samizdat:citation-meta-->', citations.head ?? '').replace('<!--samizdat:cite-this-->', citations.block ?? '');
        for (const [file, content] of Object.entries(citations.files ?? {})) {
          if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(file)) throw new TransformProblem(diagnostic('error', BUILD_RULE, `the citation file name '${file}' is not a plain file name.`, { file: doc.source.file }));
          await writeFile(join(folder, file), content);
        }
      } else {
        page = page.replace('<!--samizdat:citation-meta-->', '').replace('<!--samizdat:cite-this-->', '');
      }
      await writeFile(join(folder, 'index.html'), page);
      await writeFile(join(folder, `${doc.name}.txt`), doc.plain);
      report.documents.push({ name: doc.name, file: doc.source.file, title: doc.title, page: join(out, doc.name, 'index.html'), text: join(out, doc.name, `${doc.name}.txt`) });
    }
    const siteParams = {
      'site-json': JSON.stringify({ documents, mentions }),
      'registers-json': JSON.stringify(registers.map((r) => r.text)),
      'edition-title': editionTitle,
    };
    await writeFile(join(staging, 'index.html'), String(runStylesheet(site, undefined, { params: siteParams, initialTemplate: 'Q{urn:samizdat}document-list' })));
    await mkdir(join(staging, 'entities'), { recursive: true });
    await writeFile(join(staging, 'entities', 'index.html'), String(runStylesheet(site, undefined, { params: siteParams, initialTemplate: 'Q{urn:samizdat}entity-index' })));
    await replaceFolder(staging, out);
    report.written = true;
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    if (error instanceof TransformProblem) { report.diagnostics.push(error.problem); report.documents = []; return report; }
    throw error;
  }
  return report;
}

/** Swaps `staging` in for `out` with renames; the old edition is removed only once the new one is in place. */
async function replaceFolder(staging: string, out: string): Promise<void> {
  const old = `${out}.old-${process.pid}`;
  let hadOld = false;
  try {
    await rename(out, old);
    hadOld = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  try {
    await rename(staging, out);
  } catch (error) {
    if (hadOld) await rename(old, out);
    throw error;
  }
  if (hadOld) await rm(old, { recursive: true, force: true });
}

function decodeXml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'").replace(/&amp;/g, '&');
}


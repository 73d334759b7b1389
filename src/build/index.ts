/**
 * `build`: TEI documents to a static edition. For each document
 * `<out>/<name>/index.html`, its plain text(s) and citation downloads; for
 * the edition `<out>/index.html`, `<out>/entities/index.html` and
 * `<out>/samizdat.css`.
 *
 * The build is incremental. Each document is a unit whose cache key covers
 * everything its output depends on (its bytes, the stylesheets, the
 * parameters, the citation settings, samizdat's version); only units whose
 * key changed are rendered again, in parallel worker threads when there are
 * several. The edition-wide pages are one more unit, keyed by the titles and
 * entity mentions of every document and the registers, so they are rendered
 * again only when one of those changed. Nothing is written until every unit
 * has rendered; then only files whose content changed are written.
 *
 * Documents are streamed: the list of files is read as it is found, and
 * pages go to the cache on disk, not into memory, so a corpus larger than
 * memory builds in bounded memory.
 */
import { rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import pMap from 'p-map';
import { statIfAny } from '../file-look.js';
import { readDocumentText, readDocumentTextSync, readingLimits, type ReadingLimits } from '../xml/index.js';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { diagnostic, hasErrors, type Diagnostic } from '../diagnostics.js';
import {
  HTML_STYLESHEET, SITE_STYLESHEET, TEXT_STYLESHEET, TransformProblem,
  compileStylesheet, stylesheetKey, teiSource, type CompileOptions, type CompiledStylesheet, type TeiSource, type TextMode,
} from '../transform/index.js';
import { expandPaths, sourceFolder } from '../validate/files.js';
import { urlPath } from '../escape.js';
import { version } from '../version.js';
import { BuildCache, DEFAULT_BUILD_CACHE_DIR, cacheKey, sha256, type UnitRecord } from './cache.js';
import type { CitationProviderOptions } from './citations.js';
import { citeInOwnThread } from './citation-thread.js';
import { loadRuntimeInRenderThread, prepareRenderThread, renderInThread, renderThreadRunning, startRenderThread } from './render-thread.js';
import { lockedOutput, outputFolder, outputFolderProblem, publish, surveyOutput, PublishProblem, OUTPUT_RULE, type OutputSurvey, type PublishFileSystem } from './output.js';
import { SITE_NAMES, OutputPaths, assignNames } from './names.js';
import { imageMentions, imagesParameter, publishableImages, type ImageCopy } from './images.js';
import { DocumentReads } from './reads.js';
import { placeReach, seesPlace, stylesheetSeesPlace } from './location.js';
import { BUILD_RULE, textFileName, type RenderRequest } from './render.js';
import { siteStylesheetAhead, sitePages } from './site.js';
import { renderUnit, type RenderJob, type RenderOutcome, type RenderSetup } from './unit.js';
import { editionEntities, registerRecord, relinkedRecord } from './entities.js';
import { isApparatusFile, isRegister, registersParameter, type MentionedEntity } from '../entities/index.js';
import { TRANSFORMING_YOUNG_GENERATION_MB, WORKERS_FROM, WorkerPool, stackFor } from '../workers/pool.js';
import { RECORDS_STYLESHEET, SEARCH_FOLDER, SEARCH_PAGE, compileSearchPage, prepareSearchIndex, searchDone, searchKeys, searchUnit, type SearchSummary } from '../search/index.js';

export { BUILD_RULE, ENTITY_INDEX_HREF, textFileName } from './render.js';
export { documentName, SITE_NAMES, NAME_RULE } from './names.js';
export { MANIFEST, OUTPUT_RULE, recoverOutput, type PublishFileSystem } from './output.js';
export type { RenderRequest } from './render.js';
export type { Mention, MentionedEntity } from '../entities/index.js';
export { DEFAULT_BUILD_CACHE_DIR } from './cache.js';

export interface BuildOptions extends CompileOptions {
  /** Output folder (default `dist`). */
  out?: string;
  /** A stylesheet importing `xslt/html/html.xsl` that overrides parts of it. */
  xslt?: string;
  /** Title of the edition on the list of documents. */
  editionTitle?: string;
  /** Citations on each page and as downloads (default: Chicago, MLA, APA without a base URL); false for none. */
  citations?: CitationProviderOptions | false;
  /** Plain texts written beside each page (default `['reading']`). */
  textModes?: readonly TextMode[];
  /** Worker threads rendering documents (default: one per CPU). */
  jobs?: number;
  /** Render every document again and rewrite every file, whatever the cache says. */
  force?: boolean;
  /** Root of the build cache (default `.samizdat/cache/build`). */
  buildCacheDir?: string;
  /** Limits documents are read under (default `DEFAULT_LIMITS`), as for every command. */
  limits?: Partial<ReadingLimits>;
  /** The edition's root folder (default: the current folder): symbolic links are followed only inside it (and `allowRead`); a sources folder that is the root may hold the output folder; images that documents name are published only from inside it. */
  root?: string;
  /** Folders outside the edition that symbolic links among the sources may lead into (config `allowRead`). */
  allowRead?: readonly string[];
  /** The file system calls publishing makes (default node:fs/promises): a seam for fault-injection tests. */
  fileSystem?: PublishFileSystem;
  /** Entries of one type shown whole on the entity index page; past this, a page per letter (default 300). */
  entityPageSize?: number;
  /** A search page and index (`search/`), and a search box on every page (default true). */
  search?: boolean;
  /**
   * Documents per shard of the search index, on average, before it is split
   * in more shards (default 64; docs/search.md): smaller, a change makes
   * less of the index again, and a search asks for more files. For tests
   * and large editions.
   */
  searchShardSize?: number;
  /**
   * Characters of entity-index data from which the index's pages are
   * rendered in a thread of their own while the search index is made
   * (default `SITE_THREAD_FROM`, about a second of rendering; not with
   * `jobs: 1`). For tests.
   */
  siteThreadFrom?: number;
  /** Called as each document is rendered or found unchanged. */
  onProgress?: (progress: { done: number; total: number; file: string; reused: boolean }) => void;
}

export interface BuiltDocument {
  name: string;
  file: string;
  title: string;
  /** The page, `<out>/<name>/index.html`. */
  page: string;
  /** The first plain text written (the reading text by default), if any. */
  text?: string;
}

export interface BuildReport {
  out: string;
  documents: BuiltDocument[];
  registers: string[];
  diagnostics: Diagnostic[];
  /** Whether the output folder was brought up to date (false when any error stopped the build). */
  written: boolean;
  /** When the build stopped in the middle of switching the new edition in and could not put the old one back: where the old one is (the next build puts it back). Otherwise a build that did not write left the output folder as it was. */
  previousAt?: string;
  /** The image files the documents name (absolute paths, found or not, and the files symbolic links among them lead to): what `watch` follows. */
  images: string[];
  /** Documents this build read from disk; the others were known unchanged by their files' size and times (see reads.ts). */
  documentsRead: string[];
  /** Names of the documents rendered by this build; the others came unchanged from the cache. */
  rendered: string[];
  /** Whether any of the edition-wide pages (list of documents, entity index) was rendered by this build. */
  sitePagesRendered: boolean;
  /** The edition-wide pages this build rendered (output paths, sorted); the others came unchanged from the cache. */
  renderedSitePages: string[];
  /** Worker threads that rendered documents (0: the calling thread, or nothing to render). */
  threads: number;
  /** Output files written (new or changed) and removed, relative to the output folder. */
  changedFiles: string[];
  removedFiles: string[];
  /**
   * Per document name, the entities it mentions (each once, in order of first
   * mention) with their type, regularised name and every other form of their
   * names: what a search index needs for its filters (and what it is given).
   * Made when first read, from the mentions kept in the build cache: read it
   * before another build of the same output folder prunes them.
   */
  entities: Map<string, MentionedEntity[]>;
  /** The search index, when the edition has search. */
  search?: SearchSummary;
}

/**
 * Version of the cache's layout and keys; part of every key. ("-3": files named from the cache's folder, see location.ts;
 * "-4": the files a media/@url names are among a document's images, which the reads kept by "-3" do not hold.)
 */
const CACHE_FORMAT = `samizdat-build-4 ${version}`;

export { isApparatusFile, isRegister } from '../entities/index.js';

/**
 * The documents an apparatus in `file` attaches to: the files its apps'
 * @from and @to name (`base.xml#a1`), resolved against it. Read from the
 * text, so that a document's page can be given the apparatus other files hold for it.
 */
export function apparatusTargets(file: string, text: string): string[] {
  const targets = new Set<string>();
  for (const [, attributes] of text.matchAll(/<(?:[A-Za-z_][\w.-]*:)?app\b([^>]*)>/g)) {
    for (const [, , value] of attributes.matchAll(/\b(?:from|to)\s*=\s*(["'])([^"']*)\1/g)) {
      for (const pointer of value.split(/\s+/)) {
        const target = pointer.split('#')[0];
        if (target === '' || /^[A-Za-z][A-Za-z0-9+.-]*:/.test(target)) continue;
        try {
          targets.add(resolve(dirname(file), decodeURI(target)));
        } catch {
          // Not a path (a malformed %-escape): the rules report it; nothing to attach here.
        }
      }
    }
  }
  return [...targets];
}

const posix = (p: string): string => p.split(sep).join('/');

interface Found {
  /** `reach`: how far its references climb (location.ts). */
  documents: { file: string; hash: string; reach: number; images: ImageCopy[] }[];
  registers: TeiSource[];
  /** Apparatus held in other files, by the absolute path of the document it attaches to. */
  apparatus: Map<string, TeiSource[]>;
}

/** What reading one file of the list found: a document, a register or an apparatus for others, and the problems on the way. */
interface Read {
  document?: Found['documents'][number];
  source?: TeiSource;
  register: boolean;
  targets: string[];
  /** Whether the file was read (not known unchanged). */
  read: boolean;
  /** The image files the document names, found or not. */
  images: string[];
  problems: Diagnostic[];
}

/** Files read at once: reads wait on the disk, and a few in flight keep it busy without holding many texts. */
const READS_IN_FLIGHT = 8;

/**
 * Reads the file list as it streams in, a few files at a time, and takes
 * what they hold in the list's order: each document is read (within the
 * size limit), decoded and hashed, its text not kept; each register, and
 * each file holding an apparatus for another document, is checked through
 * the reading layer and kept.
 */
async function discover(input: string | readonly string[], limits: ReadingLimits, options: BuildOptions, reads: DocumentReads, report: Pick<BuildReport, 'diagnostics' | 'documentsRead' | 'images'>, changed: () => void): Promise<Found> {
  const found: Found = { documents: [], registers: [], apparatus: new Map() };
  const patterns = typeof input === 'string' ? [input] : input;
  const root = resolve(options.root ?? '.');
  const readOne = async (entry: string | Diagnostic): Promise<Read> => {
    const nothing: Read = { register: false, targets: [], read: true, images: [], problems: [] };
    if (typeof entry !== 'string') return { ...nothing, problems: [entry] };
    // In one call, not through the thread pool: a build looks at every file, and a stat takes microseconds.
    const stats = statIfAny(entry);
    const known = stats && !options.force ? reads.recall(resolve(entry), stats) : undefined;
    if (known) {
      const { images, problems: unpublished, looked } = await publishableImages(entry, known.images, root);
      return { ...nothing, document: { file: entry, hash: known.hash, reach: known.reach, images }, read: false, images: looked, problems: unpublished };
    }
    const readAt = Date.now();
    // An incremental build reads the few documents that changed in one call each: read through the thread pool, the
    // first changed document's bytes waited for the loop over the others (all known, each settled without a turn of
    // the event loop) to end, ~60 ms on the bench corpus, and the render thread started that much later.
    const read = reads.incremental && !options.force ? readDocumentTextSync(entry, limits.maxDocumentSize) : await readDocumentText(entry, limits.maxDocumentSize);
    if ('ruleId' in read) return { ...nothing, problems: [read] };
    const targets = apparatusTargets(entry, read.text).filter((target) => target !== resolve(entry));
    const register = isRegister(read.text);
    let source: TeiSource | undefined;
    if (register || targets.length > 0) {
      try {
        source = teiSource(read.text, entry, limits);
      } catch (error) {
        if (!(error instanceof TransformProblem)) throw error;
        return { ...nothing, problems: [error.problem] };
      }
      if (register) return { ...nothing, source, register, targets };
    }
    if (isApparatusFile(read.text)) return { ...nothing, source, targets };
    // The images a document shows are part of what it publishes, and of its cache key.
    const mentions = imageMentions(read.text);
    const hash = sha256(read.bytes);
    const reach = placeReach(read.text);
    // A document read again after an earlier build read the edition (changed, added, or changed again after being read
    // just after a change) is likely to render; the bytes an earlier build read just after a change are in the cache.
    if (!source && !options.force && reads.incremental && reads.mayRender(resolve(entry), hash)) changed();
    if (!source && stats) reads.remember(resolve(entry), stats, readAt, { hash, reach, images: mentions });
    const { images, problems: unpublished, looked } = await publishableImages(entry, mentions, root);
    return { document: { file: entry, hash, reach, images }, source, register, targets, read: true, images: looked, problems: unpublished };
  };
  const results = await pMap(expandPaths(patterns, { root: options.root, allowRead: options.allowRead }), readOne, { concurrency: READS_IN_FLIGHT });
  for (const { document, source, register, targets, read, images, problems } of results) {
    report.diagnostics.push(...problems);
    report.images.push(...images);
    if (read && document) report.documentsRead.push(document.file);
    if (source) for (const target of targets) found.apparatus.set(target, [...(found.apparatus.get(target) ?? []), source]);
    if (register && source) found.registers.push(source);
    if (document) found.documents.push(document);
  }
  return found;
}

/**
 * Builds the edition from the TEI documents in `input`: a folder (every
 * `.xml` file under it), or files and globs.
 */
export async function build(input: string | readonly string[] = 'tei', options: BuildOptions = {}): Promise<BuildReport> {
  const out = resolve(options.out ?? 'dist');
  const report: BuildReport = {
    out, documents: [], registers: [], diagnostics: [], written: false, documentsRead: [], images: [], rendered: [], sitePagesRendered: false, renderedSitePages: [], threads: 0, changedFiles: [], removedFiles: [], entities: new Map(),
  };
  const limits = readingLimits(options.limits);
  const cache = new BuildCache(out, options.buildCacheDir ?? DEFAULT_BUILD_CACHE_DIR);
  const search = options.search ?? true;
  const htmlPath = resolve(options.xslt ?? HTML_STYLESHEET);
  // The stylesheets' keys are read while the sources are: a changed document starts the render thread with them.
  const keying = Promise.all([
    stylesheetKey(htmlPath), stylesheetKey(TEXT_STYLESHEET), stylesheetKey(SITE_STYLESHEET), search ? stylesheetKey(RECORDS_STYLESHEET) : undefined,
  ]).then(([html, text, site, records]) => ({ html, text, site, ...(records && { records }) }));
  keying.catch(() => undefined);
  // A customised stylesheet may show where documents are: then every key holds their absolute paths (location.ts).
  const stylesheetPlace = options.xslt === undefined ? Promise.resolve(false) : stylesheetSeesPlace(htmlPath);
  stylesheetPlace.catch(() => undefined);
  // Read with the sources too: the search, which starts only once the documents have rendered, then finds them ready.
  const searchKeying = search ? searchKeys() : undefined;
  searchKeying?.catch(() => undefined);
  const setupOf = ({ html, text, records }: RenderSetup['keys']): RenderSetup => ({
    html: htmlPath, text: TEXT_STYLESHEET, ...(search && { records: RECORDS_STYLESHEET }), keys: { html, text, ...(records && { records }) },
    xsltCacheDir: options.cacheDir, cacheRoot: options.buildCacheDir ?? DEFAULT_BUILD_CACHE_DIR, out, ...(options.force && { force: true }),
  });
  const stackSizeMb = stackFor(limits.maxDepth);
  // A document the last build read and that changed since is the likeliest to render: with a core to spare, the render
  // thread starts loading saxon-js and the stylesheets at once, while the other sources are looked at.
  let preparing = false;
  const changed = (): void => {
    if (preparing || threadsAllowed(options) < 2) return;
    preparing = true;
    // The thread loads its modules (~0.1 s; the CLI may have started it already) and saxon-js while the stylesheets'
    // keys, which it is then given, are worked out and the other sources looked at.
    startRenderThread(stackSizeMb);
    loadRuntimeInRenderThread(stackSizeMb);
    keying.then((keys) => prepareRenderThread(setupOf(keys), stackSizeMb), () => undefined);
  };
  const reads = await DocumentReads.load(cache.dir, JSON.stringify([CACHE_FORMAT, limits]), (file) => cache.place(file));
  const found = await discover(input, limits, options, reads, report, changed);
  // What was learnt of the files holds whatever comes of the build.
  await reads.save().catch(() => undefined);
  if (hasErrors(report.diagnostics)) return report;
  if (found.documents.length === 0 && found.registers.length === 0) {
    const where = typeof input === 'string' ? input : input.join(' ');
    report.diagnostics.push(diagnostic('error', BUILD_RULE, `${where} holds no .xml files to publish.`, { file: where }));
    return report;
  }
  report.registers = found.registers.map((r) => r.file);

  const textModes = options.textModes ?? ['reading'];
  const citations = options.citations ?? {};
  const editionTitle = options.editionTitle ?? 'Documents';
  let keys: { html: string; text: string; site: string; records?: string };
  let placeSeen: boolean;
  try {
    [keys, placeSeen] = await Promise.all([keying, stylesheetPlace]);
  } catch (error) {
    if (!(error instanceof TransformProblem)) throw error;
    report.diagnostics.push(error.problem);
    return report;
  }

  const target = await outputFolder(out);
  const misplaced = outputFolderProblem(target, (typeof input === 'string' ? [input] : input).map(sourceFolder), options.root ?? process.cwd());
  if (misplaced !== undefined) {
    report.diagnostics.push(diagnostic('error', OUTPUT_RULE, `${misplaced}: samizdat will not publish there (it would mix the edition with what it is made from, or write where it cannot own the folder). Choose another output folder (--out, config "out").`, { file: out }));
    return report;
  }

  const longestSuffix = `/${textFileName('', 'diplomatic')}`;
  const { names, problems } = assignNames(found.documents.map((d) => d.file), longestSuffix, search ? [...SITE_NAMES, SEARCH_FOLDER] : SITE_NAMES);
  report.diagnostics.push(...problems);
  const jobs: RenderJob[] = [];
  const apparatusSees = new Map<TeiSource, boolean>();
  const sees = (a: TeiSource): boolean => apparatusSees.get(a) ?? apparatusSees.set(a, seesPlace(a.file, placeReach(a.text))).get(a)!;
  for (const { file, hash, reach, images } of found.documents) {
    const name = names.get(file);
    if (name === undefined) continue;
    const apparatus = found.apparatus.get(resolve(file)) ?? [];
    const request: RenderRequest = {
      file, name, textModes, citations, limits, images, search,
      params: {
        images: imagesParameter(images),
        registers: registersParameter(file, report.registers),
        'text-href': textModes.length > 0 ? urlPath(textFileName(name, textModes[0])) : '',
        'edition-title': editionTitle,
        ...(search && { 'search-href': `../${SEARCH_PAGE}` }),
        // An apparatus kept in another file, passed in (the stylesheets read no files); its text is part of the cache key.
        ...(apparatus.length === 0 ? {} : { 'apparatus-documents': JSON.stringify(apparatus.map((a) => ({ href: posix(relative(dirname(file), a.file)), text: a.text }))) }),
      },
    };
    // The document by its path from the cache's folder, unless its output may depend on where it is (location.ts); its
    // images by their hash and output path, not by where they were read (the same wherever the project is).
    const where = placeSeen || seesPlace(file, reach) || apparatus.some(sees) ? resolve(file) : cache.place(file);
    const keyed: RenderRequest = { ...request, file: where, images: images.map((image) => ({ ...image, source: '' })) };
    const key = cacheKey([CACHE_FORMAT, where, hash, keys.html, keys.text, keys.records ?? '', JSON.stringify(keyed)]);
    jobs.push({ request, key });
  }
  if (hasErrors(report.diagnostics)) return report;

  const searchPage = search ? compileSearchPage(options) : undefined;
  try {
    const publishing = {
      force: options.force, fileSystem: options.fileSystem,
      blobPath: (hash: string) => cache.blobPath(hash), statsPath: join(cache.dir, 'published.json'), legacyManifest: join(cache.dir, 'manifest.json'), sparePath: join(cache.dir, 'spare'),
    };
    return await lockedOutput(target, async () => {
      // A changed document will likely make its search shard again: Pagefind starts while the document renders
      // (and is stopped below if no shard takes it).
      if (search && preparing) prepareSearchIndex(jobs.length, options.searchShardSize);
      // The output folder is looked at while documents render (the calling thread mostly waits for the render thread then);
      // the spare, when the build is likely to write, once the search's records are on their way to Pagefind (or the
      // pages rendered, without search): listing both beside the render took ~0.1 s from it on the bench corpus.
      let spareWanted = (): void => {};
      const spareTime = new Promise<void>((resolve) => { spareWanted = resolve; });
      const survey = surveyOutput(target, { ...publishing, listSpare: preparing && spareTime });
      survey.catch(() => undefined);
      try {
        return await publishEdition(survey, spareWanted);
      } finally {
        spareWanted();
        // Nothing of this build may still be looking at the output folder once the lock is let go, nor Pagefind running.
        await Promise.all([survey.catch(() => undefined), searchDone().catch(() => undefined)]);
      }
    });
    /** Under the lock: renders what changed, makes the edition-wide units and publishes, into the folder `survey` looks at. */
    async function publishEdition(survey: Promise<OutputSurvey>, spareWanted: () => void): Promise<BuildReport> {
      let siteStylesheet: Promise<CompiledStylesheet> | undefined;
      const records = await renderDocuments(jobs, cache, setupOf(keys), {
        ...options, stackSizeMb, changedRender: preparing, inRenderThread: threadsAllowed(options) > 1 && (preparing || renderThreadRunning()),
        whileRendering: () => { siteStylesheet = siteStylesheetAhead(options); },
      }, report);
      if (hasErrors(report.diagnostics)) return report;
      const html = { key: keys.html, seesPlace: placeSeen, stylesheet: () => compileStylesheet(htmlPath, options) };
      const registerRecords: UnitRecord[] = [];
      for (const register of found.registers) registerRecords.push(await registerRecord(register, report.registers, html, CACHE_FORMAT, cache, options.force ?? false));
      const entities = editionEntities(records, registerRecords, report.registers, cache, options.entityPageSize);
      report.diagnostics.push(...entities.warnings);
      // Made when asked: it reads every document's mentions, which a build that changed a few documents does not need.
      let mentioned: Map<string, MentionedEntity[]> | undefined;
      const names = records.map((record) => record.name);
      Object.defineProperty(report, 'entities', { get: () => (mentioned ??= entities.mentionedBy(names)), enumerable: true, configurable: true });
      const sources = new Map(jobs.map((job) => [job.request.name, job.request.file]));
      // The search index first: Pagefind indexes in a process of its own, on another core, while the pages are
      // relinked and the site pages render here.
      let recordsSent = (): void => {};
      const handedOver = new Promise<void>((resolve) => { recordsSent = resolve; });
      const indexing = search
        ? searchUnit(records, { mentioned: entities.mentionedBy, digest: entities.mentionedDigest, index: entities.catalogue.entries().length > 0 },
          { cache, format: CACHE_FORMAT, editionTitle, force: options.force, compile: options, page: searchPage, shardSize: options.searchShardSize, keys: searchKeying, recordsSent, rendered: new Set(report.rendered) })
        : undefined;
      indexing?.catch(() => undefined);
      let site: Awaited<ReturnType<typeof sitePages>>;
      let siting: ReturnType<typeof sitePages> | undefined;
      const pages: UnitRecord[] = [];
      const linkUnits: UnitRecord[] = [];
      // Images are shared: two documents naming the same image publish one copy (same path, same bytes).
      const own = (path: string) => !path.startsWith('images/');
      const editionSource = `${out} (the edition-wide pages)`;
      const paths = new OutputPaths();
      const files = new Map<string, string>();
      let pruning: (more: readonly UnitRecord[]) => Promise<void>;
      try {
        // Until the few shards made again have their records (made here) on their way to Pagefind, nothing else
        // runs here: Pagefind, the longest step after one document changed, starts at once and not after the
        // pages are relinked.
        if (indexing) await Promise.race([handedOver, indexing.then(() => undefined, () => undefined)]);
        spareWanted();
        // The site pages before the relinking: a large entity index renders in a thread of its own (seconds of
        // saxon-js), which then starts at once and runs beside the relinking and Pagefind, instead of after the
        // relinking of every page (on the bench corpus it started ~5 s after the documents had rendered, and
        // finished ~3 s after Pagefind, alone on the machine).
        siting = sitePages(records, entities, {
          cache, format: CACHE_FORMAT, siteKey: keys.site, editionTitle, searchHref: search ? SEARCH_PAGE : '', force: options.force, compile: options,
          thread: threadsAllowed(options) > 1, threadFrom: options.siteThreadFrom, stylesheet: siteStylesheet,
        });
        siting.catch(() => undefined);
        const relinks = await pMap(records, (record) => relinkedRecord(record, entities.index, CACHE_FORMAT, cache), { concurrency: READS_IN_FLIGHT });
        site = await siting;
        // What does not depend on the search index is made ready while Pagefind makes it (the calling thread only
        // waits for it then): checking and mapping the pages' and site pages' paths and listing the cache to prune,
        // ~40 ms on the bench corpus after one change, no longer after the index is made. In the same order as with
        // the index: the pages, the edition-wide pages (the site's, then the index's), the images.
        for (const [i, record] of records.entries()) {
          const relinked = relinks[i];
          pages.push(relinked.record);
          if (relinked.linkUnit) linkUnits.push(relinked.linkUnit);
          if (relinked.unresolved.length > 0) report.diagnostics.push(unresolvedWarning(sources.get(record.name)!, relinked.unresolved));
        }
        paths.add([
          ...pages.map((record) => ({ source: sources.get(record.name)!, files: Object.keys(record.files).filter(own) })),
          { source: editionSource, files: site.records.flatMap((unit) => Object.keys(unit.files)) },
        ]);
        for (const record of [...pages, ...site.records]) for (const [path, hash] of Object.entries(record.files)) files.set(path, hash);
        pruning = cache.preparePrune([...records, ...registerRecords, ...linkUnits, ...site.records]);
      } finally {
        // Nothing of this build may still be writing to the cache once it has returned.
        await Promise.all([indexing?.catch(() => undefined), siting?.catch(() => undefined)]);
      }
      report.sitePagesRendered = site.rendered.length > 0;
      report.renderedSitePages = site.rendered;
      const index = indexing ? await indexing : undefined;
      if (index) report.search = index.summary;
      const indexRecords = index?.records ?? [];
      const images = new Set(pages.flatMap((record) => Object.keys(record.files).filter((path) => !own(path))));
      paths.add([
        { source: editionSource, files: indexRecords.flatMap((unit) => Object.keys(unit.files)) },
        { source: `${out} (the images the documents name)`, files: images },
      ]);
      report.diagnostics.push(...paths.problems());
      if (hasErrors(report.diagnostics)) return report;
      for (const record of indexRecords) for (const [path, hash] of Object.entries(record.files)) files.set(path, hash);
      const published = await publish(target, files, publishing, survey);
      await pruning(indexRecords);
      // The cache an earlier samizdat kept for this output, by its absolute path: never read again.
      if (cache.legacyDir !== cache.dir) await rm(cache.legacyDir, { recursive: true, force: true }).catch(() => undefined);
      report.changedFiles = published.written;
      report.removedFiles = published.removed;
      report.written = true;
      report.documents = records.map((record) => ({
        name: record.name,
        file: sources.get(record.name)!,
        title: record.title,
        page: resolve(out, record.name, 'index.html'),
        text: textModes.length > 0 ? resolve(out, record.name, textFileName(record.name, textModes[0])) : undefined,
      }));
      return report;
    }
  } catch (error) {
    if (error instanceof TransformProblem) {
      report.diagnostics.push(error.problem);
      return report;
    }
    if (error instanceof PublishProblem) {
      report.diagnostics.push(...error.problems);
      report.previousAt = error.previousAt;
      return report;
    }
    report.diagnostics.push(diagnostic('error', 'io', `the edition could not be written to ${out}: ${(error as Error).message}. Nothing was changed in it.`, { file: out }));
    return report;
  }
}


/** Threads the build may render in (`--jobs`, default one per CPU). */
function threadsAllowed(options: BuildOptions): number {
  return Math.max(1, options.jobs ?? availableParallelism());
}

/**
 * Each document's record: from the cache when its key is known, rendered
 * otherwise — in worker threads when enough of them need rendering; the few
 * an incremental build finds changed in the render thread (render-thread.ts)
 * when the build started it or an earlier one did.
 */
async function renderDocuments(
  jobs: readonly RenderJob[],
  cache: BuildCache,
  setup: RenderSetup,
  options: BuildOptions & {
    stackSizeMb: number;
    /** Whether this build started the render thread for documents that changed since the last build. */
    changedRender: boolean;
    /** Whether a few documents to render go to the render thread (this build or an earlier one started it). */
    inRenderThread: boolean;
    /** Called once the documents that changed are rendering in the render thread and the others are looked up: this thread is idle until they are rendered. */
    whileRendering?: () => void;
  },
  report: BuildReport,
): Promise<UnitRecord[]> {
  const records: (UnitRecord | undefined)[] = new Array(jobs.length);
  let done = 0;
  const progress = (job: RenderJob, reused: boolean) => options.onProgress?.({ done: ++done, total: jobs.length, file: job.request.file, reused });
  const renderOne = async (i: number, render: (job: RenderJob) => Promise<RenderOutcome>): Promise<void> => {
    const job = jobs[i];
    let outcome: RenderOutcome;
    try {
      outcome = await render(job);
    } catch (error) {
      outcome = { ok: false, problem: diagnostic('error', 'internal', `samizdat failed on this document: ${(error as Error).message}`, { file: job.request.file }) };
    }
    if (outcome.ok) {
      records[i] = outcome.record;
      report.rendered.push(job.request.name);
    } else report.diagnostics.push(outcome.problem);
    progress(job, false);
  };
  const inRenderThread = (job: RenderJob) => renderInThread(job, setup, options.stackSizeMb);

  // The documents this build read (changed since the last) are looked up first: when the build started the
  // render thread for them, those not in the cache start rendering there (a few at most) while the others are looked up.
  const early: Promise<void>[] = [];
  const misses: number[] = [];
  const read = new Set(report.documentsRead);
  const order = [...jobs.keys()].sort((a, b) => Number(read.has(jobs[b].request.file)) - Number(read.has(jobs[a].request.file)));
  await pMap(order, async (i) => {
    const known = options.force ? undefined : await cache.unit(jobs[i].key);
    if (known) {
      records[i] = known;
      progress(jobs[i], true);
    } else if (options.changedRender && early.length < WORKERS_FROM - 1) early.push(renderOne(i, inRenderThread));
    else misses.push(i);
  }, { concurrency: READS_IN_FLIGHT });
  misses.sort((a, b) => a - b);
  if (early.length > 0) report.threads = 1;
  if (early.length > 0 && misses.length === 0) options.whileRendering?.();
  if (misses.length === 0) {
    await Promise.all(early);
    return finish();
  }

  const few = early.length + misses.length < WORKERS_FROM;
  const threads = few ? 1 : Math.min(misses.length, threadsAllowed(options));
  if (threads > 1) report.threads = threads;
  let render: (job: RenderJob) => Promise<RenderOutcome> = (job) => renderUnit(job, setup);
  let close = async (): Promise<void> => {};
  // Compiled here first, so that other threads find the stylesheets in the disk cache instead of each compiling
  // them (and this thread, which may render the registers with them, compiling them once more).
  const compiled = () => Promise.all([setup.html, setup.text, setup.records].map((path) => path && compileStylesheet(path, options)));
  if (few && options.inRenderThread) {
    await compiled();
    render = inRenderThread;
  } else if (threads > 1) {
    await compiled();
    const pool = new WorkerPool<RenderJob, RenderOutcome>(new URL('./worker.js', import.meta.url), threads, setup, { stackSizeMb: options.stackSizeMb, youngGenerationMb: TRANSFORMING_YOUNG_GENERATION_MB });
    render = (job) => pool.run(job);
    close = () => pool.close();
  } else if (threadsAllowed(options) > 1 && misses.some((i) => jobs[i].request.citations !== false)) {
    // Rendering here, with a second core to spare: citations (citeproc's
    // start-up is the longest step of a first build) get a thread of their
    // own, kept for the process so that the next build (under `watch`)
    // finds citeproc's engines built.
    render = (job) => renderUnit(job, setup, citeInOwnThread);
  }
  try {
    // As many documents in flight as there are threads to render them: one
    // in this thread (documents in flight hold their text and trees), and the
    // pool's size with workers (the pool takes them in turn).
    let next = 0;
    const lane = async (): Promise<void> => {
      for (let i = misses[next++]; i !== undefined; i = misses[next++]) await renderOne(i, render);
    };
    await Promise.all([...early, ...Array.from({ length: threads }, lane)]);
  } finally {
    await close();
  }
  return finish();

  function finish(): UnitRecord[] {
    report.rendered.sort();
    report.diagnostics.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0)));
    return records.filter((r): r is UnitRecord => r !== undefined);
  }
}

/** The warning for a document whose names point at anchors no entry of the edition has. */
function unresolvedWarning(file: string, anchors: readonly string[]): Diagnostic {
  const shown = anchors.slice(0, 5).map((a) => `"${a}"`).join(', ') + (anchors.length > 5 ? ` and ${anchors.length - 5} more` : '');
  return diagnostic('warning', BUILD_RULE,
    `${anchors.length === 1 ? 'a name points' : 'names point'} at ${shown}, which no entry of the edition has; ${anchors.length === 1 ? 'it is' : 'they are'} not linked. \`samizdat validate\` says where.`, { file });
}

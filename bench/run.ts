/**
 * `npm run bench [-- options]`: samizdat's speed and memory on a synthetic
 * edition (bench/corpus.ts), on the flagship alone and on eight plays
 * (bench/plays.ts), measured by running the real CLI (lib/, compiled by the
 * npm script) as child processes, and the Java pipeline (jing, Saxon-HE, and
 * the TEI Stylesheets when their folder is given) on the same files when it
 * is installed. Prints Markdown for the README's "Performance" section;
 * --json also writes the results as JSON. Options: bench/options.ts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, release, tmpdir, totalmem, type } from 'node:os';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCartulary, type CartularySize } from './cartulary.js';
import { reviseDocument, writeCorpus } from './corpus.js';
import { packAndInstall } from './installed.js';
import { SAXON_COMMAND, TEI_STYLESHEETS_COMMAND, findJavaTools, runJing, runJingMedian, runSaxon, runTeiStylesheets, teiStylesheetsVersion, type JavaTools } from './java.js';
import { measure, medianOf, memoryProbe, stopRuns, unsetForRuns, type Run } from './measure.js';
import { LINEAR_LIMIT, parseOptions } from './options.js';
import { PLAYS, writePlays } from './plays.js';
import { compareRows, renderMarkdown, resultsJson, searchIndexLine, sumOfRows, type Results, type Row, type SearchIndexFigures } from './report.js';

/** The cartulary the entity index is measured on (as large as the one issue 11 met), and then twice that. */
const CARTULARY: CartularySize = { persons: 3000, places: 500, mentions: 3000 };

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(REPO, 'bin', 'samizdat.js');
/** Runs of each start-up measurement (of those that convert schemas afresh, fewer: they take seconds). */
const REPEATS = 5;
const REPEATS_EMPTY_CACHE = 3;
/** Seconds kept back from the budget for writing the report. */
const RESERVE = 2;

const git = (...args: string[]): string => spawnSync('git', ['-C', REPO, ...args], { encoding: 'utf8' }).stdout?.trim() ?? '';

async function main(): Promise<number> {
  const parsed = parseOptions(process.argv.slice(2), REPO);
  if ('message' in parsed) {
    (parsed.exitCode === 0 ? process.stdout : process.stderr).write(parsed.message);
    return parsed.exitCode;
  }
  const options = parsed;
  if (options.render) {
    process.stdout.write(renderMarkdown(JSON.parse(await readFile(options.render, 'utf8')) as Results));
    return 0;
  }
  const started = performance.now();
  const deadline = options.budget > 0 ? started + options.budget * 1000 : Infinity;
  const log = (message: string): void => { process.stderr.write(`bench: ${message}\n`); };
  const loadAverageBefore = loadavg();
  // What is measured is lib/ as compiled now, from the working tree.
  const samizdatVersion = {
    version: (JSON.parse(await readFile(join(REPO, 'package.json'), 'utf8')) as { version: string }).version,
    commit: git('rev-parse', '--short', 'HEAD'),
    uncommittedChanges: git('status', '--porcelain', '--untracked-files=no', '--', 'src', 'xslt', 'schemas', 'package.json') !== '',
  };

  const root = await mkdtemp(join(tmpdir(), 'samizdat-bench-'));
  process.once('SIGINT', () => {
    stopRuns();
    if (!options.keep) rmSync(root, { recursive: true, force: true });
    process.exit(130);
  });
  const corpora = existsSync(options.corpora) ? options.corpora : undefined;
  if (!corpora) log(`${options.corpora} not found: the corpus is made of flagship copies only.`);
  log(`writing ${options.size} documents into ${root}`);
  const corpus = await writeCorpus(root, options.size, { repo: REPO, corpora });
  const generationSeconds = (performance.now() - started) / 1000;
  const plays = await writePlays(join(root, 'plays'), REPO);
  const flagshipBytes = (await Promise.all(['1923-opposition-ch01.xml', 'register.xml'].map((f) => readFile(join(corpus.flagship, 'tei', f))))).reduce((n, b) => n + b.length, 0);

  const rows: Row[] = [];
  /** Time left before the budget is spent, in ms, or undefined without a budget. */
  const remaining = (): number | undefined => (deadline === Infinity ? undefined : deadline - performance.now() - RESERVE * 1000);
  const spent = (): boolean => (remaining() ?? Infinity) <= 0;
  const samizdat = (args: string[], cwd = root): Promise<Run> => measure(process.execPath, [CLI, ...args], { cwd, timeoutMs: remaining() });
  const clean = (...folders: string[]): Promise<void[]> => Promise.all(folders.map((f) => rm(join(root, f), { recursive: true, force: true })));

  /**
   * Measures a step and adds its row; skips it when the budget is spent or the
   * step it `needs` did not finish. `check` looks at a finished run and what it
   * left behind and says what is wrong with it, if anything.
   */
  async function step(row: Omit<Row, 'status' | 'seconds' | 'peakRssBytes'>, run: () => Promise<Run>, then: { needs?: string; check?: (run: Run) => Promise<string | undefined> } = {}): Promise<void> {
    const prerequisite = then.needs === undefined ? undefined : rows.find((r) => r.id === then.needs);
    if (prerequisite && prerequisite.status !== 'ok') {
      rows.push({ ...row, status: 'skipped', seconds: null, peakRssBytes: null, note: `needs \`${prerequisite.command}\` (${prerequisite.condition}) to finish first` });
      return;
    }
    if (spent()) {
      rows.push({ ...row, status: 'skipped', seconds: null, peakRssBytes: null, note: 'time budget spent' });
      return;
    }
    log(`${row.command} (${row.condition}) …`);
    const result = await run();
    let status: Row['status'] = result.stopped ? 'stopped' : result.exitCode === 0 ? 'ok' : 'failed';
    let note = status === 'stopped' ? 'time budget spent' : status === 'failed' ? `exit ${result.exitCode}: ${lastLines(result.output)}` : undefined;
    const problem = status === 'ok' ? await then.check?.(result) : undefined;
    if (problem) [status, note] = ['failed', problem];
    const samples = status === 'ok' && result.samples ? { samples: result.samples } : {};
    rows.push({ ...row, status, seconds: result.seconds, peakRssBytes: result.peakRssBytes, ...samples, ...(note ? { note } : {}) });
    log(`  ${status} in ${result.seconds.toFixed(2)} s${note ? ` (${note})` : ''}`);
  }
  /** The median of `times` runs, `before` each. */
  const repeated = (args: string[], cwd: string, times: number, before: () => Promise<unknown>) => (): Promise<Run> =>
    medianOf(times, async () => { await before(); return samizdat(args, cwd); });
  /** Adds a row that stands for other rows run one after the other. */
  const sum = (row: Pick<Row, 'id' | 'command' | 'condition'>, ids: string[]): void => {
    rows.push(sumOfRows(row, ids.map((id) => rows.find((r) => r.id === id)!)));
  };
  /** Adds a row that was not run, saying why. */
  const skip = (row: Omit<Row, 'status' | 'seconds' | 'peakRssBytes'>, why: string): void => {
    rows.push({ ...row, status: 'skipped', seconds: null, peakRssBytes: null, note: why });
  };
  /** A build that finished must have published a page for each of `documents` in `out`. */
  const pagesOf = (documents: string[], out: string) => async (): Promise<string | undefined> => {
    const missing = documents.map((f) => join(out, basename(f, '.xml'), 'index.html')).filter((page) => !existsSync(page));
    return missing.length > 0 ? `${missing.length} page(s) missing, e.g. ${missing[0]}` : undefined;
  };
  const whole = { files: corpus.files.length, bytes: corpus.bytes };
  const flagship = { files: 2, bytes: flagshipBytes };
  const eightPlays = { files: plays.files.length, bytes: plays.bytes };
  const nothing = async (): Promise<void> => {};
  let revision = 0;
  const reviseFirst = async (): Promise<void> => {
    const file = corpus.files[0];
    await writeFile(file, reviseDocument(await readFile(file, 'utf8'), ++revision));
  };
  /** A build that finished must have published every document, the revised one as it is now. */
  const published = async (): Promise<string | undefined> => {
    const pages = corpus.files.filter((f) => !f.endsWith('register.xml')).map((f) => join(root, 'dist', basename(f, '.xml'), 'index.html'));
    const missing = pages.filter((page) => !existsSync(page));
    if (missing.length > 0) return `${missing.length} page(s) missing, e.g. ${missing[0]}`;
    const sentence = `Revised for the benchmark (${revision}).`;
    return (await readFile(pages[0], 'utf8')).includes(sentence) ? undefined : `${pages[0]} does not show the change ("${sentence}")`;
  };

  await step({ id: 'version', command: 'samizdat --version', condition: `median of ${REPEATS}`, files: 0, bytes: 0 }, repeated(['--version'], root, REPEATS, nothing));
  const flagshipCache = (): Promise<void> => rm(join(corpus.flagship, '.samizdat'), { recursive: true, force: true });
  await step({ id: 'flagship-validate-grammar-empty-cache', command: 'samizdat validate --grammar-only tei/', condition: `the flagship alone, empty cache, median of ${REPEATS}`, ...flagship }, repeated(['validate', '--grammar-only', 'tei/'], corpus.flagship, REPEATS, flagshipCache));
  await step({ id: 'flagship-validate-empty-cache', command: 'samizdat validate tei/', condition: `the flagship alone, empty cache, median of ${REPEATS_EMPTY_CACHE}`, ...flagship }, repeated(['validate', 'tei/'], corpus.flagship, REPEATS_EMPTY_CACHE, flagshipCache));
  // Schemas converted and rules compiled, but no verdict remembered: every document really checked.
  const forgetVerdicts = (): Promise<void> => rm(join(corpus.flagship, '.samizdat', 'cache', 'verdicts'), { recursive: true, force: true });
  await step({ id: 'flagship-validate', command: 'samizdat validate tei/', condition: `the flagship alone, schemas cached, median of ${REPEATS}`, ...flagship }, repeated(['validate', 'tei/'], corpus.flagship, REPEATS, forgetVerdicts));
  await step({ id: 'flagship-validate-remembered', command: 'samizdat validate tei/', condition: `the flagship alone, unchanged (verdicts remembered), median of ${REPEATS}`, ...flagship }, repeated(['validate', 'tei/'], corpus.flagship, REPEATS, nothing));
  const flagshipFresh = (): Promise<void[]> => Promise.all(['.samizdat', 'dist'].map((f) => rm(join(corpus.flagship, f), { recursive: true, force: true })));
  await step({ id: 'flagship-build-cold', command: 'samizdat build tei/', condition: `the flagship alone, cold (no dist/, empty cache), median of ${REPEATS_EMPTY_CACHE}`, ...flagship },
    repeated(['build', 'tei/'], corpus.flagship, REPEATS_EMPTY_CACHE, flagshipFresh), { check: pagesOf([join(corpus.flagship, 'tei', '1923-opposition-ch01.xml')], join(corpus.flagship, 'dist')) });
  sum({ id: 'flagship-validate-build-cold', command: 'samizdat validate tei/ && samizdat build tei/', condition: 'the flagship alone, cold: the sum of validate (empty cache) and build (cold) above' }, ['flagship-validate-empty-cache', 'flagship-build-cold']);
  sum({ id: 'flagship-grammar-build-cold', command: 'samizdat validate --grammar-only tei/ && samizdat build tei/', condition: 'the flagship alone, cold: the sum of validate --grammar-only (empty cache) and build (cold) above' }, ['flagship-validate-grammar-empty-cache', 'flagship-build-cold']);

  // The eight plays, each command from nothing (a fresh process, no .samizdat/, no dist/), against tei_all.
  const playsFresh = (): Promise<void[]> => Promise.all(['.samizdat', 'dist'].map((f) => rm(join(plays.root, f), { recursive: true, force: true })));
  const playsCold = `${plays.files.length} plays, cold (empty cache), median of ${REPEATS_EMPTY_CACHE}`;
  await step({ id: 'plays-validate-grammar-cold', command: 'samizdat validate --grammar-only tei/', condition: playsCold, ...eightPlays }, repeated(['validate', '--grammar-only', 'tei/'], plays.root, REPEATS_EMPTY_CACHE, playsFresh));
  await step({ id: 'plays-validate-cold', command: 'samizdat validate tei/', condition: playsCold, ...eightPlays }, repeated(['validate', 'tei/'], plays.root, REPEATS_EMPTY_CACHE, playsFresh));
  await step({ id: 'plays-build-cold', command: 'samizdat build tei/', condition: `${plays.files.length} plays, cold (no dist/, empty cache), median of ${REPEATS_EMPTY_CACHE}`, ...eightPlays },
    repeated(['build', 'tei/'], plays.root, REPEATS_EMPTY_CACHE, playsFresh), { check: pagesOf(plays.files, join(plays.root, 'dist')) });
  sum({ id: 'plays-validate-build-cold', command: 'samizdat validate tei/ && samizdat build tei/', condition: `${plays.files.length} plays, cold: the sum of validate and build above` }, ['plays-validate-cold', 'plays-build-cold']);
  sum({ id: 'plays-grammar-build-cold', command: 'samizdat validate --grammar-only tei/ && samizdat build tei/', condition: `${plays.files.length} plays, cold: the sum of validate --grammar-only and build above` }, ['plays-validate-grammar-cold', 'plays-build-cold']);

  // A user's first run: the package packed and installed from its tarball
  // (bench/installed.ts, not timed), then a new edition made and built with
  // it, each time in a new folder (empty caches, nothing but what npm installed).
  // (Packed only while there is time left; once spent, the steps below skip themselves.)
  const installed = spent() ? undefined : (log('packing samizdat and installing the tarball (not timed) …'), packAndInstall(REPO, join(root, 'installed')));
  const sample = { files: 2, bytes: (await Promise.all(['sample.xml', 'register.xml'].map((f) => readFile(join(REPO, 'templates', 'init', 'tei', f))))).reduce((n, b) => n + b.length, 0) };
  let editions = 0;
  /** The median of `times` runs of `script` (sh, $0 the installed CLI) in a new edition's folder, made by `init` first (not timed) when `initFirst`. */
  const firstRuns = (script: string, initFirst: boolean, times: number) => (): Promise<Run> => {
    const { app, cli } = installed!;
    return medianOf(times, async () => {
      const edition = join(app, `edition-${++editions}`);
      if (initFirst) spawnSync(cli, ['init', edition], { stdio: 'ignore' });
      else await mkdir(edition);
      return measure('/bin/sh', ['-c', script, cli], { cwd: edition, timeoutMs: remaining() });
    });
  };
  await step({ id: 'installed-init-build', command: 'samizdat init && samizdat build', condition: `installed package, new edition, cold (empty caches), median of ${REPEATS_EMPTY_CACHE}`, ...sample },
    firstRuns('"$0" init >/dev/null && "$0" build >/dev/null', false, REPEATS_EMPTY_CACHE));
  await step({ id: 'installed-validate', command: 'samizdat validate', condition: `installed package, a new edition, cold (empty caches), median of ${REPEATS_EMPTY_CACHE}`, ...sample },
    firstRuns('"$0" validate >/dev/null', true, REPEATS_EMPTY_CACHE));

  // The corpus's validate targets are a few tenths of a second from their limits, and this
  // machine's speed drifts by more than that between runs: one run cannot tell them apart.
  const emptyCache = (): Promise<void[]> => clean('.samizdat');
  const corpusCold = `cold (empty cache), median of ${REPEATS_EMPTY_CACHE}`;
  await step({ id: 'validate-grammar-cold', command: 'samizdat validate --grammar-only tei', condition: corpusCold, ...whole }, repeated(['validate', '--grammar-only', 'tei'], root, REPEATS_EMPTY_CACHE, emptyCache));
  await step({ id: 'validate-cold', command: 'samizdat validate tei', condition: corpusCold, ...whole }, repeated(['validate', 'tei'], root, REPEATS_EMPTY_CACHE, emptyCache));
  await reviseFirst();
  await step({ id: 'validate-changed', command: 'samizdat validate tei', condition: 'one file changed (other verdicts remembered)', ...whole }, () => samizdat(['validate', 'tei']), { needs: 'validate-cold' });
  await step({ id: 'validate-unchanged', command: 'samizdat validate tei', condition: 'nothing changed', ...whole }, () => samizdat(['validate', 'tei']), { needs: 'validate-changed' });

  await clean('.samizdat', 'dist');
  let search: SearchIndexFigures | null = null;
  /** What the cold build said of the search index, and the index's files as it wrote them. */
  const indexed = async (): Promise<string | undefined> => {
    const line = searchIndexLine(coldOutput);
    if (!line) return 'the build did not say what it indexed for search';
    // Every shard's bundle: search/pagefind/ and the pagefind-N/ beside it.
    const files = (await filesUnder(join(root, 'dist', 'search'))).filter((f) => /^pagefind(-\d+)?$/.test(relative(join(root, 'dist', 'search'), f.path).split(sep)[0]));
    search = { ...line, files: files.length, bytes: files.reduce((n, f) => n + f.size, 0) };
    return published();
  };
  let coldOutput = '';
  await step({ id: 'build-cold', command: 'samizdat build tei', condition: 'cold (no dist/, empty cache)', ...whole },
    () => samizdat(['build', 'tei']).then((run) => { coldOutput = run.output; return run; }), { check: indexed });
  await step({ id: 'build-changed', command: 'samizdat build tei', condition: `one file changed, median of ${REPEATS_EMPTY_CACHE} (a new change each time)`, ...whole },
    repeated(['build', 'tei'], root, REPEATS_EMPTY_CACHE, reviseFirst), { needs: 'build-cold', check: published });
  await step({ id: 'build-unchanged', command: 'samizdat build tei', condition: 'nothing changed', ...whole }, () => samizdat(['build', 'tei']), { needs: 'build-changed', check: published });

  // Entities kept in a header by the thousand: the build must grow with the entries and mentions, not with their square.
  // Run from the corpus's folder, so that the compiled stylesheets are those the builds above cached.
  const double: CartularySize = { persons: CARTULARY.persons * 2, places: CARTULARY.places * 2, mentions: CARTULARY.mentions * 2 };
  const cartularyBytes = await writeCartulary(join(root, 'cartulary'), CARTULARY);
  const doubleBytes = await writeCartulary(join(root, 'cartulary-double'), double);
  const cartularyLabel = (size: CartularySize) => `one document, ${size.persons.toLocaleString('en')} persons and ${size.places} places in its header, ${size.mentions.toLocaleString('en')} names`;
  await step({ id: 'cartulary-build', command: 'samizdat build cartulary/tei', condition: cartularyLabel(CARTULARY), files: 1, bytes: cartularyBytes },
    () => samizdat(['build', 'cartulary/tei', '--out', 'cartulary/dist']));
  await step({ id: 'cartulary-build-double', command: 'samizdat build cartulary-double/tei', condition: cartularyLabel(double), files: 1, bytes: doubleBytes },
    () => samizdat(['build', 'cartulary-double/tei', '--out', 'cartulary-double/dist']), {
      needs: 'cartulary-build',
      check: async (twice) => {
        const single = rows.find((r) => r.id === 'cartulary-build')!.seconds!;
        return twice.seconds / single > LINEAR_LIMIT ? `twice the entries and mentions took ${(twice.seconds / single).toFixed(1)}× as long: not linear` : undefined;
      },
    });

  // The Java pipeline comes last: with a time budget, samizdat's own figures come first.
  const java: Results['java'] = { tools: [], runs: [], skipped: [], comparisons: [] };
  const javaStep: typeof step = (row, run, then) => { java.runs.push(row.id); return step(row, run, then); };
  const javaSkip = (row: Parameters<typeof skip>[0], why: string): void => { java.runs.push(row.id); skip(row, why); };
  const javaSum = (row: Parameters<typeof sum>[0], ids: string[]): void => { java.runs.push(row.id); sum(row, ids); };
  const compare = (subject: string, samizdatId: string, javaId: string, note: string, target?: { ratio: number; source: string }): void => {
    // With --no-java there is nothing to compare, and a table of dashes says nothing.
    if (!options.java) return;
    const [ours, theirs] = [samizdatId, javaId].map((id) => rows.find((r) => r.id === id)!);
    java.comparisons.push(compareRows(subject, ours, theirs, note, target));
  };
  const tools: JavaTools = options.java ? findJavaTools() : { missing: ['--no-java was given'] };
  java.skipped.push(...tools.missing);
  if (options.java && tools.saxon && !options.peerStylesheets) java.skipped.push('the TEI Stylesheets were not given (--peer-stylesheets DIR)');
  /** Why the rows needing `tool` are not run, or undefined when they are. */
  const unavailable = (tool: 'jing' | 'saxon' | 'stylesheets'): string | undefined => {
    if (!options.java) return '--no-java was given';
    if (tool === 'jing') return tools.jing ? undefined : 'jing is not installed';
    if (!tools.saxon) return tools.missing.find((m) => /java|saxon/i.test(m)) ?? 'Saxon-HE is not available';
    return tool === 'stylesheets' && !options.peerStylesheets ? 'no --peer-stylesheets DIR given' : undefined;
  };
  if (tools.jing) java.tools.push(`jing ${tools.jing}`);
  if (tools.saxon) java.tools.push(tools.saxon.version);
  if (tools.saxon && options.peerStylesheets && options.java) java.tools.push(teiStylesheetsVersion(options.peerStylesheets));

  const jingRows = [
    { row: { id: 'jing', command: 'jing SCHEMA FILES…', condition: `one JVM per schema (3), median of ${REPEATS_EMPTY_CACHE}`, ...whole }, run: () => medianOf(REPEATS_EMPTY_CACHE, (limit) => runJing(tools.jing!, corpus, limit), remaining()) },
    { row: { id: 'jing-flagship', command: 'jing samizdat.rng tei/*.xml', condition: `the flagship alone, one JVM, median of ${REPEATS}`, ...flagship },
      run: () => runJingMedian(tools.jing!, join(corpus.flagship, 'schemas', 'samizdat.rng'), ['1923-opposition-ch01.xml', 'register.xml'].map((f) => join(corpus.flagship, 'tei', f)), corpus.flagship, REPEATS, remaining()) },
    { row: { id: 'jing-plays', command: 'jing tei_all.rng tei/*.xml', condition: `${plays.files.length} plays, one JVM, median of ${REPEATS_EMPTY_CACHE}`, ...eightPlays },
      run: () => runJingMedian(tools.jing!, plays.schema, plays.files, plays.root, REPEATS_EMPTY_CACHE, remaining()) },
  ];
  for (const { row, run } of jingRows) {
    const why = unavailable('jing');
    if (why) javaSkip(row, why);
    else await javaStep(row, run);
  }
  const saxonRow = { id: 'saxon', command: SAXON_COMMAND, condition: "samizdat's own XSLT, one JVM per stylesheet (2)", ...whole };
  const saxonWhy = unavailable('saxon');
  if (saxonWhy) javaSkip(saxonRow, saxonWhy);
  else await javaStep(saxonRow, () => runSaxon(tools.saxon!.jar, REPO, corpus, remaining()));

  // The pipeline editors run instead of samizdat: jing, then the TEI Stylesheets' html.xsl, each output folder new.
  let peerOutputs = 0;
  const teiStylesheets = (tei: string, documents: string[]) => (): Promise<Run> => medianOf(REPEATS_EMPTY_CACHE, async (limit) => {
    const out = join(root, 'peer', `html-${++peerOutputs}`);
    const run = await runTeiStylesheets(tools.saxon!.jar, options.peerStylesheets!, tei, out, limit);
    const written = run.exitCode === 0 ? documents.filter((f) => existsSync(join(out, basename(f)))).length : documents.length;
    return written === documents.length ? run : { ...run, exitCode: 1, output: `${run.output}\nthe TEI Stylesheets wrote ${written} of ${documents.length} pages into ${out}` };
  }, remaining());
  const peerRows = [
    { subject: 'the flagship alone', jing: 'jing-flagship', ours: 'flagship', tei: join(corpus.flagship, 'tei'), documents: ['1923-opposition-ch01.xml', 'register.xml'], size: flagship, label: 'the flagship alone' },
    { subject: `the ${plays.files.length} plays`, jing: 'jing-plays', ours: 'plays', tei: plays.tei, documents: plays.files, size: eightPlays, label: `${plays.files.length} plays` },
  ];
  for (const peer of peerRows) {
    const row = { id: `tei-stylesheets-${peer.ours}`, command: TEI_STYLESHEETS_COMMAND, condition: `${peer.label}, one JVM, median of ${REPEATS_EMPTY_CACHE}`, ...peer.size };
    const why = unavailable('stylesheets');
    if (why) javaSkip(row, why);
    else await javaStep(row, teiStylesheets(peer.tei, peer.documents));
    javaSum({ id: `jing-tei-stylesheets-${peer.ours}`, command: 'jing, then the TEI Stylesheets', condition: `${peer.label}: the sum of jing and the TEI Stylesheets above` }, [peer.jing, row.id]);
  }

  compare('the corpus', 'validate-grammar-cold', 'jing', 'both check well-formedness and RELAX NG only, from a cold start: jing starts a JVM per schema and reads the schemas; samizdat starts Node and its workers, reads its own schemas precompiled and compiles the ELTeC schema (empty cache)',
    { ratio: 1 / 3, source: 'issue 13: 3× faster than jing' });
  compare('the corpus', 'build-cold', 'saxon', "Saxon runs samizdat's stylesheets for the page and the text of each file; samizdat build also gathers entity mentions, adds citations, indexes for search and writes the list and entity pages");
  compare('the flagship alone', 'flagship-validate-grammar-empty-cache', 'jing-flagship', 'the chapter and its register against samizdat.rng, well-formedness and RELAX NG only, cold');
  const builds = (per: string): string => `samizdat's build writes a page, a plain text and citations per ${per}, the list of documents, the entity index and the search; the TEI Stylesheets write one HTML page per file`;
  compare('the flagship alone', 'flagship-validate-build-cold', 'jing-tei-stylesheets-flagship', `validate adds Schematron and the edition rules, which jing does not run; ${builds('document')}`);
  compare('the flagship alone', 'flagship-grammar-build-cold', 'jing-tei-stylesheets-flagship', `both check RELAX NG only; ${builds('document')}`);
  compare(`the ${plays.files.length} plays`, 'plays-validate-grammar-cold', 'jing-plays', 'the plays against tei_all, well-formedness and RELAX NG only, cold');
  compare(`the ${plays.files.length} plays`, 'plays-validate-build-cold', 'jing-tei-stylesheets-plays', `validate adds the Schematron rules embedded in tei_all, which jing does not run; ${builds('play')}`);
  compare(`the ${plays.files.length} plays`, 'plays-grammar-build-cold', 'jing-tei-stylesheets-plays', `both check RELAX NG only; ${builds('play')}`);

  const results: Results = {
    date: new Date().toISOString(),
    machine: {
      cpus: availableParallelism(), cpuModel: cpus()[0]?.model.trim() ?? 'unknown CPU', memoryGiB: totalmem() / 2 ** 30,
      node: process.version, os: `${type()} ${release()}`, loadAverageBefore, loadAverageAfter: loadavg(), memoryProbe, unsetForRuns: unsetForRuns(),
    },
    samizdat: samizdatVersion,
    corpus: { documents: corpus.documents, files: corpus.files.length, bytes: corpus.bytes, kinds: corpus.kinds, generationSeconds },
    plays: { names: [...PLAYS], ...eightPlays },
    budgetSeconds: options.budget > 0 ? options.budget : null,
    rows,
    search,
    java,
    totalSeconds: (performance.now() - started) / 1000,
  };
  process.stdout.write(renderMarkdown(results));
  if (options.json) {
    await writeFile(options.json, resultsJson(results));
    log(`results written to ${options.json}`);
  }
  if (options.keep) log(`corpus and outputs kept in ${root}`);
  else await rm(root, { recursive: true, force: true });
  return rows.some((r) => r.status === 'failed') ? 1 : 0;
}

/** Every file under `folder`, with its size. */
async function filesUnder(folder: string): Promise<{ path: string; size: number }[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return Promise.all(entries.filter((e) => e.isFile()).map(async (e) => {
    const path = join(e.parentPath, e.name);
    return { path, size: (await stat(path)).size };
  }));
}

/** The last two lines a failed run printed, on one line. */
function lastLines(output: string): string {
  return output.split('\n').filter((l) => l.trim() !== '').slice(-2).join(' ⏎ ').slice(-240);
}

main().then((code) => { process.exitCode = code; }, (error: unknown) => {
  stopRuns();
  process.stderr.write(`bench: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 2;
});

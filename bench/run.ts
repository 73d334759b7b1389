/**
 * `npm run bench [-- options]`: samizdat's speed and memory on a synthetic
 * edition (bench/corpus.ts), measured by running the real CLI (lib/, compiled
 * by the npm script) as child processes, and the Java pipeline (jing,
 * Saxon-HE) on the same files when it is installed. Prints Markdown for the
 * README's "Performance" section; --json also writes the results as JSON.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, release, tmpdir, totalmem, type } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCartulary, type CartularySize } from './cartulary.js';
import { reviseDocument, writeCorpus } from './corpus.js';
import { packAndInstall } from './installed.js';
import { SAXON_COMMAND, findJavaTools, runJing, runJingFlagship, runSaxon, type JavaTools } from './java.js';
import { measure, median, memoryProbe, stopRuns, type Run } from './measure.js';
import { renderMarkdown, resultsJson, searchIndexLine, type Results, type Row, type SearchIndexFigures } from './report.js';

/** The cartulary the entity index is measured on (as large as the one issue 11 met), and then twice that. */
const CARTULARY: CartularySize = { persons: 3000, places: 500, mentions: 3000 };
/** Twice the entries and mentions may take at most this many times as long: more says the work grows faster than linearly. */
const LINEAR_LIMIT = 3;

const HELP = `Usage: npm run bench [-- options]

Builds a synthetic edition (the flagship chapter copied, one document in
twenty from a corpus of real TEI, and the register) and times samizdat's CLI on
it: validate (with and without the rules layer) cold, after one file changed
and with nothing changed, build the same three ways, plus the start-up of
--version and of validate on the flagship alone, the build of a cartulary
whose header keeps 3,000 persons, then one twice as large (which must take at
most ${LINEAR_LIMIT}× as long), and a user's first run: samizdat packed and
installed from its tarball (not timed), then init + build, and validate, of a
new edition with empty caches. With jing and Saxon-HE installed, it runs them
on the same corpus and prints samizdat's time over theirs.

Options (or environment variables):
  --size N         documents in the corpus (BENCH_SIZE, default 1000)
  --budget S       stop whatever is still running after S seconds in all and
                   report it as stopped (BENCH_BUDGET, default 300; 0: no limit)
  --keep           keep the corpus and outputs (their folder is printed)
  --json[=FILE]    also write the results as JSON (default bench/results.json)
  --no-java        skip the jing and Saxon comparison
  --corpora DIR    real TEI laid out as test/corpora is (default test/corpora,
                   the subset this repository carries; give a fuller copy
                   for a wider mix)
  --render FILE    print the Markdown of earlier results (a --json file); runs nothing
  -h, --help       show this help
`;

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(REPO, 'bin', 'samizdat.js');
/** Runs of each start-up measurement (of those that convert schemas afresh, fewer: they take seconds). */
const REPEATS = 5;
const REPEATS_EMPTY_CACHE = 3;
/** Seconds kept back from the budget for writing the report. */
const RESERVE = 2;

interface Options { size: number; budget: number; keep: boolean; json?: string; java: boolean; corpora: string; render?: string }

function parseOptions(args: string[]): Options | string {
  const options: Options = {
    size: Number(process.env.BENCH_SIZE ?? 1000),
    budget: Number(process.env.BENCH_BUDGET ?? 300),
    keep: false,
    java: true,
    corpora: join(REPO, 'test', 'corpora'),
  };
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].includes('=') ? [args[i].slice(0, args[i].indexOf('=')), args[i].slice(args[i].indexOf('=') + 1)] : [args[i], undefined];
    const value = (): string => inline ?? args[++i] ?? '';
    switch (flag) {
      case '-h': case '--help': return HELP;
      case '--size': options.size = Number(value()); break;
      case '--budget': options.budget = Number(value()); break;
      case '--keep': options.keep = true; break;
      case '--json': options.json = resolve(inline ?? join(REPO, 'bench', 'results.json')); break;
      case '--no-java': options.java = false; break;
      case '--corpora': options.corpora = resolve(value()); break;
      case '--render': options.render = resolve(value()); break;
      default: return `unknown option '${args[i]}'\n\n${HELP}`;
    }
  }
  if (!Number.isInteger(options.size) || options.size < 1) return `the corpus size must be a whole number of at least 1\n\n${HELP}`;
  if (!Number.isFinite(options.budget) || options.budget < 0) return `the budget must be a number of seconds (0: no limit)\n\n${HELP}`;
  return options;
}

const git = (...args: string[]): string => spawnSync('git', ['-C', REPO, ...args], { encoding: 'utf8' }).stdout?.trim() ?? '';

async function main(): Promise<number> {
  const parsed = parseOptions(process.argv.slice(2));
  if (typeof parsed === 'string') {
    (parsed === HELP ? process.stdout : process.stderr).write(parsed);
    return parsed === HELP ? 0 : 2;
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
    rows.push({ ...row, status, seconds: result.seconds, peakRssBytes: result.peakRssBytes, ...(note ? { note } : {}) });
    log(`  ${status} in ${result.seconds.toFixed(2)} s${note ? ` (${note})` : ''}`);
  }
  /** The median of `times` runs, `before` each. */
  const repeated = (args: string[], cwd: string, times: number, before: () => Promise<unknown>) => async (): Promise<Run> => {
    const runs: Run[] = [];
    for (let i = 0; i < times; i++) {
      await before();
      const run = await samizdat(args, cwd);
      runs.push(run);
      if (run.stopped || run.exitCode !== 0) return run;
    }
    const peaks = runs.map((r) => r.peakRssBytes).filter((p): p is number => p !== null);
    return { ...runs[0], seconds: median(runs.map((r) => r.seconds)), peakRssBytes: peaks.length > 0 ? median(peaks) : null };
  };
  const whole = { files: corpus.files.length, bytes: corpus.bytes };
  const flagship = { files: 2, bytes: flagshipBytes };
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

  // A user's first run: the package packed and installed from its tarball
  // (bench/installed.ts, not timed), then a new edition made and built with
  // it, each time in a new folder (empty caches, nothing but what npm installed).
  // (Packed only while there is time left; once spent, the steps below skip themselves.)
  const installed = spent() ? undefined : (log('packing samizdat and installing the tarball (not timed) …'), packAndInstall(REPO, join(root, 'installed')));
  const sample = { files: 2, bytes: (await Promise.all(['sample.xml', 'register.xml'].map((f) => readFile(join(REPO, 'templates', 'init', 'tei', f))))).reduce((n, b) => n + b.length, 0) };
  let editions = 0;
  /** The median of `times` runs of `script` (sh, $0 the installed CLI) in a new edition's folder, made by `init` first (not timed) when `initFirst`. */
  const firstRuns = (script: string, initFirst: boolean, times: number) => async (): Promise<Run> => {
    const { app, cli } = installed!;
    const runs: Run[] = [];
    for (let i = 0; i < times; i++) {
      const edition = join(app, `edition-${++editions}`);
      if (initFirst) spawnSync(cli, ['init', edition], { stdio: 'ignore' });
      else await mkdir(edition);
      const run = await measure('/bin/sh', ['-c', script, cli], { cwd: edition, timeoutMs: remaining() });
      runs.push(run);
      if (run.stopped || run.exitCode !== 0) return run;
    }
    const peaks = runs.map((r) => r.peakRssBytes).filter((p): p is number => p !== null);
    return { ...runs[0], seconds: median(runs.map((r) => r.seconds)), peakRssBytes: peaks.length > 0 ? median(peaks) : null };
  };
  await step({ id: 'installed-init-build', command: 'samizdat init && samizdat build', condition: `installed package, new edition, cold (empty caches), median of ${REPEATS_EMPTY_CACHE}`, ...sample },
    firstRuns('"$0" init >/dev/null && "$0" build >/dev/null', false, REPEATS_EMPTY_CACHE));
  await step({ id: 'installed-validate', command: 'samizdat validate', condition: `installed package, a new edition, cold (empty caches), median of ${REPEATS_EMPTY_CACHE}`, ...sample },
    firstRuns('"$0" validate >/dev/null', true, REPEATS_EMPTY_CACHE));

  await clean('.samizdat');
  await step({ id: 'validate-grammar-cold', command: 'samizdat validate --grammar-only tei', condition: 'cold (empty cache)', ...whole }, () => samizdat(['validate', '--grammar-only', 'tei']));
  await clean('.samizdat');
  await step({ id: 'validate-cold', command: 'samizdat validate tei', condition: 'cold (empty cache)', ...whole }, () => samizdat(['validate', 'tei']));
  await reviseFirst();
  await step({ id: 'validate-changed', command: 'samizdat validate tei', condition: 'one file changed (other verdicts remembered)', ...whole }, () => samizdat(['validate', 'tei']), { needs: 'validate-cold' });
  await step({ id: 'validate-unchanged', command: 'samizdat validate tei', condition: 'nothing changed', ...whole }, () => samizdat(['validate', 'tei']), { needs: 'validate-changed' });

  await clean('.samizdat', 'dist');
  let search: SearchIndexFigures | null = null;
  /** What the cold build said of the search index, and the index's files as it wrote them. */
  const indexed = async (): Promise<string | undefined> => {
    const line = searchIndexLine(coldOutput);
    if (!line) return 'the build did not say what it indexed for search';
    const files = await filesUnder(join(root, 'dist', 'search', 'pagefind'));
    search = { ...line, files: files.length, bytes: files.reduce((n, f) => n + f.size, 0) };
    return published();
  };
  let coldOutput = '';
  await step({ id: 'build-cold', command: 'samizdat build tei', condition: 'cold (no dist/, empty cache)', ...whole },
    () => samizdat(['build', 'tei']).then((run) => { coldOutput = run.output; return run; }), { check: indexed });
  await reviseFirst();
  await step({ id: 'build-changed', command: 'samizdat build tei', condition: 'one file changed', ...whole }, () => samizdat(['build', 'tei']), { needs: 'build-cold', check: published });
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
  const compare = (samizdatId: string, javaId: string, note: string): void => {
    const [ours, theirs] = [samizdatId, javaId].map((id) => rows.find((r) => r.id === id)!);
    const ratio = ours.status === 'ok' && theirs.status === 'ok' ? ours.seconds! / theirs.seconds! : null;
    java.comparisons.push({ samizdat: samizdatId, java: javaId, ratio, note: ratio === null ? `not comparable: \`${ours.status !== 'ok' ? ours.command : theirs.command}\` did not finish` : note });
  };
  const tools: JavaTools = options.java ? findJavaTools() : { missing: ['--no-java was given'] };
  java.skipped.push(...tools.missing);
  if (tools.jing) {
    java.tools.push(`jing ${tools.jing}`);
    java.runs.push('jing');
    await step({ id: 'jing', command: 'jing SCHEMA FILES…', condition: 'one JVM per schema (3)', ...whole }, () => runJing(tools.jing!, corpus, remaining()));
    compare('validate-grammar-cold', 'jing', 'both check well-formedness and RELAX NG only, from a cold start: jing starts a JVM per schema and reads the schemas; samizdat starts Node and its workers, reads its own schemas precompiled and compiles the ELTeC schema (empty cache)');
    await step({ id: 'jing-flagship', command: 'jing SCHEMA tei/*.xml', condition: `the flagship alone, one JVM, median of ${REPEATS}`, ...flagship }, () => runJingFlagship(tools.jing!, corpus, REPEATS, remaining()));
    compare('flagship-validate-grammar-empty-cache', 'jing-flagship', 'the flagship against samizdat.rng, well-formedness and RELAX NG only, cold');
  }
  if (tools.saxon) {
    const saxon = tools.saxon;
    java.tools.push(saxon.version);
    java.runs.push('saxon');
    await step({ id: 'saxon', command: SAXON_COMMAND, condition: 'one JVM per stylesheet (2)', ...whole }, () => runSaxon(saxon.jar, REPO, corpus, remaining()));
    compare('build-cold', 'saxon', 'Saxon renders the page and the text of each file; samizdat build also gathers entity mentions, adds citations and writes the list and entity pages');
  }

  const results: Results = {
    date: new Date().toISOString(),
    machine: {
      cpus: availableParallelism(), cpuModel: cpus()[0]?.model.trim() ?? 'unknown CPU', memoryGiB: totalmem() / 2 ** 30,
      node: process.version, os: `${type()} ${release()}`, loadAverageBefore, loadAverageAfter: loadavg(), memoryProbe,
    },
    samizdat: samizdatVersion,
    corpus: { documents: corpus.documents, files: corpus.files.length, bytes: corpus.bytes, kinds: corpus.kinds, generationSeconds },
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

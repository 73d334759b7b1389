/**
 * The benchmark's corpus (bench/corpus.ts) is what the benchmark claims: the
 * same bytes on every run, no two documents alike, and every copy still valid
 * against the schema its <?xml-model?> names from its new place. No timings
 * are checked here.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { planCorpus, reviseDocument, writeCorpus, type Corpus } from '../bench/corpus.js';
import { measure, medianOf, runEnvironment, unsetForRuns, type Run } from '../bench/measure.js';
import { HELP, parseOptions, type Options } from '../bench/options.js';
import { PLAYS, playSources, writePlays } from '../bench/plays.js';
import { cpuShares, renderShares, threadOf, type CpuProfile } from '../bench/cpu-shares.js';
import { compareRows, ratioInWords, renderMarkdown, resultsJson, rowFigures, sumOfRows, type Results, type Row } from '../bench/report.js';
import { validate } from '../src/validate/index.js';
import { corporaDir } from './support/paths.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const inputs = { repo, corpora: corporaDir };

describe('bench: the synthetic corpus', function () {
  const scratch: string[] = [];
  const fresh = (): string => { const dir = mkdtempSync(join(tmpdir(), 'samizdat-bench-test-')); scratch.push(dir); return dir; };
  let first: Corpus;
  let second: Corpus;

  before(async () => {
    first = await writeCorpus(fresh(), 3, inputs);
    second = await writeCorpus(fresh(), 3, inputs);
  });
  after(() => { for (const dir of scratch) rmSync(dir, { recursive: true, force: true }); });

  it('has the documents asked for, from the flagship and the corpora, plus the register', () => {
    assert.deepEqual(readdirSync(first.tei).sort(), ['0001-flagship-1923-opposition-ch01.xml', '0002-eltec-ENG18400_Trollope.xml', '0003-flagship-1923-opposition-ch01.xml', 'register.xml']);
    assert.equal(first.files.length, 4);
    assert.equal(first.bytes, first.files.reduce((n, f) => n + readFileSync(f).length, 0));
  });

  it('is written byte for byte the same on every run', () => {
    const contents = (corpus: Corpus): string[] => corpus.files.map((f) => readFileSync(f, 'utf8'));
    assert.deepEqual(contents(second), contents(first));
  });

  it('makes every document unique, even copies of the same source', () => {
    const documents = first.files.filter((f) => !f.endsWith('register.xml')).map((f) => readFileSync(f, 'utf8'));
    assert.equal(new Set(documents).size, documents.length);
    assert.match(documents[2], /<title level="a" type="main">Trotsky opens the attack \(bench copy 0003\)<\/title>/);
  });

  it('takes one document in twenty from the corpora, each kind in turn', () => {
    const kinds = planCorpus(100, inputs).filter((d) => d.source.kind !== 'flagship').map((d) => `${d.copy}:${d.source.kind}`);
    assert.deepEqual(kinds, ['2:eltec', '22:dracor', '42:tei-stylesheets', '62:eltec', '82:dracor']);
  });

  it('keeps every copy valid against the schema its <?xml-model?> names', async () => {
    const report = await validate([first.tei], { grammarOnly: true, cacheDir: false, jobs: 1 });
    assert.deepEqual(report.files.map((f) => [f.file, f.errors, f.diagnostics[0]?.message]).filter(([, errors]) => errors !== 0), []);
    assert.equal(report.files.length, 4);
  });

  it('revises a document inside the first paragraph of its body', () => {
    const text = readFileSync(first.files[0], 'utf8');
    const revised = reviseDocument(text, 7);
    assert.notEqual(revised, text);
    // The sentence is in p1, before its end tag, and nowhere else.
    assert.match(revised, /<p xml:id="p1" n="1">(?:(?!<\/p>)[^])* Revised for the benchmark \(7\)\.<\/p>/);
    assert.equal(revised.split('Revised for the benchmark').length, 2);
  });
});

describe('bench: repeated runs', () => {
  const run = (seconds: number, exitCode: number | null = 0): Run => ({ seconds, peakRssBytes: seconds * 10, exitCode, stopped: exitCode === null, output: `${seconds}` });

  it('gives the median of the runs and keeps each run\'s seconds in order', async () => {
    const times = [3, 1, 2];
    const result = await medianOf(3, async () => run(times.shift()!));
    assert.equal(result.seconds, 2);
    assert.equal(result.peakRssBytes, 20);
    assert.deepEqual(result.samples, [3, 1, 2]);
  });

  it('stops at the first run that fails, and gives that run without samples', async () => {
    const times = [1, 5, 2];
    let calls = 0;
    const result = await medianOf(3, async () => { calls++; const s = times.shift()!; return run(s, s === 5 ? 1 : 0); });
    assert.equal(calls, 2);
    assert.equal(result.exitCode, 1);
    assert.equal(result.seconds, 5);
    assert.equal(result.samples, undefined);
  });

  it('writes the samples into the JSON, and null for a row run once', () => {
    const rows: Row[] = [
      { id: 'a', command: 'a', condition: 'median of 3', status: 'ok', seconds: 2, files: 1, bytes: 1, peakRssBytes: null, samples: [3, 1, 2] },
      { id: 'b', command: 'b', condition: 'once', status: 'ok', seconds: 4, files: 1, bytes: 1, peakRssBytes: null },
    ];
    const json = JSON.parse(resultsJson({ rows } as unknown as Results)) as { rows: Array<{ id: string; samples: number[] | null }> };
    assert.deepEqual(json.rows.map((r) => [r.id, r.samples]), [['a', [3, 1, 2]], ['b', null]]);
    assert.deepEqual(Object.keys(json.rows[0]), Object.keys(json.rows[1]));
  });
});

describe('bench: the report', () => {
  it('gives a stopped run as bounds, not as a measurement', () => {
    const row = { id: 'build-cold', command: 'samizdat build tei', condition: 'cold', status: 'stopped' as const, seconds: 200, files: 1001, bytes: 50e6, peakRssBytes: null };
    assert.deepEqual(rowFigures(row), { seconds: '> 200.00', documentsPerSecond: '< 5.0', megabytesPerSecond: '< 0.25', peakRss: '—' });
  });
});

describe('bench: the eight plays', function () {
  let scratch: string;
  before(() => { scratch = mkdtempSync(join(tmpdir(), 'samizdat-bench-plays-')); });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('finds all eight in the repository: three in test/corpora, five in bench/plays', () => {
    const sources = playSources(repo);
    assert.equal(sources.length, 8);
    assert.equal(sources.filter((f) => f.includes('/test/corpora/shakedracor/tei/')).length, 3);
    assert.equal(sources.filter((f) => f.includes('/bench/plays/')).length, 5);
  });

  it('writes each play unchanged but for two <?xml-model?> naming tei_all, as RELAX NG and as Schematron', async () => {
    const plays = await writePlays(join(scratch, 'plays'), repo);
    assert.deepEqual(plays.files.map((f) => f.slice(plays.tei.length + 1)), PLAYS.map((name) => `${name}.xml`));
    assert.equal(plays.bytes, plays.files.reduce((n, f) => n + readFileSync(f).length, 0));
    assert.equal(readFileSync(plays.schema, 'utf8'), readFileSync(join(repo, 'schemas', 'vendor', 'tei_all.rng'), 'utf8'));
    playSources(repo).forEach((source, i) => {
      const [declaration, grammar, rules, ...rest] = readFileSync(plays.files[i], 'utf8').split('\n');
      const original = readFileSync(source, 'utf8').split('\n');
      assert.equal(declaration, original[0]);
      assert.match(grammar, /^<\?xml-model href="\.\.\/schemas\/vendor\/tei_all\.rng" [^>]*schematypens="http:\/\/relaxng\.org\/ns\/structure\/1\.0"\?>$/);
      assert.match(rules, /^<\?xml-model href="\.\.\/schemas\/vendor\/tei_all\.rng" [^>]*schematypens="http:\/\/purl\.oclc\.org\/dsdl\/schematron"\?>$/);
      assert.deepEqual(rest, original.slice(1));
    });
  });
});

describe('bench: the environment of measured commands', () => {
  it('runs them without the machine\'s NODE_EXTRA_CA_CERTS, and says which it unset', async () => {
    const environment = { PATH: '/usr/bin', NODE_EXTRA_CA_CERTS: '/etc/ssl/extra.pem', LANG: 'C' };
    assert.deepEqual(runEnvironment(environment), { PATH: '/usr/bin', LANG: 'C' });
    assert.deepEqual(unsetForRuns(environment), ['NODE_EXTRA_CA_CERTS']);
    assert.deepEqual(unsetForRuns({ PATH: '/usr/bin' }), []);
    const before = process.env.NODE_EXTRA_CA_CERTS;
    process.env.NODE_EXTRA_CA_CERTS = '/nonexistent/extra.pem';
    try {
      const scratch = mkdtempSync(join(tmpdir(), 'samizdat-bench-env-'));
      const run = await measure(process.execPath, ['-e', 'process.stdout.write(String(process.env.NODE_EXTRA_CA_CERTS))'], { cwd: scratch });
      rmSync(scratch, { recursive: true, force: true });
      assert.equal(run.exitCode, 0);
      assert.match(run.output, /^undefined/);
    } finally {
      if (before === undefined) delete process.env.NODE_EXTRA_CA_CERTS;
      else process.env.NODE_EXTRA_CA_CERTS = before;
    }
  });
});

describe('bench: its options', () => {
  let scratch: string;
  before(() => { scratch = mkdtempSync(join(tmpdir(), 'samizdat-bench-options-')); });
  after(() => rmSync(scratch, { recursive: true, force: true }));
  const parse = (...args: string[]): ReturnType<typeof parseOptions> => parseOptions(args, repo, {});
  const options = (...args: string[]): Options => {
    const parsed = parse(...args);
    assert.ok(!('message' in parsed), 'message' in parsed ? parsed.message : '');
    return parsed;
  };
  const stylesheets = (): string => {
    const folder = join(scratch, 'Stylesheets');
    mkdirSync(join(folder, 'html'), { recursive: true });
    writeFileSync(join(folder, 'html', 'html.xsl'), '<xsl:stylesheet xmlns:xsl="http://www.w3.org/1999/XSL/Transform" version="2.0"/>');
    return folder;
  };

  it('reads nothing outside the repository unless told: no TEI Stylesheets by default, the corpora from test/corpora', () => {
    const parsed = options();
    assert.equal(parsed.peerStylesheets, undefined);
    assert.equal(parsed.corpora, join(repo, 'test', 'corpora'));
    assert.equal(parsed.java, true);
  });

  it('takes the TEI Stylesheets\' folder from --peer-stylesheets, as DIR or =DIR', () => {
    const folder = stylesheets();
    assert.equal(options('--peer-stylesheets', folder).peerStylesheets, folder);
    assert.equal(options(`--peer-stylesheets=${folder}`, '--no-java').peerStylesheets, folder);
  });

  it('refuses a --peer-stylesheets folder without html/html.xsl, before running anything', () => {
    const empty = join(scratch, 'empty');
    mkdirSync(empty, { recursive: true });
    for (const [folder, says] of [[empty, 'has no html/html.xsl'], [join(scratch, 'nowhere'), 'does not exist']]) {
      const parsed = parse('--peer-stylesheets', folder);
      assert.ok('message' in parsed);
      assert.equal(parsed.exitCode, 2);
      assert.ok(parsed.message.startsWith(`--peer-stylesheets: ${folder} ${says}`), parsed.message);
    }
    const bare = parse('--peer-stylesheets');
    assert.ok('message' in bare && bare.message.startsWith('--peer-stylesheets needs a path'));
  });

  it('says which option it does not know, and shows the help (exit 0) when asked', () => {
    const unknown = parse('--peer', 'x');
    assert.ok('message' in unknown && unknown.exitCode === 2 && unknown.message.startsWith("unknown option '--peer'"));
    assert.deepEqual(parse('--size', '20', '-h'), { message: HELP, exitCode: 0 });
    assert.match(HELP, /--peer-stylesheets DIR/);
  });

  it('takes --size and --budget from the environment, the command line first', () => {
    const fromEnv = parseOptions(['--budget', '0'], repo, { BENCH_SIZE: '20', BENCH_BUDGET: '60' });
    assert.ok(!('message' in fromEnv));
    assert.deepEqual([fromEnv.size, fromEnv.budget], [20, 0]);
    assert.ok('message' in parse('--size', '0'));
  });
});

describe('bench: ratios against the Java pipeline', () => {
  const row = (id: string, seconds: number | null, status: Row['status'] = 'ok', extra: Partial<Row> = {}): Row =>
    ({ id, command: `run ${id}`, condition: 'cold', status, seconds, files: 8, bytes: 3.24e6, peakRssBytes: seconds === null ? null : 100e6 + seconds * 1e6, ...extra });

  it('adds the parts of a sum row, keeps the largest peak, and skips it when a part did not finish', () => {
    const sum = sumOfRows({ id: 'both', command: 'a && b', condition: 'sum' }, [row('a', 2), row('b', 5.5)]);
    assert.deepEqual([sum.status, sum.seconds, sum.peakRssBytes, sum.files, sum.bytes], ['ok', 7.5, 105.5e6, 8, 3.24e6]);
    const unfinished = sumOfRows({ id: 'both', command: 'a && b', condition: 'sum' }, [row('a', 2), row('b', 60, 'stopped')]);
    assert.deepEqual([unfinished.status, unfinished.seconds, unfinished.note], ['skipped', null, '`run b` (cold) did not finish']);
  });

  it('gives samizdat\'s time over Java\'s, against a target when there is one', () => {
    const target = { ratio: 1 / 3, source: 'issue 13' };
    const met = compareRows('the corpus', row('ours', 1), row('jing', 4), 'both RELAX NG', target);
    assert.deepEqual([met.ratio, met.target?.met, met.note], [0.25, true, 'both RELAX NG']);
    assert.equal(compareRows('the corpus', row('ours', 2), row('jing', 4), 'x', target).target?.met, false);
    const skipped = compareRows('the plays', row('ours', 1), row('peer', null, 'skipped', { note: 'no --peer-stylesheets DIR given' }), 'x', target);
    assert.deepEqual([skipped.ratio, skipped.target?.met, skipped.note], [null, null, 'not comparable: `run peer` (cold) was skipped']);
  });

  it('says a ratio in words', () => {
    assert.deepEqual([0.25, 1, 2.5, 1 / 3].map(ratioInWords), ['4.0× faster', 'as fast', '2.5× slower', '3.0× faster']);
  });

  const results = (rows: Row[], comparisons: Results['java']['comparisons'], skipped: string[] = []): Results => ({
    date: '2026-11-26T12:00:00.000Z',
    machine: { cpus: 2, cpuModel: 'Test CPU', memoryGiB: 8, node: 'v20', os: 'Linux', loadAverageBefore: [0, 0, 0], loadAverageAfter: [0, 0, 0], memoryProbe: 'none' },
    samizdat: { version: '0.1.0', commit: 'abc1234', uncommittedChanges: false },
    corpus: { documents: 1, files: 2, bytes: 1000, kinds: { flagship: { documents: 1, bytes: 1000 } }, generationSeconds: 0.1 },
    plays: { names: ['cymbeline', 'king-john'], files: 2, bytes: 0.9e6 },
    budgetSeconds: null,
    rows,
    search: null,
    java: { tools: ['jing /usr/bin/jing'], runs: rows.filter((r) => r.id.startsWith('jing') || r.id.startsWith('tei')).map((r) => r.id), skipped, comparisons },
    totalSeconds: 10,
  });

  it('renders each ratio with what was compared, in words, and its target as met or not', () => {
    const rows = [row('plays-validate-grammar-cold', 1), row('jing-plays', 4), row('tei-stylesheets-plays', null, 'skipped', { note: 'no --peer-stylesheets DIR given' })];
    const comparisons = [
      compareRows('the 8 plays', rows[0], rows[1], 'both RELAX NG', { ratio: 1 / 3, source: 'issue 13: 3× faster than jing' }),
      compareRows('the 8 plays', rows[0], rows[2], 'pages'),
    ];
    const markdown = renderMarkdown(results(rows, comparisons, ['the TEI Stylesheets were not given (--peer-stylesheets DIR)']));
    const table = markdown.slice(markdown.indexOf('| on '));
    const lines = table.split('\n').filter((l) => l.startsWith('| the 8 plays'));
    assert.equal(lines.length, 2);
    assert.deepEqual(lines[0].split('|').map((c) => c.trim()).slice(1, 7), [
      'the 8 plays', '`run plays-validate-grammar-cold`, cold', '`run jing-plays`, cold', '0.25', '4.0× faster', '≤ 0.33 (issue 13: 3× faster than jing): met',
    ]);
    assert.match(lines[1], /\| — +\| — +\| +\| not comparable: `run tei-stylesheets-plays` \(cold\) was skipped/);
    // The skipped Java row says why, and the plays are named with their size.
    assert.match(markdown, /\| `run tei-stylesheets-plays` \| cold +\| 8 +\| 3\.24 \| — .*\| skipped: no --peer-stylesheets DIR given \|/);
    assert.match(markdown, /Plays: 2 Shakespeare plays from DraCor \(cymbeline, king-john\), 0\.9 MB/);
    assert.match(markdown, /Java comparison skipped: the TEI Stylesheets were not given \(--peer-stylesheets DIR\)\./);
  });

  it('writes the ratios and targets into the JSON', () => {
    const rows = [row('validate-grammar-cold', 1), row('jing', 4)];
    const json = JSON.parse(resultsJson(results(rows, [compareRows('the corpus', rows[0], rows[1], 'both RELAX NG', { ratio: 1 / 3, source: 'issue 13' })]))) as Results;
    assert.deepEqual(json.java.comparisons, [{ subject: 'the corpus', samizdat: 'validate-grammar-cold', java: 'jing', ratio: 0.25, target: { ratio: 1 / 3, source: 'issue 13', met: true }, note: 'both RELAX NG' }]);
  });

  it('still renders results written before the play rows and the ratios\' subjects', () => {
    const old = results([row('validate-grammar-cold', 3), row('jing', 1)], [{ samizdat: 'validate-grammar-cold', java: 'jing', ratio: 3, note: 'old' } as Results['java']['comparisons'][number]]);
    delete old.plays;
    const markdown = renderMarkdown(old);
    assert.doesNotMatch(markdown, /Plays:/);
    assert.match(markdown, /\| — +\| `run validate-grammar-cold`, cold \| `run jing`, cold \| 3\.00 +\| 3\.0× slower \| old/);
  });
});

describe('bench: CPU shares of a build (bench/cpu-shares.ts)', () => {
  // A profile of one thread: a page transform, a text transform, garbage collection, citeproc, a file write, idle time.
  const frame = (id: number, functionName: string, url: string, children: number[] = []) => ({ id, callFrame: { functionName, url }, children });
  const lib = 'file:///repo/lib/';
  const profile: CpuProfile = {
    nodes: [
      frame(1, '(root)', '', [2, 8, 9, 10]),
      frame(2, 'renderDocument', `${lib}build/render.js`, [3, 5, 11]),
      frame(3, 'transformSource', `${lib}transform/index.js`, [4]),
      frame(4, 'evaluate', 'file:///repo/node_modules/saxon-js/SaxonJS2N.js'),
      frame(5, 'runStylesheet', `${lib}transform/index.js`, [6]),
      frame(6, 'transform', `${lib}transform/index.js`, [7]),
      frame(7, 'apply', 'file:///repo/node_modules/saxon-js/SaxonJS2N.js'),
      frame(8, '(garbage collector)', ''),
      frame(9, '(idle)', ''),
      frame(10, 'makeBibliography', 'file:///repo/node_modules/citeproc/citeproc_commonjs.js'),
      frame(11, 'writeAtomicallySync', `${lib}write-atomically.js`, [12]),
      frame(12, 'writeFileSync', 'node:fs', [13]),
      frame(13, 'writeUtf8String', ''),
    ],
    // Each sample's time is the next delta (as V8 writes them): the first delta is before the first sample.
    samples: [4, 4, 7, 8, 9, 9, 9, 10, 13],
    timeDeltas: [0, 1000, 1000, 500, 250, 5000, 5000, 5000, 750, 125],
  };

  it('gives every busy sample to one share, and none to idle time', () => {
    const shares = cpuShares(profile);
    assert.deepEqual(Object.fromEntries(shares), {
      'saxon-js, for build/render:renderDocument > transform/index:transformSource': 2000,
      'saxon-js, for build/render:renderDocument > transform/index:runStylesheet': 500,
      'garbage collection': 250,
      'citations (citeproc, Citation.js)': 750,
      'node: files': 125,
    });
  });

  it('names the thread of each profile by Node\'s file name, and reports each thread and all of them', () => {
    assert.equal(threadOf('CPU.20261128.095056.28871.0.001.cpuprofile'), 'calling thread');
    assert.equal(threadOf('CPU.20261128.095056.28871.2.002.cpuprofile'), 'worker 2');
    const report = renderShares(new Map([['worker 2', cpuShares(profile)]]));
    assert.match(report, /^worker 2: 0\.00 s CPU\n/);
    assert.match(report, /\nall threads: 0\.00 s CPU\n {5}0\.00 s {2}55\.2% {2}saxon-js, for build\/render:renderDocument > transform\/index:transformSource\n/);
  });
});

/**
 * The benchmark's results: one record (written as JSON with a fixed key
 * order) and its Markdown rendering, which is both what the terminal shows
 * and what goes into the README's "Performance" section.
 */

export type RowStatus = 'ok' | 'failed' | 'stopped' | 'skipped';

/** One measured command (or several, for the Java pipeline). */
export interface Row {
  id: string;
  /** What was run, as a reader would type it. */
  command: string;
  /** Conditions: cold, cache filled, one file changed, median of 5, … */
  condition: string;
  status: RowStatus;
  /** Wall seconds (the median when repeated); for a stopped run, when it was stopped. */
  seconds: number | null;
  /** Files and bytes the command went through. */
  files: number;
  bytes: number;
  peakRssBytes: number | null;
  /** Each run's wall seconds, in order, when `seconds` is their median. */
  samples?: number[];
  /** Why it failed, stopped or was skipped. */
  note?: string;
}

export interface Comparison {
  /** What both sides ran on: the corpus, the flagship alone, the plays. */
  subject: string;
  /** Row ids. */
  samizdat: string;
  java: string;
  /** samizdat's time over Java's: above 1, samizdat is slower. */
  ratio: number | null;
  /** A ratio samizdat means to stay at or under, where it comes from, and whether this run did. */
  target?: { ratio: number; source: string; met: boolean | null };
  note: string;
}

/** Compares two rows: their ratio, or why there is none. */
export function compareRows(subject: string, ours: Row, theirs: Row, note: string, target?: { ratio: number; source: string }): Comparison {
  const ratio = ours.status === 'ok' && theirs.status === 'ok' && theirs.seconds ? ours.seconds! / theirs.seconds : null;
  const unfinished = [ours, theirs].find((r) => r.status !== 'ok');
  return {
    subject, samizdat: ours.id, java: theirs.id, ratio,
    ...(target ? { target: { ...target, met: ratio === null ? null : ratio <= target.ratio } } : {}),
    note: unfinished ? `not comparable: \`${unfinished.command}\` (${unfinished.condition}) ${unfinished.status === 'skipped' ? 'was skipped' : 'did not finish'}` : note,
  };
}

/**
 * One row standing for `parts` run one after the other (validate, then
 * build): their times added, the largest peak; skipped, saying why, unless
 * every part finished.
 */
export function sumOfRows(row: Pick<Row, 'id' | 'command' | 'condition'>, parts: readonly Row[]): Row {
  const { files, bytes } = parts[0];
  const unfinished = parts.find((p) => p.status !== 'ok');
  if (unfinished) return { ...row, files, bytes, status: 'skipped', seconds: null, peakRssBytes: null, note: `\`${unfinished.command}\` (${unfinished.condition}) ${unfinished.status === 'skipped' ? 'was skipped' : 'did not finish'}` };
  const peaks = parts.map((p) => p.peakRssBytes).filter((p): p is number => p !== null);
  return { ...row, files, bytes, status: 'ok', seconds: parts.reduce((n, p) => n + p.seconds!, 0), peakRssBytes: peaks.length > 0 ? Math.max(...peaks) : null };
}

/** A ratio of times as a reader says it: "3.1× faster", "1.4× slower". */
export function ratioInWords(ratio: number): string {
  if (Math.abs(ratio - 1) < 0.005) return 'as fast';
  return ratio < 1 ? `${fixed(1 / ratio, 1)}× faster` : `${fixed(ratio, 1)}× slower`;
}

export interface Results {
  date: string;
  machine: {
    cpus: number; cpuModel: string; memoryGiB: number; node: string; os: string; loadAverageBefore: number[]; loadAverageAfter: number[]; memoryProbe: string;
    /** Variables of the machine's environment the measured commands ran without (bench/measure.ts); absent in results written before. */
    unsetForRuns?: string[];
  };
  samizdat: { version: string; commit: string; uncommittedChanges: boolean };
  corpus: { documents: number; files: number; bytes: number; kinds: Record<string, { documents: number; bytes: number }>; generationSeconds: number };
  /** The eight plays of the play rows (absent from results older than them). */
  plays?: { names: string[]; files: number; bytes: number };
  budgetSeconds: number | null;
  rows: Row[];
  /** The search index the cold build made: what the CLI said of it, and its files as written. */
  search: SearchIndexFigures | null;
  /** `rows` holds the Java runs too; `runs` names them. */
  java: { tools: string[]; runs: string[]; skipped: string[]; comparisons: Comparison[] };
  totalSeconds: number;
}

export interface SearchIndexFigures {
  passages: number;
  /** Pagefind records: passages, short ones that filters cannot tell apart indexed together. */
  records: number;
  /** Time the build spent indexing. */
  seconds: number;
  /** Files of the index (search/pagefind/ and its other shards' bundles beside it) and their bytes. */
  files: number;
  bytes: number;
}

const MB = 1e6;
const fixed = (n: number, digits: number): string => n.toFixed(digits);

/** Passages, records and indexing time from what `samizdat build` printed ("Indexed N passage(s) for search in S s (R record(s), …"), or null. */
export function searchIndexLine(output: string): { passages: number; seconds: number; records: number } | null {
  const match = /^Indexed (\d+) passage\(s\) for search in (\d+(?:\.\d+)?) s \((\d+) record\(s\)/m.exec(output);
  return match ? { passages: Number(match[1]), seconds: Number(match[2]), records: Number(match[3]) } : null;
}


/** Seconds, documents per second, MB per second and peak memory, as shown in the tables. */
export function rowFigures(row: Row): { seconds: string; documentsPerSecond: string; megabytesPerSecond: string; peakRss: string } {
  const peakRss = row.peakRssBytes === null ? '—' : fixed(row.peakRssBytes / MB, 0);
  if (row.seconds === null || row.status === 'skipped') return { seconds: '—', documentsPerSecond: '—', megabytesPerSecond: '—', peakRss };
  // A failed run's time is shown, but it did not do the whole job: no rates.
  if (row.status === 'failed') return { seconds: fixed(row.seconds, 2), documentsPerSecond: '—', megabytesPerSecond: '—', peakRss };
  // A stopped run took longer than it was given: its rates are upper bounds.
  const [more, less] = row.status === 'stopped' ? ['> ', '< '] : ['', ''];
  const rate = (n: number): string => {
    const perSecond = n / row.seconds!;
    return row.files === 0 ? '—' : less + fixed(perSecond, perSecond >= 100 ? 0 : perSecond >= 1 ? 1 : 2);
  };
  return { seconds: more + fixed(row.seconds, 2), documentsPerSecond: rate(row.files), megabytesPerSecond: rate(row.bytes / MB), peakRss };
}

/** The results as JSON, every row with its rates (null unless it finished), keys always in the same order. */
export function resultsJson(results: Results): string {
  const rows = results.rows.map(({ samples, note, ...row }) => {
    const rate = (n: number): number | null => (row.status === 'ok' && row.seconds ? n / row.seconds : null);
    return { ...row, samples: samples ?? null, note: note ?? null, documentsPerSecond: rate(row.files), megabytesPerSecond: rate(row.bytes / MB) };
  });
  return `${JSON.stringify({ format: 'samizdat-bench', version: 1, ...results, rows }, null, 2)}\n`;
}

/** A Markdown table whose columns line up in a terminal too. */
export function markdownTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

/** The runs' table; the note column only when a run did not finish. */
function runsTable(rows: Row[]): string {
  const notes = rows.some((row) => row.status !== 'ok');
  const header = ['command', 'condition', 'files', 'MB', 'wall s', 'docs/s', 'MB/s', 'peak RSS MB'];
  return markdownTable(
    notes ? [...header, 'note'] : header,
    rows.map((row) => {
      const f = rowFigures(row);
      const cells = [`\`${row.command}\``, row.condition, String(row.files), row.files === 0 ? '—' : fixed(row.bytes / MB, 2), f.seconds, f.documentsPerSecond, f.megabytesPerSecond, f.peakRss];
      return notes ? [...cells, row.status === 'ok' ? '' : `${row.status}: ${row.note ?? ''}`] : cells;
    }),
  );
}

/** The ratios: what was compared, samizdat's time over Java's, in words, against its target when it has one. */
function comparisonsTable(results: Results): string {
  const row = (id: string): Row | undefined => results.rows.find((r) => r.id === id);
  const named = (id: string): string => { const r = row(id); return r ? `\`${r.command}\`, ${r.condition}` : id; };
  const targets = results.java.comparisons.some((c) => c.target);
  const header = ['on', 'samizdat', 'Java', 'samizdat ÷ Java', 'samizdat is', ...(targets ? ['target'] : []), 'what differs'];
  return markdownTable(header, results.java.comparisons.map((c) => {
    const target = c.target ? [`≤ ${fixed(c.target.ratio, 2)} (${c.target.source}): ${c.target.met === null ? 'not measured' : c.target.met ? 'met' : 'not met'}`] : [];
    return [
      c.subject ?? '—', named(c.samizdat), named(c.java), c.ratio === null ? '—' : fixed(c.ratio, 2), c.ratio === null ? '—' : ratioInWords(c.ratio),
      ...(targets ? (target.length > 0 ? target : ['']) : []), c.note,
    ];
  }));
}

/** The whole report in Markdown: machine, corpus, samizdat's runs, the Java comparison, total. */
export function renderMarkdown(results: Results): string {
  const javaIds = new Set(results.java.runs);
  const { machine, corpus } = results;
  const load = (l: number[]): string => l.map((n) => n.toFixed(2)).join(' ');
  const kinds = Object.entries(corpus.kinds).filter(([, k]) => k.bytes > 0).map(([kind, k]) => `${k.documents} ${kind} (${fixed(k.bytes / MB, 1)} MB)`).join(', ');
  const sections = [
    `Measured ${results.date} on ${machine.cpus} × ${machine.cpuModel}, ${fixed(machine.memoryGiB, 0)} GiB memory, Node ${machine.node}, ${machine.os}; ` +
      `samizdat ${results.samizdat.version} at ${results.samizdat.commit}${results.samizdat.uncommittedChanges ? ' with uncommitted changes' : ''}. ` +
      `Load average ${load(machine.loadAverageBefore)} before, ${load(machine.loadAverageAfter)} after. One run of each command unless its condition says otherwise.` +
      (machine.unsetForRuns?.length ? ` Set on this machine and unset for the measured commands (a start-up cost of the machine's, not of the programs): ${machine.unsetForRuns.join(', ')}.` : ''),
    `Corpus: ${corpus.documents} documents + the register = ${corpus.files} files, ${fixed(corpus.bytes / MB, 1)} MB: ${kinds} (generated in ${fixed(corpus.generationSeconds, 1)} s).\n` +
      (results.plays ? `Plays: ${results.plays.files} Shakespeare plays from DraCor (${results.plays.names.join(', ')}), ${fixed(results.plays.bytes / MB, 1)} MB, against tei_all.\n` : '') +
      'files and MB are what each command went through (the corpus, the flagship and its register, or the plays); docs/s and MB/s are those over the wall time; MB = 10^6 bytes; peak RSS is the largest process of the run; a sum row adds the rows it names.',
    runsTable(results.rows.filter((r) => !javaIds.has(r.id))),
  ];
  const cold = results.rows.find((r) => r.id === 'build-cold');
  if (results.search) {
    const { passages, records, seconds, files, bytes } = results.search;
    const share = cold?.status === 'ok' && cold.seconds ? `, ${fixed((100 * seconds) / cold.seconds, 1)}% of the cold build's time` : '';
    sections.push(`Search index, made by the cold build: ${passages} passages of ${corpus.documents} documents (${records} records) indexed in ${fixed(seconds, 2)} s${share}; ` +
      `${files} files, ${fixed(bytes / MB, 1)} MB in search/pagefind*/ (a reader's browser fetches only the chunks a search needs).`);
  }
  const javaRows = results.rows.filter((r) => javaIds.has(r.id));
  const tools = results.java.tools.length > 0 ? ` (${results.java.tools.join('; ')})` : '';
  if (javaRows.length > 0) sections.push(`Java reference pipeline on the same files${tools}:`, runsTable(javaRows));
  if (results.java.skipped.length > 0) sections.push(results.java.skipped.map((why) => `Java comparison skipped: ${why}.`).join('\n'));
  if (results.java.comparisons.length > 0) sections.push('samizdat against the Java pipeline, time over time (below 1, samizdat is faster):', comparisonsTable(results));

  const budget = results.budgetSeconds === null ? 'no time limit' : `time limit ${results.budgetSeconds} s`;
  sections.push(`Total: ${fixed(results.totalSeconds, 1)} s (${budget}).`);
  return `${sections.join('\n\n')}\n`;
}

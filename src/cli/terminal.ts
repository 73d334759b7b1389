/**
 * The terminal conventions every command shares: when to colour, how loud to
 * be (`--quiet`, `--verbose`), and the progress of long runs.
 *
 * - Colour only on a terminal, never when `NO_COLOR` is set (no-color.org);
 *   `FORCE_COLOR` turns it on where there is no terminal (CI logs that
 *   render colour), but never over `NO_COLOR`.
 * - Progress goes to stderr, so that stdout stays the command's result (a
 *   report, a text, a citation) and can be piped. On a terminal it is one
 *   line rewritten in place, `[####....] 12/40  8.3 docs/s  ETA 0:03  file`,
 *   cleared at the end; elsewhere (a pipe, a CI log) it is silent unless
 *   `--verbose`, which writes one plain line per document.
 *
 * Everything takes its stream, environment and clock as arguments, so tests
 * drive it with a fake stream (`{ isTTY, columns, write }`) and a fake clock.
 */
import type { Diagnostic, Severity } from '../diagnostics.js';
import type { Highlight } from '../validate/report/reporter.js';
import { formatDiagnostic } from '../validate/report/text.js';

export type Verbosity = 'quiet' | 'normal' | 'verbose';

/** What this module needs of a stream: `process.stderr`, or a test's fake. */
export interface TerminalStream {
  readonly isTTY?: boolean;
  /** Width of the terminal in characters (absent when not a terminal). */
  readonly columns?: number;
  write(text: string): unknown;
}

export type Environment = Readonly<Record<string, string | undefined>>;

// ---------------------------------------------------------------- colour

/**
 * Whether text written to `stream` may carry colour: `NO_COLOR` (set, not
 * empty) turns it off; `FORCE_COLOR` turns it on (`0` or `false`: off);
 * otherwise only on a terminal that is not `TERM=dumb`.
 */
export function colourEnabled(stream: TerminalStream, env: Environment = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return stream.isTTY === true && env.TERM !== 'dumb';
}

/** Colours for words in messages; identity functions when colour is off. */
export interface Colours extends Highlight {
  readonly enabled: boolean;
  error(text: string): string;
  warning(text: string): string;
}

const SEVERITY_COLOUR: Record<Severity, number> = { error: 31, warning: 33, info: 36 }; // red, yellow, cyan

export function colours(enabled: boolean): Colours {
  // 39 and 22 reset only the foreground colour and the weight, so a coloured
  // word inside another never switches the outer style off.
  const paint = (code: number, reset: number) => (text: string) => (enabled ? `\x1b[${code}m${text}\x1b[${reset}m` : text);
  return {
    enabled,
    error: paint(SEVERITY_COLOUR.error, 39),
    warning: paint(SEVERITY_COLOUR.warning, 39),
    severity: (severity, word) => paint(SEVERITY_COLOUR[severity], 39)(word),
    path: paint(1, 22),
  };
}

// ---------------------------------------------------------------- verbosity

/** `--quiet`/`-q` and `--verbose`, as the commands spell them. */
export function verbosityOption(arg: string): Verbosity | undefined {
  if (arg === '--quiet' || arg === '-q') return 'quiet';
  if (arg === '--verbose') return 'verbose';
  return undefined;
}

// ---------------------------------------------------------------- progress

/** Where a long run is: `done` of `total` items, the latest being `item`. */
export interface ProgressState {
  done: number;
  total: number;
  item: string;
  /** Since the run started, from the injected clock. */
  elapsedMs: number;
}

const BAR_WIDTH = 20;

/**
 * The progress line, without escape codes: `[####....] done/total  N docs/s
 * ETA m:ss  item`, the item shortened from the left (`…/tei/a.xml`) so that
 * the line fits `columns` and never wraps (a wrapped line cannot be
 * rewritten in place).
 */
export function progressLine(state: ProgressState, columns = 80, unit = 'docs'): string {
  const { done, total, item, elapsedMs } = state;
  const share = total > 0 ? Math.min(done / total, 1) : 0;
  const filled = Math.round(share * BAR_WIDTH);
  const rate = elapsedMs > 0 ? done / (elapsedMs / 1000) : 0;
  const rateText = rate > 0 ? `${rate < 10 ? rate.toFixed(1) : Math.round(rate)} ${unit}/s` : `– ${unit}/s`;
  const eta = rate > 0 ? formatDuration(Math.max(total - done, 0) / rate) : '–:––';
  const head = `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${done}/${total}  ${rateText}  ETA ${eta}`;
  if (head.length >= columns) return `${done}/${total}`; // a very narrow terminal: the count only
  const room = columns - 1 - head.length - 2; // the last column stays free: writing there wraps on some terminals
  if (room < 8 || item === '') return head;
  return `${head}  ${item.length > room ? `…${item.slice(item.length - room + 1)}` : item}`;
}

/** Seconds as `m:ss`, or `h:mm:ss` from an hour up. */
export function formatDuration(seconds: number): string {
  const whole = Math.ceil(seconds);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** One item finished. `total` may grow while items are still being found. */
export interface ProgressStep {
  done: number;
  total: number;
  item: string;
  /** What `--verbose` says about the item, after its name (`2 errors; schema x.rng`). */
  note?: string;
}

export interface Progress {
  step(step: ProgressStep): void;
  /** Removes the bar; call once at the end, also when the run failed. */
  end(): void;
}

// ---------------------------------------------------------------- the terminal

export interface TerminalOptions {
  verbosity?: Verbosity;
  /** Where messages and progress go (default `process.stderr`). */
  stream?: TerminalStream;
  env?: Environment;
  /** Milliseconds; injected by tests. Default `Date.now`. */
  now?: () => number;
  /** Least time between two redraws of the bar (default 100 ms). */
  redrawMs?: number;
}

/** A command's messages channel (stderr): loudness, colour, progress. */
export interface Terminal {
  readonly verbosity: Verbosity;
  /** Colours for this stream (stderr); stdout decides its own with `colourEnabled(process.stdout)`. */
  readonly colours: Colours;
  /** A message for normal and verbose runs; `--quiet` hides it. */
  say(text: string): void;
  /** A message for `--verbose` runs only. */
  detail(text: string): void;
  /** A problem, `path:line:col: severity: message [rule-id]`: always shown, even with `--quiet`. */
  diagnostic(d: Diagnostic): void;
  /** Progress of a run over items (`unit`: what is counted, default `docs`). */
  progress(unit?: string): Progress;
}

export function terminal(options: TerminalOptions = {}): Terminal {
  const verbosity = options.verbosity ?? 'normal';
  const stream = options.stream ?? process.stderr;
  const now = options.now ?? Date.now;
  const redrawMs = options.redrawMs ?? 100;
  const live = stream.isTTY === true; // a line can be rewritten in place
  const painted = colours(colourEnabled(stream, options.env));
  let bar = ''; // what is on screen now, to clear it before any other line

  const clearBar = () => {
    if (bar !== '') stream.write('\r\x1b[K');
    bar = '';
  };
  const line = (text: string) => {
    const shown = bar;
    clearBar();
    stream.write(`${text}\n`);
    if (shown !== '') drawBar(shown);
  };
  const drawBar = (text: string) => {
    stream.write(`\r${text}\x1b[K`);
    bar = text;
  };

  return {
    verbosity,
    colours: painted,
    say: (text) => { if (verbosity !== 'quiet') line(text); },
    detail: (text) => { if (verbosity === 'verbose') line(text); },
    diagnostic: (d) => line(formatDiagnostic(d, painted)),
    progress(unit = 'docs') {
      const started = now();
      let drawnAt = -Infinity;
      return {
        step({ done, total, item, note }) {
          if (verbosity === 'verbose') line(`${done}/${total} ${item}${note ? `: ${note}` : ''}`);
          if (!live || verbosity === 'quiet') return;
          const at = now();
          if (at - drawnAt < redrawMs) return;
          drawnAt = at;
          // A terminal of unknown size (a pty nobody sized) says 0 columns.
          drawBar(progressLine({ done, total, item, elapsedMs: at - started }, stream.columns || 80, unit));
        },
        end: clearBar,
      };
    },
  };
}

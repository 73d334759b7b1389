/**
 * src/cli/terminal.ts, driven without a terminal: a fake stream records what
 * is written, a fake clock sets the rate and ETA.
 */
import { strict as assert } from 'node:assert';
import type { Diagnostic } from '../../src/diagnostics.js';
import {
  colourEnabled, colours, formatDuration, progressLine, terminal, verbosityOption, type TerminalOptions,
} from '../../src/cli/terminal.js';

/** Records what is written; a terminal or not, as the test says. */
class FakeStream {
  readonly chunks: string[] = [];
  constructor(readonly isTTY: boolean, readonly columns = 80) {}
  write(text: string): boolean {
    this.chunks.push(text);
    return true;
  }
  get text(): string {
    return this.chunks.join('');
  }
}

/** A clock the test moves by hand. */
function clock(start = 0) {
  const c = { ms: start, now: () => c.ms };
  return c;
}

const ESC = '\x1b[';
const problem: Diagnostic = { file: 'tei/a.xml', line: 3, column: 7, severity: 'error', ruleId: 'rng', message: 'tag not allowed here: x' };

describe('terminal: colour', () => {
  const tty = new FakeStream(true);
  const pipe = new FakeStream(false);

  it('is on for a terminal and off for a pipe', () => {
    assert.equal(colourEnabled(tty, {}), true);
    assert.equal(colourEnabled(pipe, {}), false);
  });

  it('is off with NO_COLOR set, even on a terminal and even with FORCE_COLOR', () => {
    assert.equal(colourEnabled(tty, { NO_COLOR: '1' }), false);
    assert.equal(colourEnabled(tty, { NO_COLOR: '1', FORCE_COLOR: '1' }), false);
  });

  it('ignores an empty NO_COLOR, as no-color.org says', () => {
    assert.equal(colourEnabled(tty, { NO_COLOR: '' }), true);
  });

  it('is on with FORCE_COLOR where there is no terminal, and off with FORCE_COLOR=0', () => {
    assert.equal(colourEnabled(pipe, { FORCE_COLOR: '1' }), true);
    assert.equal(colourEnabled(pipe, { FORCE_COLOR: '' }), true);
    assert.equal(colourEnabled(tty, { FORCE_COLOR: '0' }), false);
    assert.equal(colourEnabled(tty, { FORCE_COLOR: 'false' }), false);
  });

  it('is off on a dumb terminal', () => {
    assert.equal(colourEnabled(tty, { TERM: 'dumb' }), false);
  });

  it('paints severities and paths with escape codes only when on', () => {
    assert.equal(colours(true).error('error'), `${ESC}31merror${ESC}39m`);
    assert.equal(colours(true).severity('warning', 'warning'), `${ESC}33mwarning${ESC}39m`);
    assert.equal(colours(true).path('tei/a.xml:3:7'), `${ESC}1mtei/a.xml:3:7${ESC}22m`);
    const off = colours(false);
    assert.equal(`${off.error('error')} ${off.severity('info', 'info')} ${off.path('a.xml')}`, 'error info a.xml');
  });
});

describe('terminal: the progress line', () => {
  it('shows the bar, done/total, the rate and the ETA from the elapsed time, then the item', () => {
    assert.equal(progressLine({ done: 10, total: 40, item: 'tei/a.xml', elapsedMs: 2000 }),
      '[#####...............] 10/40  5.0 docs/s  ETA 0:06  tei/a.xml');
  });

  it('rounds a rate of ten or more and names the unit counted', () => {
    assert.equal(progressLine({ done: 30, total: 30, item: 'b.xml', elapsedMs: 2000 }, 80, 'pages'),
      '[####################] 30/30  15 pages/s  ETA 0:00  b.xml');
  });

  it('shows no rate or ETA before any time has passed', () => {
    assert.equal(progressLine({ done: 0, total: 3, item: '', elapsedMs: 0 }), '[....................] 0/3  – docs/s  ETA –:––');
  });

  it('shortens a long item from the left so the line fits the terminal without wrapping', () => {
    const item = `corpus/${'very-long-folder-name/'.repeat(6)}novel.xml`;
    const line = progressLine({ done: 1, total: 2, item, elapsedMs: 1000 }, 70);
    assert.equal(line.length, 69);
    assert.match(line, /ETA 0:01  …der-name\/novel\.xml$/);
  });

  it('leaves the item out when the terminal is too narrow for it', () => {
    assert.equal(progressLine({ done: 1, total: 2, item: 'tei/a.xml', elapsedMs: 1000 }, 50), '[##########..........] 1/2  1.0 docs/s  ETA 0:01');
  });

  it('shows only the count on a terminal narrower than the bar', () => {
    assert.equal(progressLine({ done: 1, total: 2, item: 'tei/a.xml', elapsedMs: 1000 }, 30), '1/2');
  });

  it('writes durations as m:ss and h:mm:ss', () => {
    assert.deepEqual([0, 5.2, 59.5, 600, 3725].map(formatDuration), ['0:00', '0:06', '1:00', '10:00', '1:02:05']);
  });
});

describe('terminal: progress on a stream', () => {
  function run(isTTY: boolean, options: TerminalOptions = {}) {
    const stream = new FakeStream(isTTY);
    const time = clock(1000);
    const term = terminal({ stream, now: time.now, env: {}, ...options });
    return { stream, time, term };
  }

  it('on a terminal, rewrites one line in place, at most every 100 ms, and clears it at the end', () => {
    const { stream, time, term } = run(true);
    const progress = term.progress();
    time.ms += 1000;
    progress.step({ done: 1, total: 4, item: 'tei/a.xml' });
    time.ms += 50;
    progress.step({ done: 2, total: 4, item: 'tei/b.xml' }); // too soon: not drawn
    time.ms += 950;
    progress.step({ done: 3, total: 4, item: 'tei/c.xml' });
    progress.end();
    assert.deepEqual(stream.chunks, [
      `\r[#####...............] 1/4  1.0 docs/s  ETA 0:03  tei/a.xml${ESC}K`,
      `\r[###############.....] 3/4  1.5 docs/s  ETA 0:01  tei/c.xml${ESC}K`,
      `\r${ESC}K`,
    ]);
  });

  it('takes a terminal that says it has 0 columns (an unsized pty) as 80 wide', () => {
    const stream = new FakeStream(true, 0);
    const time = clock();
    const progress = terminal({ stream, now: time.now, env: {} }).progress();
    time.ms += 1000;
    progress.step({ done: 1, total: 2, item: 'tei/a.xml' });
    assert.match(stream.text, /ETA 0:01  tei\/a\.xml/);
  });

  it('in a pipe, writes nothing by default', () => {
    const { stream, term } = run(false);
    const progress = term.progress();
    progress.step({ done: 1, total: 1, item: 'tei/a.xml', note: '0 errors' });
    progress.end();
    assert.equal(stream.text, '');
  });

  it('in a pipe with --verbose, writes one plain line per item', () => {
    const { stream, term } = run(false, { verbosity: 'verbose' });
    const progress = term.progress();
    progress.step({ done: 1, total: 2, item: 'tei/a.xml', note: '2 errors; schema schemas/samizdat.rng' });
    progress.step({ done: 2, total: 2, item: 'tei/b.xml' });
    progress.end();
    assert.equal(stream.text, '1/2 tei/a.xml: 2 errors; schema schemas/samizdat.rng\n2/2 tei/b.xml\n');
  });

  it('with --quiet, draws no bar even on a terminal', () => {
    const { stream, time, term } = run(true, { verbosity: 'quiet' });
    const progress = term.progress();
    time.ms += 500;
    progress.step({ done: 1, total: 1, item: 'tei/a.xml' });
    progress.end();
    assert.equal(stream.text, '');
  });

  it('clears the bar before a message and draws it again after', () => {
    const { stream, time, term } = run(true);
    const progress = term.progress();
    time.ms += 1000;
    progress.step({ done: 1, total: 2, item: 'a.xml' });
    stream.chunks.length = 0;
    term.say('cache filled');
    const bar = `\r[##########..........] 1/2  1.0 docs/s  ETA 0:01  a.xml${ESC}K`;
    assert.deepEqual(stream.chunks, [`\r${ESC}K`, 'cache filled\n', bar]);
  });
});

describe('terminal: quiet, normal, verbose', () => {
  function messages(verbosity: 'quiet' | 'normal' | 'verbose', env = {}) {
    const stream = new FakeStream(false);
    const term = terminal({ stream, verbosity, env });
    term.say('said');
    term.detail('detail');
    term.diagnostic(problem);
    return stream.text;
  }

  it('--quiet shows problems only', () => {
    assert.equal(messages('quiet'), 'tei/a.xml:3:7: error: tag not allowed here: x [rng]\n');
  });

  it('normal shows messages and problems, not details', () => {
    assert.equal(messages('normal'), 'said\ntei/a.xml:3:7: error: tag not allowed here: x [rng]\n');
  });

  it('--verbose shows details too', () => {
    assert.equal(messages('verbose'), 'said\ndetail\ntei/a.xml:3:7: error: tag not allowed here: x [rng]\n');
  });

  it('colours a problem\'s location and severity when colour is on', () => {
    assert.equal(messages('quiet', { FORCE_COLOR: '1' }), `${ESC}1mtei/a.xml:3:7${ESC}22m: ${ESC}31merror${ESC}39m: tag not allowed here: x [rng]\n`);
  });

  it('reads --quiet, -q and --verbose, and nothing else', () => {
    assert.deepEqual(['--quiet', '-q', '--verbose', '-v', '--help'].map(verbosityOption), ['quiet', 'quiet', 'verbose', undefined, undefined]);
  });
});

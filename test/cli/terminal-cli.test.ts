/**
 * The terminal conventions as a user meets them through the commands:
 * colour (NO_COLOR, pipes, FORCE_COLOR), --quiet, --verbose, the progress
 * bar on a terminal, and help with examples.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const cli = new URL('../../bin/samizdat.js', import.meta.url).pathname;
const fixtures = new URL('../fixtures/', import.meta.url).pathname;
const flagship = new URL('../../tei/1923-opposition-ch01.xml', import.meta.url).pathname;
/** A letter whose only problem is a Schematron warning (with the small letter grammar). */
const warned = [join(fixtures, 'schematron', 'with-model.xml'), '--schema', join(fixtures, 'config-edition', 'schemas', 'letter.rng')];
const ESCAPE = /\x1b\[/;

/** Runs samizdat with colour variables only as the test sets them (the runner's own are dropped). */
function samizdat(args: string[], env: Record<string, string> = {}, cwd = process.cwd()) {
  const base = { ...process.env };
  delete base.NO_COLOR;
  delete base.FORCE_COLOR;
  return spawnSync('node', [cli, ...args], { encoding: 'utf8', cwd, env: { ...base, ...env } });
}

/** A copy of the minimal TEI letter with an invalid date: one grammar error on line 20. */
function invalidLetter(): string {
  const dir = mkdtempSync(join(tmpdir(), 'samizdat-terminal-'));
  const file = join(dir, 'bad-date.xml');
  writeFileSync(file, readFileSync(join(fixtures, 'validate', 'tei-minimal.xml'), 'utf8').replace('when="1923-10-08"', 'when="yesterday"'));
  return file;
}

describe('terminal conventions (CLI)', function () {
  this.timeout(300_000);

  describe('colour', () => {
    const file = invalidLetter();

    it('is off in a pipe', () => {
      const run = samizdat(['validate', '--grammar-only', file]);
      assert.equal(run.status, 1);
      assert.match(run.stdout, /: error: /);
      assert.doesNotMatch(run.stdout + run.stderr, ESCAPE);
    });

    it('is on with FORCE_COLOR=1: the location in bold, the severity in red', () => {
      const run = samizdat(['validate', '--grammar-only', file], { FORCE_COLOR: '1' });
      assert.equal(run.status, 1);
      assert.match(run.stdout, new RegExp(`^\\x1b\\[1m${file}:20:\\d+\\x1b\\[22m: \\x1b\\[31merror\\x1b\\[39m: .* \\[rng\\]$`, 'm'));
    });

    it('is off with NO_COLOR=1, even with FORCE_COLOR=1', () => {
      const run = samizdat(['validate', '--grammar-only', file], { NO_COLOR: '1', FORCE_COLOR: '1' });
      assert.equal(run.status, 1);
      assert.match(run.stdout, /: error: /);
      assert.doesNotMatch(run.stdout + run.stderr, ESCAPE);
    });

    it('never colours the machine formats', () => {
      const run = samizdat(['validate', '--grammar-only', '--format', 'json', file], { FORCE_COLOR: '1' });
      assert.equal(run.status, 1);
      assert.doesNotMatch(run.stdout, ESCAPE);
    });

    it('colours the problems commands write on stderr', () => {
      const run = samizdat(['text', join(fixtures, 'validate', 'missing.xml')], { FORCE_COLOR: '1' });
      assert.equal(run.status, 2);
      assert.match(run.stderr, /\x1b\[31merror\x1b\[39m: .*missing\.xml does not exist/);
    });
  });

  describe('--quiet', () => {
    it('validate: a clean run prints nothing at all', () => {
      const run = samizdat(['validate', '--quiet', '--grammar-only', join(fixtures, 'validate', 'tei-minimal.xml')]);
      assert.equal(run.status, 0);
      assert.equal(run.stdout + run.stderr, '');
    });

    it('validate: warnings are left out (the same run without --quiet shows one)', () => {
      const loud = samizdat(['validate', ...warned]);
      assert.equal(loud.status, 0, loud.stdout + loud.stderr);
      assert.match(loud.stdout, /warning: a plain p \[sch:plain-paragraph\]/);
      const quiet = samizdat(['validate', '-q', ...warned]);
      assert.equal(quiet.status, 0);
      assert.equal(quiet.stdout + quiet.stderr, '');
    });

    it('validate: errors are shown, then the summary line', () => {
      const file = invalidLetter();
      const run = samizdat(['validate', '--quiet', '--grammar-only', file]);
      assert.equal(run.status, 1);
      assert.match(run.stdout, new RegExp(`^${file}:20:\\d+: error: .* \\[rng\\]\n\n1 file, 1 error, 0 warnings\n$`));
      assert.equal(run.stderr, '');
    });

    it('init: writes the edition and prints nothing', () => {
      const dir = join(mkdtempSync(join(tmpdir(), 'samizdat-terminal-')), 'edition');
      const run = samizdat(['init', '--quiet', dir]);
      assert.equal(run.status, 0, run.stderr);
      assert.equal(run.stdout + run.stderr, '');
      assert.ok(existsSync(join(dir, 'samizdat.config.json')));
    });

    it('text and cite: the result on stdout is unchanged, stderr stays empty', () => {
      const text = samizdat(['text', '-q', flagship]);
      assert.equal(text.status, 0);
      assert.equal(text.stdout, samizdat(['text', flagship]).stdout);
      assert.equal(text.stderr, '');
      const cite = samizdat(['cite', '--quiet', flagship]);
      assert.equal(cite.status, 0, cite.stderr);
      assert.equal(cite.stderr, '');
    });
  });

  describe('--verbose', () => {
    it('validate: in a pipe, the configuration and one plain line per document on stderr, with its schema', () => {
      const cache = mkdtempSync(join(tmpdir(), 'samizdat-verbose-'));
      const run = samizdat(['validate', '--verbose', '--cache-dir', cache, ...warned]);
      assert.equal(run.status, 0);
      const lines = `configuration: none (defaults)\n1/1 ${warned[0]}: 0 errors, 1 warning; schema ${relative(process.cwd(), warned[2])}\n`;
      assert.equal(run.stderr, lines);
      assert.match(run.stdout, /^1 file, 0 errors, 1 warning$/m, 'the report is unchanged');
      const again = samizdat(['validate', '--verbose', '--cache-dir', cache, ...warned]);
      assert.equal(again.stderr, `${lines}1 of 1 verdict from earlier runs (unchanged documents, schemas, rules and registers); --no-cache checks everything\n`);
      assert.equal(again.stdout, run.stdout);
    });

    it('text: the mode and length on stderr, the text unchanged on stdout', () => {
      const run = samizdat(['text', '--verbose', '--mode', 'diplomatic', flagship]);
      assert.equal(run.status, 0);
      assert.equal(run.stderr, `${flagship}: diplomatic text, ${run.stdout.length} characters\n`);
    });

    it('cite: says where the base URL came from', () => {
      const run = samizdat(['cite', '--verbose', '--base-url', 'https://example.org/edition', flagship]);
      assert.equal(run.status, 0);
      assert.equal(run.stderr, 'base URL: https://example.org/edition (--base-url)\n');
    });
  });

  describe('progress on a terminal', () => {
    const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

    it('draws done/total, rate and ETA on one rewritten line, then clears it', function () {
      if (!hasScript) this.skip(); // `script` (util-linux) gives the command a pseudo-terminal
      const command = ['node', cli, 'validate', '--grammar-only', '--jobs', '1', join(fixtures, 'validate', 'tei-minimal.xml'), join(fixtures, 'validate', 'tei-minimal-utf16le.xml')]
        .map((word) => `'${word}'`).join(' ');
      const run = spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      assert.equal(run.status, 0, run.stdout + run.stderr);
      assert.match(run.stdout, /\r\[#{10}\.{10}\] 1\/2 {2}[\d.]+ docs\/s {2}ETA \d+:\d\d {2}\S*tei-minimal\.xml\x1b\[K/);
      assert.match(run.stdout, /\r\x1b\[K2 files, 0 errors, 0 warnings/, 'the bar is cleared before the report');
    });
  });

  describe('--help', () => {
    for (const command of ['validate', 'text', 'cite', 'init']) {
      it(`${command}: options --quiet and --verbose, and examples`, () => {
        const run = samizdat([command, '--help']);
        assert.equal(run.status, 0);
        assert.match(run.stdout, new RegExp(`^Usage: samizdat ${command}`));
        assert.match(run.stdout, /-q, --quiet/);
        assert.match(run.stdout, /--verbose/);
        assert.match(run.stdout, new RegExp(`\nExamples:\n  samizdat ${command}`));
      });
    }
  });
});

/**
 * `samizdat watch [paths or globs…]`: builds the edition, then rebuilds it
 * after each change to its sources, printing validation problems as they
 * appear. `samizdat serve` (./serve.ts) is the same loop with a local web
 * server and live reload. Both run until Ctrl-C (SIGINT) or SIGTERM and then
 * exit 0 once the watcher and server are closed; 2 on usage problems.
 */
import { stat } from 'node:fs/promises';
import type { BuildOptions } from '../build/index.js';
import { loadConfig } from '../config/config.js';
import { hasErrors, type Diagnostic } from '../diagnostics.js';
import type { EditionServer } from '../serve/index.js';
import { pathFromCurrentFolder as shownPath } from '../validate/from-config.js';
import type { Round } from '../watch/index.js';
import { EXIT_OK, EXIT_USAGE } from './main.js';
import { terminal, verbosityOption, type Verbosity } from './terminal.js';
import { limitOption, LIMITS_HELP } from './limits.js';

export const HELP = `Usage: samizdat watch [paths or globs…] [options]

Builds the edition, then watches its sources and rebuilds it after each
change: a burst of saves is one rebuild. Each round checks the changed
documents (well-formedness, RELAX NG, Schematron, edition rules) and prints
their problems as path:line:col. A change that does not build writes
nothing: the output folder keeps the last good edition.

Without paths, the configured sources (default tei/**/*.xml). The
configuration file and your stylesheet are watched too.

Options:
  --out DIR          output folder (default dist)
  --xslt FILE        your stylesheet, importing xslt/html/html.xsl (see docs/xslt.md)
  --title TEXT       title of the edition on the list of documents
  --config FILE      configuration file (default ./samizdat.config.json if present)
  --debounce MS      quiet time after the last change before rebuilding (default 150)
${LIMITS_HELP}
  -q, --quiet        print only errors (no warnings, no line per rebuild)
  --verbose          also say what changed before each round
  -h, --help         show this help

Stop with Ctrl-C. Exit status: 0 stopped, 2 usage problem.

Examples:
  samizdat watch
  samizdat watch tei/1923-opposition-ch01.xml tei/register.xml
  samizdat watch --out /tmp/preview --debounce 500
  samizdat serve                              # the same, with a local web server
`;

/** What the command line asks of watch (and serve). */
export interface LoopArguments {
  paths: string[];
  configPath?: string;
  build: Pick<BuildOptions, 'out' | 'xslt' | 'editionTitle' | 'limits'>;
  debounce?: number;
  verbosity: Verbosity;
  port?: number;
  host?: string;
}

const whole = (value: string, min: number, max: number): number | undefined => {
  const n = Number(value);
  return /^\d+$/.test(value) && n >= min && n <= max ? n : undefined;
};

/** Parses the arguments (`--port` and `--host` only when serving), or returns the usage problem. */
export function parseLoopArguments(args: readonly string[], serving: boolean): LoopArguments | { help: true } | { problem: string } {
  const parsed: LoopArguments = { paths: [], build: {}, verbosity: 'normal' };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const valued = ['--out', '--xslt', '--title', '--config', '--debounce', ...(serving ? ['--port', '--host'] : [])];
    if (flag === '-h' || flag === '--help') return { help: true };
    const verbosity = verbosityOption(arg);
    if (verbosity) { parsed.verbosity = verbosity; continue; }
    if (flag === '--') { parsed.paths.push(...args.slice(i + 1)); break; }
    const limits = parsed.build.limits ?? {};
    const limit = limitOption(flag, flag.startsWith('--max-') ? inline ?? args[++i] : undefined, limits);
    if (typeof limit === 'object') return limit;
    if (limit === 'read') { parsed.build.limits = limits; continue; }
    if (valued.includes(flag)) {
      const value = inline ?? args[++i];
      if (value === undefined || value === '') return { problem: `${flag} needs a value` };
      if (flag === '--out') parsed.build.out = value;
      else if (flag === '--xslt') parsed.build.xslt = value;
      else if (flag === '--title') parsed.build.editionTitle = value;
      else if (flag === '--config') parsed.configPath = value;
      else if (flag === '--host') parsed.host = value;
      else if (flag === '--debounce') {
        parsed.debounce = whole(value, 0, 60_000);
        if (parsed.debounce === undefined) return { problem: `--debounce needs a number of milliseconds from 0 to 60000, not '${value}'` };
      } else {
        parsed.port = whole(value, 0, 65_535);
        if (parsed.port === undefined) return { problem: `--port needs a port number from 0 to 65535 (0: any free port), not '${value}'` };
      }
      continue;
    }
    if (arg.startsWith('-') && arg !== '-') return { problem: `unknown option '${arg}'` };
    parsed.paths.push(arg);
  }
  return parsed;
}

const time = (): string => new Date().toTimeString().slice(0, 8);

/** Why a server could not listen, in words. */
function listenProblem(error: NodeJS.ErrnoException, port: number, host: string): string {
  switch (error.code) {
    case 'EADDRINUSE': return `port ${port} on ${host} is already in use; choose another with --port N, or --port 0 for any free port`;
    case 'EACCES': return `not allowed to listen on port ${port}; choose a port above 1023 with --port N, or --port 0 for any free port`;
    case 'EADDRNOTAVAIL': case 'ENOTFOUND': case 'EAI_AGAIN': return `cannot listen on '${host}': no such address on this machine (--host)`;
    default: return `cannot listen on ${host}:${port}: ${error.message}`;
  }
}

/** Runs the loop for `samizdat watch` (serving false) or `samizdat serve` (serving true). */
export async function runLoop(command: 'watch' | 'serve', args: readonly string[], help: string): Promise<number> {
  const parsed = parseLoopArguments(args, command === 'serve');
  if ('help' in parsed) { process.stdout.write(help); return EXIT_OK; }
  const say = (text: string): void => { process.stderr.write(`samizdat ${command}: ${text}\n`); };
  if ('problem' in parsed) { say(`${parsed.problem}\nRun 'samizdat ${command} --help' for its options.`); return EXIT_USAGE; }

  const term = terminal({ verbosity: parsed.verbosity });
  const problems = (diagnostics: readonly Diagnostic[]): void => {
    for (const d of diagnostics) if (parsed.verbosity !== 'quiet' || d.severity === 'error') term.diagnostic({ ...d, file: shownPath(d.file) });
  };
  const loaded = await loadConfig(process.cwd(), parsed.configPath);
  if (!loaded.ok) {
    problems(loaded.diagnostics);
    return EXIT_USAGE;
  }
  const { watchEdition, watchPlan } = await import('../watch/index.js');
  const options = {
    sources: parsed.paths.length > 0 ? parsed.paths : undefined,
    build: parsed.build, config: loaded.config, debounce: parsed.debounce,
  };
  const plan = watchPlan(options);
  const missing = await firstMissing(plan.watched);
  if (missing !== undefined) { say(`${shownPath(missing)} does not exist.`); return EXIT_USAGE; }

  let server: EditionServer | undefined;
  if (command === 'serve') {
    const { serveEdition, DEFAULT_HOST, DEFAULT_PORT } = await import('../serve/index.js');
    const port = parsed.port ?? DEFAULT_PORT;
    const host = parsed.host ?? DEFAULT_HOST;
    try {
      server = await serveEdition({ root: plan.out, port, host });
    } catch (error) {
      say(listenProblem(error as NodeJS.ErrnoException, port, host));
      return EXIT_USAGE;
    }
  }

  // Listeners go on before anything is awaited: the first round starts once the sources are scanned.
  const watcher = watchEdition(options);
  server?.follow(watcher);
  // Read at each round: a new configuration may move the output folder.
  const out = (): string => shownPath(watcher.out);
  watcher.on('building', ({ changed }) => {
    if (changed.length > 0) term.detail(`[${time()}] changed: ${changed.map(shownPath).join(', ')}`);
  });
  watcher.on('rebuilt', (round) => {
    problems(round.diagnostics);
    const { documents, registers } = round.report;
    const toFix = hasErrors(round.diagnostics) ? `, ${term.colours.error('with errors to fix')}` : '';
    term.say(`[${time()}] Built ${documents.length} document(s) and ${registers.length} register(s) into ${out()}/ in ${round.ms} ms${toFix}${changes(round)}.`);
  });
  watcher.on('failed', (round) => {
    problems(round.diagnostics);
    const kept = round.report?.previousAt === undefined ? `${out()}/ keeps the last good edition` : `the last good edition is in ${round.report.previousAt}; the next round puts it back`;
    process.stderr.write(`[${time()}] ${term.colours.error('Nothing written')}${changes(round)}: ${kept}.\n`);
  });

  const sources = watcher.sources.map(shownPath).join(', ');
  if (server) process.stdout.write(`Serving ${out()}/ at ${server.url} with live reload; watching ${sources}. Ctrl-C to stop.\n`);
  else term.say(`Watching ${sources}; building into ${out()}/. Ctrl-C to stop.`);
  if (server && parsed.host !== undefined && !['127.0.0.1', 'localhost', '::1'].includes(parsed.host)) {
    say(`listening on ${parsed.host}: other machines on the network can read the edition.`);
  }

  await stopSignal();
  await server?.close();
  await watcher.close();
  term.say('Stopped.');
  return EXIT_OK;
}

function changes(round: Round): string {
  if (round.changed.length === 0) return '';
  const shown = round.changed.slice(0, 3).map(shownPath).join(', ');
  return ` (after changes to ${shown}${round.changed.length > 3 ? ` and ${round.changed.length - 3} more` : ''})`;
}

async function firstMissing(paths: readonly string[]): Promise<string | undefined> {
  for (const path of paths) if (!(await stat(path).catch(() => undefined))) return path;
  return undefined;
}

/** Resolves on the first SIGINT or SIGTERM; a second one ends the process at once (the default action). */
function stopSignal(): Promise<NodeJS.Signals> {
  return new Promise((stopped) => {
    const stop = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', stop).off('SIGTERM', stop);
      stopped(signal);
    };
    process.on('SIGINT', stop).on('SIGTERM', stop);
  });
}

export function run(args: string[]): Promise<number> {
  return runLoop('watch', args, HELP);
}

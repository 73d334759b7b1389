/**
 * Command-line entry point: parses arguments and dispatches to the library.
 * Exit codes: 0 success, 1 validation or build errors, 2 usage or I/O errors.
 */

import { startAhead } from './ahead.js';
import { tuneJitFor } from './jit.js';

export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
export const EXIT_USAGE = 2;

type Command = (args: string[]) => Promise<number>;

/**
 * Every command, loaded lazily so that `samizdat validate` never pays for the
 * XSLT engine and `--help` pays for nothing. Each module exports `run`.
 */
const commands: Record<string, { summary: string; load: () => Promise<Command> }> = {
  validate: { summary: 'check TEI documents: well-formedness, RELAX NG, rules', load: async () => (await import('./validate.js')).run },
  cite: { summary: 'citation of a TEI document or paragraph (CSL-JSON, BibTeX, RIS, Chicago, MLA, APA)', load: async () => (await import('../cite/cli.js')).run },
  text: { summary: 'plain text of a TEI document (reading or diplomatic)', load: async () => (await import('./text.js')).run },
  build: { summary: 'publish TEI documents as a static HTML edition with plain text', load: async () => (await import('./build.js')).run },
  watch: { summary: 'build, then rebuild after each change to the sources, printing their problems', load: async () => (await import('./watch.js')).run },
  serve: { summary: 'watch, and serve the edition on localhost; pages reload after each rebuild', load: async () => (await import('./serve.js')).run },
  init: { summary: 'start a new edition: config, sample document, register, schemas, CI', load: async () => (await import('../init/cli.js')).run },
};

function usage(): string {
  const lines = ['Usage: samizdat <command> [options]', '', 'Commands:'];
  for (const [name, { summary }] of Object.entries(commands)) lines.push(`  ${name.padEnd(10)} ${summary}`);
  lines.push('', 'Run `samizdat <command> --help` for a command\'s options.');
  return lines.join('\n') + '\n';
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  const beforeSeparator = argv.includes('--') ? argv.slice(0, argv.indexOf('--')) : argv;
  if (name === '--version' || name === '-V' || beforeSeparator.includes('--version')) {
    const { version } = await import('../version.js');
    process.stdout.write(`${version}\n`);
    return EXIT_OK;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`samizdat: unknown command '${name}'\n\n${usage()}`);
    return EXIT_USAGE;
  }
  tuneJitFor(argv);
  // Beside the loading of the command's modules: a thread that loads its own.
  const ahead = startAhead(argv).catch(() => undefined);
  const run = await command.load();
  await ahead;
  return run(rest);
}

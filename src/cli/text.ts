/**
 * `samizdat text FILE [--mode reading|diplomatic]`: the plain text of a TEI
 * document on standard output. Exit 0 on success, 1 when the document cannot
 * be transformed, 2 on usage problems.
 */
import { formatLocation } from '../diagnostics.js';
import { TEXT_MODES, type TextMode, TransformProblem, toText } from '../transform/index.js';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE } from './main.js';

const HELP = `Usage: samizdat text FILE [--mode reading|diplomatic]

Writes the plain text of a TEI document's <text> to standard output: one
block (paragraph, heading, verse line) a paragraph, separated by one blank
line; the header and editorial descriptions left out, notes numbered at the end.

Options:
  --mode reading     omissions shown as "[…]", corrections preferred (default)
  --mode diplomatic  the source's own glyphs (an omission as printed)
  -h, --help         show this help
`;

export async function run(args: string[]): Promise<number> {
  let file: string | undefined;
  let mode: TextMode = 'reading';
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '-h' || arg === '--help') { process.stdout.write(HELP); return EXIT_OK; }
    if (arg === '--mode' || arg.startsWith('--mode=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[++i];
      if (!TEXT_MODES.includes(value as TextMode)) {
        process.stderr.write(`samizdat text: --mode must be reading or diplomatic, not '${value ?? ''}'\n`);
        return EXIT_USAGE;
      }
      mode = value as TextMode;
    } else if (arg.startsWith('-')) {
      process.stderr.write(`samizdat text: unknown option '${arg}'\n\n${HELP}`);
      return EXIT_USAGE;
    } else if (file === undefined) file = arg;
    else {
      process.stderr.write(`samizdat text: one file at a time ('${file}' and '${arg}' given)\n`);
      return EXIT_USAGE;
    }
  }
  if (file === undefined) { process.stderr.write(HELP); return EXIT_USAGE; }
  try {
    process.stdout.write(await toText(file, { mode }));
    return EXIT_OK;
  } catch (error) {
    if (error instanceof TransformProblem) {
      process.stderr.write(`${formatLocation(error.problem)}: error: ${error.problem.message} [${error.problem.ruleId}]\n`);
      return error.problem.ruleId === 'io' ? EXIT_USAGE : EXIT_INVALID;
    }
    throw error;
  }
}

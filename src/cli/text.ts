/**
 * `samizdat text FILE [--mode reading|diplomatic] [--witness SIGLUM]`: the
 * plain text of a TEI document (or of one witness of its apparatus) on
 * standard output. Exit 0 on success, 1 when the document cannot be
 * transformed or the witness's text cannot be read, 2 on usage problems
 * (a siglum the document does not know among them).
 */
import { TEXT_MODES, type TextMode, TransformProblem, WITNESS_USAGE_RULE, WitnessTextProblem, toText } from '../transform/index.js';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE } from './main.js';
import { terminal, verbosityOption, type Verbosity } from './terminal.js';
import { limitOption, LIMITS_HELP } from './limits.js';
import { loadConfig } from '../config/config.js';
import type { ReadingLimits } from '../xml/limits.js';

const HELP = `Usage: samizdat text FILE [--mode reading|diplomatic] [--witness SIGLUM]

Writes the plain text of a TEI document's <text> to standard output: one
block (paragraph, heading, verse line) a paragraph, separated by one blank
line; the header and editorial descriptions left out; the critical apparatus
("lemma] sigla; reading sigla") and the witnesses after the text, notes
numbered at the end.

Options:
  --mode reading     omissions shown as "[…]", corrections preferred (default)
  --mode diplomatic  the source's own glyphs (an omission as printed)
  --witness SIGLUM   the text of one witness instead, read from an apparatus in
                     parallel segmentation (its siglum: witness/@n, or xml:id)
  --config FILE      configuration (default ./samizdat.config.json if present):
                     its limits apply unless given here
${LIMITS_HELP}
  -q, --quiet        nothing on stderr but errors (the default already)
  --verbose          on stderr, the mode and the length of the text written
  -h, --help         show this help

Exit status: 0 text written, 1 the document cannot be read as TEI or the
witness's text cannot be read from its apparatus, 2 usage or I/O problem (a
witness the document does not list among them).

Examples:
  samizdat text tei/1923-opposition-ch01.xml
  samizdat text tei/1923-opposition-ch01.xml --mode diplomatic > ch01.txt
  samizdat text tei/1923-opposition-ch01.xml | less
  samizdat text edition/wbp.xml --witness Hg
`;

export async function run(args: string[]): Promise<number> {
  let file: string | undefined;
  let mode: TextMode = 'reading';
  let witness: string | undefined;
  let verbosity: Verbosity = 'normal';
  let configPath: string | undefined;
  const limits: Partial<ReadingLimits> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (arg === '-h' || arg === '--help') { process.stdout.write(HELP); return EXIT_OK; }
    const limit = limitOption(flag, flag.startsWith('--max-') ? inline ?? args[++i] : undefined, limits);
    if (typeof limit === 'object') { process.stderr.write(`samizdat text: ${limit.problem}\n`); return EXIT_USAGE; }
    if (limit === 'read') continue;
    if (flag === '--config') {
      configPath = inline ?? args[++i];
      if (!configPath) { process.stderr.write('samizdat text: --config needs a value\n'); return EXIT_USAGE; }
      continue;
    }
    if (verbosityOption(arg)) verbosity = verbosityOption(arg)!;
    else if (arg === '--mode' || arg.startsWith('--mode=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[++i];
      if (!TEXT_MODES.includes(value as TextMode)) {
        process.stderr.write(`samizdat text: --mode must be reading or diplomatic, not '${value ?? ''}'\n`);
        return EXIT_USAGE;
      }
      mode = value as TextMode;
    } else if (arg === '--witness' || arg.startsWith('--witness=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[++i];
      if (value === undefined || value.trim() === '') {
        process.stderr.write('samizdat text: --witness needs a siglum, e.g. --witness Hg\n');
        return EXIT_USAGE;
      }
      witness = value;
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
  const term = terminal({ verbosity });
  const loaded = await loadConfig(process.cwd(), configPath);
  if (!loaded.ok) {
    loaded.diagnostics.forEach(term.diagnostic);
    return EXIT_USAGE;
  }
  try {
    const text = await toText(file, { mode, witness, limits: { ...loaded.config.limits, ...limits } });
    process.stdout.write(text);
    term.detail(`${file}: ${mode} text${witness === undefined ? '' : ` of witness ${witness}`}, ${text.length} characters`);
    return EXIT_OK;
  } catch (error) {
    if (error instanceof WitnessTextProblem) {
      for (const problem of error.problems) term.diagnostic(problem);
      return EXIT_INVALID;
    }
    if (error instanceof TransformProblem) {
      term.diagnostic({ ...error.problem, severity: 'error' });
      return error.problem.ruleId === 'io' || error.problem.ruleId === WITNESS_USAGE_RULE ? EXIT_USAGE : EXIT_INVALID;
    }
    throw error;
  }
}

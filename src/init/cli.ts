/**
 * `samizdat init [dir]`: scaffolds a new edition and says what it wrote.
 * Exit 0 when every file is in place (written now or kept as it was), 2 when
 * dir is a file or a file could not be written.
 */
import { relative } from 'node:path';
import { EXIT_OK, EXIT_USAGE } from '../cli/main.js';
import { terminal, verbosityOption, type Verbosity } from '../cli/terminal.js';
import { SCAFFOLD, init } from './index.js';

const HELP = `Usage: samizdat init [dir]

Starts a new edition in dir (default: the current folder; created if
missing). Writes:

  samizdat.config.json            configuration; its "$schema" gives editors
                                  autocompletion once samizdat is installed
                                  in node_modules (npm install samizdat)
  tei/sample.xml                  a small sample document to replace
  tei/register.xml                the people and places it mentions
  schemas/samizdat.rng            the edition's grammar (RELAX NG) and rules
  schemas/samizdat-rules.sch      (Schematron), named by the documents'
                                  <?xml-model?> instructions
  .gitignore                      dist/, .samizdat/, node_modules/
  .github/workflows/validate.yml  CI: npx samizdat validate --format github

An existing file is never overwritten: it is reported as kept and left as it
is, and the other files are still written. Nothing is downloaded.

Options:
  -q, --quiet        print nothing but problems
  --verbose          the same as without (every file is listed anyway)
  -h, --help         show this help

Exit status: 0 the edition is in place, 2 dir is a file or a file could not
be written.

Examples:
  samizdat init                  # in the current folder
  samizdat init my-edition       # a new folder
  cd my-edition && samizdat validate && samizdat build
`;

export async function run(args: string[]): Promise<number> {
  let dir: string | undefined;
  let verbosity: Verbosity = 'normal';
  for (const arg of args) {
    if (arg === '-h' || arg === '--help') { process.stdout.write(HELP); return EXIT_OK; }
    if (verbosityOption(arg)) { verbosity = verbosityOption(arg)!; continue; }
    if (arg.startsWith('-') && arg !== '-') {
      process.stderr.write(`samizdat init: unknown option '${arg}'\n\n${HELP}`);
      return EXIT_USAGE;
    }
    if (dir !== undefined) {
      process.stderr.write(`samizdat init: one folder at a time ('${dir}' and '${arg}' given)\n`);
      return EXIT_USAGE;
    }
    dir = arg;
  }
  const report = await init(dir ?? '.');
  const shown = relative(process.cwd(), report.dir) || '.';
  const lines: string[] = [];
  const width = Math.max(...SCAFFOLD.map((f) => f.path.length));
  for (const file of SCAFFOLD) {
    if (report.created.includes(file)) lines.push(`  created  ${file.path.padEnd(width)}  ${file.purpose}`);
    else if (report.kept.includes(file)) lines.push(`  kept     ${file.path.padEnd(width)}  already there, left untouched`);
  }
  // What was written is the command's result, so it goes to stdout (unless --quiet).
  const quiet = verbosity === 'quiet';
  if (lines.length > 0 && !quiet) process.stdout.write(`samizdat edition in ${shown}:\n${lines.join('\n')}\n`);
  report.problems.forEach(terminal({ verbosity }).diagnostic);
  if (report.problems.length > 0) return EXIT_USAGE;
  const cd = shown === '.' ? '' : `cd ${shown} && `;
  if (!quiet) process.stdout.write(`\nNext: ${cd}npx samizdat validate && npx samizdat build   (the edition goes to dist/)\n`);
  return EXIT_OK;
}

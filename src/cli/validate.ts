/**
 * `samizdat validate [paths or globs…]`: the command-line face of
 * `validate()`. Exit 0 when no document has errors, 1 when any has, 2 on
 * usage or I/O problems (unknown option, unknown format, unreadable path).
 */
import type { Diagnostic } from '../diagnostics.js';
import type { RulesHook, ValidateOptions, ValidationReport } from '../validate/index.js';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE } from './main.js';

const HELP = `Usage: samizdat validate [paths or globs…] [options]

Checks TEI documents: well-formedness and safety, RELAX NG (the schema from
--schema or the document's <?xml-model?>), then Schematron and edition rules.
Without paths, checks tei/**/*.xml. A directory means every .xml file in it.

Options:
  --schema FILE      validate every document against this RELAX NG schema
  --format NAME      text (default), json, github, junit
  --grammar-only     well-formedness and RELAX NG only (what jing checks)
  --jobs N           worker threads (default: one per CPU)
  --cache-dir DIR    where converted schemas are cached (default .samizdat/cache)
  --no-cache         do not read or write the schema cache
  -h, --help         show this help

Exit status: 0 no errors, 1 a document has errors, 2 usage or I/O problem.

Examples:
  samizdat validate
  samizdat validate tei/1923-opposition-ch01.xml
  samizdat validate 'corpus/**/*.xml' --schema schemas/edition.rng
  samizdat validate --grammar-only --format junit > validate.xml
  samizdat validate --format github          # annotations in GitHub Actions
`;

interface Arguments {
  paths: string[];
  format: string;
  options: ValidateOptions;
}

/** Parses the arguments, or returns the usage problem. */
export function parseArguments(args: readonly string[]): Arguments | { help: true } | { problem: string } {
  const parsed: Arguments = { paths: [], format: 'text', options: {} };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => inline ?? (i + 1 < args.length ? args[++i] : undefined);
    switch (flag) {
      case '-h': case '--help': return { help: true };
      case '--grammar-only': parsed.options.grammarOnly = true; break;
      case '--no-cache': parsed.options.cacheDir = false; break;
      case '--schema': case '--format': case '--jobs': case '--cache-dir': {
        const v = value();
        if (v === undefined || v === '') return { problem: `${flag} needs a value` };
        if (flag === '--schema') parsed.options.schema = v;
        else if (flag === '--format') parsed.format = v;
        else if (flag === '--cache-dir') parsed.options.cacheDir = v;
        else {
          const jobs = Number(v);
          if (!Number.isInteger(jobs) || jobs < 1) return { problem: `--jobs needs a whole number of at least 1, not '${v}'` };
          parsed.options.jobs = jobs;
        }
        break;
      }
      case '--': parsed.paths.push(...args.slice(i + 1)); i = args.length; break;
      default:
        if (arg.startsWith('-') && arg !== '-') return { problem: `unknown option '${arg}'` };
        parsed.paths.push(arg);
    }
  }
  return parsed;
}

export async function run(args: string[]): Promise<number> {
  const parsed = parseArguments(args);
  if ('help' in parsed) {
    process.stdout.write(HELP);
    return EXIT_OK;
  }
  const { getReporter, reporters } = await import('../validate/report/index.js');
  if ('problem' in parsed) {
    process.stderr.write(`samizdat validate: ${parsed.problem}\n\n${HELP}`);
    return EXIT_USAGE;
  }
  const reporter = getReporter(parsed.format);
  if (!reporter) {
    process.stderr.write(`samizdat validate: unknown format '${parsed.format}'; choose one of ${Object.keys(reporters).join(', ')}\n`);
    return EXIT_USAGE;
  }
  const { validate } = await import('../validate/index.js');
  const options: ValidateOptions = { ...parsed.options };
  if (!options.grammarOnly) options.rules = await loadRules();
  const progress = process.stderr.isTTY ? progressBar() : undefined;
  let report: ValidationReport;
  try {
    report = await validate(parsed.paths, { ...options, onProgress: progress?.update });
  } finally {
    progress?.clear();
  }
  process.stdout.write(reporter.render(report));
  const all: Diagnostic[] = report.files.flatMap((f) => f.diagnostics);
  if (all.some((d) => d.ruleId === 'io')) return EXIT_USAGE;
  return report.summary.errors > 0 ? EXIT_INVALID : EXIT_OK;
}

/** The rules layer (Schematron, edition rules), when it is installed beside this module. */
async function loadRules(): Promise<RulesHook | undefined> {
  const specifier = '../validate/schematron.js';
  try {
    const module = (await import(specifier)) as { runSchematron?: (doc: { path: string; text: string }, options: object) => Promise<Diagnostic[]> };
    const runSchematron = module.runSchematron;
    return runSchematron ? (doc) => runSchematron(doc, {}) : undefined;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND') return undefined;
    throw err;
  }
}

function progressBar(): { update: ValidateOptions['onProgress']; clear: () => void } {
  const width = 30;
  let shown = false;
  return {
    update({ done, found, file }) {
      const filled = Math.round((done / Math.max(found, 1)) * width);
      const name = file.length > 40 ? `…${file.slice(-39)}` : file;
      process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${found} ${name}\x1b[K`);
      shown = true;
    },
    clear() {
      if (shown) process.stderr.write('\r\x1b[K');
    },
  };
}

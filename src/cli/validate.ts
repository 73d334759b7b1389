/**
 * `samizdat validate [paths or globs…]`: the command-line face of
 * `validate()`, configured by samizdat.config.json. Exit 0 when no document
 * has errors, 1 when any has, 2 on usage or I/O problems (unknown option,
 * unknown format, unreadable path, bad configuration).
 */
import { join } from 'node:path';
import { formatLocation, type Diagnostic } from '../diagnostics.js';
import { DEFAULT_CACHE_DIR } from '../validate/grammar-cache.js';
import { pathFromCurrentFolder, validationFromConfig } from '../validate/from-config.js';
import type { FileReport, ValidateOptions, ValidationReport } from '../validate/index.js';
import { counted } from '../validate/report/text.js';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE } from './main.js';
import { colourEnabled, colours, terminal, verbosityOption, type Verbosity } from './terminal.js';
import { limitOption, LIMITS_HELP } from './limits.js';
import type { ReadingLimits } from '../xml/limits.js';

const HELP = `Usage: samizdat validate [paths or globs…] [options]

Checks TEI documents: well-formedness and safety, RELAX NG (the schema from
--schema, the config, or the document's <?xml-model?>), then Schematron (from
the documents' <?xml-model?> and the config) and edition rules.
Without paths, checks the config's "sources" (default tei/**/*.xml, relative
to the folder of the config). A directory means every .xml file in it.

Options:
  --schema FILE      validate every document against this RELAX NG schema
                     (instead of the config's validate.schema)
  --config FILE      configuration (default ./samizdat.config.json if present):
                     sources, validate.schema, validate.schematron,
                     validate.catalog, validate.disabledRules
  --format NAME      text (default), json, github, junit
  --grammar-only     well-formedness and RELAX NG only (what jing checks)
  --jobs N           worker threads (default: one per CPU)
  --cache-dir DIR    where converted schemas and earlier verdicts (and the
                     entries --verbose reads) are kept (default .samizdat/cache)
  --no-cache         check every document afresh: no verdict or converted
                     schema is read or kept
${LIMITS_HELP}
  -q, --quiet        errors only: no warnings, no progress, and no summary
                     line when there is no error (text format; the json,
                     github and junit reports are unchanged)
  --verbose          on stderr, the configuration used, a line per
                     document (its errors and warnings, its schema), and
                     the entries of registers and lists that nothing in the
                     documents checked points at
  -h, --help         show this help

On a terminal a progress bar is drawn on stderr. Colours only on a terminal,
never with NO_COLOR set; FORCE_COLOR=1 forces them.

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
  /** --config FILE; otherwise ./samizdat.config.json if there is one. */
  config?: string;
  verbosity: Verbosity;
  /** What the command line says; it beats the config. */
  options: ValidateOptions;
  /** Limits given on the command line; they beat the config's. */
  limits: Partial<ReadingLimits>;
}

/** Parses the arguments, or returns the usage problem. */
export function parseArguments(args: readonly string[]): Arguments | { help: true } | { problem: string } {
  const parsed: Arguments = { paths: [], format: 'text', verbosity: 'normal', options: {}, limits: {} };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => inline ?? (i + 1 < args.length ? args[++i] : undefined);
    switch (flag) {
      case '-h': case '--help': return { help: true };
      case '--grammar-only': parsed.options.grammarOnly = true; break;
      case '--no-cache': parsed.options.cacheDir = false; break;
      case '--schema': case '--format': case '--jobs': case '--cache-dir': case '--config': {
        const v = value();
        if (v === undefined || v === '') return { problem: `${flag} needs a value` };
        if (flag === '--schema') parsed.options.schema = v;
        else if (flag === '--config') parsed.config = v;
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
      default: {
        if (verbosityOption(arg)) { parsed.verbosity = verbosityOption(arg)!; break; }
        const limit = limitOption(flag, flag.startsWith('--max-') ? value() : undefined, parsed.limits);
        if (typeof limit === 'object') return limit;
        if (limit === 'read') break;
        if (arg.startsWith('-') && arg !== '-') return { problem: `unknown option '${arg}'` };
        parsed.paths.push(arg);
      }
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
  const term = terminal({ verbosity: parsed.verbosity });
  const { loadConfig } = await import('../config/config.js');
  const loaded = await loadConfig(process.cwd(), parsed.config);
  if (!loaded.ok) {
    loaded.diagnostics.forEach(term.diagnostic);
    return EXIT_USAGE;
  }
  term.detail(loaded.config.file ? `configuration: ${pathFromCurrentFolder(loaded.config.file)}` : 'configuration: none (defaults)');
  const configured = validationFromConfig(loaded.config, { cacheDir: parsed.options.cacheDir });
  const options: ValidateOptions = { ...configured.options, ...parsed.options, limits: { ...configured.options.limits, ...parsed.limits } };
  const paths = parsed.paths.length > 0 ? parsed.paths : configured.paths;
  const { validate } = await import('../validate/index.js');
  const progress = term.progress();
  let report: ValidationReport;
  try {
    report = await validate(paths, {
      ...options,
      onProgress: ({ done, found, file, report: checked }) => progress.step({ done, total: found, item: file, note: describe(checked) }),
    });
  } finally {
    progress.end();
  }
  if (report.remembered > 0) {
    term.detail(`${report.remembered} of ${counted(report.files.length, 'verdict')} from earlier runs (unchanged documents, schemas, rules and registers); --no-cache checks everything`);
  }
  process.stdout.write(reporter.render(report, {
    highlight: colours(colourEnabled(process.stdout)), errorsOnly: parsed.verbosity === 'quiet',
  }));
  if (parsed.verbosity === 'verbose' && !options.grammarOnly) await listUnmentioned(report, options, term);
  const all: Diagnostic[] = report.files.flatMap((f) => f.diagnostics);
  if (all.some((d) => d.ruleId === 'io')) return EXIT_USAGE;
  return report.summary.errors > 0 ? EXIT_INVALID : EXIT_OK;
}

/** --verbose: the entries nothing points at, each at its place, for the editor to use or remove. */
async function listUnmentioned(report: ValidationReport, options: ValidateOptions, term: ReturnType<typeof terminal>): Promise<void> {
  const { scanEdition, unmentioned } = await import('../entities/index.js');
  const files = report.files.filter((f) => !f.diagnostics.some((d) => d.ruleId === 'io' || d.ruleId.startsWith('xml'))).map((f) => f.file);
  // Compiled stylesheets, and each document's entries (read again only when it changes), are kept where validate keeps its other caches.
  const cacheDir = options.cacheDir === false ? false : options.cacheDir ?? DEFAULT_CACHE_DIR;
  const scan = await scanEdition(files, {
    limits: options.limits, jobs: options.jobs,
    cacheDir: cacheDir === false ? false : join(cacheDir, 'xslt'),
    entriesCache: cacheDir === false ? false : join(cacheDir, 'entries.json'),
  });
  // Documents without entries have nothing to report: the line would only be noise.
  if (scan.catalogue.entries().length === 0) return;
  const entries = unmentioned(scan);
  if (entries.length === 0) {
    term.detail('entries: every entry is mentioned somewhere');
    return;
  }
  term.detail(`entries: ${entries.length} ${entries.length === 1 ? 'entry' : 'entries'} that nothing points at (a name's @ref or @key, a speaker's @who, a cast item's @sameAs …):`);
  for (const entry of entries) {
    term.detail(`${formatLocation({ file: pathFromCurrentFolder(entry.file), line: entry.line, column: entry.column })}: entry "${entry.anchor}" (${entry.name}) is not mentioned [entity-unmentioned]`);
  }
}

/** What --verbose says of one document: `2 errors, 1 warning; schema schemas/samizdat.rng`. */
function describe(report: FileReport): string {
  const counts = `${counted(report.errors, 'error')}, ${counted(report.warnings, 'warning')}`;
  return report.schema ? `${counts}; schema ${pathFromCurrentFolder(report.schema)}` : counts;
}

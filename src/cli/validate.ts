/**
 * `samizdat validate [paths or globs…]`: the command-line face of
 * `validate()`, configured by samizdat.config.json. Exit 0 when no document
 * has errors, 1 when any has, 2 on usage or I/O problems (unknown option,
 * unknown format, unreadable path, bad configuration).
 */
import type { Diagnostic } from '../diagnostics.js';
import type { ValidateOptions, ValidationReport } from '../validate/index.js';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE } from './main.js';

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
  /** --config FILE; otherwise ./samizdat.config.json if there is one. */
  config?: string;
  /** What the command line says; it beats the config. */
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
  const { formatDiagnostic } = await import('../validate/report/text.js');
  const { loadConfig } = await import('../config/config.js');
  const loaded = await loadConfig(process.cwd(), parsed.config);
  if (!loaded.ok) {
    for (const d of loaded.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
    return EXIT_USAGE;
  }
  const { validationFromConfig } = await import('../validate/from-config.js');
  const configured = validationFromConfig(loaded.config, { cacheDir: parsed.options.cacheDir });
  const options: ValidateOptions = { ...configured.options, ...parsed.options };
  const paths = parsed.paths.length > 0 ? parsed.paths : configured.paths;
  const { validate } = await import('../validate/index.js');
  const progress = process.stderr.isTTY ? progressBar() : undefined;
  let report: ValidationReport;
  try {
    report = await validate(paths, { ...options, onProgress: progress?.update });
  } finally {
    progress?.clear();
  }
  process.stdout.write(reporter.render(report));
  const all: Diagnostic[] = report.files.flatMap((f) => f.diagnostics);
  if (all.some((d) => d.ruleId === 'io')) return EXIT_USAGE;
  return report.summary.errors > 0 ? EXIT_INVALID : EXIT_OK;
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

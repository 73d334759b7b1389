/**
 * `samizdat build [paths or globs…]`: the static edition. Exit 0 when the
 * edition was written, 1 when a document stopped the build (the previous
 * output is left as it was), 2 on usage or I/O problems.
 */
import { buildFromConfig } from '../build/config.js';
import { build } from '../build/index.js';
import { loadConfig } from '../config/config.js';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE } from './main.js';
import { terminal, verbosityOption, type Verbosity } from './terminal.js';
import { limitOption, LIMITS_HELP } from './limits.js';
import type { ReadingLimits } from '../xml/limits.js';

const HELP = `Usage: samizdat build [paths or globs…] [options]

Publishes TEI documents as a static edition in the output folder (default
dist/): <name>/index.html, <name>/<name>.txt and the citation downloads per
document, index.html listing them, entities/index.html for the register,
search/index.html and its index (unless the configuration says "search": false).
Without paths, the configured sources (default tei/**/*.xml). A folder means
every .xml file under it. TEI files without <text> but with <standOff> lists
are registers of entities.

Builds are incremental: a document is rendered again only when it, the
stylesheets or the settings changed, and only changed files are written.
Nothing is written unless every document renders.

Options:
  --out DIR          output folder (default dist)
  --xslt FILE        your stylesheet, importing xslt/html/html.xsl (see docs/xslt.md)
  --title TEXT       title of the edition on the list of documents
  --config FILE      configuration file (default ./samizdat.config.json if present;
                     its sources, out, xslt, site, citationStyles, textModes and search apply
                     unless given here)
  --jobs N           worker threads rendering documents (default: one per CPU)
  --force            render every document again and rewrite every file
  --cache-dir DIR    where compiled stylesheets are cached (default .samizdat/cache/xslt)
  --no-cache         compile the stylesheets afresh (implies --force)
${LIMITS_HELP}
  -q, --quiet        nothing but errors
  --verbose          one line per document (rendered or unchanged) and the files written
  -h, --help         show this help

On a terminal a progress bar is drawn on stderr while documents render.
Colours only on a terminal, and never with NO_COLOR set.

Exit status: 0 written, 1 a document could not be built (nothing written),
2 usage or I/O problem (the output folder cannot be written, or holds files
samizdat did not write where the edition goes).

The output folder is replaced atomically: it is always the old edition or
entirely the new one. Files samizdat did not write there are kept; see
docs/build.md and docs/guarantees.md.

Examples:
  samizdat build
  samizdat build path/to/tei --out path/to/dist
  samizdat build 'letters/**/*.xml' --title 'Letters' --jobs 4
  samizdat build --xslt xslt/my-edition.xsl --force
`;

export async function run(args: string[]): Promise<number> {
  const paths: string[] = [];
  let configPath: string | undefined;
  let verbosity: Verbosity = 'normal';
  const flags: { out?: string; xslt?: string; title?: string; jobs?: number; force?: boolean; cacheDir?: string | false } = {};
  const limits: Partial<ReadingLimits> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    switch (flag) {
      case '-h': case '--help': process.stdout.write(HELP); return EXIT_OK;
      case '--no-cache': flags.cacheDir = false; flags.force = true; break;
      case '--force': flags.force = true; break;
      case '--out': case '--xslt': case '--title': case '--cache-dir': case '--config': case '--jobs': {
        const value = inline ?? args[++i];
        if (value === undefined || value === '') return usage(`${flag} needs a value`);
        if (flag === '--out') flags.out = value;
        else if (flag === '--xslt') flags.xslt = value;
        else if (flag === '--title') flags.title = value;
        else if (flag === '--config') configPath = value;
        else if (flag === '--cache-dir') flags.cacheDir = value;
        else {
          const jobs = Number(value);
          if (!Number.isInteger(jobs) || jobs < 1) return usage(`--jobs needs a whole number of at least 1, not '${value}'`);
          flags.jobs = jobs;
        }
        break;
      }
      case '--': paths.push(...args.slice(i + 1)); i = args.length; break;
      default: {
        if (verbosityOption(arg)) { verbosity = verbosityOption(arg)!; break; }
        const limit = limitOption(flag, flag.startsWith('--max-') ? inline ?? args[++i] : undefined, limits);
        if (typeof limit === 'object') return usage(limit.problem);
        if (limit === 'read') break;
        if (arg.startsWith('-')) return usage(`unknown option '${arg}'`, true);
        paths.push(arg);
      }
    }
  }
  const term = terminal({ verbosity });
  const loaded = await loadConfig(process.cwd(), configPath);
  if (!loaded.ok) {
    loaded.diagnostics.forEach(term.diagnostic);
    return EXIT_USAGE;
  }
  const configured = buildFromConfig(loaded.config);
  const progress = term.progress();
  const options = {
    ...configured.options,
    ...(flags.out !== undefined && { out: flags.out }),
    ...(flags.xslt !== undefined && { xslt: flags.xslt }),
    ...(flags.title !== undefined && { editionTitle: flags.title }),
    ...(flags.cacheDir !== undefined && { cacheDir: flags.cacheDir }),
    limits: { ...configured.options.limits, ...limits },
    jobs: flags.jobs,
    force: flags.force,
    onProgress: ({ done, total, file, reused }: { done: number; total: number; file: string; reused: boolean }) =>
      progress.step({ done, total, item: file, note: reused ? 'unchanged' : 'rendered' }),
  };
  const started = Date.now();
  let report;
  try {
    report = await build(paths.length > 0 ? paths : configured.sources, options);
  } finally {
    progress.end();
  }
  report.diagnostics.forEach(term.diagnostic);
  if (!report.written) {
    const state = report.previousAt === undefined ? 'the output folder is as it was' : `the previous edition is in ${report.previousAt}; the next build puts it back`;
    term.diagnostic({ file: report.out, severity: 'error', ruleId: 'build', message: `nothing written; ${state}.` });
    return report.diagnostics.some((d) => d.ruleId === 'io' || d.ruleId === 'output') ? EXIT_USAGE : EXIT_INVALID;
  }
  for (const file of report.changedFiles) term.detail(`wrote ${file}`);
  for (const file of report.removedFiles) term.detail(`removed ${file}`);
  const reused = report.documents.length - report.rendered.length;
  // The summary is the command's result: stdout, like validate's report.
  if (verbosity !== 'quiet') process.stdout.write(
    `Built ${report.documents.length} document(s) and ${report.registers.length} register(s) into ${report.out} in ${Date.now() - started} ms` +
      ` (${report.rendered.length} rendered, ${reused} unchanged; ${report.changedFiles.length} file(s) written, ${report.removedFiles.length} removed).\n`,
  );
  const search = report.search;
  if (verbosity !== 'quiet' && search?.indexed) process.stdout.write(
    `Indexed ${search.passages} passage(s) for search in ${search.seconds.toFixed(2)} s (${search.records} record(s), ${search.files} file(s), ${(search.bytes / 1e6).toFixed(2)} MB;` +
      ` ${search.made} of ${search.shards} shard(s) made again).\n`,
  );
  return EXIT_OK;
}

function usage(problem: string, withHelp = false): number {
  process.stderr.write(`samizdat build: ${problem}\n${withHelp ? `\n${HELP}` : ''}`);
  return EXIT_USAGE;
}

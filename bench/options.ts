/**
 * The bench's command line: its help, its options and what is wrong with
 * them, apart from the run (bench/run.ts), so that they can be tested.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Twice a cartulary's entries and mentions may take at most this many times as long to build: more says the work grows faster than linearly. */
export const LINEAR_LIMIT = 3;

export const HELP = `Usage: npm run bench [-- options]

Builds a synthetic edition (the flagship chapter copied, one document in
twenty from a corpus of real TEI, and the register) and times samizdat's CLI on
it: validate (with and without the rules layer) cold, after one file changed
and with nothing changed, build the same three ways, plus the start-up of
--version, validate and build on the flagship alone, the same cold on eight
Shakespeare plays (test/corpora and bench/plays), the build of a cartulary
whose header keeps 3,000 persons, then one twice as large (which must take at
most ${LINEAR_LIMIT}× as long), and a user's first run:
samizdat packed and installed from its tarball (not timed), then init +
build, and validate, of a new edition with empty caches. With jing and
Saxon-HE installed, it runs them on the same files and prints samizdat's time
over theirs; given the TEI Stylesheets, it runs the Java pipeline samizdat
replaces (jing, then the Stylesheets' html.xsl on Saxon-HE) on the flagship
and the plays.

Options (or environment variables):
  --size N         documents in the corpus (BENCH_SIZE, default 1000)
  --budget S       stop whatever is still running after S seconds in all and
                   report it as stopped (BENCH_BUDGET, default 300; 0: no limit)
  --keep           keep the corpus and outputs (their folder is printed)
  --json[=FILE]    also write the results as JSON (default bench/results.json)
  --no-java        skip jing, Saxon-HE and the TEI Stylesheets
  --corpora DIR    real TEI laid out as test/corpora is (default test/corpora,
                   the subset this repository carries; give a fuller copy
                   for a wider mix)
  --peer-stylesheets DIR
                   the TEI Consortium's XSLT Stylesheets (TEIC/Stylesheets:
                   the folder holding html/html.xsl, common/ and i18n.xml);
                   without it the TEI Stylesheets rows are skipped
  --render FILE    print the Markdown of earlier results (a --json file); runs nothing
  -h, --help       show this help
`;

export interface Options {
  size: number;
  budget: number;
  keep: boolean;
  json?: string;
  java: boolean;
  corpora: string;
  /** The TEI Stylesheets' folder, only ever from the command line. */
  peerStylesheets?: string;
  render?: string;
}

/**
 * The options of `args` (environment variables give the defaults of --size
 * and --budget), or what to print instead: the help, or what is wrong
 * followed by the help. Paths are resolved against the current folder.
 */
export function parseOptions(args: readonly string[], repo: string, env: NodeJS.ProcessEnv = process.env): Options | { message: string; exitCode: number } {
  const options: Options = {
    size: Number(env.BENCH_SIZE ?? 1000),
    budget: Number(env.BENCH_BUDGET ?? 300),
    keep: false,
    java: true,
    corpora: join(repo, 'test', 'corpora'),
  };
  const wrong = (what: string): { message: string; exitCode: number } => ({ message: `${what}\n\n${HELP}`, exitCode: 2 });
  for (let i = 0; i < args.length; i++) {
    const equals = args[i].indexOf('=');
    const [flag, inline] = equals > 0 ? [args[i].slice(0, equals), args[i].slice(equals + 1)] : [args[i], undefined];
    const value = (): string | undefined => inline ?? args[++i];
    const path = (): string | undefined => { const v = value(); return v === undefined || v === '' ? undefined : resolve(v); };
    switch (flag) {
      case '-h': case '--help': return { message: HELP, exitCode: 0 };
      case '--size': options.size = Number(value()); break;
      case '--budget': options.budget = Number(value()); break;
      case '--keep': options.keep = true; break;
      case '--json': options.json = resolve(inline ?? join(repo, 'bench', 'results.json')); break;
      case '--no-java': options.java = false; break;
      case '--corpora': case '--peer-stylesheets': case '--render': {
        const folder = path();
        if (folder === undefined) return wrong(`${flag} needs a path`);
        if (flag === '--corpora') options.corpora = folder;
        else if (flag === '--render') options.render = folder;
        else options.peerStylesheets = folder;
        break;
      }
      default: return wrong(`unknown option '${args[i]}'`);
    }
  }
  if (!Number.isInteger(options.size) || options.size < 1) return wrong('the corpus size must be a whole number of at least 1');
  if (!Number.isFinite(options.budget) || options.budget < 0) return wrong('the budget must be a number of seconds (0: no limit)');
  const stylesheets = options.peerStylesheets === undefined ? undefined : peerStylesheetsProblem(options.peerStylesheets);
  if (stylesheets) return wrong(stylesheets);
  return options;
}

/** What is wrong with a folder given as the TEI Stylesheets, or undefined when it holds their HTML driver. */
export function peerStylesheetsProblem(folder: string): string | undefined {
  if (!existsSync(folder)) return `--peer-stylesheets: ${folder} does not exist`;
  if (!existsSync(join(folder, 'html', 'html.xsl'))) return `--peer-stylesheets: ${folder} has no html/html.xsl; give the TEI Stylesheets' folder (the one holding html/, common/ and i18n.xml)`;
  return undefined;
}

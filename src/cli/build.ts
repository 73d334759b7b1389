/**
 * `samizdat build [dir] [--out dist] [--xslt my.xsl]`: the static edition.
 * Exit 0 when the edition was written, 1 when a document stopped the build
 * (the previous output is left as it was), 2 on usage problems.
 */
import { build, type BuildOptions } from '../build/index.js';
import { loadConfig } from '../config/config.js';
import { formatLocation } from '../diagnostics.js';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE } from './main.js';

const HELP = `Usage: samizdat build [dir] [--out dist] [--xslt my.xsl]

Publishes every TEI document in dir (default tei/) as a static edition in
the output folder (default dist/): <name>/index.html and <name>/<name>.txt per
document, index.html listing them, entities/index.html for the register.
TEI files without <text> but with <standOff> lists are registers of entities.

Options:
  --out DIR          output folder (default dist); replaced only when the build succeeds
  --xslt FILE        your stylesheet, importing xslt/html/html.xsl (see docs/xslt.md)
  --title TEXT       title of the edition on the list of documents
  --config FILE      configuration file (default ./samizdat.config.json if present:
                     its out, xslt and site.title apply unless given here)
  --cache-dir DIR    where compiled stylesheets are cached (default .samizdat/cache/xslt)
  --no-cache         compile the stylesheets afresh
  -h, --help         show this help
`;

export async function run(args: string[]): Promise<number> {
  let dir: string | undefined;
  let configPath: string | undefined;
  const options: BuildOptions = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    switch (flag) {
      case '-h': case '--help': process.stdout.write(HELP); return EXIT_OK;
      case '--no-cache': options.cacheDir = false; break;
      case '--out': case '--xslt': case '--title': case '--cache-dir': case '--config': {
        const value = inline ?? args[++i];
        if (value === undefined || value === '') { process.stderr.write(`samizdat build: ${flag} needs a value\n`); return EXIT_USAGE; }
        if (flag === '--out') options.out = value;
        else if (flag === '--xslt') options.xslt = value;
        else if (flag === '--title') options.editionTitle = value;
        else if (flag === '--config') configPath = value;
        else options.cacheDir = value;
        break;
      }
      default:
        if (arg.startsWith('-')) { process.stderr.write(`samizdat build: unknown option '${arg}'\n\n${HELP}`); return EXIT_USAGE; }
        if (dir !== undefined) { process.stderr.write(`samizdat build: one folder at a time ('${dir}' and '${arg}' given)\n`); return EXIT_USAGE; }
        dir = arg;
    }
  }
  const loaded = await loadConfig(process.cwd(), configPath);
  if (!loaded.ok) {
    for (const d of loaded.diagnostics) process.stderr.write(`${formatLocation(d)}: ${d.severity}: ${d.message} [${d.ruleId}]\n`);
    return EXIT_USAGE;
  }
  if (loaded.config.file) {
    options.out ??= loaded.config.out;
    options.xslt ??= loaded.config.xslt;
    options.editionTitle ??= loaded.config.site.title;
  }
  const { citationProvider } = await import('../build/citations.js');
  options.citations = citationProvider({ baseUrl: loaded.config.site.baseUrl, styles: loaded.config.citationStyles });
  const started = Date.now();
  const report = await build(dir ?? 'tei', options);
  for (const d of report.diagnostics) process.stderr.write(`${formatLocation(d)}: ${d.severity}: ${d.message} [${d.ruleId}]\n`);
  if (!report.written) {
    process.stderr.write(`samizdat build: nothing written; ${report.out} is unchanged.\n`);
    return report.diagnostics.some((d) => d.ruleId === 'io') ? EXIT_USAGE : EXIT_INVALID;
  }
  process.stdout.write(`Built ${report.documents.length} document(s) and ${report.registers.length} register(s) into ${report.out} in ${Date.now() - started} ms.\n`);
  return EXIT_OK;
}

/**
 * `samizdat cite FILE [--format F] [--passage ID] [--base-url URL]`: the
 * citation of a TEI document, or of one paragraph, to stdout.
 * Exit codes: 0 printed, 1 the document cannot be cited (data errors),
 * 2 usage or I/O errors.
 */
import { terminal, verbosityOption, type Verbosity } from '../cli/terminal.js';
import { loadConfig } from '../config/config.js';
import { formatLocation, type Diagnostic } from '../diagnostics.js';
import { IO_RULE } from '../xml/read.js';
import { cite, CITATION_FORMATS, readCitableFile, type CitationFormat } from './index.js';
import { limitOption, LIMITS_HELP } from '../cli/limits.js';
import type { ReadingLimits } from '../xml/limits.js';

const EXIT_OK = 0;
const EXIT_DATA = 1;
const EXIT_USAGE = 2;

export const HELP = `Usage: samizdat cite FILE [--format FORMAT] [--passage ID] [--base-url URL]

Prints the citation of a TEI document (or of one of its paragraphs), made from
its TEI header and checked against the CSL-JSON schema.

Options:
  --format FORMAT   csl-json (default), bibtex, ris, chicago, mla or apa
                    (chicago = Chicago notes-bibliography, 17th ed.;
                     mla = MLA 9th ed.; apa = APA 7th ed.)
  --passage ID      cite the paragraph with this xml:id: "para. N" (from its
                    @n) in the note or in-text citation, #ID in the URL
  --base-url URL    root URL of the published edition; the document's URL is
                    URL/<file name>/. Default: site.baseUrl of the
                    samizdat.config.json in the current folder; without
                    either, and without an address in the header, the
                    citation has no URL
  --config FILE     configuration (default ./samizdat.config.json if present):
                    its site.baseUrl and limits apply unless given here
${LIMITS_HELP}
  -q, --quiet       nothing on stderr but errors (the default already)
  --verbose         on stderr, where the base URL came from
  -h, --help        this help

Examples:
  samizdat cite tei/1923-opposition-ch01.xml
  samizdat cite tei/1923-opposition-ch01.xml --format bibtex > chapter.bib
  samizdat cite tei/1923-opposition-ch01.xml --format chicago --passage p7 \\
      --base-url https://example.org/edition

Exit codes: 0 printed; 1 the document cannot be cited (not XML, not TEI,
invalid CSL-JSON, unknown passage); 2 usage or I/O errors.
`;

interface Arguments {
  file: string;
  format: CitationFormat;
  passage?: string;
  baseUrl?: string;
  config?: string;
  limits: Partial<ReadingLimits>;
  verbosity: Verbosity;
}

function parseArguments(args: string[]): Arguments | { usage: string } | 'help' {
  let file: string | undefined;
  let format: CitationFormat = 'csl-json';
  let passage: string | undefined;
  let baseUrl: string | undefined;
  let verbosity: Verbosity = 'normal';
  let config: string | undefined;
  const limits: Partial<ReadingLimits> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => inline ?? args[++i];
    switch (flag) {
      case '-h': case '--help': return 'help';
      case '--format': {
        const f = value();
        if (!f || !(CITATION_FORMATS as readonly string[]).includes(f)) return { usage: `--format must be one of ${CITATION_FORMATS.join(', ')}${f ? ` (not "${f}")` : ''}.` };
        format = f as CitationFormat;
        break;
      }
      case '--passage': {
        passage = value();
        if (!passage) return { usage: '--passage needs the xml:id of a paragraph, e.g. --passage p7.' };
        break;
      }
      case '--base-url': {
        baseUrl = value();
        if (!baseUrl || !/^https?:\/\/\S+$/.test(baseUrl)) return { usage: '--base-url needs an http(s) URL, e.g. --base-url https://example.org/edition.' };
        break;
      }
      case '--config': {
        config = value();
        if (!config) return { usage: '--config needs a file.' };
        break;
      }
      default: {
        if (verbosityOption(arg)) { verbosity = verbosityOption(arg)!; break; }
        const limit = limitOption(flag, flag.startsWith('--max-') ? value() : undefined, limits);
        if (typeof limit === 'object') return { usage: `${limit.problem}.` };
        if (limit === 'read') break;
        if (arg.startsWith('-') && arg !== '-') return { usage: `unknown option ${arg}.` };
        if (file !== undefined) return { usage: `one FILE at a time (got ${file} and ${arg}).` };
        file = arg;
      }
    }
  }
  if (file === undefined) return { usage: 'FILE is missing.' };
  return { file, format, passage, baseUrl, config, limits, verbosity };
}

function report(problems: Diagnostic[]): void {
  for (const p of problems) process.stderr.write(`${formatLocation(p)}: ${p.severity} [${p.ruleId}] ${p.message}\n`);
}

export async function run(args: string[]): Promise<number> {
  const parsed = parseArguments(args);
  if (parsed === 'help') {
    process.stdout.write(HELP);
    return EXIT_OK;
  }
  if ('usage' in parsed) {
    process.stderr.write(`samizdat cite: ${parsed.usage}\n\n${HELP}`);
    return EXIT_USAGE;
  }
  const term = terminal({ verbosity: parsed.verbosity });
  let baseUrl = parsed.baseUrl;
  const loaded = await loadConfig(process.cwd(), parsed.config);
  if (!loaded.ok) {
    report(loaded.diagnostics);
    return EXIT_USAGE;
  }
  if (baseUrl === undefined) {
    baseUrl = loaded.config.site.baseUrl;
    term.detail(baseUrl === undefined ? 'base URL: none (no --base-url, no site.baseUrl in a samizdat.config.json here)' : `base URL: ${baseUrl} (site.baseUrl of ${loaded.config.file})`);
  } else {
    term.detail(`base URL: ${baseUrl} (--base-url)`);
  }
  const document = await readCitableFile(parsed.file, { baseUrl, limits: { ...loaded.config.limits, ...parsed.limits } });
  if (!document.ok) {
    report(document.problems);
    return document.problems.some((p) => p.ruleId === IO_RULE) ? EXIT_USAGE : EXIT_DATA;
  }
  const output = await cite(document.value, parsed.format, parsed.passage);
  if (!output.ok) {
    report(output.problems);
    return EXIT_DATA;
  }
  process.stdout.write(output.value);
  return EXIT_OK;
}

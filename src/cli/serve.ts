/**
 * `samizdat serve [paths or globs…]`: `samizdat watch` with a local web
 * server for the output folder; each page reloads itself after a rebuild.
 * Exit 0 when stopped (Ctrl-C, SIGTERM), 2 on usage problems (unknown
 * option, bad port, port in use).
 */
import { LIMITS_HELP } from './limits.js';
import { runLoop } from './watch.js';

const HELP = `Usage: samizdat serve [paths or globs…] [options]

Builds the edition, serves the output folder at http://127.0.0.1:4000/ and
rebuilds after each change to the sources: the open pages reload themselves.
A change that does not build shows its problems (in the terminal and over
the page) and the server keeps the last good edition. Only this machine can
connect unless --host says otherwise.

The reload script is added to pages as they are served; the files in the
output folder are never changed, so the published edition has no script.

Options:
  --port N           port to listen on (default 4000; 0: any free port)
  --host ADDRESS     address to listen on (default 127.0.0.1; 0.0.0.0: every network)
  --out DIR          output folder (default dist)
  --xslt FILE        your stylesheet, importing xslt/html/html.xsl (see docs/xslt.md)
  --title TEXT       title of the edition on the list of documents
  --config FILE      configuration file (default ./samizdat.config.json if present)
  --debounce MS      quiet time after the last change before rebuilding (default 150)
${LIMITS_HELP}
  --quiet            print only the address and problems
  -h, --help         show this help

Stop with Ctrl-C. Exit status: 0 stopped, 2 usage problem (including a port
already in use).

Examples:
  samizdat serve
  samizdat serve --port 0                     # any free port; the address is printed
  samizdat serve --port 8080 --config site/samizdat.config.json
  samizdat serve 'letters/**/*.xml' --out /tmp/preview
`;

export function run(args: string[]): Promise<number> {
  return runLoop('serve', args, HELP);
}

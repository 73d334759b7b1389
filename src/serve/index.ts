/**
 * `serveEdition`: the output folder on a local web server, with live reload.
 *
 * A static file server (node:http) for the built edition: folders serve
 * their index.html, nothing outside the output folder is ever served (no
 * `..`, encoded or not, no symbolic links leading out), nothing is cached.
 * HTML responses get a `<script>` for live reload inserted on the way out;
 * the files on disk are never changed, so the published edition has no
 * script. The script listens to a Server-Sent Events stream: `reload` after
 * a successful rebuild, `problems` after a round that failed (the page keeps
 * the last good edition and shows the problems over it). Requests naming
 * another site in their Host header are refused (see `trustedHost`).
 */
import { createReadStream } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { isIP, type AddressInfo } from 'node:net';
import { extname, isAbsolute, join, resolve } from 'node:path';
import { formatLocation, type Diagnostic } from '../diagnostics.js';
import { htmlText } from '../escape.js';
import { pathFromCurrentFolder } from '../validate/from-config.js';
import type { Watcher } from '../watch/index.js';
import { within } from '../watch/sources.js';
import { EVENTS_PATH, RELOAD_SCRIPT, RELOAD_SCRIPT_PATH, type ProblemsMessage } from './client.js';

export { EVENTS_PATH, RELOAD_SCRIPT_PATH } from './client.js';
export type { ProblemsMessage } from './client.js';

export const DEFAULT_PORT = 4000;
export const DEFAULT_HOST = '127.0.0.1';

/** Most problems sent to the page at once; the terminal has them all. */
const PROBLEMS_SHOWN = 50;

export interface ServeOptions {
  /** The folder to serve (default `dist`). */
  root?: string;
  /** TCP port (default 4000); 0 takes any free port. */
  port?: number;
  /** Address to listen on (default 127.0.0.1: this machine only). */
  host?: string;
}

export interface EditionServer {
  /** Where the edition is served, e.g. `http://127.0.0.1:4000/`. */
  readonly url: string;
  readonly port: number;
  /** The folder served (absolute); a followed watcher's output folder, which a new configuration may move. */
  readonly root: string;
  /** How many pages are listening for reloads now. */
  readonly pages: number;
  /** Tells every open page to reload; `diagnostics` (validation warnings, say) are shown after the reload. */
  reload(diagnostics?: readonly Diagnostic[]): void;
  /** Tells every open page that the last round wrote nothing, and why. */
  failed(diagnostics: readonly Diagnostic[]): void;
  /** Live reload driven by a watcher's rounds: `reload` after `rebuilt`, the problems after `failed`. */
  follow(watcher: Watcher): void;
  /** Stops listening and ends every connection (live-reload streams included). */
  close(): Promise<void>;
}

export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.jsonld': 'application/ld+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.bib': 'application/x-bibtex; charset=utf-8',
  '.ris': 'application/x-research-info-systems; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.xsl': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/vnd.microsoft.icon',
  '.tif': 'image/tiff',
  '.tiff': 'image/tiff',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.pdf': 'application/pdf',
  '.zip': 'application/zip',
  '.wasm': 'application/wasm',
  // The search index (Pagefind): compressed binary chunks, and its WebAssembly, which its script fetches and unpacks itself.
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};

export function contentType(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

const SCRIPT_TAG = `<script src="${RELOAD_SCRIPT_PATH}" defer></script>`;

/** The page with the live-reload script before its last `</body>` (at the end if it has none). */
export function withReloadScript(html: string): string {
  const at = html.toLowerCase().lastIndexOf('</body>');
  return at < 0 ? html + SCRIPT_TAG : html.slice(0, at) + SCRIPT_TAG + html.slice(at);
}

type Found = { kind: 'file'; path: string; size: number } | { kind: 'folder'; path: string } | { kind: 'outside' } | { kind: 'missing' };

const BASE_HEADERS = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' } as const;

/** The request path as safe folder names, or the status that refuses it. */
export function requestSegments(path: string): { segments: string[] } | { status: 400 | 403 | 404 } {
  if (!path.startsWith('/')) return { status: 400 };
  const segments: string[] = [];
  for (const raw of path.split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { status: 400 };
    }
    if (segment === '' || segment === '.') continue;
    if (segment === '..' || /[\\/\0]/.test(segment) || isAbsolute(segment)) return { status: 403 };
    if (segment.startsWith('.')) return { status: 404 };
    segments.push(segment);
  }
  return { segments };
}

/**
 * Whether a request's Host header names this server in a way no other site
 * can: an IP address, `localhost` (or a name under it), or the address the
 * server was told to listen on. A page on another site can make a browser
 * resolve its own domain name to 127.0.0.1 (DNS rebinding) and then read the
 * edition as if it were that site's; the Host header still carries the
 * foreign name, so such requests are refused. Requests without a Host header
 * (HTTP/1.0 tools) do not come from a browser and are answered.
 */
export function trustedHost(header: string | undefined, listening: string): boolean {
  if (header === undefined) return true;
  let name: string;
  try {
    name = new URL(`http://${header}`).hostname.toLowerCase();
  } catch {
    return false;
  }
  if (name.startsWith('[') && name.endsWith(']')) return isIP(name.slice(1, -1)) === 6;
  return isIP(name) !== 0 || name === 'localhost' || name.endsWith('.localhost') || name === listening.toLowerCase();
}

function page(title: string, text: string): string {
  return `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>${htmlText(title)}</title></head>` +
    `<body><h1>${htmlText(title)}</h1><p>${htmlText(text)}</p></body></html>\n`;
}

function problemsMessage(diagnostics: readonly Diagnostic[], failed: boolean): ProblemsMessage {
  return {
    failed,
    problems: diagnostics.slice(0, PROBLEMS_SHOWN).map((d) => ({ where: formatLocation({ ...d, file: pathFromCurrentFolder(d.file) }), severity: d.severity, message: d.message, ruleId: d.ruleId })),
    more: Math.max(0, diagnostics.length - PROBLEMS_SHOWN),
  };
}

/** Serves `root` until `close()`; rejects if the port cannot be listened on (e.g. EADDRINUSE). */
export async function serveEdition(options: ServeOptions = {}): Promise<EditionServer> {
  let root = resolve(options.root ?? 'dist');
  const host = options.host ?? DEFAULT_HOST;
  const streams = new Set<ServerResponse>();
  /** What a page that connects now is told: the problems of the last round, if any. */
  let current: ProblemsMessage | undefined;

  const broadcast = (event: string, data: unknown): void => {
    for (const stream of streams) stream.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };

  const send = (response: ServerResponse, head: boolean, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}): void => {
    const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    response.writeHead(status, { ...BASE_HEADERS, 'Content-Type': type, 'Content-Length': String(bytes.length), ...extra });
    response.end(head ? undefined : bytes);
  };
  const refuse = (response: ServerResponse, head: boolean, status: number, text: string): void => {
    const title = status === 404 ? 'Not found' : status === 403 ? 'Forbidden' : status === 405 ? 'Method not allowed' : 'Bad request';
    send(response, head, status, withReloadScript(page(title, text)), CONTENT_TYPES['.html'], status === 405 ? { Allow: 'GET, HEAD' } : {});
  };

  const events = (request: IncomingMessage, response: ServerResponse, head: boolean): void => {
    response.writeHead(200, { ...BASE_HEADERS, 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
    if (head) { response.end(); return; }
    response.write('retry: 1000\n\n');
    if (current && current.problems.length > 0) response.write(`event: problems\ndata: ${JSON.stringify(current)}\n\n`);
    streams.add(response);
    request.on('close', () => streams.delete(response));
  };

  /** What is at `path`, followed through links: a file or folder inside the served folder, something outside it, or nothing. */
  const locate = async (rootReal: string, path: string): Promise<Found> => {
    const real = await realpath(path).catch(() => undefined);
    if (real === undefined) return { kind: 'missing' };
    if (!within(rootReal, real)) return { kind: 'outside' };
    const info = await stat(real).catch(() => undefined);
    if (info?.isDirectory()) return { kind: 'folder', path: real };
    return info?.isFile() ? { kind: 'file', path: real, size: info.size } : { kind: 'missing' };
  };

  const files = async (response: ServerResponse, head: boolean, path: string, query: string): Promise<void> => {
    const parsed = requestSegments(path);
    if ('status' in parsed) { refuse(response, head, parsed.status, parsed.status === 404 ? `Nothing is published at ${path}.` : `${path} is not a path in the edition.`); return; }
    const rootReal = await realpath(root).catch(() => undefined);
    if (rootReal === undefined) { refuse(response, head, 404, `The edition has not been built yet: ${root} does not exist. This page reloads when it has been.`); return; }
    let found = await locate(rootReal, join(rootReal, ...parsed.segments));
    if (found.kind === 'folder') {
      if (!path.endsWith('/')) {
        const location = `/${parsed.segments.map(encodeURIComponent).join('/')}/${query}`;
        send(response, head, 302, page('Moved', `The page is at ${location}.`), CONTENT_TYPES['.html'], { Location: location });
        return;
      }
      found = await locate(rootReal, join(found.path, 'index.html'));
    }
    if (found.kind === 'outside') { refuse(response, head, 403, `${path} leads outside the edition.`); return; }
    if (found.kind !== 'file') { refuse(response, head, 404, `Nothing is published at ${path}.`); return; }
    const type = contentType(found.path);
    if (type.startsWith('text/html')) {
      send(response, head, 200, withReloadScript(await readFile(found.path, 'utf8')), type);
      return;
    }
    response.writeHead(200, { ...BASE_HEADERS, 'Content-Type': type, 'Content-Length': String(found.size) });
    if (head) { response.end(); return; }
    const stream = createReadStream(found.path);
    stream.on('error', () => response.destroy());
    stream.pipe(response);
  };

  const server: Server = createServer((request, response) => {
    const method = request.method ?? 'GET';
    const head = method === 'HEAD';
    const target = request.url ?? '/';
    const path = target.split(/[?#]/)[0];
    const query = target.slice(path.length).split('#')[0];
    if (!trustedHost(request.headers.host, host)) {
      refuse(response, head, 403, `This server answers to localhost and IP addresses, not to '${request.headers.host}'; listen on that name with --host to use it.`);
      return;
    }
    if (method !== 'GET' && !head) { refuse(response, false, 405, `${method} is not served here; only GET and HEAD.`); return; }
    if (path === EVENTS_PATH) { events(request, response, head); return; }
    if (path === RELOAD_SCRIPT_PATH) { send(response, head, 200, RELOAD_SCRIPT, CONTENT_TYPES['.js']); return; }
    files(response, head, path, query).catch((error: Error) => {
      if (response.headersSent) response.destroy();
      else send(response, head, 500, page('Server error', error.message), CONTENT_TYPES['.html']);
    });
  });

  await new Promise<void>((listening, failing) => {
    server.once('error', failing);
    server.listen(options.port ?? DEFAULT_PORT, host, () => {
      server.off('error', failing);
      listening();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  // Comments keep the streams open through proxies and idle timeouts.
  const heartbeat = setInterval(() => { for (const stream of streams) stream.write(': ping\n\n'); }, 20_000);
  heartbeat.unref();

  const edition: EditionServer = {
    url: `http://${shownHost}:${port}/`,
    port,
    get root() {
      return root;
    },
    get pages() {
      return streams.size;
    },
    reload(diagnostics = []) {
      current = problemsMessage(diagnostics, false);
      broadcast('reload', {});
    },
    failed(diagnostics) {
      current = problemsMessage(diagnostics, true);
      broadcast('problems', current);
    },
    follow(watcher) {
      followed.add(watcher);
      watcher.on('rebuilt', onRebuilt).on('failed', onFailed);
    },
    async close() {
      clearInterval(heartbeat);
      for (const watcher of followed) watcher.off('rebuilt', onRebuilt).off('failed', onFailed);
      for (const stream of streams) stream.end();
      streams.clear();
      const closed = new Promise<void>((done) => server.close(() => done()));
      server.closeAllConnections();
      await closed;
    },
  };
  const onRebuilt = (round: { diagnostics: Diagnostic[]; report: { out: string } }): void => {
    root = resolve(round.report.out);
    edition.reload(round.diagnostics);
  };
  const onFailed = (round: { diagnostics: Diagnostic[] }): void => edition.failed(round.diagnostics);
  const followed = new Set<Watcher>();
  return edition;
}

/**
 * `serveEdition` on a real port: the edition's pages with the right types
 * and headers, folders and their index.html, nothing outside the output
 * folder, the reload script added to served pages only, and live reload over
 * Server-Sent Events driven by a watcher.
 */
import { strict as assert } from 'node:assert';
import { once } from 'node:events';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { request, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { EVENTS_PATH, RELOAD_SCRIPT_PATH, requestSegments, serveEdition, trustedHost, withReloadScript, type EditionServer } from '../../src/serve/index.js';
import { watchEdition, type Watcher } from '../../src/watch/index.js';
import { broken, retitled, save, scratchEdition, waitFor, type ScratchEdition } from './support.js';

interface Response {
  status: number;
  headers: IncomingMessage['headers'];
  body: string;
}

/** One request with the path sent exactly as written (no normalisation by a client library). */
function fetchRaw(server: EditionServer, path: string, method = 'GET', headers: Record<string, string> = {}): Promise<Response> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', fail);
    req.end();
  });
}

/** A client of the live-reload stream: every event received so far, by name. */
function listen(server: EditionServer): Promise<{ events: { event: string; data: string }[]; close(): void }> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port: server.port, path: EVENTS_PATH }, (res) => {
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /^text\/event-stream/);
      const events: { event: string; data: string }[] = [];
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const field = (name: string) => block.split('\n').find((line) => line.startsWith(`${name}: `))?.slice(name.length + 2);
          const event = field('event');
          if (event) events.push({ event, data: field('data') ?? '' });
        }
      });
      done({ events, close: () => req.destroy() });
    });
    req.on('error', fail);
    req.end();
  });
}

describe('samizdat serve (library)', () => {
  let edition: ScratchEdition;
  let watcher: Watcher;
  let server: EditionServer;
  const secret = 'SECRET-OUTSIDE-THE-EDITION';

  before(async () => {
    edition = scratchEdition();
    writeFileSync(join(edition.dir, 'secret.txt'), secret);
    server = await serveEdition({ root: edition.out, port: 0 });
    watcher = watchEdition({ sources: edition.tei, build: { out: edition.out }, debounce: 100 });
    server.follow(watcher);
    await watcher.ready;
  });
  after(async () => {
    await server?.close();
    await watcher?.close();
    edition?.remove();
  });

  it('answers on 127.0.0.1 with the list of documents as UTF-8 HTML, uncached and not sniffed', async () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    const res = await fetchRaw(server, '/');
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-type'], 'text/html; charset=utf-8');
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.match(res.body, /Trotsky opens the attack/);
  });

  it('serves a document\'s folder as its index.html, and redirects the folder without its slash', async () => {
    const page = await fetchRaw(server, '/1923-opposition-ch01/');
    assert.equal(page.status, 200);
    assert.equal(page.headers['content-type'], 'text/html; charset=utf-8');
    assert.match(page.body, /<h1>Trotsky opens the attack<\/h1>/);
    const bare = await fetchRaw(server, '/1923-opposition-ch01?x=1');
    assert.equal(bare.status, 302);
    assert.equal(bare.headers.location, '/1923-opposition-ch01/?x=1');
  });

  it('gives each kind of file its Content-Type', async () => {
    const expected: Record<string, string> = {
      '/samizdat.css': 'text/css; charset=utf-8',
      '/1923-opposition-ch01/1923-opposition-ch01.txt': 'text/plain; charset=utf-8',
      '/1923-opposition-ch01/1923-opposition-ch01.bib': 'application/x-bibtex; charset=utf-8',
      '/1923-opposition-ch01/1923-opposition-ch01.ris': 'application/x-research-info-systems; charset=utf-8',
      '/1923-opposition-ch01/1923-opposition-ch01.csl.json': 'application/json; charset=utf-8',
      [RELOAD_SCRIPT_PATH]: 'text/javascript; charset=utf-8',
    };
    for (const [path, type] of Object.entries(expected)) {
      const res = await fetchRaw(server, path);
      assert.equal(res.status, 200, path);
      assert.equal(res.headers['content-type'], type, path);
      assert.equal(res.headers['x-content-type-options'], 'nosniff', path);
    }
    const css = await fetchRaw(server, '/samizdat.css', 'HEAD');
    assert.equal(css.status, 200);
    assert.equal(css.body, '');
    assert.equal(Number(css.headers['content-length']), readFileSync(join(edition.out, 'samizdat.css')).length);
  });

  it('adds the reload script to the pages it serves, never to the files on disk', async () => {
    for (const [path, file] of [['/', 'index.html'], ['/1923-opposition-ch01/', '1923-opposition-ch01/index.html'], ['/entities/', 'entities/index.html']]) {
      const served = (await fetchRaw(server, path)).body;
      const onDisk = readFileSync(join(edition.out, file), 'utf8');
      assert.equal(served.split(`<script src="${RELOAD_SCRIPT_PATH}" defer></script></body>`).length, 2, `${path}: one script, before </body>`);
      assert.ok(!onDisk.includes('__samizdat'), `${file} on disk has no script`);
      assert.ok(!/<script(?![^>]*type="application\/ld\+json")/i.test(onDisk), `${file} on disk has no script but JSON-LD data`);
      assert.equal(served, withReloadScript(onDisk));
    }
  });

  it('answers 404 for what is not published and 405 for other methods than GET and HEAD', async () => {
    const missing = await fetchRaw(server, '/no-such-document/');
    assert.equal(missing.status, 404);
    assert.equal(missing.headers['content-type'], 'text/html; charset=utf-8');
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const res = await fetchRaw(server, '/', method);
      assert.equal(res.status, 405, method);
      assert.equal(res.headers.allow, 'GET, HEAD');
    }
  });

  it('refuses requests that name another site in their Host header (DNS rebinding)', async () => {
    for (const host of ['attacker.example', 'attacker.example:4000', 'localhost.attacker.example', '127.0.0.1.nip.io']) {
      for (const path of ['/', '/1923-opposition-ch01/', EVENTS_PATH, RELOAD_SCRIPT_PATH]) {
        const res = await fetchRaw(server, path, 'GET', { Host: host });
        assert.equal(res.status, 403, `${host} ${path}`);
        assert.doesNotMatch(res.body, /Trotsky/, `${host} ${path}: the edition was served`);
      }
    }
    for (const host of ['localhost', `localhost:${server.port}`, `127.0.0.1:${server.port}`, `[::1]:${server.port}`, 'edition.localhost', '192.168.1.20:4000']) {
      assert.equal((await fetchRaw(server, '/', 'GET', { Host: host })).status, 200, host);
    }
    assert.equal(trustedHost('books.example:4000', 'books.example'), true, 'the name given with --host');
    assert.equal(trustedHost('[::1', '127.0.0.1'), false, 'a Host header that does not parse');
    assert.equal(trustedHost(undefined, '127.0.0.1'), true, 'HTTP/1.0 without Host');
  });

  it('never serves a file outside the output folder', async () => {
    symlinkSync(join(edition.dir, 'secret.txt'), join(edition.out, 'link-out.txt'));
    symlinkSync(edition.dir, join(edition.out, 'folder-out'));
    mkdirSync(join(edition.out, 'inside'));
    const attempts = [
      '/../secret.txt', '/%2e%2e/secret.txt', '/%2E%2E/secret.txt', '/.%2e/secret.txt', '/..%2fsecret.txt', '/..%2Fsecret.txt',
      '/..%5csecret.txt', '/..\\secret.txt', '/inside/../../secret.txt', '/inside/%2e%2e/%2e%2e/secret.txt',
      `/${edition.dir}/secret.txt`, `//${edition.dir}/secret.txt`, `/${encodeURIComponent(join(edition.dir, 'secret.txt'))}`,
      '/%2fetc%2fpasswd', '/%00/secret.txt', '/link-out.txt', '/folder-out/secret.txt', '/folder-out/', 'secret.txt',
    ];
    for (const path of attempts) {
      const res = await fetchRaw(server, path);
      assert.ok([400, 403, 404].includes(res.status), `${path}: ${res.status}`);
      assert.ok(!res.body.includes(secret), `${path} leaked the file`);
    }
    assert.equal((await fetchRaw(server, '/link-out.txt')).status, 403);
    assert.equal((await fetchRaw(server, '/%2e%2e/secret.txt')).status, 403);
    assert.deepEqual(requestSegments('/a/%2e%2e/b'), { status: 403 });
    assert.deepEqual(requestSegments('/a/./b/'), { segments: ['a', 'b'] });
  });

  it('sends reload to open pages after a rebuild, and the problems of an edit that does not build', async () => {
    const client = await listen(server);
    try {
      save(edition.document, retitled(edition.original, 'Live reload works'));
      await waitFor('a reload event', () => client.events.some((e) => e.event === 'reload'));
      assert.match((await fetchRaw(server, '/1923-opposition-ch01/')).body, /Live reload works/);

      save(edition.document, broken(edition.original));
      const problems = await waitFor('a problems event', () => client.events.find((e) => e.event === 'problems'));
      const message = JSON.parse(problems.data) as { failed: boolean; problems: { where: string; ruleId: string }[] };
      assert.equal(message.failed, true);
      const located = message.problems.find((p) => p.ruleId === 'xml-wellformed');
      assert.ok(located, problems.data);
      assert.match(located.where, /1923-opposition-ch01\.xml:\d+:\d+$/);
      assert.match((await fetchRaw(server, '/1923-opposition-ch01/')).body, /Live reload works/, 'the last good page is still served');
      assert.equal(client.events.filter((e) => e.event === 'reload').length, 1, 'no reload for a failed round');
    } finally {
      client.close();
      save(edition.document, edition.original);
    }
  });

  it('tells a page that connects while the edition is broken what is wrong', async () => {
    save(edition.document, broken(edition.original));
    await once(watcher, 'failed');
    const client = await listen(server);
    try {
      await waitFor('the problems on connecting', () => client.events.some((e) => e.event === 'problems'));
    } finally {
      client.close();
      save(edition.document, edition.original);
    }
  });

  it('refuses a port that is already in use', async () => {
    await assert.rejects(serveEdition({ root: edition.out, port: server.port }), { code: 'EADDRINUSE' });
  });
});

/**
 * `samizdat watch` and `samizdat serve` as an editor runs them (the compiled
 * CLI, `npm run prepare` first): exit 2 on usage problems and a port in use,
 * the address printed and answering, a broken edit's problem at
 * path:line:col, and exit 0 after SIGINT or SIGTERM.
 */
import { strict as assert } from 'node:assert';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer, get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { broken, repository, save, scratchEdition, waitFor, type ScratchEdition } from './support.js';

const cli = join(repository, 'bin', 'samizdat.js');

interface Running {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

function start(args: string[]): Running {
  const child = spawn(process.execPath, [cli, ...args], { cwd: repository, env: { ...process.env, NO_COLOR: '1' } });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => { stdout += chunk; });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

function fetchText(url: string): Promise<{ status: number; body: string }> {
  return new Promise((done, fail) => {
    get(url, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => { body += chunk; }).on('end', () => done({ status: res.statusCode ?? 0, body }));
    }).on('error', fail);
  });
}

describe('samizdat watch and serve (CLI)', () => {
  let edition: ScratchEdition;
  const running: Running[] = [];

  before(() => { edition = scratchEdition(); });
  after(async () => {
    for (const r of running) if (r.child.exitCode === null && r.child.signalCode === null) { r.child.kill('SIGKILL'); await r.exited; }
    edition?.remove();
  });

  it('explains itself with --help, Examples included', () => {
    for (const command of ['watch', 'serve']) {
      const result = spawnSync(process.execPath, [cli, command, '--help'], { encoding: 'utf8' });
      assert.equal(result.status, 0);
      assert.match(result.stdout, new RegExp(`^Usage: samizdat ${command}`));
      assert.match(result.stdout, /Examples:\n {2}samizdat /);
    }
  });

  it('exits 2 on usage problems: unknown option, bad port or debounce, a missing folder', () => {
    const cases: [string[], RegExp][] = [
      [['watch', '--frobnicate'], /unknown option '--frobnicate'/],
      [['watch', '--port', '4000'], /unknown option '--port'/],
      [['serve', '--port', '99999'], /--port needs a port number from 0 to 65535/],
      [['serve', '--port', 'eighty'], /--port needs a port number/],
      [['serve', '--port'], /--port needs a value/],
      [['serve', '--debounce', '-5'], /--debounce needs a number of milliseconds/],
      [['watch', join(edition.dir, 'no-such-folder')], /no-such-folder does not exist/],
    ];
    for (const [args, message] of cases) {
      const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: repository });
      assert.equal(result.status, 2, `${args.join(' ')}: ${result.stderr}`);
      assert.match(result.stderr, message, args.join(' '));
    }
  });

  it('exits 2 with a clear message when the port is in use', async () => {
    const taken: Server = createServer();
    await new Promise<void>((done) => taken.listen(0, '127.0.0.1', done));
    try {
      const port = (taken.address() as AddressInfo).port;
      const serve = start(['serve', edition.tei, '--out', edition.out, '--port', String(port)]);
      running.push(serve);
      assert.equal(await serve.exited, 2);
      assert.match(serve.stderr(), new RegExp(`samizdat serve: port ${port} on 127\\.0\\.0\\.1 is already in use; choose another with --port`));
    } finally {
      taken.close();
    }
  });

  it('serve: prints the address, answers with the edition, shows a broken edit at path:line:col, exits 0 on SIGINT', async () => {
    const serve = start(['serve', edition.tei, '--out', edition.out, '--port', '0', '--debounce', '100']);
    running.push(serve);
    const url = (await waitFor('the address', () => /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(serve.stdout())))[1];
    await waitFor('the first build', () => /Built 1 document\(s\) and 1 register\(s\)/.test(serve.stderr()));
    const page = await fetchText(`${url}1923-opposition-ch01/`);
    assert.equal(page.status, 200);
    assert.match(page.body, /<script src="\/__samizdat\/reload\.js" defer><\/script><\/body>/);

    save(edition.document, broken(edition.original));
    await waitFor('the problem', () => /1923-opposition-ch01\.xml:\d+:\d+: error: .*\[xml-wellformed\]/.test(serve.stderr()), 30_000);
    await waitFor('the verdict', () => /Nothing written .*keeps the last good edition/.test(serve.stderr()));
    assert.equal((await fetchText(`${url}1923-opposition-ch01/`)).status, 200, 'still serving the last good page');

    serve.child.kill('SIGINT');
    assert.equal(await serve.exited, 0, serve.stderr());
    assert.match(serve.stderr(), /Stopped\./);
    save(edition.document, edition.original);
  });

  it('watch: names the output folder a new configuration moves it to', async () => {
    const config = join(edition.dir, 'samizdat.config.json');
    save(config, JSON.stringify({ sources: ['tei/**/*.xml'], out: 'site' }));
    const watch = start(['watch', '--config', config, '--debounce', '100']);
    running.push(watch);
    try {
      await waitFor('the first build', () => /Built 1 document\(s\) and 1 register\(s\) into \S*site\/ in/.test(watch.stderr()));
      save(config, JSON.stringify({ sources: ['tei/**/*.xml'], out: 'public' }));
      await waitFor('the build into the new folder', () => /into \S*public\/ in/.test(watch.stderr()));
    } finally {
      watch.child.kill('SIGTERM');
      await watch.exited;
    }
  });

  it('watch: builds, then exits 0 on SIGTERM', async () => {
    const watch = start(['watch', edition.tei, '--out', edition.out]);
    running.push(watch);
    await waitFor('the first build', () => /Built 1 document\(s\)/.test(watch.stderr()));
    watch.child.kill('SIGTERM');
    assert.equal(await watch.exited, 0, watch.stderr());
  });
});

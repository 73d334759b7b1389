/**
 * A cached file made by one maker at a time (transform/made-once.ts): what
 * keeps two validate workers from compiling the same Schematron side by side.
 */
import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { madeOnce } from '../../src/transform/made-once.js';

const MODULE = new URL('../../src/transform/made-once.ts', import.meta.url).href;

describe('transform: a cached file made once across threads and processes', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'samizdat-made-once-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('makes the file once for callers that come together, and each gets its text', async () => {
    const result = join(folder, 'rules.sef.json');
    let makes = 0;
    const make = async () => {
      makes += 1;
      await sleep(150);
      return '{"made":1}';
    };
    const texts = await Promise.all([madeOnce(result, make, { pollMs: 10 }), madeOnce(result, make, { pollMs: 10 })]);
    assert.equal(makes, 1);
    assert.deepEqual(texts, ['{"made":1}', '{"made":1}']);
    assert.equal(readFileSync(result, 'utf8'), '{"made":1}');
    assert.equal(existsSync(`${result}.lock`), false, 'the lock is released');
  });

  it('makes the file once for two processes that come together', async () => {
    const result = join(folder, 'rules.sef.json');
    const log = join(folder, 'makes.log');
    const script = `
      import { appendFileSync } from 'node:fs';
      const { madeOnce } = await import(${JSON.stringify(MODULE)});
      const text = await madeOnce(${JSON.stringify(result)}, async () => {
        appendFileSync(${JSON.stringify(log)}, process.pid + '\\n');
        await new Promise((resolve) => setTimeout(resolve, 400));
        return 'made by ' + process.pid;
      }, { pollMs: 10 });
      process.stdout.write(text);`;
    const run = () => new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`exit ${code}`))));
    });
    const [a, b] = await Promise.all([run(), run()]);
    const makers = readFileSync(log, 'utf8').trim().split('\n');
    assert.equal(makers.length, 1, `made by ${makers.join(', ')}`);
    assert.equal(a, `made by ${makers[0]}`);
    assert.equal(b, a);
  });

  it('takes over the lock of a process that died, and a lock older than any make', async () => {
    const result = join(folder, 'rules.sef.json');
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    writeFileSync(`${result}.lock`, gone);
    assert.equal(await madeOnce(result, async () => 'after a dead maker', { pollMs: 10 }), 'after a dead maker');

    const other = join(folder, 'other.sef.json');
    writeFileSync(`${other}.lock`, '');
    const old = new Date(Date.now() - 60_000);
    utimesSync(`${other}.lock`, old, old);
    assert.equal(await madeOnce(other, async () => 'after an old lock', { pollMs: 10, staleMs: 30_000 }), 'after an old lock');
  });

  it('passes a maker\'s error on and releases its lock; a caller waiting meanwhile makes the file itself', async () => {
    const result = join(folder, 'rules.sef.json');
    const failing = madeOnce(result, async () => {
      await sleep(100);
      throw new Error('the XPath in a rule is wrong');
    }, { pollMs: 10 });
    await sleep(20); // the failing maker holds the lock
    const waiting = madeOnce(result, async () => 'made by the one that waited', { pollMs: 10 });
    await assert.rejects(failing, /the XPath in a rule is wrong/);
    assert.equal(await waiting, 'made by the one that waited');
    assert.equal(existsSync(`${result}.lock`), false);
  });
});

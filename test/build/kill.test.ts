/**
 * `kill -9` at random moments of a build: the output folder is always
 * entirely the old edition or entirely the new one — looked at right after
 * the kill, or (when the kill fell between the two renames of the switch)
 * once the next run has put the old folder back — and the next build
 * completes the new edition. Half the moments are drawn from the whole run,
 * half from its write phase (found by watching for the staging folder in a
 * first, complete run).
 */
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recoverOutput } from '../../src/build/index.js';
import { copyFolder, snapshotFolder, whichState, type FolderSnapshot } from '../support/folders.js';
import { repoRoot } from '../support/paths.js';

const cli = join(repoRoot, 'bin', 'samizdat.js');
/** The compiled stylesheets the test process uses: the children need not compile them again. */
const xsltCache = join(repoRoot, '.samizdat', 'cache', 'xslt');
const DOCUMENTS = 100;
const KILLS = 24;

/** A small TEI document: cheap to render, so that the corpus is large enough for a long write phase. */
function document(n: number, wording: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Letter ${n}</title><author>A. Writer</author></titleStmt>
<publicationStmt><publisher>The samizdat project</publisher><date when="2026">2026</date></publicationStmt><sourceDesc><p>Born digital.</p></sourceDesc></fileDesc></teiHeader>
<text><body><p xml:id="p1">Letter ${n}: ${wording}.</p><p xml:id="p2">A second paragraph.</p></body></text></TEI>
`;
}

interface Run {
  /** Milliseconds from the start to the first sight of the staging folder, if it was seen. */
  staging?: number;
  ms: number;
  killed: boolean;
}

/** Runs `samizdat build` in a child process, killing it with SIGKILL after `killAfter` ms (if it is still running). */
function runBuild(cwd: string, tei: string, out: string, killAfter?: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, [cli, 'build', tei, '--out', out, '--cache-dir', xsltCache, '--quiet'], { cwd, stdio: 'ignore' });
    let staging: number | undefined;
    const staged = join(out, '..', `.${out.split('/').pop()}.samizdat-staging`);
    const watch = setInterval(() => { if (staging === undefined && existsSync(staged)) staging = Date.now() - started; }, 2);
    const timer = killAfter === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfter);
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      clearInterval(watch);
      clearTimeout(timer);
      resolve({ staging, ms: Date.now() - started, killed: signal === 'SIGKILL' });
    });
  });
}

describe('publishing under kill -9 at random moments', function () {
  this.timeout(900_000);
  const scratch = mkdtempSync(join(tmpdir(), 'samizdat-kill-'));
  const teiA = join(scratch, 'tei-a');
  const teiB = join(scratch, 'tei-b');
  const out = join(scratch, 'dist');
  const savedA = join(scratch, 'state-a');
  let stateA: FolderSnapshot;
  let stateB: FolderSnapshot;

  before(async () => {
    mkdirSync(teiA);
    mkdirSync(teiB);
    for (let n = 1; n <= DOCUMENTS; n++) {
      writeFileSync(join(teiA, `letter${n}.xml`), document(n, 'the old wording'));
      // B changes every page, drops a tenth of the letters and adds as many.
      if (n % 10 !== 0) writeFileSync(join(teiB, `letter${n}.xml`), document(n, 'the new wording'));
      else writeFileSync(join(teiB, `added${n}.xml`), document(n, 'an added letter'));
    }
    // A into the folder, then B, whose pages stay in the cache (the output folder's: the runs below find them).
    assert.equal((await runBuild(scratch, teiA, out)).killed, false);
    stateA = snapshotFolder(out);
    copyFolder(out, savedA);
    assert.equal((await runBuild(scratch, teiB, out)).killed, false);
    stateB = snapshotFolder(out);
    assert.equal(whichState(stateA, { B: stateB }), undefined);
  });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it(`leaves the folder entirely old or entirely new, whenever the build is killed (${KILLS} moments)`, async () => {
    // A first, complete run: how long the build takes, and when it starts writing.
    copyFolder(savedA, out);
    const whole = await runBuild(scratch, teiB, out);
    assert.equal(whichState(snapshotFolder(out), { B: stateB }), 'B', 'a complete run publishes B');
    const writing = whole.staging ?? whole.ms / 2;
    const seed = Date.now();
    let random = seed;
    const next = (): number => ((random = (random * 1103515245 + 12345) % 2147483648) / 2147483648);
    const moments = Array.from({ length: KILLS }, (_, i) => (i % 2 === 0
      ? whole.ms * ((i / 2 + next()) / (KILLS / 2))
      : writing + (whole.ms - writing) * ((Math.floor(i / 2) + next()) / (KILLS / 2))));
    const outcomes: string[] = [];
    for (const moment of moments) {
      copyFolder(savedA, out);
      // What the last kill left beside the folder goes, so that what is found there after this one is this run's.
      for (const name of readdirSync(scratch).filter((entry) => /^\.dist\.samizdat-(staging|previous)$/.test(entry))) rmSync(join(scratch, name), { recursive: true });
      const run = await runBuild(scratch, teiB, out, Math.round(moment));
      const besideBefore = readdirSync(scratch).filter((name) => name.startsWith('.dist.samizdat-') && !name.endsWith('lock'));
      let state = existsSync(out) ? whichState(snapshotFolder(out), { A: stateA, B: stateB }) : 'absent';
      if (state === 'absent') {
        // Killed between the two renames: the next run puts the old folder back before anything else.
        await recoverOutput(out);
        state = whichState(snapshotFolder(out), { A: stateA }) === 'A' ? 'A (put back)' : undefined;
      }
      assert.ok(state !== undefined, `killed after ${Math.round(moment)} ms (seed ${seed}): the folder is neither the old nor the new edition`);
      outcomes.push(`${Math.round(moment)}ms:${run.killed ? 'killed' : 'finished'}:${state}${besideBefore.length > 0 ? `+${besideBefore.join(',')}` : ''}`);
    }
    const summary = outcomes.join(' ');
    // Whether a kill lands after the switch (B) depends on the machine's speed; what must hold
    // everywhere is that kills fell both before and during the write phase.
    assert.ok(outcomes.some((o) => /killed:A$/.test(o)), `no kill fell before the write phase: ${summary}`);
    assert.ok(outcomes.some((o) => /killed:.*\+\.dist\.samizdat-(staging|previous)/.test(o)), `no kill fell in the write phase: ${summary}`);

    // After all that, a build completes the new edition and leaves nothing beside it.
    const last = await runBuild(scratch, teiB, out);
    assert.equal(last.killed, false);
    assert.equal(whichState(snapshotFolder(out), { B: stateB }), 'B');
    assert.deepEqual(readdirSync(scratch).filter((name) => name.startsWith('.dist.samizdat-')), []);
  });
});

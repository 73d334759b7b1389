/**
 * A document waiting for its rules to be loaded for the first time in its
 * thread (a compile of seconds, for rules neither precompiled nor cached)
 * lets its thread take the next document (validate/step-aside.ts): the
 * thread's turn ends when the check is done or when it starts that wait,
 * and the rules layer says so once per rule set and thread, to that
 * document's own signal (a worker checks several batches interleaved).
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EDITION_RULES, runSchematron } from '../../src/validate/schematron.js';
import { stepAside, turnOf } from '../../src/validate/step-aside.js';

const FLAGSHIP = fileURLToPath(new URL('../../tei/1923-opposition-ch01.xml', import.meta.url));

/** Whether `promise` has settled by the time the tasks queued now have run. */
async function settledSoon(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  void promise.then(() => { settled = true; }, () => { settled = true; });
  await new Promise<void>((resolve) => setImmediate(resolve));
  return settled;
}

describe('validate: a document waiting for its rules steps aside', () => {
  it('ends the turn when the check is done, failed or not, when it never waits for rules', async () => {
    for (const outcome of [() => Promise.resolve('done'), () => Promise.reject(new Error('failed'))]) {
      const aside = stepAside();
      let release!: () => void;
      const check = new Promise<void>((resolve) => { release = resolve; }).then(outcome);
      const turn = turnOf(check, aside.promise);
      assert.equal(await settledSoon(turn), false, 'the turn lasts while the check runs');
      release();
      assert.equal(await settledSoon(turn), true);
      await check.catch(() => undefined);
    }
  });

  it('ends the turn as soon as the check starts waiting for rules, the check going on', async () => {
    const aside = stepAside();
    let rulesCome!: () => void;
    const check = (async () => {
      aside.signal();
      await new Promise<void>((resolve) => { rulesCome = resolve; });
      return 'checked';
    })();
    const turn = turnOf(check, aside.promise);
    assert.equal(await settledSoon(turn), true, 'the thread may take the next document');
    assert.equal(await settledSoon(check), false, 'while this one waits');
    rulesCome();
    assert.equal(await check, 'checked');
  });

  it('ends the turn of the check that waits, not of a check started after it (interleaved batches)', async () => {
    // Two batches in one worker: the first's document is under way when the second's starts; then the first's waits for rules.
    const first = stepAside();
    let rulesCome!: () => void;
    let reachRules!: () => void;
    const reached = new Promise<void>((resolve) => { reachRules = resolve; });
    const firstCheck = (async () => {
      await reached;
      first.signal();
      await new Promise<void>((resolve) => { rulesCome = resolve; });
    })();
    const firstTurn = turnOf(firstCheck, first.promise);
    const second = stepAside();
    let secondDone!: () => void;
    const secondCheck = new Promise<void>((resolve) => { secondDone = resolve; });
    const secondTurn = turnOf(secondCheck, second.promise);
    reachRules();
    assert.equal(await settledSoon(firstTurn), true, 'the waiting document\'s batch goes on');
    assert.equal(await settledSoon(secondTurn), false, 'the other batch\'s document is still being checked');
    secondDone();
    assert.equal(await settledSoon(secondTurn), true);
    rulesCome();
    await firstCheck;
  });

  it('is told by the rules layer the first time a rule set is used in the thread, not after', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'samizdat-step-aside-'));
    try {
      const document = { path: FLAGSHIP, text: readFileSync(FLAGSHIP, 'utf8') };
      // A cache folder of its own makes the rule set new to this thread (its key names the folder); the rules come precompiled.
      const options = { sources: [{ path: EDITION_RULES }], cacheDir };
      let told = 0;
      const diagnostics = await runSchematron(document, { ...options, waitingForRules: () => { told++; } });
      assert.equal(told, 1);
      assert.deepEqual(await runSchematron(document, { ...options, waitingForRules: () => { told++; } }), diagnostics);
      assert.equal(told, 1, 'not again once the rules are loaded in this thread');
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });
});

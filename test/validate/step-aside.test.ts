/**
 * A document waiting for its rules to be loaded for the first time in its
 * thread (a compile of seconds, for rules neither precompiled nor cached)
 * lets its thread take the next document (validate/step-aside.ts): the
 * thread's turn ends when the check is done or when it starts that wait,
 * and the rules layer says so once per rule set and thread.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EDITION_RULES, runSchematron } from '../../src/validate/schematron.js';
import { stepAsidePromise, turnOf, waitingForRules } from '../../src/validate/step-aside.js';

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
      const stepAside = stepAsidePromise();
      let release!: () => void;
      const check = new Promise<void>((resolve) => { release = resolve; }).then(outcome);
      const turn = turnOf(check, stepAside);
      assert.equal(await settledSoon(turn), false, 'the turn lasts while the check runs');
      release();
      assert.equal(await settledSoon(turn), true);
      await check.catch(() => undefined);
    }
  });

  it('ends the turn as soon as the check starts waiting for rules, the check going on', async () => {
    const stepAside = stepAsidePromise();
    let rulesCome!: () => void;
    const check = (async () => {
      waitingForRules();
      await new Promise<void>((resolve) => { rulesCome = resolve; });
      return 'checked';
    })();
    const turn = turnOf(check, stepAside);
    assert.equal(await settledSoon(turn), true, 'the thread may take the next document');
    assert.equal(await settledSoon(check), false, 'while this one waits');
    rulesCome();
    assert.equal(await check, 'checked');
  });

  it('is told by the rules layer the first time a rule set is used in the thread, not after', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'samizdat-step-aside-'));
    try {
      const document = { path: FLAGSHIP, text: readFileSync(FLAGSHIP, 'utf8') };
      // A cache folder of its own makes the rule set new to this thread (its key names the folder); the rules come precompiled.
      const options = { sources: [{ path: EDITION_RULES }], cacheDir };
      const first = stepAsidePromise();
      const diagnostics = await runSchematron(document, options);
      assert.equal(await settledSoon(first), true);
      const second = stepAsidePromise();
      assert.deepEqual(await runSchematron(document, options), diagnostics);
      assert.equal(await settledSoon(second), false);
      waitingForRules(); // the next document's promise, left set, is resolved by the next signal only
      assert.equal(await settledSoon(second), true);
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });
});

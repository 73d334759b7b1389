/** V8 tuned for the command being run (cli/jit.ts): only `validate --grammar-only` changes V8's default, and only on the V8 it was measured with. */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { jitFlagsFor } from '../../src/cli/jit.js';

const NODE_20_V8 = '11.3.244.8-node.33';

describe('cli: V8 tuned for the command', () => {
  it('gives validate --grammar-only a larger optimisation budget, wherever the option stands', () => {
    assert.deepEqual(jitFlagsFor(['validate', '--grammar-only', 'tei'], NODE_20_V8), ['--interrupt-budget=300000']);
    assert.deepEqual(jitFlagsFor(['validate', 'tei', '--format', 'json', '--grammar-only'], NODE_20_V8), ['--interrupt-budget=300000']);
  });

  it('leaves every other command, and the full validate, with the default', () => {
    for (const argv of [['validate', 'tei'], ['build', 'tei'], ['build', '--grammar-only'], ['text', 'a.xml'], ['watch'], [], ['validate', '--', '--grammar-only']]) {
      assert.deepEqual(jitFlagsFor(argv, NODE_20_V8), [], argv.join(' '));
    }
  });

  it('leaves another V8 with its default (the budget was measured on V8 11)', () => {
    assert.deepEqual(jitFlagsFor(['validate', '--grammar-only'], '12.4.254.21-node.33'), []);
  });

  it('is a flag this V8 knows: setting it prints nothing', function () {
    const [flag] = jitFlagsFor(['validate', '--grammar-only']);
    if (flag === undefined) this.skip();
    const run = spawnSync(process.execPath, ['-e', `require('node:v8').setFlagsFromString(${JSON.stringify(flag)})`], { encoding: 'utf8' });
    assert.equal(run.status, 0);
    assert.equal(run.stdout + run.stderr, '', 'V8 says nothing of a flag it knows (an unknown one: "unrecognized flag")');
  });
});

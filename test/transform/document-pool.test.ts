/**
 * Documents of the pool (transformSource's `documentPool`), which outlive a
 * run: the rules of an edition read its register, parsed once, for every
 * document they check. A run's key indexes on such a tree are forgotten when
 * it ends (saxon-js draws a new id for each run's, so a kept one would never
 * serve again, and a register would gather one per document checked); the
 * next run builds its own and finds the same.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileStylesheet, parseSource, transformSource, type SaxonDocument } from '../../src/transform/index.js';

const STYLESHEET = fileURLToPath(new URL('../fixtures/transform/pooled-key.xsl', import.meta.url));
const REGISTER_URI = 'file:///edition/register.xml';
const REGISTER = '<register><person id="lt" label="Trotsky"/><person id="gz" label="Zinoviev"/><person id="ls" label="Stalin"/></register>';
const letter = (refs: string[]) => ({ file: 'letter.xml', baseUri: 'file:///edition/letter.xml', text: `<letter>${refs.map((ref) => `<name ref="${ref}"/>`).join('')}</letter>` });

/** The key indexes saxon-js holds on a document node (its own property). */
const indexesOn = (tree: SaxonDocument): number => Object.keys((tree as { _saxonIndexes?: object })._saxonIndexes ?? {}).length;

describe('transform: documents of the pool', () => {
  let cacheDir: string;
  before(() => { cacheDir = mkdtempSync(join(tmpdir(), 'samizdat-pool-')); });
  after(() => rmSync(cacheDir, { recursive: true, force: true }));

  it('keep no key index of a finished run, and give the next run the same answers', async () => {
    const stylesheet = await compileStylesheet(STYLESHEET, { cacheDir });
    const register = await parseSource({ file: 'register.xml', baseUri: REGISTER_URI, text: REGISTER });
    const documentPool = { [REGISTER_URI]: register.node };
    const run = (refs: string[]) => String(transformSource(stylesheet, letter(refs), { documentPool, params: { register: REGISTER_URI } }).principal);
    for (let round = 0; round < 3; round++) {
      assert.match(run(['lt', 'gz']), /<named>Trotsky, Zinoviev<\/named>/);
      assert.equal(indexesOn(register.node), 0, `after run ${round * 2 + 1}`);
      assert.match(run(['ls']), /<named>Stalin<\/named>/);
      assert.equal(indexesOn(register.node), 0, `after run ${round * 2 + 2}`);
    }
  });

  it('forgets them after a run that fails too', async () => {
    const stylesheet = await compileStylesheet(STYLESHEET, { cacheDir });
    const register = await parseSource({ file: 'register.xml', baseUri: REGISTER_URI, text: REGISTER });
    const documentPool = { [REGISTER_URI]: register.node };
    assert.throws(() => transformSource(stylesheet, letter(['lt']), { documentPool, params: { register: REGISTER_URI, fail: true } }), /stopped after the look-up/);
    assert.equal(indexesOn(register.node), 0);
  });
});

/**
 * Documents of the pool (transformSource's `documentPool`), which outlive a
 * run: the rules of an edition read its register, parsed once, for every
 * document they check. A run's key indexes on such a tree are forgotten when
 * it ends (saxon-js draws a new id for each run's, so a kept one would never
 * serve again, and a register would gather one per document checked); the
 * next run builds its own and finds the same. The index of a key that
 * depends on the tree alone is kept under one id per stylesheet
 * (saxon-patches.ts, `pure-key-indexes-kept`) and serves the next run; one
 * whose values depend on a parameter is built again by every run.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileStylesheet, parseSource, transformSource, type SaxonDocument } from '../../src/transform/index.js';
import { KEPT_KEY_PREFIX } from '../../src/transform/saxon-patches.js';

const STYLESHEET = fileURLToPath(new URL('../fixtures/transform/pooled-key.xsl', import.meta.url));
const KEPT_KEYS = fileURLToPath(new URL('../fixtures/transform/kept-keys.xsl', import.meta.url));
const REGISTER_URI = 'file:///edition/register.xml';
const REGISTER = '<register><person id="lt" label="Trotsky"/><person id="gz" label="Zinoviev"/><person id="ls" label="Stalin"/></register>';
const letter = (refs: string[]) => ({ file: 'letter.xml', baseUri: 'file:///edition/letter.xml', text: `<letter>${refs.map((ref) => `<name ref="${ref}"/>`).join('')}</letter>` });

/** The key indexes saxon-js holds on a document node (its own property), by id. */
const indexes = (tree: SaxonDocument): Record<string, unknown> => (tree as { _saxonIndexes?: Record<string, unknown> })._saxonIndexes ?? {};
/** How many it holds of a run, and how many kept for the next runs. */
const indexesOn = (tree: SaxonDocument): { run: number; kept: number } => {
  const ids = Object.keys(indexes(tree));
  return { run: ids.filter((id) => !id.startsWith(KEPT_KEY_PREFIX)).length, kept: ids.filter((id) => id.startsWith(KEPT_KEY_PREFIX)).length };
};

describe('transform: documents of the pool', () => {
  let cacheDir: string;
  before(() => { cacheDir = mkdtempSync(join(tmpdir(), 'samizdat-pool-')); });
  after(() => rmSync(cacheDir, { recursive: true, force: true }));

  it('keep no key index of a finished run but those of keys on the tree alone, and give the next run the same answers', async () => {
    const stylesheet = await compileStylesheet(STYLESHEET, { cacheDir });
    const register = await parseSource({ file: 'register.xml', baseUri: REGISTER_URI, text: REGISTER });
    const documentPool = { [REGISTER_URI]: register.node };
    const run = (refs: string[]) => String(transformSource(stylesheet, letter(refs), { documentPool, params: { register: REGISTER_URI } }).principal);
    for (let round = 0; round < 3; round++) {
      assert.match(run(['lt', 'gz']), /<named>Trotsky, Zinoviev<\/named>/);
      assert.deepEqual(indexesOn(register.node), { run: 0, kept: 1 }, `after run ${round * 2 + 1}`);
      assert.match(run(['ls']), /<named>Stalin<\/named>/);
      assert.deepEqual(indexesOn(register.node), { run: 0, kept: 1 }, `after run ${round * 2 + 2}`);
    }
  });

  it('forgets them after a run that fails too', async () => {
    const stylesheet = await compileStylesheet(STYLESHEET, { cacheDir });
    const register = await parseSource({ file: 'register.xml', baseUri: REGISTER_URI, text: REGISTER });
    const documentPool = { [REGISTER_URI]: register.node };
    assert.throws(() => transformSource(stylesheet, letter(['lt']), { documentPool, params: { register: REGISTER_URI, fail: true } }), /stopped after the look-up/);
    assert.deepEqual(indexesOn(register.node), { run: 0, kept: 1 });
  });

  it('forget an index a failed run left unfinished, even of a key on the tree alone', async () => {
    const stylesheet = await compileStylesheet(STYLESHEET, { cacheDir });
    const register = await parseSource({ file: 'register.xml', baseUri: REGISTER_URI, text: REGISTER });
    const documentPool = { [REGISTER_URI]: register.node };
    transformSource(stylesheet, letter(['lt']), { documentPool, params: { register: REGISTER_URI } });
    const [id] = Object.keys(indexes(register.node));
    // As saxon-js leaves it when the building of an index throws.
    indexes(register.node)[id!] = 'under construction';
    transformSource(stylesheet, letter([]), { documentPool, params: { register: REGISTER_URI } });
    assert.deepEqual(indexesOn(register.node), { run: 0, kept: 0 });
    assert.match(String(transformSource(stylesheet, letter(['gz']), { documentPool, params: { register: REGISTER_URI } }).principal), /<named>Zinoviev<\/named>/);
  });

  it('serve the next run with the index of a key on the tree alone, and build again one whose values depend on a parameter', async () => {
    const stylesheet = await compileStylesheet(KEPT_KEYS, { cacheDir });
    const register = await parseSource({ file: 'register.xml', baseUri: REGISTER_URI, text: REGISTER });
    const documentPool = { [REGISTER_URI]: register.node };
    const run = (refs: string[], suffix: string) => String(transformSource(stylesheet, letter(refs), { documentPool, params: { register: REGISTER_URI, suffix } }).principal);
    assert.match(run(['lt', 'gz'], '-1'), /<named>Trotsky, Zinoviev\|lt, gz<\/named>/);
    const kept = Object.entries(indexes(register.node));
    assert.equal(kept.length, 1);
    assert.ok(kept[0]![0].startsWith(KEPT_KEY_PREFIX));
    // Another suffix: an index of the last run's values would find nothing. (A path's last step gives the register's order.)
    assert.match(run(['ls', 'lt'], '-2'), /<named>Trotsky, Stalin\|lt, ls<\/named>/);
    assert.deepEqual(Object.keys(indexes(register.node)), [kept[0]![0]]);
    assert.equal(indexes(register.node)[kept[0]![0]], kept[0]![1], 'the same index, not built again');
    // The same tree as a source, run twice with two suffixes, answers as a tree parsed afresh.
    const source = await parseSource(letter(['gz']));
    const again = (suffix: string) => String(transformSource(stylesheet, source, { documentPool, params: { register: REGISTER_URI, suffix } }).principal);
    assert.match(again('-3'), /<named>Zinoviev\|gz<\/named>/);
    assert.match(again('-4'), /<named>Zinoviev\|gz<\/named>/);
  });
});

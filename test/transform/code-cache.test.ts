/**
 * Loading a CommonJS module from a V8 code cache (transform/code-cache.ts),
 * as saxon-js is loaded: the cache is used when it was made for this very
 * script, refused (and the script compiled as usual) when it is damaged or
 * made for another script; modules it defers load only when used. Each case
 * writes modules of its own, since a loaded module stays in require.cache.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { codeCacheFile, makeCodeCache, requireWithCodeCache } from '../../src/transform/code-cache.js';

describe('transform: modules loaded from a V8 code cache', () => {
  let folder: string;
  let cacheDir: string;
  let made = 0;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'samizdat-code-cache-'));
    cacheDir = join(folder, 'code-cache');
    mkdirSync(cacheDir);
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  /** A module with a function worth compiling, and `extra` (an expression) among its exports. */
  function writeModule(extra = '{}'): { file: string; source: Buffer } {
    const file = join(folder, `module-${++made}.cjs`);
    const source = `function verse(n) { let s = ''; for (let i = 0; i < n; i++) s += i % 2 ? 'ta' : 'TUM'; return s; }
      module.exports = { verse, filename: __filename, ...${extra} };`;
    writeFileSync(file, source);
    return { file, source: Buffer.from(source) };
  }

  it('compiles a module from the cache made for it, and enters it in require.cache as require would', () => {
    // Not ASCII: the text is decoded as UTF-8, not byte by byte.
    const { file, source } = writeModule("{ title: 'La révolution trahie — 1936' }");
    writeFileSync(codeCacheFile(cacheDir, source), makeCodeCache(file));
    const loaded = requireWithCodeCache(file, { cacheDir });
    assert.equal(loaded.codeCache, 'accepted');
    const exports = loaded.exports as { verse: (n: number) => string; filename: string; title: string };
    assert.equal(exports.verse(4), 'TUMtaTUMta');
    assert.equal(exports.title, 'La révolution trahie — 1936');
    assert.equal(exports.filename, file);
    assert.equal(createRequire(import.meta.url)(file), exports, 'a later require gets the same instance');
  });

  it('compiles the module as usual without a cache, or when the cache is damaged', () => {
    const plain = writeModule();
    assert.equal(requireWithCodeCache(plain.file, { cacheDir }).codeCache, 'none');
    const damaged = writeModule();
    writeFileSync(codeCacheFile(cacheDir, damaged.source), Buffer.alloc(4096, 7));
    const loaded = requireWithCodeCache(damaged.file, { cacheDir });
    assert.equal(loaded.codeCache, 'rejected');
    assert.equal((loaded.exports as { verse: (n: number) => string }).verse(2), 'TUMta');
  });

  it('names a cache by the script\'s text, so an edited script never finds the old one', () => {
    const { source } = writeModule();
    assert.notEqual(codeCacheFile(cacheDir, source), codeCacheFile(cacheDir, Buffer.from(source.toString().replace("'ta'", "'da'"))));
  });

  it('runs the patched text, from a cache made for and named by the patched text', () => {
    const { file, source } = writeModule();
    const patches = [{ name: 'trochee', from: "? 'ta' : 'TUM'", to: "? 'TUM' : 'ta'" }];
    assert.notEqual(codeCacheFile(cacheDir, source, { patches }), codeCacheFile(cacheDir, source));
    writeFileSync(codeCacheFile(cacheDir, source, { patches }), makeCodeCache(file, { patches }));
    const loaded = requireWithCodeCache(file, { cacheDir, patches });
    assert.equal(loaded.codeCache, 'accepted');
    assert.equal((loaded.exports as { verse: (n: number) => string }).verse(4), 'taTUMtaTUM');
  });

  it('makes the cache after the warm-up, keeping what the warm-up compiled', () => {
    const { file, source } = writeModule();
    // verse is declared at the top level, not called there: V8 compiles it on its first call, in the warm-up.
    // Made first: V8 keeps a script compiled in this process, so a later cache of the same text would hold verse too.
    const plain = makeCodeCache(file);
    let warmed: string | undefined;
    const warm = makeCodeCache(file, { warmUp: (exports) => { warmed = (exports as { verse: (n: number) => string }).verse(3); } });
    assert.equal(warmed, 'TUMtaTUM', 'the warm-up is given the module\'s exports');
    assert.ok(warm.length > plain.length, 'the cache holds the compiled function besides the top level');
    writeFileSync(codeCacheFile(cacheDir, source), warm);
    const loaded = requireWithCodeCache(file, { cacheDir });
    assert.equal(loaded.codeCache, 'accepted');
    assert.equal((loaded.exports as { verse: (n: number) => string }).verse(2), 'TUMta');
  });

  it('loads a deferred module only when it is called or read, and then as itself', () => {
    const helper = join(folder, 'helper.cjs');
    writeFileSync(helper, `globalThis.samizdatHelperLoaded = true;
      function greet(name) { return 'Hail, ' + name; }
      greet.mood = 'solemn';
      module.exports = greet;`);
    const { file } = writeModule(`(() => { const greet = require(${JSON.stringify(helper)}); return { hail: () => greet('Tempest') + ' (' + greet.mood + ')' }; })()`);
    const global = globalThis as { samizdatHelperLoaded?: boolean };
    delete global.samizdatHelperLoaded;
    const { exports } = requireWithCodeCache(file, { cacheDir, deferred: [helper] });
    assert.equal(global.samizdatHelperLoaded, undefined, 'required at the top level, yet not loaded');
    assert.equal((exports as { hail: () => string }).hail(), 'Hail, Tempest (solemn)');
    assert.equal(global.samizdatHelperLoaded, true);
  });
});

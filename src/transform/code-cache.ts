/**
 * Loading a large CommonJS dependency with a V8 code cache. saxon-js is
 * 2.4 MB of JavaScript: compiling it costs about 90 ms of every process that
 * runs a stylesheet or a rule, before any XSLT runs. V8 can instead start
 * from a code cache, the compiled form of the script as it stood after its
 * top level ran; the package carries one (precompiled/code-cache/, made by
 * the prepack step like the SEFs), named by the key below.
 *
 * A code cache is code: it is read only from the package's own precompiled
 * folder, never from an edition's cache, which comes with whatever folder
 * samizdat is run in. It is named by the sha256 of the script and of the
 * Node version and architecture, because V8 itself checks only the script's
 * length; V8 still refuses one made under other flags, and the script is
 * then compiled as usual.
 */
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { patchSource, type SourcePatch } from './saxon-patches.js';

/** How a module was compiled: from its code cache, without one, or with one V8 refused. */
export type CodeCacheUse = 'accepted' | 'none' | 'rejected';

export interface CodeCacheOptions {
  /** The folder of code caches (the package's precompiled/code-cache/). */
  cacheDir: string;
  /**
   * Modules it requires that are loaded only when first used, by a call or a
   * property read. saxon-js requires axios (its HTTP client, about 30 ms to
   * load with what it pulls in) at the top level, and samizdat never lets
   * it make a request.
   */
  deferred?: readonly string[];
  /** Edits made to the module's text before it is compiled (see saxon-patches.ts); the code cache is made from, and named by, the edited text. */
  patches?: readonly SourcePatch[];
}

/** The file a module's code cache is kept in, named from the module's bytes and the patches made to it. */
export function codeCacheFile(cacheDir: string, source: Uint8Array, options: Pick<CodeCacheOptions, 'patches'> = {}): string {
  const patches = JSON.stringify(options.patches ?? []);
  const key = createHash('sha256').update(`samizdat-code-cache-1\0${process.version}\0${process.arch}\0${patches}\0`).update(source).digest('hex');
  return join(cacheDir, `${key}.bin`);
}

/** A module's text, patched; read as bytes, which hash several times faster than a string, and decoded cheaply when they are ASCII (saxon-js is). */
function moduleText(bytes: Buffer, patches: readonly SourcePatch[] = []): string {
  const text = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  return patches.length === 0 ? text : patchSource(text, patches).source;
}

/** CommonJS's wrapper, as Node's loader puts it around a module's text. */
const wrap = (source: string): string => `(function (exports, require, module, __filename, __dirname) { ${source}\n});`;

/**
 * `require(file)`, compiled from its code cache when there is one. The
 * module is entered in `require.cache` as Node's loader does, so any other
 * `require` of it gets this same instance.
 */
export function requireWithCodeCache(file: string, options: CodeCacheOptions): { exports: unknown; codeCache: CodeCacheUse } {
  const known = createRequire(file).cache[file];
  if (known?.loaded) return { exports: known.exports, codeCache: 'none' };
  const bytes = readFileSync(file);
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(codeCacheFile(options.cacheDir, bytes, options));
  } catch { /* none made for this script and this Node: compiled as usual */ }
  const script = new Script(wrap(moduleText(bytes, options.patches)), { filename: file, cachedData });
  const codeCache: CodeCacheUse = cachedData === undefined ? 'none' : script.cachedDataRejected ? 'rejected' : 'accepted';
  return { exports: run(script, file, options.deferred ?? [], true), codeCache };
}

export interface MakeCodeCacheOptions extends Pick<CodeCacheOptions, 'deferred' | 'patches'> {
  /**
   * Work done with the module's exports before the cache is made. V8 compiles
   * a function when it is first called and keeps it in the cache made after:
   * a cache made after the top level alone leaves every process to compile
   * again each function its work calls (saxon-js's parser, its XPath engine,
   * its serialiser: about a tenth of a small validate or build).
   */
  warmUp?: (exports: unknown) => void;
}

/** The code cache of the module at `file`, as it stands after its top level ran and `warmUp` used it (so that what those compile is in it too). */
export function makeCodeCache(file: string, options: MakeCodeCacheOptions = {}): Buffer {
  const script = new Script(wrap(moduleText(readFileSync(file), options.patches)), { filename: file });
  // A second instance, kept nowhere: the module's state lives inside its wrapper.
  const exports = run(script, file, options.deferred ?? [], false);
  options.warmUp?.(exports);
  return script.createCachedData();
}

function run(script: Script, file: string, deferred: readonly string[], register: boolean): unknown {
  const module = new Module(file);
  module.filename = file;
  const load = createRequire(file);
  const required = (id: string): unknown => (deferred.includes(id) ? onFirstUse(() => load(id)) : load(id));
  if (register) load.cache[file] = module;
  try {
    (script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, required, module, file, dirname(file));
  } catch (error) {
    if (register) delete load.cache[file];
    throw error;
  }
  module.loaded = true;
  return module.exports;
}

/** A stand-in for a module (a function or an object) that loads it when it is first called or read. */
function onFirstUse(load: () => unknown): unknown {
  let loaded: object | undefined;
  const target = (): object => (loaded ??= load() as object);
  return new Proxy(function deferred() {}, {
    apply: (_, self, args) => Reflect.apply(target() as (...a: unknown[]) => unknown, self, args),
    construct: (_, args) => Reflect.construct(target() as new (...a: unknown[]) => object, args),
    get: (_, key) => Reflect.get(target(), key),
    has: (_, key) => Reflect.has(target(), key),
  });
}

/**
 * What a transformation may read. saxon-js reads files and makes requests
 * through one platform object shared by the whole thread; while a gated
 * transformation runs, that object's file reading lets through only the
 * files allowed, and every other file and every http(s) request fails as if
 * the resource did not exist. The rule layer runs untrusted documents'
 * checks this way (see validate/schematron/sandbox.ts for what it allows).
 */
import { realpathSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import { saxon } from './saxon.js';

type PlatformFunction = (...args: unknown[]) => unknown;

/**
 * Runs `work` (synchronously) with saxon-js able to read only `allowed`
 * (real paths). The gate is installed and removed around one synchronous
 * call, so no other transformation can observe it.
 */
export function withReadsLimitedTo<T>(allowed: ReadonlySet<string>, work: () => T): T {
  const platform: Record<string, PlatformFunction> = saxon().getPlatform();
  const saved = { readFile: platform.readFile, resourcePromise: platform.resourcePromise, makeHttpRequest: platform.makeHttpRequest };
  const permitted = (location: unknown): boolean => {
    const text = String(location instanceof URL ? location.href : location);
    let path: string;
    try {
      path = /^file:/i.test(text) ? fileURLToPath(text) : text;
    } catch {
      return false;
    }
    if (!isAbsolute(path)) return false;
    const real = safeRealpath(path);
    return real !== undefined && allowed.has(real);
  };
  const refuse = (location: unknown): never => {
    throw new Error(`samizdat: reading ${String(location)} is not allowed while checking rules (only local files the document names may be read)`);
  };
  platform.readFile = function (this: unknown, ...args: unknown[]) {
    return permitted(args[0]) ? saved.readFile.apply(this, args) : refuse(args[0]);
  };
  platform.resourcePromise = function (...args: unknown[]) {
    return Promise.reject(new Error(`samizdat: asynchronous resource loading is not allowed while checking rules (${JSON.stringify(args[0])})`));
  };
  platform.makeHttpRequest = function (...args: unknown[]) {
    return refuse(args[0]);
  };
  try {
    return work();
  } finally {
    platform.readFile = saved.readFile;
    platform.resourcePromise = saved.resourcePromise;
    platform.makeHttpRequest = saved.makeHttpRequest;
  }
}

function safeRealpath(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

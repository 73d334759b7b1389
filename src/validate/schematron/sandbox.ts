/**
 * What a rule run may read. Documents are untrusted, and Schematron can call
 * doc(), unparsed-text() and friends on any URI. While a rule run executes,
 * saxon-js's file and network access is replaced by a gate that lets through
 * only the local files the document names (any attribute value, e.g.
 * `register.xml#p1` or a prefixDef's replacementPattern), resolved against
 * the document and lying inside the document's folder tree. Everything else,
 * and every http(s) request, fails as if the resource did not exist.
 */
import { realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { saxon } from './saxon.js';

/**
 * The local files a document names in its attribute values (`register.xml#p1`
 * names register.xml, and so does `file:///…/register.xml#p1`), resolved against the document's folder and lying
 * inside it: `readable`, those that exist with their real paths (what its
 * rules may read), and `dependsOn`, what its verdict depends on — those that exist
 * and those that do not yet but look like file names (`people.xml`, which a
 * pointer may be waiting for), though not every attribute value (`p1`,
 * `1923-10-08`).
 */
export function filesNamedBy(documentPath: string, attributeValues: readonly string[]): { readable: Map<string, string>; dependsOn: Set<string> } {
  const folder = dirname(resolve(documentPath));
  const realFolder = safeRealpath(folder);
  /** Path as named → real path. */
  const readable = new Map<string, string>();
  const dependsOn = new Set<string>();
  if (realFolder === undefined) return { readable, dependsOn };
  for (const value of attributeValues) {
    for (const token of value.split(/\s+/)) {
      const file = token.split('#')[0];
      const absolute = /^file:/i.test(file);
      if (file === '' || (!absolute && /^[a-z][a-z0-9+.-]*:/i.test(file)) || file.includes('$')) continue;
      let decoded: string;
      try {
        decoded = absolute ? fileURLToPath(file) : decodeURI(file);
      } catch {
        continue;
      }
      const path = resolve(folder, decoded);
      if (!inside(folder, path) || dependsOn.has(path)) continue;
      const real = safeRealpath(path);
      if (real !== undefined && inside(realFolder, real) && isFile(real)) {
        readable.set(path, real);
        dependsOn.add(path);
      } else if (real === undefined && /\.[a-z][a-z0-9]*$/i.test(path)) {
        dependsOn.add(path);
      }
    }
  }
  return { readable, dependsOn };
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

type PlatformFunction = (...args: unknown[]) => unknown;

/**
 * Runs `work` (synchronously) with saxon-js able to read only `allowed`.
 * saxon-js's platform object is shared by the whole process; the gate is
 * installed and removed around one synchronous call, so no other
 * transformation can observe it.
 */
export function withFileGate<T>(allowed: ReadonlySet<string>, work: () => T): T {
  const platform: Record<string, PlatformFunction> = saxon.getPlatform();
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

function inside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && !rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel);
}

function safeRealpath(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

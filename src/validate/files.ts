/**
 * The documents to check, from paths and globs, as a stream: a file is
 * yielded as soon as it is found. A directory means every `.xml` file under
 * it; a glob (`*`, `**`, `?`, `{a,b}`, `[…]`) is matched against paths
 * relative to its fixed prefix. Hidden files and folders (editors' lock files
 * among them, such as emacs' dangling `.#name.xml` links) and node_modules are
 * skipped.
 */
import { opendir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { IO_RULE } from '../xml/read.js';

export const DEFAULT_SOURCES = ['tei/**/*.xml'];

const MAGIC = /[*?[{]/;

export async function* expandPaths(patterns: readonly string[]): AsyncGenerator<string | Diagnostic> {
  const seen = new Set<string>();
  for (const pattern of patterns) {
    let found = 0;
    for await (const file of expandOne(pattern)) {
      if (seen.has(file)) continue;
      seen.add(file);
      found++;
      yield file;
    }
    if (found === 0 && MAGIC.test(pattern)) {
      yield diagnostic('error', IO_RULE, `no files match ${pattern}.`, { file: pattern });
    }
  }
}

async function* expandOne(pattern: string): AsyncGenerator<string> {
  if (!MAGIC.test(pattern)) {
    const info = await stat(pattern).catch(() => undefined);
    if (info?.isDirectory()) {
      yield* walk(pattern, (path) => path.endsWith('.xml'));
    } else {
      yield pattern; // a file, or a missing path the reading layer reports
    }
    return;
  }
  const { base, matcher } = splitGlob(pattern);
  yield* walk(base, (path) => matcher.test(relative(base, path).split(sep).join('/')));
}

/** Whether a pattern is a glob (rather than a file or folder). */
export function isGlob(pattern: string): boolean {
  return MAGIC.test(pattern);
}

/** A glob as its fixed leading folder and a matcher for `/`-separated paths relative to that folder. */
export function splitGlob(pattern: string): { base: string; matcher: RegExp } {
  const segments = pattern.split(/[\\/]/);
  const fixed: string[] = [];
  while (segments.length > 1 && !MAGIC.test(segments[0])) fixed.push(segments.shift()!);
  return { base: fixed.length === 0 ? '.' : fixed.join('/') || '/', matcher: globToRegExp(segments.join('/')) };
}

async function* walk(dir: string, wanted: (path: string) => boolean): AsyncGenerator<string> {
  let handle;
  try {
    handle = await opendir(dir);
  } catch {
    return;
  }
  const entries: { name: string; directory: boolean }[] = [];
  for await (const entry of handle) entries.push({ name: entry.name, directory: entry.isDirectory() });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = dir === '.' ? entry.name : join(dir, entry.name);
    if (entry.directory) {
      if (entry.name !== 'node_modules') yield* walk(path, wanted);
    } else if (wanted(path)) {
      yield path;
    }
  }
}

/** A glob as a regular expression over `/`-separated relative paths. */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      if (glob[i + 2] === '/') { source += '(?:.*/)?'; i += 2; } else { source += '.*'; i += 1; }
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else if (c === '{') {
      const close = glob.indexOf('}', i);
      if (close < 0) { source += '\\{'; continue; }
      source += `(?:${glob.slice(i + 1, close).split(',').map(escape).join('|')})`;
      i = close;
    } else if (c === '[') {
      const close = glob.indexOf(']', i);
      if (close < 0) { source += '\\['; continue; }
      source += `[${glob.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
      i = close;
    } else source += escape(c);
  }
  return new RegExp(`^${source}$`);
}

function escape(text: string): string {
  return text.replace(/[.+^$()|\\/]/g, '\\$&');
}

/**
 * The documents to check, from paths and globs, as a stream: a file is
 * yielded as soon as it is found. A directory means every `.xml` file under
 * it; a glob (`*`, `**`, `?`, `{a,b}`, `[…]`) is matched against paths
 * relative to its fixed prefix. Hidden files and folders (editors' lock files
 * among them, such as emacs' dangling `.#name.xml` links) and node_modules are
 * skipped.
 *
 * Symbolic links are followed only where they stay inside the edition: its
 * root folder, the folders the patterns name, and the folders the
 * configuration allows (`allowRead`). A link leading elsewhere is reported,
 * not followed, so that a link to a private file is never published.
 */
import { opendir, realpath, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { IO_RULE } from '../xml/read.js';

export const DEFAULT_SOURCES = ['tei/**/*.xml'];

/** `ruleId` of a symbolic link leading outside the edition. */
export const OUTSIDE_RULE = 'outside-edition';

const MAGIC = /[*?[{]/;

export interface ExpandOptions {
  /** The edition's root folder (default: the current folder). */
  root?: string;
  /** Further folders symbolic links may lead into (config `allowRead`). */
  allowRead?: readonly string[];
}

export async function* expandPaths(patterns: readonly string[], options: ExpandOptions = {}): AsyncGenerator<string | Diagnostic> {
  const seen = new Set<string>();
  const inside = await boundary([options.root ?? process.cwd(), ...(options.allowRead ?? []), ...patterns.map(sourceFolder)]);
  for (const pattern of patterns) {
    let found = 0;
    for await (const entry of expandOne(pattern, inside)) {
      if (typeof entry !== 'string') { yield entry; continue; }
      if (seen.has(entry)) continue;
      seen.add(entry);
      found++;
      yield entry;
    }
    if (found === 0 && MAGIC.test(pattern)) {
      yield diagnostic('error', IO_RULE, `no files match ${pattern}.`, { file: pattern });
    }
  }
}

/** The folder a pattern reads from: a glob's fixed part, a file's folder, a folder itself. */
export function sourceFolder(pattern: string): string {
  if (MAGIC.test(pattern)) return splitGlob(pattern).base;
  return pattern.endsWith('.xml') ? join(pattern, '..') : pattern;
}

/**
 * The folders documents found by `patterns` may read besides the edition's
 * root: for sources outside the root (an edition named on the command line
 * from elsewhere), the folder holding their folder — where an edition keeps
 * `tei/` beside `schemas/`.
 */
export function editionFoldersOf(patterns: readonly string[], root: string): string[] {
  const inRoot = (folder: string) => {
    const rest = relative(resolve(root), resolve(folder));
    return rest === '' || (!rest.startsWith(`..${sep}`) && rest !== '..' && !rest.startsWith(sep));
  };
  return patterns.map(sourceFolder).filter((folder) => !inRoot(folder)).map((folder) => resolve(folder, '..'));
}

/** Whether a real path lies inside one of the folders (given as real paths). */
type Inside = (real: string) => boolean;

async function boundary(folders: readonly string[]): Promise<Inside> {
  const reals = await Promise.all(folders.map((folder) => realpath(folder).catch(() => resolve(folder))));
  return (real) => reals.some((folder) => {
    const rest = relative(folder, real);
    return rest === '' || (!rest.startsWith(`..${sep}`) && rest !== '..' && !rest.startsWith(sep));
  });
}

/**
 * The problem with a path that leads outside the edition through a symbolic
 * link: an error for a document (it would be left out), a warning for a
 * folder (whatever it holds is not looked at).
 */
async function outside(path: string, inside: Inside, folder = false): Promise<Diagnostic | undefined> {
  const real = await realpath(path).catch(() => undefined);
  if (real === undefined || inside(real)) return undefined;
  const what = folder ? 'its documents are not read' : 'it is not read';
  return diagnostic(folder ? 'warning' : 'error', OUTSIDE_RULE,
    `${path} is a symbolic link (or lies under one) to ${real}, outside the edition; samizdat follows links only inside it, so ${what}. Move ${folder ? 'the folder' : 'the file'} into the edition, or add its folder to "allowRead" in samizdat.config.json.`,
    { file: path });
}

async function* expandOne(pattern: string, inside: Inside): AsyncGenerator<string | Diagnostic> {
  if (!MAGIC.test(pattern)) {
    const info = await stat(pattern).catch(() => undefined);
    if (info?.isDirectory()) {
      yield* walk(pattern, (path) => path.endsWith('.xml'), inside, new Set());
    } else {
      // A file, or a missing path the reading layer reports.
      yield (info && await outside(pattern, inside)) || pattern;
    }
    return;
  }
  const { base, matcher } = splitGlob(pattern);
  yield* walk(base, (path) => matcher.test(relative(base, path).split(sep).join('/')), inside, new Set());
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

async function* walk(dir: string, wanted: (path: string) => boolean, inside: Inside, visited: Set<string>): AsyncGenerator<string | Diagnostic> {
  // A folder reached twice through links (a cycle) is walked once.
  const real = await realpath(dir).catch(() => dir);
  if (visited.has(real)) return;
  visited.add(real);
  let handle;
  try {
    handle = await opendir(dir);
  } catch {
    return;
  }
  const entries: { name: string; directory: boolean; link: boolean }[] = [];
  for await (const entry of handle) entries.push({ name: entry.name, directory: entry.isDirectory(), link: entry.isSymbolicLink() });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = dir === '.' ? entry.name : join(dir, entry.name);
    let directory = entry.directory;
    if (entry.link) {
      const target = await stat(path).catch(() => undefined);
      if (target === undefined) {
        if (wanted(path)) yield path; // a dangling link: the reading layer says it does not exist
        continue;
      }
      directory = target.isDirectory();
      if (!directory && !wanted(path)) continue;
      const problem = await outside(path, inside, directory);
      if (problem) { yield problem; continue; }
    }
    if (directory) {
      if (entry.name !== 'node_modules') yield* walk(path, wanted, inside, visited);
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

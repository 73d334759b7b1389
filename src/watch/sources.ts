/**
 * Which changed paths matter to an edition: the documents its source
 * patterns name (folders, files, globs, as `build` and `validate` read them),
 * and which paths the watcher never looks at (editor temporaries, the output,
 * caches, repositories).
 */
import { basename, dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { isGlob, splitGlob } from '../validate/files.js';

/** One source pattern: the folder or file to watch, and whether a path is one of its documents. */
export interface SourcePattern {
  /** Absolute folder (or file) to watch. */
  base: string;
  matches(path: string): boolean;
}

/** Whether `path` is `folder` or inside it (both absolute). */
export function within(folder: string, path: string): boolean {
  const inside = relative(folder, path);
  return inside === '' || (!inside.startsWith(`..${sep}`) && inside !== '..' && !isAbsolute(inside));
}

/** As `expandPaths` walks: hidden files and folders, and node_modules, are not looked at. */
function visible(base: string, path: string): boolean {
  return relative(base, path).split(sep).every((segment) => !segment.startsWith('.') && segment !== 'node_modules');
}

export function sourcePattern(pattern: string): SourcePattern {
  if (isGlob(pattern)) {
    const glob = splitGlob(pattern);
    const base = resolve(glob.base);
    return { base, matches: (path) => within(base, path) && visible(base, path) && glob.matcher.test(relative(base, path).split(sep).join('/')) };
  }
  const base = resolve(pattern);
  return { base, matches: (path) => path === base || (within(base, path) && visible(base, path) && path.endsWith('.xml')) };
}

/** Files editors write beside the one being edited: vim swap and probe files, emacs locks and autosaves, backups, JetBrains' safe-write files. */
export function isEditorTemporary(path: string): boolean {
  return /^\.#|^#.*#$|~$|\.sw[a-px]$|^4913$|\.(?:tmp|bak|orig)$|___jb_(?:tmp|old)___$|^\.DS_Store$/i.test(basename(path));
}

/** The output folder, the staging folder, lock and temporary files `build` writes beside and in it, caches and repositories. */
export function isOutputOrCache(path: string, out: string): boolean {
  if (within(out, path)) return true;
  const beside = relative(dirname(out), path).split(sep)[0];
  if (beside.startsWith(`${basename(out)}.`) || beside.startsWith(`.${basename(out)}.samizdat-`)) return true;
  return path.split(sep).some((segment) => segment === '.samizdat' || segment === '.git' || segment === 'node_modules');
}

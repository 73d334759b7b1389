/**
 * Names in the output folder. A document is published under its file name
 * without `.xml` (`dist/<name>/index.html`), whatever the name: any letters
 * (`Ελληνικά`), spaces, `_` or `-` first; only a leading dot (a hidden
 * folder) and control characters are replaced, by `_`. Links to a name are
 * percent-encoded (`escape.ts`). Two documents whose names would be one
 * folder on some file system (the same after Unicode normalisation, or
 * differing only in case, as on macOS and Windows) are an error naming both,
 * and so is a document named like a file or folder of the edition itself.
 */
import { basename } from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { MANIFEST } from './output.js';

export const NAME_RULE = 'build-name';

/**
 * The top-level names the edition-wide files use: a document may not be
 * published under one of them. A new edition-wide output adds its name here
 * (or, if it is optional, where the build calls `assignNames`, as search does).
 */
export const SITE_NAMES: readonly string[] = ['index.html', 'entities', 'images', 'samizdat.css', MANIFEST];

/** The name of a document in the output: its file name without `.xml`, in Unicode NFC, safe as a folder name. */
export function documentName(file: string): string {
  return basename(file)
    .replace(/\.xml$/i, '')
    .normalize('NFC')
    // Control characters break terminals, logs and some servers; a leading dot hides the folder.
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '_')
    .replace(/^\./, '_');
}

/** What two names that are one folder somewhere have in common. */
function folderKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/** Files longer than this (in UTF-8 bytes) cannot be created on common file systems. */
const MAX_NAME_BYTES = 255;

/**
 * The output name of each document (by file), or the problems: names that
 * collide with each other or with the edition's own files, and names too
 * long for the files derived from them.
 */
export function assignNames(files: readonly string[], longestSuffix: string, siteNames: readonly string[] = SITE_NAMES): { names: Map<string, string>; problems: Diagnostic[] } {
  const names = new Map<string, string>();
  const problems: Diagnostic[] = [];
  const taken = new Map<string, string>();
  const reserved = new Set(siteNames.map(folderKey));
  for (const file of files) {
    const name = documentName(file);
    const key = folderKey(name);
    if (reserved.has(key)) {
      problems.push(diagnostic('error', NAME_RULE, `${file} would be published as ${name}/, a name the edition's own files use (${siteNames.join(', ')}); rename the file.`, { file }));
      continue;
    }
    const clash = taken.get(key);
    if (clash !== undefined) {
      const how = documentName(clash) === name ? '' : ' (names that differ only in case or in Unicode normalisation are one folder on macOS and Windows)';
      problems.push(diagnostic('error', NAME_RULE, `${file} and ${clash} would both be published as ${name}/${how}; rename one of them.`, { file }));
      continue;
    }
    if (Buffer.byteLength(`${name}${longestSuffix}`) > MAX_NAME_BYTES) {
      problems.push(diagnostic('error', NAME_RULE, `${file}: its name is too long for the files published from it (${name}${longestSuffix} would be more than ${MAX_NAME_BYTES} bytes); shorten the file name.`, { file }));
      continue;
    }
    taken.set(key, file);
    names.set(file, name);
  }
  return { names, problems };
}

/**
 * The output map's own consistency, whoever added to it: no path claimed by
 * two units, and no path both a file and a folder (a document's folder
 * against an edition-wide file, say).
 */
export function checkOutputPaths(units: readonly { source: string; files: Iterable<string> }[]): Diagnostic[] {
  const paths = new OutputPaths();
  paths.add(units);
  return paths.problems();
}

/**
 * `checkOutputPaths` in steps: units added as they are known, the problems
 * asked once all are in (the same, in the same order, as `checkOutputPaths`
 * of every unit added, in the order added). A build adds the pages while
 * Pagefind makes the search index, and the index after: on the bench corpus,
 * about half of the ~15 ms the check took after the index was made.
 */
export class OutputPaths {
  private readonly owner = new Map<string, string>();
  private readonly folders = new Map<string, string>();
  private readonly found: Diagnostic[] = [];

  add(units: readonly { source: string; files: Iterable<string> }[]): void {
    for (const unit of units) {
      for (const path of unit.files) {
        const key = folderKey(path);
        const other = this.owner.get(key);
        if (other !== undefined && other !== unit.source) {
          this.found.push(diagnostic('error', NAME_RULE, `${unit.source} and ${other} would both write ${path} in the output folder; rename one of them.`, { file: unit.source }));
          continue;
        }
        this.owner.set(key, unit.source);
        const parts = key.split('/');
        for (let i = 1; i < parts.length; i++) this.folders.set(parts.slice(0, i).join('/'), unit.source);
      }
    }
  }

  problems(): Diagnostic[] {
    const problems = [...this.found];
    for (const [path, source] of this.owner) {
      const other = this.folders.get(path);
      if (other !== undefined) problems.push(diagnostic('error', NAME_RULE, `${source} writes the file ${path} where ${other} needs a folder of that name; rename one of them.`, { file: source }));
    }
    return problems;
  }
}

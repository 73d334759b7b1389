/**
 * `samizdat init`: a new edition in one step. Writes the configuration, a
 * sample document and its register, local copies of the edition's grammar
 * and rules, a .gitignore and a CI workflow, from the files in
 * templates/init/ and schemas/. An existing file is never touched: it is
 * reported as kept, and everything else is still written.
 */
import { lstat, mkdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { type Diagnostic, diagnostic } from '../diagnostics.js';
import { writeNewFile } from './write.js';

const templates = new URL('../../templates/init/', import.meta.url);
const schemas = new URL('../../schemas/', import.meta.url);

/** One file of a new edition: where it goes, and what it is copied from. */
export interface ScaffoldFile {
  /** Path inside the edition, with `/` separators. */
  path: string;
  /** The template or schema it is a copy of. */
  source: URL;
  /** What the file is for, in a few words. */
  purpose: string;
}

/**
 * Every file `init` writes, in the order written. Templates whose name begins
 * with a dot are stored without it (`gitignore`, `github/`), because npm
 * leaves `.gitignore` out of published packages.
 */
export const SCAFFOLD: readonly ScaffoldFile[] = [
  { path: 'samizdat.config.json', source: new URL('samizdat.config.json', templates), purpose: 'configuration' },
  { path: 'tei/sample.xml', source: new URL('tei/sample.xml', templates), purpose: 'a sample document to replace' },
  { path: 'tei/register.xml', source: new URL('tei/register.xml', templates), purpose: 'register of people and places' },
  { path: 'schemas/samizdat.rng', source: new URL('samizdat.rng', schemas), purpose: 'the edition\'s grammar (RELAX NG)' },
  { path: 'schemas/samizdat-rules.sch', source: new URL('samizdat-rules.sch', schemas), purpose: 'the edition\'s rules (Schematron)' },
  { path: '.gitignore', source: new URL('gitignore', templates), purpose: 'keeps dist/, .samizdat/ and node_modules/ out of git' },
  { path: '.github/workflows/validate.yml', source: new URL('github/workflows/validate.yml', templates), purpose: 'CI: validate on every push' },
];

export interface InitReport {
  /** Absolute path of the edition's folder. */
  dir: string;
  /** Files written, as paths inside the edition. */
  created: ScaffoldFile[];
  /** Files that were already there and are left untouched. */
  kept: ScaffoldFile[];
  /** Why a file could not be written; empty on success. */
  problems: Diagnostic[];
}

function problem(file: string, message: string): Diagnostic {
  return diagnostic('error', 'io', message, { file });
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/**
 * Scaffolds an edition in `dir` (created if missing). Each file is written
 * atomically and only if nothing is at its path; a file that cannot be
 * written is a problem in the report, and the others are still written.
 */
export async function init(dir: string): Promise<InitReport> {
  const root = resolve(dir);
  const report: InitReport = { dir: root, created: [], kept: [], problems: [] };
  try {
    // stat, not lstat: a symbolic link to a folder is a folder.
    const stats = await stat(root).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (stats && !stats.isDirectory()) {
      report.problems.push(problem(dir, 'this is a file, not a folder: give a folder for the new edition (it is created if missing)'));
      return report;
    }
    await mkdir(root, { recursive: true });
  } catch (error) {
    report.problems.push(problem(dir, `cannot create the folder ${dir}: ${(error as Error).message}`));
    return report;
  }
  for (const file of SCAFFOLD) {
    const target = join(root, ...file.path.split('/'));
    try {
      if (await exists(target)) {
        report.kept.push(file);
        continue;
      }
      const content = await readFile(file.source);
      await mkdir(join(target, '..'), { recursive: true });
      if (await writeNewFile(target, content)) report.created.push(file);
      else report.kept.push(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const why = code === 'ENOTDIR' || code === 'EEXIST'
        ? 'a file stands where a folder of the edition should be'
        : (error as Error).message;
      report.problems.push(problem(target, `cannot write ${file.path}: ${why}`));
    }
  }
  return report;
}

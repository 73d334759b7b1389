/**
 * Verdicts remembered between runs, so that `validate` after one edit checks
 * that document (and those whose verdict the edit can change) and answers
 * for the others from disk.
 *
 * A verdict is remembered per document path and per validation setting, with
 * the sha256 of everything it was reached from: the document's bytes and the
 * files it depends on (`DocumentResult.dependsOn`: its schema and the files
 * that includes, its rule files, the local files it names, such as the
 * register its pointers go to). It is given again only while every one of
 * those hashes is unchanged, under the same settings, by the same samizdat
 * (its own code and the validators it runs, hashed once per process).
 * Verdicts reached because something outside the document failed (a schema
 * that cannot be read or compiled, an I/O error) are never remembered.
 */
import { createHash } from 'node:crypto';
import { createReadStream, readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../diagnostics.js';
import { writeAtomically } from '../write-atomically.js';
import type { DocumentResult } from './document.js';

const FORMAT = 'samizdat-verdict-1';

/** Rule ids of problems that lie outside the document: a verdict carrying one is checked again next time. */
const NOT_REMEMBERED = new Set(['io', 'internal', 'rng-schema-unavailable', 'rng-schema-incorrect', 'sch-schema-unavailable', 'sch-compile', 'sch-run']);

/** A verdict as stored: diagnostics about the document itself carry no path, so the verdict holds however the document is named. */
interface StoredVerdict {
  format: typeof FORMAT;
  document: string;
  dependsOn: [path: string, sha256: string][];
  schema?: string;
  diagnostics: (Omit<Diagnostic, 'file'> & { file?: string })[];
}

export class Verdicts {
  /** Hashes of the files verdicts depend on, taken once per run. */
  private readonly hashes = new Map<string, Promise<string>>();

  private constructor(private readonly folder: string, private readonly setting: string) {}

  /**
   * The verdicts in `cacheDir` for one validation setting (anything that can
   * change a verdict but is not a file: the schema given, the catalog, the
   * rule files and rules switched off, `grammarOnly`).
   */
  static async open(cacheDir: string, setting: unknown): Promise<Verdicts> {
    return new Verdicts(join(resolve(cacheDir), 'verdicts'), JSON.stringify([FORMAT, samizdatFingerprint(), setting]));
  }

  /** The document's remembered verdict if it still holds, and the hash of its bytes now (to remember a new one by). */
  async recall(file: string): Promise<{ result?: DocumentResult; document: string }> {
    const document = await hashFile(file);
    let stored: StoredVerdict;
    try {
      stored = JSON.parse(await readFile(this.entryPath(file), 'utf8')) as StoredVerdict;
    } catch {
      return { document };
    }
    if (stored.format !== FORMAT || stored.document !== document || document === MISSING) return { document };
    for (const [path, hash] of stored.dependsOn) if ((await this.hashOf(path)) !== hash) return { document };
    return {
      document,
      result: {
        file,
        schema: stored.schema,
        diagnostics: stored.diagnostics.map((d) => ({ ...d, file: d.file ?? file }) as Diagnostic),
        dependsOn: stored.dependsOn.map(([path]) => path),
      },
    };
  }

  /** Remembers `result`, reached from the document whose bytes hashed to `document` before it was checked. */
  async remember(document: string, result: DocumentResult): Promise<void> {
    if (document === MISSING || result.dependsOn === undefined || result.diagnostics.some((d) => NOT_REMEMBERED.has(d.ruleId))) return;
    const stored: StoredVerdict = {
      format: FORMAT,
      document,
      dependsOn: await Promise.all(result.dependsOn.map(async (path): Promise<[string, string]> => [path, await this.hashOf(path)])),
      schema: result.schema,
      diagnostics: result.diagnostics.map(({ file, ...rest }) => (file === result.file ? rest : { file, ...rest })),
    };
    // A cache that cannot be written only costs time next run.
    await writeAtomically(this.entryPath(result.file), JSON.stringify(stored)).catch(() => undefined);
  }

  private hashOf(path: string): Promise<string> {
    let hash = this.hashes.get(path);
    if (hash === undefined) {
      hash = hashFile(path);
      this.hashes.set(path, hash);
    }
    return hash;
  }

  private entryPath(file: string): string {
    const key = createHash('sha256').update(this.setting).update('\0').update(resolve(file)).digest('hex');
    return join(this.folder, key.slice(0, 2), `${key}.json`);
  }
}

const MISSING = 'missing';

/** sha256 of a file's bytes, streamed (documents may be large); `missing` when it cannot be read. */
function hashFile(path: string): Promise<string> {
  return new Promise((done) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => done(hash.digest('hex')))
      .on('error', () => done(MISSING));
  });
}

let fingerprint: string | undefined;

/**
 * samizdat's own code and the validators it runs: a verdict reached by other
 * code is not given again (within one version, too, as while samizdat itself
 * is being developed). Read synchronously, in one go: about 120 small files,
 * a few milliseconds this way, where awaiting each read took tens on a cold
 * run (it is on the path of every `validate`).
 */
function samizdatFingerprint(): string {
  if (fingerprint !== undefined) return fingerprint;
  const hash = createHash('sha256').update(`${process.version}\n`);
  const code = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const packageRoot = resolve(code, '..');
  for (const folder of [code, join(packageRoot, 'xslt', 'schematron')]) {
    for (const file of codeFilesUnder(folder)) hash.update(`${relative(packageRoot, file)}\n`).update(readFileSync(file));
  }
  const require = createRequire(import.meta.url);
  for (const name of ['saxes', 'xmlchars', 'saxon-js', 'xslt3']) {
    const manifest = JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string };
    hash.update(`${name}@${manifest.version}\n`);
  }
  fingerprint = hash.digest('hex');
  return fingerprint;
}

/** The code that runs: compiled (.js) or run from source (.ts), and the Schematron stylesheets; not type declarations (.d.ts), which run nowhere. */
function codeFilesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(js|ts|xsl)$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
    .sort();
}

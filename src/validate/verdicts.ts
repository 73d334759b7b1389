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
 *
 * The verdicts of one setting are kept together in one pack file, read once
 * when a run starts and written once (atomically) when it ends: one file per
 * document cost an open and a read per document, and a write and a rename
 * per document checked. The pack carries the sha256 of its contents, so a
 * damaged pack is ignored as a whole, never half trusted. A document whose
 * file looks as it did when its verdict was reached (size, inode, times; see
 * `file-look.ts`) is not even hashed again.
 *
 * Verdicts move with the project (a copy, or a CI checkout at another path
 * restoring `.samizdat/`): a verdict is kept by the document's path from the
 * cache's folder, its dependencies likewise, and the setting names the
 * project's files so too, unless the verdict may depend on where the
 * document lies (see `Verdicts.movable`): then by absolute paths, as before.
 * Whether a document's references see where it lies (`placeReach`) is asked
 * only when its verdict is given at another place than it was reached: a run
 * in place reads nothing more than before.
 */
import { createHash } from 'node:crypto';
import { createReadStream, readdirSync, readFileSync, type Dirent } from 'node:fs';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../diagnostics.js';
import { lookOf, sameLook, settled, type FileLook } from '../file-look.js';
import { placeFrom, placeReach, READS_PLACE, seesPlace } from '../place.js';
import { declaredEncoding, resolveEncoding, sniffEncoding } from '../xml/encoding.js';
import { writeAtomically } from '../write-atomically.js';
import type { DocumentResult } from './document.js';

const FORMAT = 'samizdat-verdicts-3';

/** The format before verdicts could move with the project: its pack, named by the setting with absolute paths, is removed when a pack is written. */
const LEGACY_FORMAT = 'samizdat-verdicts-2';

/** Stands, in what a verdict that moves with the project stores, for the project's folder (with its trailing separator). */
const PROJECT = '\u0000project\u0000';

/** Stands, in a stored message, for the document's path as it was given. */
const FILE = '\u0000file\u0000';

/** Rule ids of problems that lie outside the document: a verdict carrying one is checked again next time. */
const NOT_REMEMBERED = new Set(['io', 'internal', 'rng-schema-unavailable', 'rng-schema-incorrect', 'sch-schema-unavailable', 'sch-compile', 'sch-run']);

/** A verdict as stored: diagnostics about the document itself carry no path, so the verdict holds however the document is named. */
interface StoredVerdict {
  /** sha256 of the document's bytes. */
  document: string;
  /** How the file looked when those bytes were read, when it had been still long enough to trust that look. */
  look?: FileLook;
  /** For a verdict that moves, a digest of the cache's folder where it was reached or last found to hold: elsewhere, its document's references are looked at first (`placeReach`). */
  at?: string;
  /** Paths from the cache's folder for a verdict that moves ('/'-separated), absolute otherwise. */
  dependsOn: [path: string, sha256: string][];
  schema?: string;
  diagnostics: (Omit<Diagnostic, 'file'> & { file?: string })[];
}

/** A pack's contents: the verdicts of one setting, reached by one samizdat, by the document's path from the cache's folder (absolute for a verdict tied to its place). */
interface Pack {
  setting: string;
  samizdat: string;
  verdicts: Record<string, StoredVerdict>;
}

export class Verdicts {
  /** Hashes of the files verdicts depend on, taken once per run. */
  private readonly hashes = new Map<string, Promise<string>>();
  /** Verdicts reached or refreshed in this run (undefined: forget the one kept), written at the end. */
  private readonly changes = new Map<string, StoredVerdict | undefined>();
  /** Whether a file the verdicts depend on is rules that may see where the files are, looked at once per run. */
  private readonly readsPlace = new Map<string, Promise<boolean>>();

  private constructor(
    private readonly folder: string,
    /** The folder the cache lives in, from which verdicts that move name files. */
    private readonly root: string,
    /** The project's folder (absolute): only verdicts of its files, depending on its files alone, move with it. */
    private readonly project: string,
    private readonly setting: string,
    private readonly legacyPack: string,
    private readonly kept: Map<string, StoredVerdict>,
  ) {
    this.home = sha256(root).slice(0, 16);
  }

  /** What a verdict that moves records of the place it holds at (`StoredVerdict.at`). */
  private readonly home: string;

  /**
   * The verdicts in `cacheDir` for one validation setting (anything that can
   * change a verdict but is not a file: the schema given, the catalog, the
   * rule files and rules switched off, `grammarOnly`). `project` is the
   * project's folder: paths inside it are named in the setting from the
   * cache's folder, so that a copy of the project finds the same pack;
   * paths outside it stay absolute (moving the project away from them
   * changes the setting).
   */
  static async open(cacheDir: string, setting: unknown, project: string = process.cwd()): Promise<Verdicts> {
    const root = resolve(cacheDir);
    const folder = join(root, 'verdicts');
    const projectPath = resolve(project);
    const inProject = (value: unknown) => (typeof value === 'string' && isAbsolute(value) && inside(projectPath, value) ? `place:${placeFrom(root, value)}` : value);
    const settingText = JSON.stringify(setting, (_, value: unknown) => inProject(value));
    const kept = await readPack(packPath(folder, settingText), settingText);
    const legacyPack = join(folder, `${sha256(`${LEGACY_FORMAT}\0${JSON.stringify(setting)}`)}.pack`);
    return new Verdicts(folder, root, projectPath, settingText, legacyPack, new Map(Object.entries(kept ?? {})));
  }

  /**
   * Called when documents are about to be checked in parallel (worker
   * threads started): samizdat's fingerprint, if not taken yet (no pack was
   * found to compare it with), is taken meanwhile rather than when the pack
   * is written at the end. A short run keeps taking it at the end, at once:
   * reading its files through libuv's threads costs the calling thread more
   * than reading them synchronously, and a run of two documents has nothing
   * to do meanwhile.
   */
  fingerprintMeanwhile(): void {
    fingerprintInBackground();
  }

  /** The document's remembered verdict, if it still holds. The document is hashed only when a verdict is kept for it and its file looks changed. */
  async recall(file: string): Promise<DocumentResult | undefined> {
    const absolute = resolve(file);
    const place = inside(this.project, absolute) ? placeFrom(this.root, absolute) : undefined;
    let key = place ?? absolute;
    let stored = place === undefined ? undefined : this.kept.get(place);
    // A verdict that moved holds here only while its references do not climb to the root from here.
    let moved = false;
    if (stored !== undefined && stored.at !== this.home) {
      moved = await seesNothingHere(file, stored.document);
      if (!moved) stored = undefined;
    }
    if (stored === undefined) stored = this.kept.get((key = absolute));
    if (stored === undefined) return undefined;
    const moves = key !== absolute;
    const now = await stat(file).catch(() => undefined);
    if (now === undefined) return undefined;
    const look = lookOf(now);
    if (moved) {
      // Its bytes were hashed and looked at: it holds here, from now on without another look.
      const lookedAt = Date.now();
      this.changes.set(key, { ...stored, at: this.home, look: settled(look, lookedAt) && sameLook(lookOf(await stat(file)), look) ? look : undefined });
    } else if (stored.look === undefined || !sameLook(stored.look, look)) {
      const lookedAt = Date.now();
      if ((await hashFile(file)) !== stored.document) return undefined;
      // The same bytes under a new look (touched, copied back): trust the new look next time.
      const refreshed = { ...stored, look: settled(look, lookedAt) && sameLook(lookOf(await stat(file)), look) ? look : undefined };
      if (!sameLookOrBoth(refreshed.look, stored.look)) this.changes.set(key, refreshed);
    }
    const dependsOn = stored.dependsOn.map(([path]) => (moves ? resolve(this.root, path) : path));
    for (const [i, [, hash]] of stored.dependsOn.entries()) if ((await this.hashOf(dependsOn[i])) !== hash) return undefined;
    const here = (text: string) => text.split(FILE).join(file).split(PROJECT).join(this.project + sep);
    return {
      file,
      schema: stored.schema === undefined ? undefined : here(stored.schema),
      diagnostics: stored.diagnostics.map((d) => ({ ...d, message: here(d.message), file: d.file === undefined ? file : here(d.file) }) as Diagnostic),
      dependsOn,
    };
  }

  /** Remembers `result` by the bytes it was reached from (`result.source`); a verdict without them, or reached because something outside the document failed, is forgotten. */
  async remember(result: DocumentResult): Promise<void> {
    const absolute = resolve(result.file);
    const place = inside(this.project, absolute) ? placeFrom(this.root, absolute) : undefined;
    const forget = (key: string | undefined) => key !== undefined && this.kept.has(key) && this.changes.set(key, undefined);
    const source = result.source;
    const dependsOn = result.dependsOn;
    if (source === undefined || dependsOn === undefined || result.diagnostics.some((d) => NOT_REMEMBERED.has(d.ruleId))) {
      forget(place);
      forget(absolute);
      return;
    }
    const moves = place !== undefined && await this.movable(dependsOn);
    const key = moves ? place : absolute;
    forget(moves ? absolute : place);
    // What names the document as given, or (for a verdict that moves) a file of the project, names it from wherever the verdict is given again.
    const stored = (text: string) => {
      // Only a path (not a bare name, which other words may contain) is told apart from the rest of a message.
      const named = /[\\/]/.test(result.file) ? text.split(result.file).join(FILE) : text;
      return moves ? named.split(this.project + sep).join(PROJECT) : named;
    };
    this.changes.set(key, {
      document: source.sha256,
      look: settled(source.look, source.lookedAt) ? source.look : undefined,
      ...(moves ? { at: this.home } : {}),
      dependsOn: await Promise.all(dependsOn.map(async (path): Promise<[string, string]> => [moves ? placeFrom(this.root, path) : path, await this.hashOf(path)])),
      schema: result.schema === undefined ? undefined : stored(result.schema),
      diagnostics: result.diagnostics.map(({ file, message, ...rest }) => (file === result.file ? { ...rest, message: stored(message) } : { file: stored(file), ...rest, message: stored(message) })),
    });
  }

  /**
   * Whether the verdict on a document of the project that depends on
   * `dependsOn` may move with the project: every file it depends on lies in
   * the project, and none of the rule files it was checked with reads base
   * URIs or opens files (but samizdat's own rules, which only compare
   * pointers resolved against the same base, as its stylesheets do: see
   * build/location.ts). Whether the document's own references see its place
   * is asked where the verdict is given again (`seesNothingHere`).
   */
  private async movable(dependsOn: readonly string[]): Promise<boolean> {
    if (!dependsOn.every((path) => inside(this.project, path))) return false;
    return !(await Promise.all(dependsOn.map((path) => this.rulesReadPlace(path)))).some(Boolean);
  }

  private rulesReadPlace(path: string): Promise<boolean> {
    return once(this.readsPlace, path, rulesReadPlace);
  }

  /**
   * Writes this run's verdicts into the pack, over what is on disk now (so
   * verdicts another run kept meanwhile stay, unless this run reached others
   * for the same documents), and forgets the verdicts of documents that no
   * longer exist. A pack that cannot be written only costs time next run.
   */
  async save(): Promise<void> {
    if (this.changes.size === 0) return;
    const path = packPath(this.folder, this.setting);
    const verdicts = new Map(Object.entries((await readPack(path, this.setting)) ?? {}));
    for (const [key, verdict] of this.changes) {
      if (verdict === undefined) verdicts.delete(key);
      else verdicts.set(key, verdict);
    }
    const untouched = [...verdicts.keys()].filter((key) => !this.changes.has(key));
    const gone = await Promise.all(untouched.map((key) => stat(resolve(this.root, key)).then(() => false, () => true)));
    untouched.forEach((key, i) => gone[i] && verdicts.delete(key));
    const sorted = Object.fromEntries([...verdicts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    const body = JSON.stringify({ setting: this.setting, samizdat: await samizdatFingerprint(), verdicts: sorted } satisfies Pack);
    await writeAtomically(path, `${FORMAT} ${sha256(body)}\n${body}`).catch(() => undefined);
    await forgetOldLayout(this.folder);
    if (this.legacyPack !== path) await rm(this.legacyPack, { force: true }).catch(() => undefined);
  }

  private hashOf(path: string): Promise<string> {
    return once(this.hashes, path, hashFile);
  }
}

/** What `find` gives for `path`, asked once per run: the first answer is kept in `answers`. */
function once<T>(answers: Map<string, Promise<T>>, path: string, find: (path: string) => Promise<T>): Promise<T> {
  let answer = answers.get(path);
  if (answer === undefined) {
    answer = find(path);
    answers.set(path, answer);
  }
  return answer;
}

/**
 * Whether the document at `file`, whose bytes must have the sha256
 * `document`, reads the same wherever it lies from here: its references
 * neither name an absolute place nor climb to the root (`placeReach`). Read
 * once, when a verdict that moved is first given at a new place. A file that
 * cannot be read or decoded here is checked again.
 */
async function seesNothingHere(file: string, document: string): Promise<boolean> {
  const bytes = await readFile(file).catch(() => undefined);
  if (bytes === undefined || createHash('sha256').update(bytes).digest('hex') !== document) return false;
  const sniffed = sniffEncoding(bytes.subarray(0, 4), file);
  if ('ruleId' in sniffed) return false;
  // The declaration is ASCII in every encoding read but UTF-16, which its first bytes told.
  const head = new TextDecoder(sniffed.encoding).decode(bytes.subarray(0, 1024));
  const encoding = resolveEncoding(declaredEncoding(head), sniffed, file);
  if (typeof encoding !== 'string') return false;
  let text: string;
  try {
    text = new TextDecoder(encoding).decode(bytes);
  } catch {
    return false;
  }
  return !seesPlace(file, placeReach(text));
}

/** Whether `path` lies in the folder `folder` (both absolute; lexically, as the cache names files). */
function inside(folder: string, path: string): boolean {
  const from = relative(folder, path);
  return !from.startsWith('..') && !isAbsolute(from);
}

/** The namespaces of Schematron and XSLT: a file the verdict depends on that holds neither (a register, a RELAX NG grammar without rules) runs no rules. */
const RULES = /http:\/\/purl\.oclc\.org\/dsdl\/schematron|http:\/\/www\.w3\.org\/1999\/XSL\/Transform/;

/** samizdat's own rule file, byte for byte: its rules may read base URIs, but see nothing of where the project is. */
let ownRules: Promise<string | undefined> | undefined;

/** Whether the file at `path` holds rules that may read where the files they check lie (a file that cannot be read holds none: its hash says it is missing). */
async function rulesReadPlace(path: string): Promise<boolean> {
  const text = await readFile(path, 'utf8').catch(() => undefined);
  if (text === undefined || !RULES.test(text) || !READS_PLACE.test(text)) return false;
  ownRules ??= readFile(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'schemas', 'samizdat-rules.sch'), 'utf8').catch(() => undefined);
  return text !== await ownRules;
}

function sameLookOrBoth(a: FileLook | undefined, b: FileLook | undefined): boolean {
  return a === undefined || b === undefined ? a === b : sameLook(a, b);
}

/** The pack of one setting: named by the setting, so that a new samizdat replaces its predecessor's pack rather than adding one. */
function packPath(folder: string, setting: string): string {
  return join(folder, `${sha256(`${FORMAT}\0${setting}`)}.pack`);
}

/** The verdicts in the pack at `path`, if it is whole (its hash holds), of `setting` and of this samizdat; otherwise none. */
async function readPack(path: string, setting: string): Promise<Record<string, StoredVerdict> | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
  const newline = text.indexOf('\n');
  const [format, hash] = text.slice(0, Math.max(newline, 0)).split(' ');
  const body = text.slice(newline + 1);
  if (newline < 0 || format !== FORMAT || hash !== sha256(body)) return undefined;
  try {
    const pack = JSON.parse(body) as Pack;
    return pack.setting === setting && pack.samizdat === await samizdatFingerprint() && typeof pack.verdicts === 'object' ? pack.verdicts : undefined;
  } catch {
    return undefined;
  }
}

/** Removes the folders of one file per verdict that samizdat before the packs kept (`verdicts/ab/<hash>.json`). */
async function forgetOldLayout(folder: string): Promise<void> {
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  await Promise.all(entries.filter((e) => e.isDirectory() && /^[0-9a-f]{2}$/.test(e.name)).map((e) => rm(join(folder, e.name), { recursive: true, force: true })));
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
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

/** samizdat's fingerprint, once taken or while it is being taken. */
let fingerprint: string | Promise<string> | undefined;

/**
 * samizdat's own code and the validators it runs: a verdict reached by other
 * code is not given again (within one version, too, as while samizdat itself
 * is being developed). Read synchronously, in one go: about 120 small files,
 * a few milliseconds this way, where awaiting each read took tens on a cold
 * run (it is on the path of every `validate` that finds a pack). Taken once
 * per process.
 */
function samizdatFingerprint(): string | Promise<string> {
  if (fingerprint !== undefined) return fingerprint;
  const files = codeFilesUnder(codeFolders());
  fingerprint = fingerprintOf(files, files.map((file) => readFileSync(file)));
  return fingerprint;
}

/**
 * Takes the fingerprint while documents are checked: its files are read
 * through libuv's threads, all at once, and hashed as they come in between
 * two documents, rather than read and hashed at the end of the run (10 ms of
 * a cold run's tail, with the other core idle).
 */
function fingerprintInBackground(): void {
  if (fingerprint !== undefined) return;
  const taking = (async () => {
    const files = (await Promise.all(codeFolders().map(async (folder) => codeFilesOf(await readdir(folder, { recursive: true, withFileTypes: true }))))).flat();
    return fingerprintOf(files, await Promise.all(files.map((file) => readFile(file))));
  })();
  fingerprint = taking.then((taken) => (fingerprint = taken));
  // A failure is met again where the fingerprint is asked for next, taken there as before (and thrown there); a run that does not ask is not failed by it.
  fingerprint.catch(() => { fingerprint = undefined; });
}

/** The folders whose files are samizdat's code: the compiled (or source) tree and the Schematron stylesheets. */
function codeFolders(): string[] {
  const code = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  return [code, join(resolve(code, '..'), 'xslt', 'schematron')];
}

/** The fingerprint of the code `files` (as `codeFilesUnder` lists them) whose bytes are `contents`, and of the validators' versions. */
function fingerprintOf(files: readonly string[], contents: readonly Uint8Array[]): string {
  const hash = createHash('sha256').update(`${process.version}\n`);
  const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
  files.forEach((file, i) => hash.update(`${relative(packageRoot, file)}\n`).update(contents[i]));
  const require = createRequire(import.meta.url);
  for (const name of ['saxes', 'xmlchars', 'saxon-js', 'xslt3']) {
    const manifest = JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string };
    hash.update(`${name}@${manifest.version}\n`);
  }
  return hash.digest('hex');
}

/** The code that runs: compiled (.js) or run from source (.ts), and the Schematron stylesheets; not type declarations (.d.ts), which run nowhere. */
function codeFilesUnder(folders: readonly string[]): string[] {
  return folders.flatMap((folder) => codeFilesOf(readdirSync(folder, { recursive: true, withFileTypes: true })));
}

/** The code files among `entries` (everything under one folder), in order. */
function codeFilesOf(entries: Dirent[]): string[] {
  return entries
    .filter((entry) => entry.isFile() && /\.(js|ts|xsl)$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
    .sort();
}

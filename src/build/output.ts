/**
 * Publishing the edition into its output folder, atomically: the folder is
 * either exactly as it was or entirely the new edition, whatever happens —
 * a write error, a full disk, `kill -9` at any moment.
 *
 * How: the new folder is built beside the old one (`.<out>.samizdat-staging`),
 * every file the build produces copied from the build cache, every file that
 * stays (unchanged pages, and files samizdat did not write) hard-linked from
 * the old folder; then two renames switch it in (the old folder to
 * `.<out>.samizdat-previous`, the staging folder to `<out>`). The old folder is
 * then kept in the build cache (`spare/`) rather than deleted: the next
 * publish starts its staging folder from it, since most of its files are
 * hard links to the very files that stay, and only what differs is removed,
 * linked or copied — on an edition of 10,000 files, linking every file and
 * deleting the old folder was ~1 s of a build after one change. Anything
 * that fails before the switch leaves the old folder as it
 * was and the staging folder is removed. A run interrupted between the two
 * renames leaves the old folder under its `previous` name; the next run
 * (build, watch or serve) puts it back before anything else, and removes any
 * staging or previous folder left behind.
 *
 * Ownership: `<out>/.samizdat-manifest.json` lists every file samizdat wrote
 * there, with its sha256. A file it did not write is never replaced or
 * removed: it is carried into the new folder as it is, and a build that
 * would have to replace one stops, naming it (unless the file already holds
 * exactly what samizdat would write there, which it then adopts).
 *
 * One build at a time per output folder: a lock file beside it
 * (`.<out>.samizdat-lock`), whoever builds into it from wherever.
 */
import * as fsPromises from 'node:fs/promises';
import { lstatSync, readdirSync, type Stats } from 'node:fs';
import pMap from 'p-map';
import { randomUUID } from 'node:crypto';
import { hostname, homedir } from 'node:os';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { version } from '../version.js';
import { sha256 } from './cache.js';

/** The file system calls publishing makes: the seam fault-injection tests wrap (a full disk at the n-th write, say). */
export type PublishFileSystem = Pick<typeof fsPromises,
  'copyFile' | 'link' | 'lstat' | 'mkdir' | 'open' | 'readFile' | 'readdir' | 'readlink' | 'realpath' | 'rename' | 'rm' | 'stat' | 'symlink' | 'chmod' | 'writeFile'>;

/** Name of the manifest inside the output folder. */
export const MANIFEST = '.samizdat-manifest.json';

/** `ruleId` of problems with the output folder (it cannot be written, it holds files samizdat did not write). */
export const OUTPUT_RULE = 'output';

interface Manifest {
  generator: string;
  /** Output path → sha256 of its bytes. */
  files: Record<string, string>;
}

/** What the last publish found on disk for each file it left there, so that the next one need not hash them again. */
interface FileStats {
  /** The output folder, from the stats file's folder (`statsName`). */
  out: string;
  files: Record<string, { hash: string; size: number; mtimeMs: number; ino: number }>;
}

export interface PublishResult {
  /** Output paths written by this build (new or changed), relative to the output folder. */
  written: string[];
  /** Output paths removed because the edition no longer produces them. */
  removed: string[];
}

export interface PublishOptions {
  /** Write every file afresh, even those whose content is already in place. */
  force?: boolean;
  /** The content with a given sha256 (a blob of the build cache). */
  blobPath: (hash: string) => string;
  /** Where to keep what the last publish found on disk (in the build cache). */
  statsPath: string;
  /** The manifest an earlier samizdat kept in its build cache, if any: its files count as samizdat's. */
  legacyManifest?: string;
  /**
   * Where the folder a publish replaces is kept, to make the next new folder
   * from (in the build cache, which must be on the output folder's file
   * system for it to be used); without it, the replaced folder is deleted.
   */
  sparePath?: string;
  fileSystem?: PublishFileSystem;
}

/** A problem that stopped publishing; `message` says what state the output folder is in. */
export class PublishProblem extends Error {
  /** Where the old edition is, when the output folder could not be put back (the next build puts it back). */
  previousAt?: string;

  constructor(readonly problems: Diagnostic[]) {
    super(problems.map((p) => p.message).join('\n'));
  }
}

/** The names beside the output folder that publishing uses. */
export function besideOutput(target: string): { staging: string; previous: string; lock: string } {
  const base = join(dirname(target), `.${basename(target)}.samizdat`);
  return { staging: `${base}-staging`, previous: `${base}-previous`, lock: `${base}-lock` };
}

/** The folder really written: `out` resolved, through a symbolic link if `out` is one (the link stays). */
export async function outputFolder(out: string, fs: PublishFileSystem = fsPromises): Promise<string> {
  const absolute = resolve(out);
  return fs.realpath(absolute).catch(() => absolute);
}

/**
 * Why `out` cannot be the output folder, if it cannot: the file system's
 * root, the home folder or a folder holding it, a sources folder or a folder
 * holding or inside one (a sources folder that is the edition's root may
 * hold it: the build never reads its own output).
 */
export function outputFolderProblem(target: string, sources: readonly string[], editionRoot: string): string | undefined {
  const home = resolve(homedir());
  if (dirname(target) === target) return `${target} is the root of the file system`;
  if (within(target, home)) return target === home ? `${target} is your home folder` : `${target} holds your home folder`;
  for (const source of sources.map((s) => resolve(s))) {
    if (within(target, source)) return target === source ? `${target} is a sources folder` : `${target} holds the sources folder ${source}`;
    if (within(source, target) && source !== resolve(editionRoot)) return `${target} lies inside the sources folder ${source}`;
  }
  return undefined;
}

function within(folder: string, path: string): boolean {
  const inside = relative(folder, path);
  return inside === '' || (!inside.startsWith(`..${sep}`) && inside !== '..' && !inside.startsWith(sep));
}

/** The locks this process holds, by the token written in them. */
const held = new Set<string>();

/**
 * Holds the output folder's lock while `work` runs. A lock left by a process
 * that no longer exists (killed) is taken over, as is one this process left
 * behind (it could not remove it); one held by a live process, or by this
 * process for another build, is waited for, up to `waitMs`.
 */
export async function lockedOutput<T>(target: string, work: () => Promise<T>, waitMs = 60_000, fs: PublishFileSystem = fsPromises): Promise<T> {
  const { lock } = besideOutput(target);
  await fs.mkdir(dirname(target), { recursive: true });
  const deadline = Date.now() + waitMs;
  const token = `${process.pid} ${hostname()} ${randomUUID()}`;
  for (;;) {
    try {
      const handle = await fs.open(lock, 'wx');
      try {
        await handle.writeFile(token);
      } finally {
        await handle.close();
      }
      held.add(token);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = await fs.readFile(lock, 'utf8').catch(() => '');
      const [pid, host] = holder.split(' ');
      const stale = host === hostname() && (!isAlive(Number(pid)) || (Number(pid) === process.pid && !held.has(holder)));
      if (stale) {
        await fs.rm(lock, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`another samizdat build (process ${pid} on ${host || 'this machine'}) is still writing ${target}; its lock is ${lock}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  try {
    return await work();
  } finally {
    held.delete(token);
    // A lock that cannot be removed is taken over by the next build (its holder is gone, or is this process and no longer holds it).
    await fs.rm(lock, { force: true }).catch(() => undefined);
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Finishes what an interrupted publish left: the old folder put back if the
 * switch was cut between its two renames, the staging and previous folders
 * removed. Call with the lock held.
 */
export async function recoverOutput(target: string, fs: PublishFileSystem = fsPromises): Promise<void> {
  const { staging, previous } = besideOutput(target);
  const exists = async (path: string) => (await fs.lstat(path).catch(() => undefined)) !== undefined;
  if (await exists(previous)) {
    if (await exists(target)) await fs.rm(previous, { recursive: true, force: true });
    else await fs.rename(previous, target);
  }
  await fs.rm(staging, { recursive: true, force: true });
}

/** What is in the output folder now: each path (relative, `/`-separated) and what it is. */
type Entry = { kind: 'folder'; mode: number } | { kind: 'file'; size: number; mtimeMs: number; ino: number } | { kind: 'link' } | { kind: 'other' };

async function listTree(root: string, fs: PublishFileSystem, yielding = false): Promise<Map<string, Entry>> {
  if (fs === fsPromises) return yielding ? listTreeYielding(root) : listTreeInTurn(root);
  // Folders and files looked at many at once (each a call waiting on the disk), listed in sorted, depth-first order.
  const walk = async (folder: string, prefix: string): Promise<[string, Entry][]> => {
    const names = (await fs.readdir(folder)).sort();
    const listed = await pMap(names, async (name): Promise<[string, Entry][]> => {
      const key = `${prefix}${name}`;
      const info = await fs.lstat(join(folder, name));
      return info.isDirectory() ? [[key, entryOf(info)], ...await walk(join(folder, name), `${key}/`)] : [[key, entryOf(info)]];
    }, { concurrency: FILES_IN_FLIGHT });
    return listed.flat();
  };
  return new Map(await walk(root, ''));
}

/**
 * The same listing through the real file system's calls, made in turn: an
 * edition of 10,000 files took ~0.3 s with the calls in flight in libuv's
 * thread pool, ~0.1 s with them in turn through promises, and less again as
 * a plain loop (no promise per file: this runs while a document renders,
 * and shares the machine with it).
 */
function listTreeInTurn(root: string): Map<string, Entry> {
  const tree = new Map<string, Entry>();
  const walk = (folder: string, prefix: string): void => {
    for (const name of readdirSync(folder).sort()) {
      const path = `${folder}${sep}${name}`;
      const info = lstatSync(path);
      tree.set(`${prefix}${name}`, entryOf(info));
      if (info.isDirectory()) walk(path, `${prefix}${name}/`);
    }
  };
  walk(root, '');
  return tree;
}

/**
 * The same listing, a folder at a time, letting the event loop turn between
 * folders: for a listing made while the calling thread also answers others
 * (Pagefind's process, waiting for its records to be taken), which a plain
 * loop over thousands of files would keep waiting.
 */
async function listTreeYielding(root: string): Promise<Map<string, Entry>> {
  const tree = new Map<string, Entry>();
  const walk = async (folder: string, prefix: string): Promise<void> => {
    await new Promise<void>((turn) => setImmediate(turn));
    for (const name of readdirSync(folder).sort()) {
      const path = `${folder}${sep}${name}`;
      const info = lstatSync(path);
      tree.set(`${prefix}${name}`, entryOf(info));
      if (info.isDirectory()) await walk(path, `${prefix}${name}/`);
    }
  };
  await walk(root, '');
  return tree;
}

function entryOf(info: Stats): Entry {
  if (info.isDirectory()) return { kind: 'folder', mode: info.mode & 0o7777 };
  if (info.isFile()) return { kind: 'file', size: info.size, mtimeMs: info.mtimeMs, ino: info.ino };
  return { kind: info.isSymbolicLink() ? 'link' : 'other' };
}

/** The folders holding `path`, outermost first (`a/b/c` → `a`, `a/b`): asked of every path of the edition, so without splitting and joining. */
function parentsOf(path: string): string[] {
  const parents: string[] = [];
  for (let slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) parents.push(path.slice(0, slash));
  return parents;
}

/** What publishing finds in the output folder before it writes: the folder, what it holds, which of it samizdat wrote, and the last publish's stats. */
export interface OutputSurvey {
  targetInfo: Stats | undefined;
  present: Map<string, Entry>;
  ours: Record<string, string>;
  stats: FileStats;
  /** The folder the last publish replaced (`sparePath`), listed ahead when asked (`listSpare`): what `publish` makes the new folder from. */
  spare?: Map<string, Entry>;
}

/**
 * Looks at the output folder as publishing needs it, after finishing what an
 * interrupted publish left (`recoverOutput`); fails with a `PublishProblem`
 * when it is no folder samizdat can publish into. A build starts it while
 * documents render (listing an edition of 10,000 files is ~0.3 s), then
 * hands it to `publish`. Call with the lock held.
 */
export async function surveyOutput(
  target: string,
  options: Pick<PublishOptions, 'fileSystem' | 'statsPath' | 'legacyManifest' | 'sparePath'> & {
    /**
     * List the spare folder too: for a build likely to write (listing it is as long as listing the output folder, and of
     * no use when nothing changed). Given a promise, the spare is listed once it settles, a folder at a time: a build
     * lists the output folder while the changed page renders in another thread, and the spare later, when the calling
     * thread waits for Pagefind, so that the two listings do not both take a core from the render.
     */
    listSpare?: boolean | Promise<unknown>;
  },
): Promise<OutputSurvey> {
  const fs = options.fileSystem ?? fsPromises;
  await recoverOutput(target, fs);
  const targetInfo = await fs.lstat(target).catch(() => undefined);
  if (targetInfo && !targetInfo.isDirectory()) throw problem(target, `${target} exists and is not a folder; samizdat writes the edition into a folder of its own.`);
  if (targetInfo && targetInfo.dev !== (await fs.stat(dirname(target))).dev) {
    throw problem(target, `${target} is a mount point; samizdat publishes by switching in a new folder with a rename, which cannot replace a mount point. Set the output folder to a folder inside it.`);
  }
  const present = targetInfo ? await listTree(target, fs) : new Map<string, Entry>();
  const ours = await manifestOf(target, present, options, fs);
  const stats = await readStats(options.statsPath, target, fs);
  const later = typeof options.listSpare === 'object';
  if (later) await (options.listSpare as Promise<unknown>).catch(() => undefined);
  const spare = targetInfo && options.sparePath && options.listSpare ? await listSpare(options.sparePath, targetInfo.dev, fs, later) : undefined;
  return { targetInfo, present, ours, stats, ...(spare && { spare }) };
}

/**
 * Writes `files` (output path → sha256, contents in the build cache) into
 * `target` (absolute, real), atomically, from what `survey` (by default,
 * looked at now) found there. Call with the lock held.
 */
export async function publish(target: string, files: ReadonlyMap<string, string>, options: PublishOptions, survey?: Promise<OutputSurvey>): Promise<PublishResult> {
  const fs = options.fileSystem ?? fsPromises;
  const { staging, previous } = besideOutput(target);
  const { targetInfo, present, ours, stats, spare: listed } = await (survey ?? surveyOutput(target, options));

  // What the new folder holds: the edition's files, then whatever else stays.
  const result: PublishResult = { written: [], removed: [] };
  const conflicts: string[] = [];
  const keep = new Set<string>();
  const write: string[] = [];
  const wanted = new Set<string>();
  for (const path of files.keys()) for (const folder of parentsOf(path)) wanted.add(folder);
  // The files in place the last publish's stats do not answer for (touched since, or all of them in an output folder
  // copied or moved, with new inodes or another path) are hashed many at once: awaited one after another, each a round
  // trip through libuv's threads, the 10,000 files of the bench corpus's copied edition took ~2.5 s.
  const unknown = options.force ? [] : [...files.keys()].filter((path) => {
    const here = present.get(path);
    return here?.kind === 'file' && recordedHolds(here, files.get(path)!, stats.files[path]) === undefined;
  });
  const hashed = new Map(await pMap(unknown, async (path) => [path, await hashOf(join(target, path), fs)] as const, { concurrency: FILES_IN_FLIGHT }));
  for (const path of [...files.keys()].sort()) {
    const hash = files.get(path)!;
    const here = present.get(path);
    const blocked = parentsOf(path).find((folder) => present.has(folder) && present.get(folder)!.kind !== 'folder' && !(folder in ours));
    if (blocked !== undefined) { conflicts.push(blocked); continue; }
    if (here === undefined || (here.kind !== 'file' && path in ours)) { write.push(path); continue; }
    if (here.kind !== 'file') { conflicts.push(path); continue; }
    // Most files are known by the last publish's stats, without a call: only a file touched since is read (above).
    const same = !options.force && (recordedHolds(here, hash, stats.files[path]) ?? hashed.get(path) === hash);
    if (same) keep.add(path);
    else if (path in ours) write.push(path);
    else conflicts.push(path);
  }
  for (const [path, entry] of present) {
    if (files.has(path) || path === MANIFEST || entry.kind === 'folder') continue;
    if (path in ours) {
      result.removed.push(path);
      continue;
    }
    // Not samizdat's: it stays, unless the edition needs its place for a folder.
    if (wanted.has(path)) conflicts.push(path);
    else keep.add(path);
  }
  if (conflicts.length > 0) {
    throw new PublishProblem([...new Set(conflicts)].sort().map((path) => diagnostic('error', OUTPUT_RULE,
      `${join(target, path)} was not written by samizdat (${MANIFEST} does not list it) and is where the edition puts ${files.has(path) ? 'a file' : 'a folder'}; samizdat never replaces a file it did not write. Move it away, or publish to another folder (--out). Nothing was changed in ${target}.`,
      { file: join(target, path) })));
  }
  const manifest: Manifest = { generator: `samizdat ${version}`, files: Object.fromEntries([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) };
  const manifestText = `${JSON.stringify(manifest, null, 1)}\n`;
  const unchanged = write.length === 0 && result.removed.length === 0 && targetInfo !== undefined
    && await fs.readFile(join(target, MANIFEST), 'utf8').then((text) => text === manifestText, () => false);
  if (unchanged) {
    // Every file as the last publish left it (the usual case): its stats are those on record, not written again.
    if (!sameStats(stats, files, present)) await writeStats(options.statsPath, target, files, present, fs);
    return result;
  }

  // Build the new folder beside the old one.
  const newStats = new Map<string, Entry>();
  try {
    // Many files at once: each is a call that waits on the disk. Every call ends before the staging folder is judged (and removed on failure).
    const eachFile = async (paths: readonly string[], step: (path: string) => Promise<void>): Promise<void> => {
      await pMap(paths, step, { concurrency: FILES_IN_FLIGHT, stopOnError: false }).catch((error: unknown) => {
        throw error instanceof AggregateError ? error.errors[0] : error;
      });
    };
    // A folder of the old tree is in the new one when it holds something that stays or is written, or
    // when it was empty (samizdat makes folders only to hold its files: an empty one is not its own).
    const needed = new Set([...keep, ...write].flatMap(parentsOf));
    const holding = new Set([...present.keys()].flatMap(parentsOf));
    const keptFolders = [...present].filter(([path, entry]) => entry.kind === 'folder' && (needed.has(path) || !holding.has(path))).map(([path]) => path);
    // The new folder starts as the one the last publish replaced, when it was kept: what it shares with the old folder
    // (hard links to the same files) stays, and only what differs is removed, linked or copied.
    const spare = targetInfo && options.sparePath ? await takeSpare(options.sparePath, staging, targetInfo.dev, fs, listed) : undefined;
    if (!spare) await fs.mkdir(staging);
    const reused = spare ? await clearSpare(staging, spare, present, new Set([...keptFolders, ...needed]), keep, eachFile, fs) : new Set<string>();
    if (targetInfo) await fs.chmod(staging, targetInfo.mode & 0o7777);
    // Each folder made once, whichever file asks first; the others wait for it.
    const folders = new Map<string, Promise<unknown>>();
    for (const path of reused) if (spare?.get(path)?.kind === 'folder') folders.set(join(staging, path), Promise.resolve());
    const made = (folder: string): Promise<unknown> => {
      let making = folders.get(folder);
      if (!making) folders.set(folder, making = fs.mkdir(folder, { recursive: true }));
      return making;
    };
    const folderOf = (to: string): Promise<unknown> => made(dirname(to));
    await eachFile(keptFolders, async (path) => {
      const mode = (present.get(path) as Entry & { kind: 'folder' }).mode;
      const was = spare?.get(path);
      if (reused.has(path) && was?.kind === 'folder' && was.mode === mode) return;
      await made(join(staging, path));
      await fs.chmod(join(staging, path), mode);
    });
    await eachFile([...keep].filter((path) => !reused.has(path)).sort(), async (path) => {
      const from = join(target, path);
      const to = join(staging, path);
      await folderOf(to);
      const entry = present.get(path)!;
      if (entry.kind === 'link') await fs.symlink(await fs.readlink(from), to);
      else {
        await fs.link(from, to).catch(async (error: NodeJS.ErrnoException) => {
          // A file system without hard links (or one refusing them): a copy keeps the bytes and the time.
          if (entry.kind !== 'file') throw error;
          await fs.copyFile(from, to);
        });
      }
    });
    for (const path of [...keep].sort()) newStats.set(path, present.get(path)!);
    const written = write.sort();
    const writtenStats = new Map<string, Entry>();
    await eachFile(written, async (path) => {
      const to = join(staging, path);
      await folderOf(to);
      await fs.copyFile(options.blobPath(files.get(path)!), to);
      const info = await fs.lstat(to);
      writtenStats.set(path, { kind: 'file', size: info.size, mtimeMs: info.mtimeMs, ino: info.ino });
    });
    for (const path of written) newStats.set(path, writtenStats.get(path)!);
    result.written.push(...written);
    await fs.writeFile(join(staging, MANIFEST), manifestText);
  } catch (error) {
    await fs.rm(staging, { recursive: true, force: true }).catch(() => undefined);
    throw problem(target, `the edition could not be written: ${describe(error)}. Nothing was changed in ${target}.`);
  }

  // Switch it in: two renames.
  if (targetInfo) {
    try {
      await fs.rename(target, previous);
    } catch (error) {
      await fs.rm(staging, { recursive: true, force: true }).catch(() => undefined);
      throw problem(target, `${target} could not be replaced: ${describe(error)}. Nothing was changed in it.`);
    }
  }
  try {
    await fs.rename(staging, target);
  } catch (error) {
    const restored = targetInfo ? await fs.rename(previous, target).then(() => true, () => false) : true;
    await fs.rm(staging, { recursive: true, force: true }).catch(() => undefined);
    const failure = problem(target, restored
      ? `the new edition could not be switched in: ${describe(error)}. Nothing was changed in ${target}.`
      : `the new edition could not be switched in (${describe(error)}), and the old one could not be put back: it is in ${previous}; the next samizdat build puts it back.`);
    if (!restored) failure.previousAt = previous;
    throw failure;
  }
  if (targetInfo) await retire(previous, options.sparePath, fs);
  else if (options.sparePath) await keepLinkedSpare(target, result.written, options.sparePath, fs);
  await writeStats(options.statsPath, target, files, newStats, fs);
  if (options.legacyManifest) await fs.rm(options.legacyManifest, { force: true }).catch(() => undefined);
  result.removed.sort();
  return result;
}

/**
 * Moves the folder the last publish replaced (kept at `sparePath`) to
 * `staging`, with its listing (`listed`, when the survey made it); undefined
 * when there is none to use (missing, not a folder, or on another file system
 * than the output folder).
 */
async function takeSpare(sparePath: string, staging: string, dev: number, fs: PublishFileSystem, listed?: Map<string, Entry>): Promise<Map<string, Entry> | undefined> {
  const spare = listed ?? await listSpare(sparePath, dev, fs);
  // Renamed, the folder holds what it held: the listing (relative paths, inodes) stays true.
  if (spare) await fs.rename(sparePath, staging);
  return spare;
}

/** The spare folder's listing; undefined when there is none to use (missing, not a folder, or on another file system than the output folder, `dev`). */
async function listSpare(sparePath: string, dev: number, fs: PublishFileSystem, yielding = false): Promise<Map<string, Entry> | undefined> {
  const info = await fs.lstat(sparePath).catch(() => undefined);
  if (!info?.isDirectory() || info.dev !== dev) return undefined;
  return listTree(sparePath, fs, yielding);
}

/**
 * Removes from the recycled folder `staging` (listed as `spare`) whatever
 * the new edition does not have there as it is: a file stays only when it is
 * the very file (the same inode) of the old folder that the new one keeps, a
 * folder only when the new one has it. Returns the paths that stay. A file
 * to be written is removed first, never written in place: it may be a hard
 * link to a file of the old folder.
 */
async function clearSpare(
  staging: string,
  spare: ReadonlyMap<string, Entry>,
  present: ReadonlyMap<string, Entry>,
  folders: ReadonlySet<string>,
  keep: ReadonlySet<string>,
  eachFile: (paths: readonly string[], step: (path: string) => Promise<void>) => Promise<void>,
  fs: PublishFileSystem,
): Promise<Set<string>> {
  const reused = new Set<string>();
  const removed: string[] = [];
  // Depth-first order: a folder comes before what it holds, so nothing is looked at inside a folder that goes.
  const gone = new Set<string>();
  for (const [path, entry] of spare) {
    if (parentsOf(path).some((folder) => gone.has(folder))) continue;
    const old = present.get(path);
    const same = entry.kind === 'folder'
      ? folders.has(path)
      : entry.kind === 'file' && keep.has(path) && old?.kind === 'file' && old.ino === entry.ino && old.size === entry.size && old.mtimeMs === entry.mtimeMs;
    if (same) reused.add(path);
    else {
      removed.push(path);
      if (entry.kind === 'folder') gone.add(path);
    }
  }
  await eachFile(removed, (path) => fs.rm(join(staging, path), { recursive: true, force: true }));
  return reused;
}

/** Keeps the folder a publish replaced as the next one's spare, where it can; deletes it otherwise. */
async function retire(previous: string, sparePath: string | undefined, fs: PublishFileSystem): Promise<void> {
  if (sparePath) {
    await fs.rm(sparePath, { recursive: true, force: true }).catch(() => undefined);
    if (await fs.rename(previous, sparePath).then(() => true, () => false)) return;
  }
  await fs.rm(previous, { recursive: true, force: true }).catch(() => undefined);
}

/**
 * After a first publish (no folder replaced, so none kept): keeps as the
 * spare a folder of hard links to the files just published, `written`
 * (every file of the new folder but the manifest), which is what an
 * incremental publish leaves. Without it, the next publish, typically the
 * first after one document changed, made its staging folder by linking
 * every file of the edition (on the bench's 10,185 files, ~0.45 s of a
 * 2.4 s build, on a 2-core AMD EPYC VM); here it costs as much once, in a
 * build that took minutes. Any spare found there, made for another folder,
 * goes first. A cache only: on a failure (a cache on another file system,
 * where hard links cannot go), what was made is removed and the next
 * publish links every file as before.
 */
async function keepLinkedSpare(target: string, written: readonly string[], sparePath: string, fs: PublishFileSystem): Promise<void> {
  const removeSpare = () => fs.rm(sparePath, { recursive: true, force: true }).catch(() => undefined);
  await removeSpare();
  const root = fs.mkdir(sparePath, { recursive: true });
  root.catch(() => undefined);
  const folders = new Map<string, Promise<unknown>>([[sparePath, root]]);
  const made = (folder: string): Promise<unknown> => {
    let making = folders.get(folder);
    if (!making) folders.set(folder, making = made(dirname(folder)).then(() => fs.mkdir(folder).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    })));
    return making;
  };
  // After a failure, the files not yet linked are left alone; every call ends before the spare is removed.
  let failed = false;
  await pMap(written, async (path) => {
    if (failed) return;
    const to = join(sparePath, path);
    try {
      await made(dirname(to));
      await fs.link(join(target, path), to);
    } catch {
      failed = true;
    }
  }, { concurrency: FILES_IN_FLIGHT });
  if (failed) await removeSpare();
}

/**
 * Whether a file found as `entry` holds the content with `hash`, by the stats
 * of the last publish: undefined when the file was touched since (or never
 * recorded), and only its bytes can tell. Synchronous: it is asked of every
 * file of the edition, and an await for each was ~10 ms for the bench's 10,185
 * files (a fresh process's first pass; ~2 ms without).
 */
export function recordedHolds(entry: { size: number; mtimeMs: number; ino: number }, hash: string, recorded: FileStats['files'][string] | undefined): boolean | undefined {
  if (recorded && recorded.size === entry.size && recorded.mtimeMs === entry.mtimeMs && recorded.ino === entry.ino) return recorded.hash === hash;
  return undefined;
}

/** The sha256 of the file at `path`'s bytes. */
async function hashOf(path: string, fs: PublishFileSystem): Promise<string> {
  return sha256(await fs.readFile(path));
}

/** The files samizdat wrote in `target`: its manifest's, or an earlier samizdat's (kept in the build cache) for a folder without one. */
async function manifestOf(target: string, present: ReadonlyMap<string, Entry>, options: Pick<PublishOptions, 'legacyManifest'>, fs: PublishFileSystem): Promise<Record<string, string>> {
  if (present.has(MANIFEST)) {
    try {
      const manifest = JSON.parse(await fs.readFile(join(target, MANIFEST), 'utf8')) as Manifest;
      if (manifest && typeof manifest.files === 'object') return { ...manifest.files };
    } catch { /* unreadable: below, nothing counts as samizdat's */ }
  }
  if (options.legacyManifest) {
    try {
      const legacy = JSON.parse(await fs.readFile(options.legacyManifest, 'utf8')) as { out: string; files: Record<string, { hash: string }> };
      if (legacy.out === target) return Object.fromEntries(Object.entries(legacy.files).map(([path, entry]) => [path, entry.hash]));
    } catch { /* none */ }
  }
  return {};
}

async function readStats(path: string, target: string, fs: PublishFileSystem): Promise<FileStats> {
  try {
    const stats = JSON.parse(await fs.readFile(path, 'utf8')) as FileStats;
    if (stats.out === statsName(path, target)) return stats;
  } catch { /* none yet */ }
  return { out: statsName(path, target), files: {} };
}

/**
 * The output folder as the stats name it: from the stats file's folder, so
 * that a project moved whole with its cache (whose folder is named so too,
 * see `BuildCache`) trusts them rather than hashing every published file
 * again. Safe: a file is trusted only while its size, time and inode are
 * those recorded, which a move keeps and a copy does not.
 */
function statsName(path: string, target: string): string {
  return relative(dirname(path), target).split(sep).join('/');
}

/** Whether the stats `writeStats` would record for `files` as `entries` found them are those `recorded` already. */
function sameStats(recorded: FileStats, files: ReadonlyMap<string, string>, entries: ReadonlyMap<string, Entry>): boolean {
  let count = 0;
  for (const [file, hash] of files) {
    const entry = entries.get(file);
    if (entry?.kind !== 'file') continue;
    const kept = recorded.files[file];
    if (!kept || kept.hash !== hash || kept.size !== entry.size || kept.mtimeMs !== entry.mtimeMs || kept.ino !== entry.ino) return false;
    count += 1;
  }
  return count === Object.keys(recorded.files).length;
}

/** Records what the published files are on disk now; a cache only (losing it costs hashing), so failing to write it is not an error. */
async function writeStats(path: string, target: string, files: ReadonlyMap<string, string>, entries: ReadonlyMap<string, Entry>, fs: PublishFileSystem): Promise<void> {
  const stats: FileStats = { out: statsName(path, target), files: {} };
  for (const [file, hash] of files) {
    const entry = entries.get(file);
    if (entry?.kind === 'file') stats.files[file] = { hash, size: entry.size, mtimeMs: entry.mtimeMs, ino: entry.ino };
  }
  try {
    await fs.mkdir(dirname(path), { recursive: true });
    await fs.writeFile(`${path}.${process.pid}.partial`, JSON.stringify(stats));
    await fs.rename(`${path}.${process.pid}.partial`, path);
  } catch { /* see above */ }
}

function problem(target: string, message: string): PublishProblem {
  return new PublishProblem([diagnostic('error', OUTPUT_RULE, message, { file: target })]);
}

/** Files linked or copied into the staging folder at once. */
const FILES_IN_FLIGHT = 16;

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOSPC') return 'the disk is full';
  if (code === 'EACCES' || code === 'EPERM') return `permission denied (${(error as NodeJS.ErrnoException).path ?? ''})`;
  if (code === 'EDQUOT') return 'the disk quota is exceeded';
  if (code === 'EROFS') return 'the file system is read-only';
  return (error as Error)?.message ?? String(error);
}

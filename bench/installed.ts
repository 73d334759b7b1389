/**
 * samizdat as a user gets it: `npm pack` (which precompiles, see
 * src/precompiled/), then the tarball installed into an empty folder, with
 * nothing but npm's cache (offline). The test of the installed package and
 * the bench's first-run rows both start from here.
 *
 * The pack runs in a copy of the sources (sharing this checkout's
 * node_modules): `prepack` empties lib/ and rewrites precompiled/, which
 * must not happen under a running test suite or bench.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface InstalledPackage {
  /** The folder it is installed in (package.json, node_modules/). */
  app: string;
  /** `node_modules/.bin/samizdat`, as `npx samizdat` runs it. */
  cli: string;
  /** The tarball `npm pack` wrote. */
  tarball: string;
  /** Every path in the tarball, as `npm pack --json` lists them. */
  files: string[];
  /** The copy of the sources the tarball was packed from (with its precompiled/). */
  sources: string;
}

interface PackageJson { version: string; license: string; files: string[]; dependencies: Record<string, string>; bin: Record<string, string>; engines: Record<string, string> }
interface LockEntry { dev?: boolean; devOptional?: boolean }

const quiet = { ...process.env, NO_COLOR: '1', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };

/** Runs a command to its end, or throws with what it printed. */
function mustRun(command: string, args: string[], cwd: string): string {
  const result: SpawnSyncReturns<string> = spawnSync(command, args, { cwd, encoding: 'utf8', env: quiet, timeout: 900_000, maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} (in ${cwd}) exited ${result.status}${result.error ? ` (${result.error.message})` : ''}:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** Packs the repository at `repo` and installs the tarball into `<into>/app`. */
export function packAndInstall(repo: string, into: string): InstalledPackage {
  const manifest = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as PackageJson;
  const sources = join(into, 'samizdat');
  mkdirSync(sources, { recursive: true });
  // What `npm pack` reads: the manifest, what the TypeScript build and the
  // precompile step need, and the folders the package lists (except those they make).
  for (const entry of ['package.json', 'package-lock.json', 'tsconfig.json', 'README.md', 'LICENSE', 'src', ...manifest.files]) {
    const from = join(repo, entry);
    if (existsSync(from) && !/^(lib|precompiled)\/?$/.test(entry)) cpSync(from, join(sources, entry), { recursive: true });
  }
  symlinkSync(join(repo, 'node_modules'), join(sources, 'node_modules'));
  const report = mustRun('npm', ['pack', '--json', '--pack-destination', into], sources);
  const [packed] = JSON.parse(report.slice(report.indexOf('['))) as { filename: string; files: { path: string }[] }[];

  // npm's cache holds every dependency's tarball (this checkout's own install
  // put them there), but not necessarily the registry's metadata that
  // resolving version ranges needs; a lockfile naming the exact versions,
  // taken from ours, lets npm install from the cache alone.
  const app = join(into, 'app');
  mkdirSync(app);
  const tarball = `file:../${packed.filename}`;
  const lock = JSON.parse(readFileSync(join(repo, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const packages: Record<string, unknown> = {
    '': { name: 'app', dependencies: { samizdat: tarball } },
    'node_modules/samizdat': { version: manifest.version, resolved: tarball, license: manifest.license, dependencies: manifest.dependencies, bin: manifest.bin, engines: manifest.engines },
  };
  for (const [path, entry] of Object.entries(lock.packages)) if (path.startsWith('node_modules/') && !entry.dev && !entry.devOptional) packages[path] = entry;
  writeFileSync(join(app, 'package.json'), `${JSON.stringify({ name: 'app', private: true, dependencies: { samizdat: tarball } }, null, 2)}\n`);
  writeFileSync(join(app, 'package-lock.json'), `${JSON.stringify({ name: 'app', lockfileVersion: 3, requires: true, packages }, null, 2)}\n`);
  mustRun('npm', ['install', '--offline', '--no-audit', '--no-fund'], app);
  return { app, cli: join(app, 'node_modules', '.bin', 'samizdat'), tarball: join(into, packed.filename), files: packed.files.map((f) => f.path), sources };
}

/**
 * `watchEdition`: the editor's loop. Builds the edition once, then watches its
 * sources (and the configuration file and the customisation stylesheet with
 * the modules it imports) and,
 * a short quiet time after each burst of saves, validates the documents that
 * changed and rebuilds. A round whose build fails leaves the last good output
 * in place (`build()` writes nothing unless every document renders) and the
 * watcher carries on; fixing the document brings the next round.
 *
 * Files are watched with chokidar rather than `fs.watch(dir, { recursive })`:
 * on Linux, Node 20's recursive watcher follows each file's inode, so after an
 * editor's atomic save (write a temporary file, rename it over the document)
 * it never reports that document again.
 */
import { watch as watchPaths, type FSWatcher } from 'chokidar';
import { EventEmitter } from 'node:events';
import { stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { buildFromConfig } from '../build/config.js';
import { stylesheetModules } from '../transform/stylesheet.js';
import { build, type BuildOptions, type BuildReport } from '../build/index.js';
import { defaultConfig, loadConfig, type Config } from '../config/config.js';
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { validationFromConfig } from '../validate/from-config.js';
import { validate, type ValidateOptions } from '../validate/index.js';
import { isEditorTemporary, isOutputOrCache, sourcePattern, within, type SourcePattern } from './sources.js';

export { isEditorTemporary } from './sources.js';

export const DEFAULT_DEBOUNCE_MS = 150;

/** `ruleId` of a problem with watching itself (e.g. the system's limit on watched folders). */
export const WATCH_RULE = 'watch';

export interface WatchOptions {
  /** The documents: folders, files or globs (default: the configuration's `sources`, `tei/**\/*.xml`). */
  sources?: string | readonly string[];
  /** Build options given by the caller (the command line); they win over the configuration's. */
  build?: BuildOptions;
  /**
   * The configuration in force at the start (from `loadConfig`; default: none,
   * samizdat's defaults). When it came from a file, that file is watched too
   * and read again when it changes; a configuration that no longer reads is
   * reported and the previous one stays in force.
   */
  config?: Config;
  /** Quiet time after the last change before a round starts, in milliseconds (default 150). */
  debounce?: number;
  /** Check the changed documents (RELAX NG, Schematron, edition rules) before each build (default true). */
  validate?: boolean;
}

/** What one round (validation and build) found. */
export interface Round {
  /** Absolute paths of what changed since the last round (empty for the first). */
  changed: string[];
  /**
   * The problems in force: the known validation problems of every document
   * (not only the changed ones) and of the configuration, then the build's own.
   */
  diagnostics: Diagnostic[];
  /** The build's report; absent when the round stopped before building. */
  report?: BuildReport;
  /** How long the round took, in milliseconds. */
  ms: number;
}

export interface WatcherEvents {
  /** A round starts. */
  building: [{ changed: string[] }];
  /** The output was brought up to date; `diagnostics` may still hold validation errors and warnings. */
  rebuilt: [Round & { report: BuildReport }];
  /** The round wrote nothing; the previous output is still in place. */
  failed: [Round];
}

/** What a configuration (and the caller's overrides) ask of a round. */
interface Settings {
  config: Config;
  sources: string[];
  patterns: SourcePattern[];
  build: BuildOptions;
  validate: ValidateOptions;
  out: string;
  xslt?: string;
}

const explicitSources = (options: WatchOptions): string[] | undefined =>
  options.sources === undefined ? undefined : typeof options.sources === 'string' ? [options.sources] : [...options.sources];

const overridesOf = (options: WatchOptions): BuildOptions =>
  Object.fromEntries(Object.entries(options.build ?? {}).filter(([, value]) => value !== undefined));

function settle(config: Config, sources: string[] | undefined, overrides: BuildOptions): Settings {
  const configured = buildFromConfig(config);
  const patterns = sources ?? configured.sources;
  const options: BuildOptions = { ...configured.options, ...overrides, limits: { ...configured.options.limits, ...overrides.limits } };
  return {
    config, sources: patterns, patterns: patterns.map(sourcePattern),
    build: options,
    // Validation reads under the same limits as the build.
    validate: { ...validationFromConfig(config).options, limits: options.limits },
    out: resolve(options.out ?? 'dist'),
    xslt: options.xslt === undefined ? undefined : resolve(options.xslt),
  };
}

/** The settings at the start: the given configuration (or samizdat's defaults) and the caller's overrides. */
const initialSettings = (options: WatchOptions): Settings =>
  settle(options.config ?? defaultConfig(process.cwd()), explicitSources(options), overridesOf(options));

function watchedPaths({ patterns, config, xslt }: Settings): string[] {
  return [...new Set([...patterns.map((p) => p.base), config.file, xslt].filter((p): p is string => p !== undefined))];
}

/**
 * What `watchEdition(options)` would watch and where it would write, without
 * starting anything: a command line checks the paths and opens its server first.
 */
export function watchPlan(options: WatchOptions = {}): { sources: readonly string[]; out: string; watched: string[] } {
  const settings = initialSettings(options);
  return { sources: settings.sources, out: settings.out, watched: watchedPaths(settings) };
}

/** Watches the sources and rebuilds; see `watchEdition`. */
export class Watcher extends EventEmitter<WatcherEvents> {
  /** Resolves when the first round has finished and changes are being watched. */
  readonly ready: Promise<void>;
  private readonly debounce: number;
  private readonly validating: boolean;
  private readonly explicitSources: string[] | undefined;
  private readonly overrides: BuildOptions;
  private settings: Settings;
  private readonly files: FSWatcher;
  /** Validation problems of each document (and of the configuration), by absolute path, as of its last check. */
  private readonly problems = new Map<string, Diagnostic[]>();
  /** The files each document's verdict depends on (its schema, its rules, the register it names), by absolute path, as of its last check. */
  private readonly dependencies = new Map<string, readonly string[]>();
  /** Files watched beyond `watchedPaths()`: the stylesheet's modules and what the documents depend on (schemas, rules). */
  private extraWatched = new Set<string>();
  /** The image files the documents name (found or not), as of the last build: a new or changed image changes the pages that show it. */
  private images = new Set<string>();
  /** The customisation stylesheet's modules (itself and what it imports or includes), as of the last round. */
  private modules: string[] = [];
  private pending = new Set<string>();
  private everything = true;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private closed = false;
  private stopWaiting = (): void => {};

  constructor(options: WatchOptions = {}) {
    super();
    this.debounce = Math.max(0, options.debounce ?? DEFAULT_DEBOUNCE_MS);
    this.validating = options.validate ?? true;
    this.explicitSources = explicitSources(options);
    this.overrides = overridesOf(options);
    this.settings = initialSettings(options);
    this.files = watchPaths(this.watchedPaths(), {
      ignoreInitial: true,
      ignored: (path) => this.ignored(resolve(path)),
    });
    this.files.on('all', (event, path) => this.noticed(event, resolve(path)));
    this.files.on('error', (error) => this.emit('failed', {
      changed: [], ms: 0,
      diagnostics: [diagnostic('error', WATCH_RULE, `changes can no longer be watched: ${(error as Error).message}`, { file: this.settings.patterns[0]?.base ?? '.' })],
    }));
    this.ready = new Promise<boolean>((done) => {
      this.files.once('ready', () => done(true));
      this.stopWaiting = () => done(false);
    }).then(async (watching) => {
      if (!watching) return;
      this.running = this.loop();
      await this.running;
    });
  }

  /** The folder the edition is written to. */
  get out(): string {
    return this.settings.out;
  }

  /** The documents' patterns, as given to `build` and `validate`. */
  get sources(): readonly string[] {
    return this.settings.sources;
  }

  /** The paths always watched: the sources' folders, the configuration file, the customisation stylesheet (its modules are added after each round). */
  watchedPaths(): string[] {
    return watchedPaths(this.settings);
  }

  /** Stops watching; a round under way is finished first, so no half-written output is left. */
  async close(): Promise<void> {
    this.closed = true;
    this.stopWaiting();
    clearTimeout(this.timer);
    await this.files.close();
    await this.running;
  }

  private isSetting(path: string): boolean {
    return path === this.settings.config.file || path === this.settings.xslt || this.modules.includes(path);
  }

  /** The modules the customisation stylesheet imports now (it may have gained or lost some). */
  private async findModules(): Promise<void> {
    const xslt = this.settings.xslt;
    // A module that cannot be read is reported by the build; keep watching what was known.
    this.modules = xslt === undefined ? [] : await stylesheetModules(xslt).catch(() => [...new Set([xslt, ...this.modules])]);
  }

  /** Watches the stylesheet's modules and the files the documents depend on now, and no longer the others. */
  private watchExtras(): void {
    const always = this.watchedPaths();
    // Images inside a watched folder are seen already; those elsewhere (an images/ folder beside tei/) are watched one by one,
    // when their folder exists (the file watcher does not see a file appear in a folder made after it was asked to watch it).
    const folders = new Map<string, boolean>();
    const folderExists = (folder: string): boolean => {
      if (!folders.has(folder)) folders.set(folder, existsSync(folder));
      return folders.get(folder)!;
    };
    const images = [...this.images].filter((p) => !always.some((base) => within(base, p)) && folderExists(dirname(p)));
    const now = new Set([...this.modules, ...[...this.dependencies.values()].flat(), ...images].filter((p) => !always.includes(p)));
    this.files.unwatch([...this.extraWatched].filter((p) => !now.has(p)));
    this.files.add([...now].filter((p) => !this.extraWatched.has(p)));
    this.extraWatched = now;
  }

  private ignored(path: string): boolean {
    if (this.isSetting(path)) return false;
    return isEditorTemporary(path) || isOutputOrCache(path, this.settings.out);
  }

  /** The documents whose verdict depends on `path`, as of their last check. */
  private dependentsOf(path: string): string[] {
    return [...this.dependencies].filter(([, files]) => files.includes(path)).map(([document]) => document);
  }

  /** Whether a file system event can change the edition. */
  private relevant(event: string, path: string): boolean {
    if (this.isSetting(path) || this.dependentsOf(path).length > 0 || this.images.has(path)) return true;
    if (event === 'unlinkDir') return this.settings.patterns.some((p) => within(p.base, path));
    return event !== 'addDir' && this.settings.patterns.some((p) => p.matches(path));
  }

  private noticed(event: string, path: string): void {
    if (this.closed || !this.relevant(event, path)) return;
    this.pending.add(path);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.settled(), this.debounce);
  }

  /** The quiet time has passed: a round now, or exactly one more after the round under way. */
  private settled(): void {
    this.timer = undefined;
    if (this.closed) return;
    if (this.running) this.again = true;
    else this.running = this.loop();
  }

  private async loop(): Promise<void> {
    try {
      do {
        this.again = false;
        const changed = [...this.pending];
        this.pending = new Set();
        await this.round(changed);
      } while (this.again && this.timer === undefined && !this.closed);
    } finally {
      this.running = undefined;
    }
  }

  private async round(changed: string[]): Promise<void> {
    const started = Date.now();
    this.emit('building', { changed });
    try {
      const configFile = this.settings.config.file;
      if (configFile && changed.includes(configFile)) {
        const problems = await this.reloadConfig();
        if (problems) {
          this.problems.set(configFile, problems);
          this.emit('failed', { changed, diagnostics: [...this.problems.values()].flat(), ms: Date.now() - started });
          return;
        }
      }
      await this.findModules();
      if (this.validating) await this.check(changed);
      this.watchExtras();
      const report = await build(this.settings.sources, this.settings.build);
      this.images = new Set(report.images);
      this.watchExtras();
      const diagnostics = withoutRepeats([...this.problems.values()].flat(), report.diagnostics);
      const round = { changed, diagnostics, ms: Date.now() - started };
      if (report.written) this.emit('rebuilt', { ...round, report });
      else this.emit('failed', { ...round, report });
    } catch (error) {
      const problem = diagnostic('error', 'internal', `the round failed: ${(error as Error).stack ?? String(error)}`, { file: this.settings.sources.join(' ') });
      this.emit('failed', { changed, diagnostics: [problem], ms: Date.now() - started });
    }
  }

  /** Reads the configuration again; its problems if it no longer reads (the previous one stays in force). */
  private async reloadConfig(): Promise<Diagnostic[] | undefined> {
    const { root, file } = this.settings.config;
    const loaded = await loadConfig(root, file);
    if (!loaded.ok) return loaded.diagnostics;
    const before = this.watchedPaths();
    this.settings = settle(loaded.config, this.explicitSources, this.overrides);
    const after = this.watchedPaths();
    this.files.unwatch(before.filter((p) => !after.includes(p)));
    this.files.add(after.filter((p) => !before.includes(p)));
    this.everything = true;
    return undefined;
  }

  /** Validates what changed (everything in the first round and after the configuration changed). */
  private async check(changed: string[]): Promise<void> {
    let paths: string[];
    if (this.everything) {
      this.everything = false;
      this.problems.clear();
      this.dependencies.clear();
      paths = this.settings.sources;
    } else {
      // A changed register can break (or mend) the references of the documents
      // that name it; a changed schema or rule file, the verdicts of those checked with it.
      const affected = new Set([...changed, ...changed.flatMap((path) => this.dependentsOf(path))]);
      paths = [];
      for (const path of affected) if (this.settings.patterns.some((p) => p.matches(path)) && (await isFile(path))) paths.push(path);
    }
    for (const known of [...this.problems.keys()]) {
      if (!(await isFile(known))) {
        this.problems.delete(known);
        this.dependencies.delete(known);
      }
    }
    if (paths.length === 0) return;
    const report = await validate(paths, this.settings.validate);
    for (const file of report.files) {
      this.problems.set(resolve(file.file), file.diagnostics);
      if (file.dependsOn) this.dependencies.set(resolve(file.file), file.dependsOn);
    }
  }
}

/** Builds the edition, then rebuilds it whenever its sources change; `close()` to stop. */
export function watchEdition(options: WatchOptions = {}): Watcher {
  return new Watcher(options);
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isFile() ?? false;
}

/**
 * The build's problems less those validation already reported: the same
 * problem at the same place, or — for a document that is not well-formed
 * XML — a message without line and column where validation gave its
 * path:line:col.
 */
function withoutRepeats(validation: Diagnostic[], building: Diagnostic[]): Diagnostic[] {
  const key = (d: Diagnostic): string => JSON.stringify([resolve(d.file), d.line, d.column, d.ruleId, d.message]);
  const reported = new Set(validation.map(key));
  const unreadable = new Set(validation.filter((d) => d.severity === 'error' && (d.ruleId.startsWith('xml-') || d.ruleId === 'io')).map((d) => resolve(d.file)));
  return [...validation, ...building.filter((d) => !reported.has(key(d)) && (d.line !== undefined || !unreadable.has(resolve(d.file))))];
}

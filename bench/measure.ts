/**
 * Runs one command as a child process and measures it: wall time, peak
 * resident memory, exit code. The child leads a process group of its own, so
 * a run that passes its time limit is stopped with everything it started.
 *
 * Peak memory is the largest resident set of any process in the run (worker
 * threads live in their process, so they are counted): from GNU time's %M
 * when /usr/bin/time exists, otherwise (or with BENCH_POLL=1) from polling
 * VmHWM in /proc every 50 ms. A stopped run has no figure under GNU time.
 */
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Run {
  seconds: number;
  /** Peak resident set size in bytes; null when it could not be measured. */
  peakRssBytes: number | null;
  /** null when the run was stopped. */
  exitCode: number | null;
  /** Stopped at its time limit. */
  stopped: boolean;
  /** The end of what it printed (for error messages). */
  output: string;
  /** For a median of several runs, each run's seconds in the order they ran. */
  samples?: number[];
}

export interface RunOptions {
  cwd: string;
  /** Stop the run after this many milliseconds. */
  timeoutMs?: number;
}

const GNU_TIME = '/usr/bin/time';
/** Process groups and scratch folders of the runs in progress, so that an interrupted benchmark can stop and remove them. */
const running = new Set<number>();
const scratches = new Set<string>();
const OUTPUT_KEPT = 16_000;

/** How peak memory is measured on this machine. */
export const memoryProbe: 'gnu-time' | 'proc-polling' | 'none' =
  existsSync(GNU_TIME) && !process.env.BENCH_POLL ? 'gnu-time' : existsSync('/proc/self/status') ? 'proc-polling' : 'none';

/**
 * Variables of the bench's environment that measured commands run without:
 * a machine's own setting, not samizdat's or Java's work. NODE_EXTRA_CA_CERTS
 * makes every Node process read and parse a certificate file at start (on
 * the machine the README's figures come from, 45 of `node -e 0`'s 70 ms).
 */
export const UNSET_FOR_RUNS = ['NODE_EXTRA_CA_CERTS'] as const;

/** The environment measured commands get: the bench's, less `UNSET_FOR_RUNS`. */
export function runEnvironment(environment: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const kept = { ...environment };
  for (const name of UNSET_FOR_RUNS) delete kept[name];
  return kept;
}

/** Which of `UNSET_FOR_RUNS` the bench's environment set (the report says so). */
export function unsetForRuns(environment: NodeJS.ProcessEnv = process.env): string[] {
  return UNSET_FOR_RUNS.filter((name) => environment[name] !== undefined);
}

export async function measure(command: string, args: readonly string[], options: RunOptions): Promise<Run> {
  const scratch = await mkdtemp(join(tmpdir(), 'samizdat-bench-time-'));
  scratches.add(scratch);
  const timeFile = join(scratch, 'maxrss');
  const [program, argv] = memoryProbe === 'gnu-time'
    ? [GNU_TIME, ['-f', '%M', '-o', timeFile, command, ...args]]
    : [command, [...args]];
  const started = performance.now();
  const child = spawn(program, argv, { cwd: options.cwd, env: runEnvironment(), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid !== undefined) running.add(child.pid);
  let output = '';
  const keep = (chunk: Buffer): void => { output = (output + chunk.toString('utf8')).slice(-OUTPUT_KEPT); };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);

  let stopped = false;
  const timer = options.timeoutMs === undefined ? undefined : setTimeout(() => {
    stopped = true;
    killGroup(child.pid!);
  }, Math.max(0, options.timeoutMs));
  let polledPeak = 0;
  let polling = false;
  const poller = memoryProbe === 'proc-polling' ? setInterval(() => {
    if (polling) return;
    polling = true;
    void treePeak(child.pid!).then((kb) => { polledPeak = Math.max(polledPeak, kb); polling = false; });
  }, 50) : undefined;

  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve(code));
  }).finally(() => { clearTimeout(timer); clearInterval(poller); running.delete(child.pid!); });
  const seconds = (performance.now() - started) / 1000;

  let peakKb: number | null = memoryProbe === 'proc-polling' && polledPeak > 0 ? polledPeak : null;
  if (memoryProbe === 'gnu-time') {
    // GNU time writes "Command exited with non-zero status N" before the number when the command fails.
    const lines = (await readFile(timeFile, 'utf8').catch(() => '')).trim().split('\n');
    const kb = Number(lines[lines.length - 1]);
    peakKb = Number.isFinite(kb) && kb > 0 ? kb : null;
  }
  await rm(scratch, { recursive: true, force: true });
  scratches.delete(scratch);
  return { seconds, peakRssBytes: peakKb === null ? null : peakKb * 1024, exitCode: stopped ? null : exitCode, stopped, output };
}

/** Stops every run in progress with all it started, and removes their scratch folders (for Ctrl-C). */
export function stopRuns(): void {
  for (const group of running) killGroup(group);
  for (const scratch of scratches) rmSync(scratch, { recursive: true, force: true });
}

function killGroup(group: number): void {
  try { process.kill(-group, 'SIGKILL'); } catch { /* already gone */ }
}

/** The largest VmHWM (kB) among `root` and its descendants, from /proc. */
async function treePeak(root: number): Promise<number> {
  const parents = new Map<number, number>();
  for (const entry of await readdir('/proc').catch(() => [] as string[])) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    // pid (comm) state ppid …; comm may hold spaces and parentheses, so read after the last ')'.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (Number.isInteger(ppid)) parents.set(Number(entry), ppid);
  }
  const inTree = (pid: number): boolean => {
    for (let at: number | undefined = pid, hops = 0; at !== undefined && hops < 64; at = parents.get(at), hops++) if (at === root) return true;
    return false;
  };
  let peak = 0;
  for (const pid of parents.keys()) {
    if (!inTree(pid)) continue;
    const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
    const hwm = /^VmHWM:\s+(\d+) kB/m.exec(status);
    if (hwm) peak = Math.max(peak, Number(hwm[1]));
  }
  return peak;
}

/** The median of some numbers (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * `times` runs of `once` as one run: the median time and peak, or the first
 * run that failed or was stopped (what follows it would not mean anything).
 * `once` gets the milliseconds left of `timeoutMs` for all the runs.
 */
export async function medianOf(times: number, once: (timeoutMs: number | undefined) => Promise<Run>, timeoutMs?: number): Promise<Run> {
  const runs: Run[] = [];
  for (let i = 0; i < times; i++) {
    const spent = runs.reduce((n, r) => n + r.seconds * 1000, 0);
    const run = await once(timeoutMs === undefined ? undefined : timeoutMs - spent);
    runs.push(run);
    if (run.stopped || run.exitCode !== 0) return run;
  }
  const peaks = runs.map((r) => r.peakRssBytes).filter((p): p is number => p !== null);
  const samples = runs.map((r) => r.seconds);
  return { ...runs[0], seconds: median(samples), peakRssBytes: peaks.length > 0 ? median(peaks) : null, samples };
}

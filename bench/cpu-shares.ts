/**
 * Where a build's CPU goes, from the profiles `node --cpu-prof
 * --cpu-prof-dir=DIR bin/samizdat.js build` writes (one per thread: the
 * calling thread and every worker): `tsx bench/cpu-shares.ts DIR`.
 *
 * Every sample's time goes to one share: garbage collection, saxon-js (by the
 * samizdat function that started the transform, so the page, the texts and
 * records, and the site pages come apart), citations (citeproc and
 * Citation.js), the XML parsers, Pagefind's Node client, Node's own file and
 * hashing calls, or samizdat's modules (by folder). Idle time is left out, so
 * the shares add up to the CPU the threads used (Pagefind's own processes and
 * the kernel's time are not in the profiles: compare with `time`'s user and
 * sys). Written for issue 13, to tell what is not the stylesheets' own work.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The part of a V8 `.cpuprofile` read here. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/** A frame's place, as the shares name it: samizdat's modules by their path under src/ or lib/, packages by name. */
function moduleOf(url: string): { kind: 'samizdat' | 'package' | 'node' | 'native'; name: string } {
  if (url === '') return { kind: 'native', name: '' };
  if (url.startsWith('node:')) return { kind: 'node', name: url };
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (inPackage) return { kind: 'package', name: inPackage[1] };
  const own = /\/(?:lib|src)\/(.+?)\.[jt]s$/.exec(url);
  return own ? { kind: 'samizdat', name: own[1] } : { kind: 'package', name: url };
}

const CITING = new Set(['citeproc', '@citation-js/core', '@citation-js/plugin-csl', '@citation-js/plugin-bibtex', '@citation-js/plugin-ris', '@citation-js/date', '@citation-js/name']);

/**
 * Self time (µs) of every sample of `profile`, by share. A native frame
 * (file system calls, hashing, the regular-expression engine) goes to the
 * module that called it, so that `writeUtf8String` counts as the cache's
 * writing and a regular expression as its caller's.
 */
export function cpuShares(profile: CpuProfile): Map<string, number> {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const shares = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const time = profile.timeDeltas[i + 1] ?? 0;
    const share = shareOf(id, byId, parent);
    if (share !== undefined) shares.set(share, (shares.get(share) ?? 0) + time);
  });
  return shares;
}

function shareOf(id: number, byId: Map<number, CpuProfile['nodes'][number]>, parent: Map<number, number>): string | undefined {
  const self = byId.get(id)!.callFrame;
  if (self.functionName === '(idle)') return undefined;
  if (self.functionName === '(garbage collector)') return 'garbage collection';
  if (self.functionName === '(program)') return 'V8 (program: compiling, runtime)';
  // The first frame that is not native names the share; for saxon-js, the samizdat function that called into it.
  let at: number | undefined = id;
  let native = '';
  while (at !== undefined) {
    const frame = byId.get(at)!.callFrame;
    const place = moduleOf(frame.url);
    if (place.kind === 'native') native ||= frame.functionName;
    else if (place.kind === 'node') return nodeShare(place.name);
    else if (place.kind === 'samizdat') return `samizdat ${folderOf(place.name)}`;
    else if (place.name === 'saxon-js') return `saxon-js, for ${callerOf(parent.get(at), byId, parent)}`;
    else if (CITING.has(place.name)) return 'citations (citeproc, Citation.js)';
    else return `package ${place.name}`;
    at = parent.get(at);
  }
  return native ? `native: ${native}` : '(root)';
}

/** A samizdat module's folder (`build`, `search`, …): the shares name folders, not files. */
function folderOf(module: string): string {
  return module.includes('/') ? `${module.slice(0, module.indexOf('/'))}/` : module;
}

/** Node's own modules in a few shares: the files, hashing, buffers and streams, module loading, the rest. */
function nodeShare(module: string): string {
  const name = module.replace(/^node:(internal\/)?/, '');
  if (/^fs\b/.test(name)) return 'node: files';
  if (/^crypto\b/.test(name)) return 'node: hashing';
  if (/^(buffer|stream|streams\/|string_decoder|encoding)/.test(name)) return 'node: buffers and streams';
  if (/^(modules\/|vm|bootstrap\/|main\/|deps\/)/.test(name)) return 'node: loading modules';
  if (/^(worker|per_context\/messageport|event_target)/.test(name)) return 'node: worker messages';
  return 'node: other';
}

/**
 * Who asked for a transform: the nearest samizdat function outside the
 * transform layer, and the transform layer's function it called (the page
 * is `transformSource`, the texts and records `runStylesheet`).
 */
function callerOf(at: number | undefined, byId: Map<number, CpuProfile['nodes'][number]>, parent: Map<number, number>): string {
  let entry = '';
  while (at !== undefined) {
    const frame = byId.get(at)!.callFrame;
    const place = moduleOf(frame.url);
    const name = `${place.name}:${frame.functionName || '(anonymous)'}`;
    if (place.kind === 'samizdat' && place.name.startsWith('transform/')) entry = name;
    else if (place.kind === 'samizdat') return entry ? `${name} > ${entry}` : name;
    at = parent.get(at);
  }
  return 'saxon-js itself';
}

/** The thread a profile is of, by Node's file name (`CPU.<date>.<time>.<pid>.<thread>.<n>.cpuprofile`; thread 0 is the calling thread). */
export function threadOf(file: string): string {
  const thread = /\.(\d+)\.\d+\.cpuprofile$/.exec(file)?.[1];
  return thread === undefined ? file : thread === '0' ? 'calling thread' : `worker ${thread}`;
}

function line(time: number, total: number, share: string): string {
  return `  ${(time / 1e6).toFixed(2).padStart(7)} s ${((100 * time) / total).toFixed(1).padStart(5)}%  ${share}`;
}

/** The report: each thread's shares, then all threads' together, largest first, in seconds and percent of the CPU used. */
export function renderShares(byThread: Map<string, Map<string, number>>): string {
  const lines: string[] = [];
  const all = new Map<string, number>();
  const table = (title: string, shares: Map<string, number>) => {
    const total = [...shares.values()].reduce((sum, time) => sum + time, 0);
    lines.push(`${title}: ${(total / 1e6).toFixed(2)} s CPU`);
    // Shares under half a percent together, as one line: a thread touches dozens of Node's modules.
    let small = 0;
    for (const [share, time] of [...shares].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))) {
      if (time < total / 200) small += time;
      else lines.push(line(time, total, share));
    }
    if (small > 0) lines.push(line(small, total, 'the rest (each under 0.5%)'));
  };
  for (const [thread, shares] of byThread) {
    table(thread, shares);
    for (const [share, time] of shares) all.set(share, (all.get(share) ?? 0) + time);
  }
  table('all threads', all);
  return lines.join('\n');
}

if (process.argv[1] && /cpu-shares\.[jt]s$/.test(process.argv[1])) {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: tsx bench/cpu-shares.ts DIR (the --cpu-prof-dir of a build)');
  const byThread = new Map<string, Map<string, number>>();
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.cpuprofile')).sort()) {
    const shares = cpuShares(JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile);
    const thread = threadOf(file);
    const known = byThread.get(thread) ?? new Map<string, number>();
    for (const [share, time] of shares) known.set(share, (known.get(share) ?? 0) + time);
    byThread.set(thread, known);
  }
  console.log(renderShares(byThread));
}

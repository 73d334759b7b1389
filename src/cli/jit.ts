/**
 * V8's optimising compiler, tuned for the command being run.
 *
 * `validate --grammar-only` is a burst of a few small hot functions (the
 * scanner, the RELAX NG derivatives) over many documents, done in about a
 * second. With V8's default budget, TurboFan compiles each of them several
 * times on its background threads (2.1 s of compile time in a 1.4 s pass
 * over the bench corpus, in one thread), and on a machine whose cores are
 * all checking documents that compiling takes their time. A larger budget
 * (how much a function runs before it is optimised) leaves the code in the
 * baseline tiers longer: 0.3 s of compile time, and the corpus checked in
 * 12% less CPU and 10% less time on two cores. Commands that run saxon-js
 * lose by it (the flagship's build, cold, 10% slower), so they keep the
 * default. Measured on V8 11 (Node 20); elsewhere the default stands.
 */
import { setFlagsFromString } from 'node:v8';

const GRAMMAR_ONLY_BUDGET = '--interrupt-budget=300000';

/** The V8 flags for the command line `argv` (the command, then its arguments), on V8 `v8Version`. */
export function jitFlagsFor(argv: readonly string[], v8Version: string = process.versions.v8): string[] {
  const [command, ...rest] = argv;
  const options = rest.includes('--') ? rest.slice(0, rest.indexOf('--')) : rest;
  if (command === 'validate' && options.includes('--grammar-only') && /^11\./.test(v8Version)) return [GRAMMAR_ONLY_BUDGET];
  return [];
}

/** Sets `jitFlagsFor(argv)`, before the command's modules are loaded (worker threads started later share them). */
export function tuneJitFor(argv: readonly string[]): void {
  for (const flag of jitFlagsFor(argv)) setFlagsFromString(flag);
}

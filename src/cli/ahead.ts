/**
 * What `samizdat build` starts before its own modules are loaded: the render
 * thread (build/render-thread.ts), which an incremental build gives the few
 * documents that changed. The build started it on finding the first changed
 * document, after the CLI had loaded the build's modules and the
 * configuration and the build had read its list of known files: the thread
 * then loaded its modules and saxon-js (~0.3 s) while the document waited
 * for it. Started here, ~0.1 s sooner, on a core the build does not use yet,
 * it has loaded its modules when the build finds the document changed and
 * asks it to load saxon-js and the stylesheets (build/index.ts, `changed`).
 * It loads no more until asked: a build that renders nothing pays for the
 * modules alone, on the other core.
 *
 * The thread is a background one: a build that renders nothing exits
 * without waiting for it; a build with a larger depth limit starts another
 * with a larger stack, and one that renders many documents renders them in
 * its pool. A build that found no document changed since it last read the
 * edition renders where it did before, not in this thread
 * (`startRenderThreadAhead`): a first build of a small edition renders in
 * the calling thread, which compiled the stylesheets.
 */
import { availableParallelism } from 'node:os';

/** Whether the command line `argv` (the command, then its arguments) is a build that may give the render thread a document. */
export function renderAheadFor(argv: readonly string[], cores: number = availableParallelism()): boolean {
  const [command, ...rest] = argv;
  if (command !== 'build' || cores < 2) return false;
  const options = rest.includes('--') ? rest.slice(0, rest.indexOf('--')) : rest;
  for (const [i, option] of options.entries()) {
    // Every document rendered again (in the pool), help, or one thread only: no render thread.
    if (['--force', '--no-cache', '-h', '--help', '--version', '--jobs=1'].includes(option)) return false;
    if (option === '--jobs' && options[i + 1] === '1') return false;
  }
  return true;
}

/** Starts the render thread, with the stack the default depth limit asks, when `renderAheadFor(argv)`. */
export async function startAhead(argv: readonly string[]): Promise<void> {
  if (!renderAheadFor(argv)) return;
  const [{ startRenderThreadAhead }, { stackFor }, { DEFAULT_LIMITS }] = await Promise.all([
    import('../build/render-thread.js'), import('../workers/pool.js'), import('../xml/limits.js'),
  ]);
  startRenderThreadAhead(stackFor(DEFAULT_LIMITS.maxDepth));
}

/**
 * The render thread: one worker thread, kept for the life of the process,
 * that renders the few documents an incremental build finds changed.
 *
 * Rendering them in the calling thread put everything in one line: read
 * the sources, look up a thousand units, load saxon-js and the stylesheets,
 * render, then the edition-wide steps. In a thread of its own, loading
 * saxon-js and the stylesheets starts as soon as the build has read a
 * changed document, and the document renders while this thread looks up the
 * others; a later build (under `watch`) finds the thread ready. Its
 * citations are drawn up in a thread of their own beside it
 * (citation-thread.ts), as they are beside the calling thread.
 */
import { TRANSFORMING_YOUNG_GENERATION_MB, WorkerPool } from '../workers/pool.js';
import type { RenderJob, RenderOutcome, RenderSetup } from './unit.js';

/** What the render thread is asked: to render `job` under `setup`, or with no job, to load what `setup` renders with, or with neither, to load saxon-js. */
export interface RenderThreadJob {
  setup?: RenderSetup;
  job?: RenderJob;
}

/**
 * The thread, when one was started; `ahead` while only the CLI has started it
 * (`startRenderThreadAhead`), before any build asked anything of it.
 */
let thread: { pool: WorkerPool<RenderThreadJob, RenderOutcome | undefined>; stackSizeMb: number; ahead: boolean } | undefined;

/**
 * The thread, with a stack of at least `stackSizeMb` (a build with a higher
 * depth limit starts a new one); unless `ahead`, no longer counted as started ahead.
 */
function renderThread(stackSizeMb: number, ahead = false): WorkerPool<RenderThreadJob, RenderOutcome | undefined> {
  if (thread?.pool.alive && thread.stackSizeMb >= stackSizeMb) {
    if (!ahead) thread.ahead = false;
  } else {
    void thread?.pool.close();
    // Three jobs at once (saxon-js, the stylesheets, a document): a document sent while the thread still loads reaches it
    // then, and does not wait for the calling thread (busy looking up a thousand units, with no turn of its event loop)
    // to take the answers first.
    // The render pool's larger young generation: the changed page renders with saxon-js cold, every object it makes
    // short-lived, and fewer scavenges (64 MB where V8 gives 16) took ~7% from that render on the bench corpus.
    const pool = new WorkerPool<RenderThreadJob, RenderOutcome | undefined>(new URL('./render-thread-worker.js', import.meta.url), 1, undefined, {
      background: true, stackSizeMb, youngGenerationMb: TRANSFORMING_YOUNG_GENERATION_MB, depth: 3,
    });
    thread = { pool, stackSizeMb, ahead };
  }
  return thread.pool;
}

/**
 * Whether the render thread is running (started by an earlier build of this
 * process, or by `prepareRenderThread`); not when only started ahead: a
 * build then renders where it would have without it.
 */
export function renderThreadRunning(): boolean {
  return (thread?.pool.alive && !thread.ahead) ?? false;
}

/**
 * Stops the render thread, if one runs: the next build that wants it starts
 * a new one. For a long-lived process that is done building (and for tests
 * that must see the thread started).
 */
export async function stopRenderThread(): Promise<void> {
  const running = thread;
  thread = undefined;
  await running?.pool.close();
}

/**
 * Starts the render thread before a build is under way (cli/ahead.ts), to
 * load its modules while the build loads its own. Until a build asks
 * something of it, `renderThreadRunning` does not count it: a build that
 * finds no changed document renders where it would have without it (say, a
 * first build of a small edition, in the calling thread that compiled the
 * stylesheets).
 */
export function startRenderThreadAhead(stackSizeMb: number): void {
  renderThread(stackSizeMb, true);
}

/**
 * Starts the render thread (if it is not running), so that it loads its
 * modules while the caller works out what to give it (`prepareRenderThread`).
 */
export function startRenderThread(stackSizeMb: number): void {
  renderThread(stackSizeMb);
}

/**
 * Starts loading saxon-js in the render thread (started if it is not
 * running), before what to give it is known. A build calls it on finding a
 * changed document: the stylesheets' keys, which `prepareRenderThread`
 * needs, reach the thread only once the build has looked at every source
 * (its event loop does not turn meanwhile), up to ~0.1 s after the thread
 * could have started on saxon-js.
 */
export function loadRuntimeInRenderThread(stackSizeMb: number): void {
  renderThread(stackSizeMb).run({}).catch(() => undefined);
}

/** Starts loading saxon-js and the stylesheets of `setup` in the render thread, ahead of the documents it will be given. */
export function prepareRenderThread(setup: RenderSetup, stackSizeMb: number): void {
  // A stylesheet that does not compile is reported by the render that needs it.
  renderThread(stackSizeMb).run({ setup }).catch(() => undefined);
}

/** Renders `job` in the render thread. */
export async function renderInThread(job: RenderJob, setup: RenderSetup, stackSizeMb: number): Promise<RenderOutcome> {
  const outcome = await renderThread(stackSizeMb).run({ setup, job });
  if (outcome === undefined) throw new Error('the render thread answered a document with nothing');
  return outcome;
}

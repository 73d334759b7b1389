/**
 * A pool of worker threads for jobs that are independent of each other
 * (checking a document, rendering a document). Each worker loads what it
 * needs once (a compiled schema, compiled stylesheets) and then takes the
 * next job whenever it finishes one. A worker that dies fails its own job;
 * when no worker is left, every queued job fails too, so nothing hangs.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Fewest jobs worth worker threads. Each worker loads saxon-js and its
 * schema or stylesheets again (about half a second of CPU); a document and
 * its register, or two or three documents, are done sooner in the calling
 * thread.
 */
export const WORKERS_FROM = 4;

/** What a worker sends back for one job (see `answerJobs`). */
export type JobAnswer<Result> = { id: number; result: Result } | { id: number; error: string };

interface Pending<Job, Result> {
  id: number;
  job: Job;
  resolve: (result: Result) => void;
  reject: (error: Error) => void;
}

/**
 * Starts the worker module at `module` (given as its compiled `.js` URL).
 * Run from source (the tests, under tsx), the `.ts` beside it is started
 * instead, after registering tsx in the worker: loader hooks are not
 * inherited by worker threads.
 */
function startWorker(module: URL, workerData: unknown, options: ThreadOptions): Worker {
  const limits = {
    ...(options.stackSizeMb !== undefined && { stackSizeMb: options.stackSizeMb }),
    ...(options.youngGenerationMb !== undefined && { maxYoungGenerationSizeMb: options.youngGenerationMb }),
  };
  const resourceLimits = Object.keys(limits).length === 0 ? undefined : limits;
  if (!import.meta.url.endsWith('.ts')) return new Worker(module, { workerData, resourceLimits });
  const tsxPackage = createRequire(import.meta.url).resolve('tsx/package.json');
  const tsx = pathToFileURL(join(dirname(tsxPackage), 'dist/esm/api/index.mjs')).href;
  const source = module.href.replace(/\.js$/, '.ts');
  const code = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(code, { eval: true, workerData, resourceLimits });
}

/** How each thread of a pool is made. */
export interface ThreadOptions {
  /** The thread's stack, in MB (Node's default is 4): transforming deeply nested documents recurses. */
  stackSizeMb?: number;
  /**
   * The thread's young generation, in MB (V8's default is 16 on 64-bit): larger, fewer scavenges of short-lived
   * objects, for a thread whose work is one short burst that must end soon (the render thread, see render-thread.ts).
   */
  youngGenerationMb?: number;
}

/**
 * Stack, in MB, for transforming a document nested `depth` levels deep.
 * saxon-js recurses through samizdat's stylesheets in about 6 KB a level
 * (1,000 levels fit in 6 MB); this gives four times that, for stylesheets
 * that recurse more, and never less than 16 MB.
 */
export function stackFor(depth: number): number {
  return Math.max(16, Math.ceil((depth * 24) / 1024));
}

/**
 * Deepest nesting transformed in the calling thread, whose stack is Node's
 * default (about 1 MB, enough for some 450 levels of samizdat's
 * stylesheets); a deeper document goes to a thread with a larger stack.
 */
export const CALLING_THREAD_DEPTH = 100;

export class WorkerPool<Job, Result> {
  /** Jobs sent to each worker and not answered yet, oldest first. */
  private readonly sent = new Map<Worker, Pending<Job, Result>[]>();
  private readonly queue: Pending<Job, Result>[] = [];
  private readonly workers: Worker[] = [];
  private nextId = 0;

  /**
   * @param module URL of the worker module (`new URL('./worker.js', import.meta.url)`), which calls `answerJobs`.
   * @param size number of threads.
   * @param workerData plain data every worker receives once (options, paths).
   * @param options how each thread is made (its stack), `background`: an
   *   idle worker does not keep the process alive, so a pool kept for the
   *   life of the process (warm for the next job) needs no closing; and
   *   `depth`: how many jobs a worker is given at once (default 1). Two keep
   *   a worker from waiting, after each answer, for the calling thread to
   *   send the next job; a worker answers its jobs in the order given, unless
   *   its module interleaves them (see `answerJobs`).
   */
  constructor(module: URL, size: number, workerData: unknown, private readonly options: ThreadOptions & { background?: boolean; depth?: number } = {}) {
    for (let i = 0; i < size; i++) {
      const worker = startWorker(module, workerData, options);
      worker.on('message', (answer: JobAnswer<Result>) => {
        const sent = this.sent.get(worker) ?? [];
        const index = sent.findIndex((pending) => pending.id === answer.id);
        const pending = index < 0 ? undefined : sent.splice(index, 1)[0];
        if (pending) {
          if ('result' in answer) pending.resolve(answer.result);
          else pending.reject(new Error(answer.error));
        }
        this.dispatch();
        if (this.options.background && sent.length === 0) worker.unref();
      });
      worker.on('error', (error) => this.lose(worker, error));
      worker.on('exit', (code) => this.lose(worker, new Error(`a worker thread stopped (exit code ${code})`)));
      // After the listeners: adding a 'message' listener refs the worker again (Node 20), and a background pool never
      // given a job would then keep the process alive until closed.
      if (options.background) worker.unref();
      this.workers.push(worker);
      this.sent.set(worker, []);
    }
  }

  run(job: Job): Promise<Result> {
    return new Promise((resolve, reject) => {
      if (this.workers.length === 0) {
        reject(new Error('no worker thread is left to take the job'));
        return;
      }
      this.queue.push({ id: this.nextId++, job, resolve, reject });
      this.dispatch();
    });
  }

  /** Runs one job in a thread of its own (started for it, stopped after): for a job that needs a larger stack than the calling thread has. */
  static async once<Job, Result>(module: URL, workerData: unknown, job: Job, options: ThreadOptions): Promise<Result> {
    const pool = new WorkerPool<Job, Result>(module, 1, workerData, options);
    try {
      return await pool.run(job);
    } finally {
      await pool.close();
    }
  }

  /** Whether any worker is left to take jobs (a pool whose workers all died takes none). */
  get alive(): boolean {
    return this.workers.length > 0;
  }

  async close(): Promise<void> {
    const workers = this.workers.splice(0);
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  private lose(worker: Worker, error: Error): void {
    if (!this.workers.includes(worker)) return;
    this.workers.splice(this.workers.indexOf(worker), 1);
    for (const pending of this.sent.get(worker) ?? []) pending.reject(error);
    this.sent.delete(worker);
    if (this.workers.length === 0) for (const pending of this.queue.splice(0)) pending.reject(error);
  }

  /** Gives queued jobs to the workers with the fewest under way, up to `depth` each. */
  private dispatch(): void {
    const depth = this.options.depth ?? 1;
    while (this.queue.length > 0) {
      let least: Worker | undefined;
      for (const worker of this.workers) {
        const load = this.sent.get(worker)!.length;
        if (load < depth && (least === undefined || load < this.sent.get(least)!.length)) least = worker;
      }
      if (least === undefined) return;
      const pending = this.queue.shift()!;
      this.sent.get(least)!.push(pending);
      // A job under way keeps the process alive until its answer comes.
      if (this.options.background) least.ref();
      least.postMessage({ id: pending.id, job: pending.job });
    }
  }
}

/**
 * The worker side of `WorkerPool`: answers each job posted to this thread
 * with its result, or with the error's text (an exception in one job must
 * not kill the thread that holds the compiled schemas and stylesheets).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { JobAnswer } from './pool.js';

export interface AnswerOptions {
  /**
   * Start a job while an earlier one waits (for a stylesheet compiled in
   * another process, say) instead of after it is answered. For handlers
   * whose jobs do not depend on each other; what they share must be safe to
   * share between interleaved jobs.
   */
  interleaved?: boolean;
}

/** Calls `handle` for every job; `setup` gets the pool's workerData once. */
export function answerJobs<Data, Job, Result>(handle: (job: Job, data: Data) => Promise<Result>, options: AnswerOptions = {}): void {
  const port = parentPort;
  if (!port) throw new Error('answerJobs must run in a worker thread');
  const data = workerData as Data;
  const answer = async (id: number, job: Job): Promise<void> => {
    let reply: JobAnswer<Result>;
    try {
      reply = { id, result: await handle(job, data) };
    } catch (error) {
      reply = { id, error: errorText(error) };
    }
    port.postMessage(reply);
  };
  // Otherwise one job at a time, in the order sent: a pool may send the next job before this one is answered.
  let turn = Promise.resolve();
  port.on('message', ({ id, job }: { id: number; job: Job }) => {
    if (options.interleaved) void answer(id, job);
    else turn = turn.then(() => answer(id, job));
  });
}

/** An error as sent back to the calling thread: its stack, which names the place it was thrown. */
export function errorText(error: unknown): string {
  return String((error as Error)?.stack ?? error);
}

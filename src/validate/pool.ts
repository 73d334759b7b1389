/**
 * Documents checked (layers 1–2) in parallel: in worker threads, each
 * loading a schema once (grammar-cache keeps it), not once per document,
 * and in the calling thread beside them. The calling thread would otherwise
 * wait on its workers; taking part, it spares the machine a worker's
 * start-up (a tenth of a second of CPU) and makes the first verdicts while
 * the workers are still starting.
 *
 * The documents asked for wait in one queue. A worker is sent them in
 * batches, `DEPTH` batches at once: a message per document each way, and a
 * worker waiting after each answer for the next document, cost a fifth of a
 * worker's time on the bench corpus (a thousand documents of 45 KB on
 * average); a worker holding only two batches went short of work while the
 * calling thread checked a long document. Batches are full while many
 * documents wait and smaller as the queue empties (`batchFor`), so that no
 * thread is left with a long batch while the others have finished. The calling thread takes one document at
 * a time, as a worker takes those of a batch, except that one waiting for
 * its rules to be compiled steps aside (step-aside.ts). A document that
 * throws fails alone; a worker that dies fails the documents it was given.
 */
import { WorkerPool, stackFor } from '../workers/pool.js';
import { readingLimits } from '../xml/index.js';
import type { DocumentCheckOptions, DocumentResult } from './document.js';
import { stepAside, turnOf } from './step-aside.js';

/** Most documents sent to a worker in one message. */
export const BATCH = 8;

/**
 * Batches a worker is given at once. The calling thread sends the next
 * batch only between two documents of its own: while it checks a long one
 * (a novel of a megabyte, 50 ms), compiles a schema or collects its
 * garbage, a worker must hold enough to keep busy. With two batches the
 * worker waited 70-140 ms in a pass over the bench corpus (a second, two
 * threads); with four, 20-45 ms.
 */
export const DEPTH = 4;

/** A worker's answer for one document of a batch. */
export type DocumentAnswer = { result: DocumentResult } | { error: string };

/** Checks one document in the calling thread; `waitingForRules` is its step-aside signal (step-aside.ts). */
export type CallingThreadCheck = (file: string, waitingForRules: () => void) => Promise<DocumentResult>;

interface Asked {
  file: string;
  resolve: (result: DocumentResult) => void;
  reject: (error: Error) => void;
}

/**
 * How many of the `queued` documents a worker's next batch takes when
 * `takers` threads share them (guided self-scheduling): about a share of
 * what waits, a worker holding `DEPTH` batches at once; never more than
 * `BATCH`, never less than one. Eight plays among a worker and the calling
 * thread go one at a time; a thousand documents go in full batches until
 * the last few dozen.
 */
export function batchFor(queued: number, takers: number): number {
  return Math.max(1, Math.min(BATCH, queued, Math.floor(queued / (DEPTH * Math.max(1, takers)))));
}

/** How many documents `threads` threads should have asked for at once to keep every one busy, and batches full. */
export function documentsWanted(threads: number): number {
  return 2 * DEPTH * threads * BATCH;
}

export class DocumentPool {
  private readonly workers: number;
  private readonly pool: WorkerPool<string[], DocumentAnswer[]> | undefined;
  private readonly queue: Asked[] = [];
  private batchesUnderWay = 0;
  private callingThreadBusy = false;
  private takeScheduled = false;

  /**
   * `threads` threads check the documents: with `inCallingThread`, the
   * calling thread (through it) and `threads - 1` workers; without, `threads`
   * workers.
   */
  constructor(readonly threads: number, options: DocumentCheckOptions, private readonly inCallingThread?: CallingThreadCheck) {
    const workers = inCallingThread ? threads - 1 : threads;
    this.workers = workers;
    // Each thread with a stack for the deepest document the limits accept (the rules layer recurses with the depth).
    this.pool = workers < 1 ? undefined : new WorkerPool(new URL('./worker.js', import.meta.url), workers, options, { stackSizeMb: stackFor(readingLimits(options.limits).maxDepth), depth: DEPTH });
  }

  check(file: string): Promise<DocumentResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ file, resolve, reject });
      this.scheduleTake();
    });
  }

  close(): Promise<void> {
    return this.pool?.close() ?? Promise.resolve();
  }

  /** Hands out what waits after this turn: the documents asked for in one turn are shared among the threads together. */
  private scheduleTake(): void {
    if (this.takeScheduled) return;
    this.takeScheduled = true;
    setImmediate(() => {
      this.takeScheduled = false;
      this.take();
    });
  }

  private take(): void {
    while (this.pool && this.batchesUnderWay < this.workers * DEPTH && this.queue.length > 0) {
      this.sendBatch(this.queue.splice(0, batchFor(this.queue.length, this.threads)));
    }
    if (this.inCallingThread && !this.callingThreadBusy && this.queue.length > 0) void this.checkHere(this.inCallingThread);
  }

  /** Checks waiting documents in the calling thread, one at a time, until none waits. */
  private async checkHere(check: CallingThreadCheck): Promise<void> {
    this.callingThreadBusy = true;
    try {
      for (let asked = this.queue.shift(); asked; asked = this.queue.shift()) {
        const aside = stepAside();
        // A document waiting for its rules to be compiled steps aside; it is answered when they come (step-aside.ts).
        await turnOf(check(asked.file, aside.signal).then(asked.resolve, asked.reject), aside.promise);
        // The workers' answers come in, and their next batches go out, between two documents checked here.
        await new Promise<void>((turn) => setImmediate(turn));
        this.take();
      }
    } finally {
      this.callingThreadBusy = false;
    }
  }

  private sendBatch(batch: Asked[]): void {
    this.batchesUnderWay++;
    this.pool!.run(batch.map((asked) => asked.file)).then(
      (answers) => batch.forEach((asked, i) => {
        const answer = answers[i];
        if ('result' in answer) asked.resolve(answer.result);
        else asked.reject(new Error(answer.error));
      }),
      (error: Error) => batch.forEach((asked) => asked.reject(error)),
    ).finally(() => {
      this.batchesUnderWay--;
      this.take();
    });
  }
}

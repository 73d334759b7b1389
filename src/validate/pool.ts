/**
 * Documents checked (layers 1–2) in parallel worker threads; each worker
 * loads a schema once (grammar-cache keeps it), not once per document.
 *
 * Documents go to the workers in batches (those asked for within one turn
 * of the event loop, shared among the workers, up to `BATCH` a batch), and
 * each worker is given two batches at once: a message per document each
 * way, and a worker waiting after each answer for the next document, cost a
 * fifth of a worker's time on the bench corpus (a thousand documents of
 * 45 KB on average). A document that
 * throws fails alone; a worker that dies fails the documents it was given.
 */
import { WorkerPool, stackFor } from '../workers/pool.js';
import { readingLimits } from '../xml/index.js';
import type { DocumentCheckOptions, DocumentResult } from './document.js';

/** Most documents sent to a worker in one message. */
export const BATCH = 8;

/** A worker's answer for one document of a batch. */
export type DocumentAnswer = { result: DocumentResult } | { error: string };

interface Asked {
  file: string;
  resolve: (result: DocumentResult) => void;
  reject: (error: Error) => void;
}

/**
 * How `asked` documents asked for at once are cut into batches for
 * `workers` workers: every worker gets a share (eight plays go four to each
 * of two workers, not eight to one while the other waits), and no batch
 * holds more than `BATCH`.
 */
export function batchSizes(asked: number, workers: number): number[] {
  const count = Math.max(Math.ceil(asked / BATCH), Math.min(asked, Math.max(1, workers)));
  // `count` batches as even as can be, the larger first.
  return Array.from({ length: count }, (_, i) => Math.floor(asked / count) + (i < asked % count ? 1 : 0));
}

export class DocumentPool {
  private readonly pool: WorkerPool<string[], DocumentAnswer[]>;
  private batch: Asked[] = [];

  constructor(readonly size: number, options: DocumentCheckOptions) {
    // Each thread with a stack for the deepest document the limits accept (the rules layer recurses with the depth).
    this.pool = new WorkerPool(new URL('./worker.js', import.meta.url), size, options, { stackSizeMb: stackFor(readingLimits(options.limits).maxDepth), depth: 2 });
  }

  /** How many documents should be under way to keep every worker busy. */
  get wanted(): number {
    return this.size * 2 * BATCH;
  }

  check(file: string): Promise<DocumentResult> {
    return new Promise((resolve, reject) => {
      this.batch.push({ file, resolve, reject });
      if (this.batch.length === 1) setImmediate(() => this.send());
    });
  }

  close(): Promise<void> {
    return this.pool.close();
  }

  /** Sends what was asked in this turn, in the batches `batchSizes` cuts it into. */
  private send(): void {
    let asked = this.batch;
    this.batch = [];
    for (const size of batchSizes(asked.length, this.size)) {
      this.sendBatch(asked.slice(0, size));
      asked = asked.slice(size);
    }
  }

  private sendBatch(batch: Asked[]): void {
    this.pool.run(batch.map((asked) => asked.file)).then(
      (answers) => batch.forEach((asked, i) => {
        const answer = answers[i];
        if ('result' in answer) asked.resolve(answer.result);
        else asked.reject(new Error(answer.error));
      }),
      (error: Error) => batch.forEach((asked) => asked.reject(error)),
    );
  }
}

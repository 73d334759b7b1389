/**
 * Documents checked (layers 1–2) in parallel worker threads; each worker
 * loads a schema once (grammar-cache keeps it), not once per document.
 *
 * Documents go to the workers in batches (those asked for within one turn
 * of the event loop, up to `BATCH`), and each worker is given two batches at
 * once: a message per document each way, and a worker waiting after each
 * answer for the next document, cost a fifth of a worker's time on the
 * bench corpus (a thousand documents of 45 KB on average). A document that
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
      else if (this.batch.length >= BATCH) this.send();
    });
  }

  close(): Promise<void> {
    return this.pool.close();
  }

  private send(): void {
    const batch = this.batch;
    if (batch.length === 0) return;
    this.batch = [];
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

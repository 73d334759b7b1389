/**
 * Documents checked (layers 1–2) in parallel worker threads; each worker
 * loads a schema once (grammar-cache keeps it), not once per document.
 */
import { WorkerPool, stackFor } from '../workers/pool.js';
import { readingLimits } from '../xml/index.js';
import type { DocumentCheckOptions, DocumentResult } from './document.js';

export class DocumentPool {
  private readonly pool: WorkerPool<string, DocumentResult>;

  constructor(readonly size: number, options: DocumentCheckOptions) {
    // Each thread with a stack for the deepest document the limits accept (the rules layer recurses with the depth).
    this.pool = new WorkerPool(new URL('./worker.js', import.meta.url), size, options, { stackSizeMb: stackFor(readingLimits(options.limits).maxDepth) });
  }

  check(file: string): Promise<DocumentResult> {
    return this.pool.run(file);
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

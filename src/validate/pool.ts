/**
 * Documents checked (layers 1–2) in parallel worker threads; each worker
 * loads a schema once (grammar-cache keeps it), not once per document.
 */
import { WorkerPool } from '../workers/pool.js';
import type { DocumentCheckOptions, DocumentResult } from './document.js';

export class DocumentPool {
  private readonly pool: WorkerPool<string, DocumentResult>;

  constructor(readonly size: number, options: DocumentCheckOptions) {
    this.pool = new WorkerPool(new URL('./worker.js', import.meta.url), size, options);
  }

  check(file: string): Promise<DocumentResult> {
    return this.pool.run(file);
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

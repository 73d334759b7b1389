/**
 * A pool of worker threads checking documents in parallel; each worker takes
 * the next file when it finishes one.
 */
import { Worker } from 'node:worker_threads';
import type { DocumentCheckOptions, DocumentResult } from './document.js';

interface Job {
  id: number;
  file: string;
  resolve: (result: DocumentResult) => void;
  reject: (error: Error) => void;
}

/** The worker module beside this one (`.ts` when run from source under tsx, which workers inherit). */
const workerUrl = new URL(import.meta.url.endsWith('.ts') ? './worker.ts' : './worker.js', import.meta.url);

export class DocumentPool {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Job>();
  private readonly queue: Job[] = [];
  private readonly workers: Worker[] = [];
  private nextId = 0;

  constructor(size: number, options: DocumentCheckOptions) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(workerUrl, { workerData: options });
      worker.on('message', (message: { id: number; result?: DocumentResult; error?: string }) => {
        const job = this.busy.get(worker);
        this.busy.delete(worker);
        if (job) {
          if (message.result) job.resolve(message.result);
          else job.reject(new Error(message.error));
        }
        this.idle.push(worker);
        this.dispatch();
      });
      worker.on('error', (error) => {
        const job = this.busy.get(worker);
        this.busy.delete(worker);
        job?.reject(error);
      });
      this.workers.push(worker);
      this.idle.push(worker);
    }
  }

  check(file: string): Promise<DocumentResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, file, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.shift()!;
      const job = this.queue.shift()!;
      this.busy.set(worker, job);
      worker.postMessage({ id: job.id, file: job.file });
    }
  }
}

/**
 * A pool of worker threads checking documents in parallel; each worker takes
 * the next file when it finishes one.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DocumentCheckOptions, DocumentResult } from './document.js';

interface Job {
  id: number;
  file: string;
  resolve: (result: DocumentResult) => void;
  reject: (error: Error) => void;
}

/**
 * A worker running `worker.js` beside this module. Run from source (the
 * tests, under tsx), the worker registers tsx itself first: loader hooks are
 * not inherited by worker threads.
 */
function startWorker(options: DocumentCheckOptions): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./worker.js', import.meta.url), { workerData: options });
  const tsxPackage = createRequire(import.meta.url).resolve('tsx/package.json');
  const tsx = pathToFileURL(join(dirname(tsxPackage), 'dist/esm/api/index.mjs')).href;
  const worker = new URL('./worker.ts', import.meta.url).href;
  const code = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(worker)}); });`;
  return new Worker(code, { eval: true, workerData: options });
}

export class DocumentPool {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Job>();
  private readonly queue: Job[] = [];
  private readonly workers: Worker[] = [];
  private nextId = 0;

  constructor(size: number, options: DocumentCheckOptions) {
    for (let i = 0; i < size; i++) {
      const worker = startWorker(options);
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
      worker.on('error', (error) => this.lose(worker, error));
      worker.on('exit', (code) => this.lose(worker, new Error(`a validation worker stopped (exit code ${code})`)));
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
    const workers = this.workers.splice(0);
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  /** A worker died: its job fails, and when none is left, every queued job fails too. */
  private lose(worker: Worker, error: Error): void {
    if (!this.workers.includes(worker)) return;
    this.workers.splice(this.workers.indexOf(worker), 1);
    if (this.idle.includes(worker)) this.idle.splice(this.idle.indexOf(worker), 1);
    this.busy.get(worker)?.reject(error);
    this.busy.delete(worker);
    if (this.workers.length === 0) for (const job of this.queue.splice(0)) job.reject(error);
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

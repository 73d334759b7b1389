/**
 * The thread a build's citations are drawn up in when documents are
 * rendered one at a time (in the calling thread or in the render thread):
 * loading citation-js and building citeproc's engines (about a second of CPU
 * for APA alone) then runs beside the rendering of the page instead of
 * after it. Started on first use and kept for the life of the thread that
 * started it (idle, it does not keep the process alive), so that `watch`'s
 * later rebuilds find citeproc's engines built.
 */
import { WorkerPool } from '../workers/pool.js';
import type { CitationJob } from './citation-worker.js';
import type { CitationProviderOptions, DocumentCitations, PublishedDocument } from './citations.js';

let citationThread: WorkerPool<CitationJob, DocumentCitations> | undefined;

export function citeInOwnThread(options: CitationProviderOptions, document: PublishedDocument): Promise<DocumentCitations> {
  if (!citationThread?.alive) citationThread = new WorkerPool(new URL('./citation-worker.js', import.meta.url), 1, undefined, { background: true });
  return citationThread.run({ options, document });
}

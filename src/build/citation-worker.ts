/**
 * A thread of its own for a document's citations, when a build renders its
 * documents in the calling thread (a few documents, a first run): loading
 * citation-js and building citeproc's engines (APA's alone is about a second
 * of CPU) then runs beside the page's rendering instead of after it.
 */
import { answerJobs } from '../workers/answer.js';
import type { CitationProviderOptions, DocumentCitations, PublishedDocument } from './citations.js';
import { citeInThisThread } from './render.js';

/** One document's citations to draw up. */
export interface CitationJob {
  options: CitationProviderOptions;
  document: PublishedDocument;
}

answerJobs<undefined, CitationJob, DocumentCitations>((job) => citeInThisThread(job.options, job.document));

/** A worker thread checking documents (layers 1–2) one at a time for `DocumentPool`. */
import { answerJobs } from '../workers/answer.js';
import { checkDocument, type DocumentCheckOptions } from './document.js';

answerJobs<DocumentCheckOptions, string, Awaited<ReturnType<typeof checkDocument>>>((file, options) => checkDocument(file, options));

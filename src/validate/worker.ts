/** A worker thread checking documents (layers 1–2) one at a time for `DocumentPool`. */
import { answerJobs } from '../workers/answer.js';
import { checkDocument, type DocumentCheckOptions } from './document.js';
import { RunSchemas } from './run-schemas.js';

// A pool lives for one run: the schemas its documents name are looked at once per thread.
const schemas = new RunSchemas();
answerJobs<DocumentCheckOptions, string, Awaited<ReturnType<typeof checkDocument>>>((file, options) => checkDocument(file, options, schemas));

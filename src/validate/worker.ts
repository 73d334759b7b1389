/** A worker thread checking documents (layers 1–2) one at a time for `DocumentPool`. */
import { answerJobs } from '../workers/answer.js';
import { checkDocument, type DocumentCheckOptions } from './document.js';
import { NamedSchemas } from './grammar-catalog.js';

// A pool lives for one run: the schemas its documents name are looked at once per thread.
const schemas = new NamedSchemas();
answerJobs<DocumentCheckOptions, string, Awaited<ReturnType<typeof checkDocument>>>((file, options) => checkDocument(file, options, schemas));

/** A worker thread checking documents (layers 1–2), a batch at a time, for `DocumentPool`. */
import { answerJobs, errorText } from '../workers/answer.js';
import { checkDocument, type DocumentCheckOptions } from './document.js';
import type { DocumentAnswer } from './pool.js';
import { RunSchemas } from './run-schemas.js';

// A pool lives for one run: the schemas its documents name are looked at once per thread.
const schemas = new RunSchemas();
answerJobs<DocumentCheckOptions, string[], DocumentAnswer[]>(async (files, options) => {
  const answers: DocumentAnswer[] = [];
  // A document that fails fails alone, not the batch it came in.
  for (const file of files) {
    try {
      answers.push({ result: await checkDocument(file, options, schemas) });
    } catch (error) {
      answers.push({ error: errorText(error) });
    }
  }
  return answers;
  // A batch waiting for rules another thread or process is compiling (ELTeC's, for three seconds) need not hold up the next batch.
}, { interleaved: true });

/** A worker thread checking documents (layers 1–2), a batch at a time, for `DocumentPool`. */
import { answerJobs, errorText } from '../workers/answer.js';
import { checkDocument, type DocumentCheckOptions } from './document.js';
import type { DocumentAnswer } from './pool.js';
import { RunSchemas } from './run-schemas.js';
import { stepAside, turnOf } from './step-aside.js';

// A pool lives for one run: the schemas its documents name are looked at once per thread.
const schemas = new RunSchemas();
answerJobs<DocumentCheckOptions, string[], DocumentAnswer[]>(async (files, options) => {
  const answers: Promise<DocumentAnswer>[] = [];
  for (const file of files) {
    // Its own signal: the batches given to this thread are checked interleaved.
    const aside = stepAside();
    // A document that fails fails alone, not the batch it came in.
    const answer = checkDocument(file, { ...options, waitingForRules: aside.signal }, schemas).then((result): DocumentAnswer => ({ result }), (error): DocumentAnswer => ({ error: errorText(error) }));
    answers.push(answer);
    // One document at a time, unless one waits for its rules to be compiled (step-aside.ts).
    await turnOf(answer, aside.promise);
  }
  return Promise.all(answers);
  // A batch waiting for rules another thread or process is compiling (ELTeC's, for three seconds) need not hold up the next batch.
}, { interleaved: true });

/**
 * A thread with a large stack for one transform (`transformDocument`): a
 * deeply nested document makes saxon-js recurse deeper than the calling
 * thread's stack allows. A problem with the document comes back as its
 * diagnostic, raised again as a `TransformProblem` in the calling thread.
 */
import { answerJobs } from '../workers/answer.js';
import { TransformProblem, WitnessTextProblem, transformDocument, type TransformJob, type TransformOutcome } from './index.js';

answerJobs<undefined, TransformJob, TransformOutcome>(async (job) => {
  try {
    return { result: await transformDocument(job) };
  } catch (error) {
    if (error instanceof WitnessTextProblem) return { problem: error.problem, witnessProblems: error.problems };
    if (error instanceof TransformProblem) return { problem: error.problem };
    throw error;
  }
});

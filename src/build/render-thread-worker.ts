/**
 * The render thread's side (render-thread.ts): loads saxon-js, or the
 * stylesheets, when asked to prepare, renders each document it is given with its citations in
 * a thread of their own, and stores the result in the build cache.
 */
import { answerJobs } from '../workers/answer.js';
import { loadXsltRuntime } from '../transform/index.js';
import { citeInOwnThread } from './citation-thread.js';
import type { RenderThreadJob } from './render-thread.js';
import { prepareRendering, renderUnit, type RenderOutcome } from './unit.js';

answerJobs<undefined, RenderThreadJob, RenderOutcome | undefined>(async ({ setup, job }) => {
  if (setup === undefined) {
    loadXsltRuntime();
    return undefined;
  }
  if (job === undefined) {
    await prepareRendering(setup);
    return undefined;
  }
  return renderUnit(job, setup, citeInOwnThread);
});

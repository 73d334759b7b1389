/**
 * The thread a large edition's entity index is rendered in (site.ts): its
 * pages take seconds of saxon-js, which in the calling thread would keep it
 * from feeding the search index's Pagefind processes all that time. The
 * same stylesheet, templates and parameters as in the calling thread, so the
 * same bytes.
 */
import { answerJobs } from '../workers/answer.js';
import { SITE_STYLESHEET, TransformProblem, compileStylesheet, transformSource, type CompileOptions } from '../transform/index.js';
import type { SiteJob, SiteOutcome } from './site.js';

answerJobs<CompileOptions, SiteJob, SiteOutcome>(async (job, compile) => {
  try {
    const result = transformSource(await compileStylesheet(SITE_STYLESHEET, compile), undefined, { params: job.params, initialTemplate: job.initialTemplate });
    return { page: { principal: String(result.principal), results: result.results } };
  } catch (error) {
    if (error instanceof TransformProblem) return { problem: error.problem };
    throw error;
  }
});

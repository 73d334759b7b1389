/**
 * A worker thread rendering documents for `build`: it loads the compiled
 * stylesheets once, then renders each document it is given and stores the
 * result in the build cache, answering with the small record only (pages
 * stay on disk, so the calling thread's memory does not grow with the corpus).
 */
import { answerJobs } from '../workers/answer.js';
import { renderUnit, type RenderSetup, type RenderJob, type RenderOutcome } from './unit.js';

answerJobs<RenderSetup, RenderJob, RenderOutcome>((job, setup) => renderUnit(job, setup));

/** A worker thread reading documents' entries for `scanEdition` (entries.ts). */
import { answerJobs } from '../workers/answer.js';
import { entriesOf, type EntriesJob, type EntriesSetup } from './entries.js';

answerJobs<EntriesSetup, EntriesJob, string | null>(async (job, setup) => (await entriesOf(job, setup)) ?? null);

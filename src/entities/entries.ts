/**
 * One document's entries, relations and references, as JSON: the page
 * stylesheet's `entries` output. Run in the calling thread or in a worker
 * (entries-worker.ts) for `scanEdition`.
 */
import { HTML_STYLESHEET, TransformProblem, compileStylesheet, parseSource, teiSource, transformSource, type CompileOptions } from '../transform/index.js';
import type { ReadingLimits } from '../xml/index.js';

export interface EntriesSetup {
  compile: CompileOptions & { stylesheet?: string };
  limits: ReadingLimits;
}

export interface EntriesJob {
  file: string;
  text: string;
  /** The registers parameter of the page stylesheet, for this file. */
  registers: string;
}

/** The JSON of the document's entity data without mentions, or undefined when the stylesheet refuses the document. */
export async function entriesOf(job: EntriesJob, setup: EntriesSetup): Promise<string | undefined> {
  const stylesheet = await compileStylesheet(setup.compile.stylesheet ?? HTML_STYLESHEET, setup.compile);
  try {
    const source = await parseSource(teiSource(job.text, job.file, setup.limits));
    return String(transformSource(stylesheet, source, { params: { registers: job.registers, output: 'entries' }, raw: true }).principal);
  } catch (error) {
    if (error instanceof TransformProblem) return undefined;
    throw error;
  }
}

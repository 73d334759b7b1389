/**
 * A document that waits for its rules to be compiled steps aside. Threads
 * check their documents one after another; the first document naming
 * rules not yet loaded in the thread waits for them, which for rules not
 * precompiled nor cached is a compile of seconds (xslt3, in a process of
 * its own). Its thread would wait with it, and on the bench corpus both
 * threads did: each came to a document naming ELTeC's rules (one in sixty
 * does) and stood idle for 1.3 s of the compile while the other core was
 * free (cpu-prof of both threads, cold, 2-core EPYC). Instead, the
 * document being checked says when it starts such a wait, and its thread
 * goes on to the next document while it waits; it finishes when the rules
 * come. Verdicts do not depend on the order, and reports keep the order in
 * which documents were found.
 *
 * Each check is given its own signal: a worker runs several batches
 * interleaved, so "the document being checked" is not one document. With
 * one signal per thread, the latest batch's, a document of another batch
 * that began waiting for rules released that batch instead of its own,
 * and its own batch stood still for the whole compile, holding one of the
 * worker's places (a cold run of the bench corpus: a worker idle 1.2-1.9 s
 * while the ELTeC rules compiled).
 */

export interface StepAside {
  /** Resolved when the check starts waiting for rules (never, if it does not). */
  promise: Promise<void>;
  /** For the rules layer (`SchematronOptions.waitingForRules`): the check waits for rules not yet loaded in this thread. */
  signal: () => void;
}

/** A step-aside signal for one check; make it before starting the check, and give its `signal` to that check alone. */
export function stepAside(): StepAside {
  let signal!: () => void;
  const promise = new Promise<void>((resolve) => {
    signal = resolve;
  });
  return { promise, signal };
}

/**
 * Starts `check` and resolves when it has finished, or earlier, when it
 * starts waiting for rules loaded for the first time in this thread
 * (its step-aside signal): then the thread may take the next document.
 * `check`'s own promise says when it is done.
 */
export function turnOf(check: Promise<unknown>, stepAside: Promise<void>): Promise<unknown> {
  return Promise.race([check.then(() => undefined, () => undefined), stepAside]);
}

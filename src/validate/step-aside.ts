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
 */

let current: (() => void) | undefined;

/**
 * Starts `check` and resolves when it has finished, or earlier, when it
 * starts waiting for rules loaded for the first time in this thread
 * (`waitingForRules`): then the thread may take the next document.
 * `check`'s own promise says when it is done.
 */
export function turnOf(check: Promise<unknown>, stepAside: Promise<void>): Promise<unknown> {
  return Promise.race([check.then(() => undefined, () => undefined), stepAside]);
}

/** A promise resolved if the document about to be checked steps aside; call before starting its check. */
export function stepAsidePromise(): Promise<void> {
  return new Promise<void>((resolve) => {
    current = resolve;
  });
}

/** Called by the rules layer when the document being checked waits for rules not yet loaded in this thread. */
export function waitingForRules(): void {
  const stepAside = current;
  current = undefined;
  stepAside?.();
}

/**
 * A turnstile for asynchronous work: at most `n` tasks run at once, the
 * others wait their turn in the order given. Keeps work that is queued by
 * the thousand (one task per document) from opening every file at once.
 */
export function limited(n: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  const release = (): void => {
    running--;
    waiting.shift()?.();
  };
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= n) await new Promise<void>((turn) => waiting.push(turn));
    running++;
    try {
      return await task();
    } finally {
      release();
    }
  };
}

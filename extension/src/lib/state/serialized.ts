/**
 * Runs read-modify-write steps one after another. The worker is one thread, but awaits interleave;
 * without this, two listeners could both read the queue and one write would lose the other's events.
 */
let chain: Promise<unknown> = Promise.resolve();
export function serialized<T>(step: () => Promise<T>): Promise<T> {
  const run = chain.then(step, step);
  chain = run.catch(() => undefined);
  return run;
}

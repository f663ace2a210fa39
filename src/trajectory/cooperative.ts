/**
 * Long grid searches are written once as generators that yield between chunks of work (~10 ms).
 * `runToEnd` drives one synchronously (library callers, workers); `runCooperatively` drives it
 * from async code, handing the event loop a turn every `sliceMs` so that a Ctrl+C handler (or
 * any AbortSignal listener) can run, and stops at the next chunk once the signal fires.
 */

export type Steps<T> = Generator<unknown, T, void>;

export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Runs `steps` to the end, yielding to the event loop every `sliceMs` (default 25 ms: Ctrl+C
 * answers within a blink while the overhead stays far below 1 %). When `signal` fires, the
 * generator is closed and the error from `onAbort` (which may describe the partial result) is
 * thrown.
 */
export async function runCooperatively<T>(steps: Steps<T>, opts: { signal?: AbortSignal; sliceMs?: number; onAbort: () => Error }): Promise<T> {
  const sliceMs = opts.sliceMs ?? 25;
  const signal = opts.signal;
  let t0 = performance.now();
  for (;;) {
    if (signal?.aborted) {
      const err = opts.onAbort();
      steps.return(undefined as T);
      throw err;
    }
    const r = steps.next();
    if (r.done) return r.value;
    if (performance.now() - t0 >= sliceMs) {
      await turn();
      t0 = performance.now();
    }
  }
}

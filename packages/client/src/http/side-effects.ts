/** Milliseconds since the epoch. */
export type Clock = () => number;
/** Resolves after `ms` milliseconds, or rejects when `signal` aborts. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;
/** Calls `callback` after `ms`; returns a function that cancels it. */
export type SetTimer = (ms: number, callback: () => void) => () => void;
/** The `fetch` the client uses (global `fetch` by default). */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** The real clock, used only as a default value. */
export const systemClock: Clock = () => Date.now();

/** The real timer, used only as a default value. */
export const systemSetTimer: SetTimer = (ms, callback) => {
  const handle = setTimeout(callback, ms);
  return () => clearTimeout(handle);
};

/** Real sleep on top of a timer, abortable. */
export function createSleep(setTimer: SetTimer = systemSetTimer): Sleep {
  return (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const onAbort = () => {
        cancel();
        reject(signal?.reason);
      };
      const cancel = setTimer(ms, () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      });
      signal?.addEventListener('abort', onAbort, { once: true });
    });
}

/** The global `fetch`, looked up at call time so tests and polyfills can replace it. */
export const globalFetch: FetchLike = (url, init) => fetch(url, init);

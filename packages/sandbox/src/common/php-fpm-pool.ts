import type { NextFunction, Request, Response } from 'express';

/**
 * A simulated PHP-FPM pool in front of the store: what makes a real Magento answer slowly and
 * refuse work when it is busy.
 *
 * - `workers` is `pm.max_children`: at most that many requests are handled at once (PHP-FPM's
 *   shipped `www.conf` sets 5).
 * - `latencyMs` is the time one request holds its worker (PHP building the page). The answer is
 *   held until `latencyMs` after the worker took the request, or sent when the sandbox's own work
 *   took longer, so a worker serves at most `1000 / latencyMs` requests a second and the store at
 *   most `workers × 1000 / latencyMs`.
 * - Requests beyond `workers` wait in a FIFO, as connections wait in the pool's `listen.backlog`
 *   (PHP-FPM's default on Linux: 511). A request arriving when the backlog is full gets
 *   **503 Service Unavailable** at once (text body, no `Retry-After`). A real nginx in front of a full
 *   FPM socket answers 502 (`connect() … (11: Resource temporarily unavailable)`) and 503 from its own
 *   `limit_req`/`limit_conn`; the sandbox answers 503, the status of an overloaded store clients retry.
 */
export interface PhpFpmPoolOptions {
  /** Worker hold time per request (ms); default 0. */
  latencyMs?: number;
  /** Concurrent requests (`pm.max_children`); default 5. */
  workers?: number;
  /** Requests that may wait for a worker before 503 (`listen.backlog`); default 511. */
  backlog?: number;
}

/** {@link PhpFpmPoolOptions} with defaults filled in. */
export type PhpFpmPoolSettings = Required<PhpFpmPoolOptions>;

/** What the pool is doing now, and has done. */
export interface PhpFpmPoolStats {
  busy: number;
  waiting: number;
  /** Requests a worker took. */
  served: number;
  /** Requests refused with 503 (backlog full). */
  refused: number;
  /** Most requests that waited at once. */
  maxWaiting: number;
}

/** Timer and clock of the pool (real ones by default; tests pass fakes). */
export interface PhpFpmPoolDeps {
  now?: () => number;
  setTimer?: (ms: number, callback: () => void) => void;
}

/** A pool: an Express middleware and its counters. */
export interface PhpFpmPool {
  readonly settings: PhpFpmPoolSettings;
  middleware(req: Request, res: Response, next: NextFunction): void;
  stats(): PhpFpmPoolStats;
}

/**
 * Fills the defaults of a pool and checks them.
 * @throws Error naming every bad value in one message
 */
export function resolvePhpFpmPool(input: PhpFpmPoolOptions): PhpFpmPoolSettings {
  const settings = { latencyMs: input.latencyMs ?? 0, workers: input.workers ?? 5, backlog: input.backlog ?? 511 };
  const problems = [
    checkInteger('latencyMs', settings.latencyMs, 0, 60_000),
    checkInteger('workers', settings.workers, 1, 10_000),
    checkInteger('backlog', settings.backlog, 0, 1_000_000),
  ].filter((problem) => problem !== null);
  if (problems.length > 0) throw new Error(`Invalid PHP-FPM pool: ${problems.join('; ')}.`);
  return settings;
}

function checkInteger(name: string, value: number, min: number, max: number): string | null {
  return Number.isInteger(value) && value >= min && value <= max
    ? null
    : `${name} must be an integer from ${min} to ${max} (got ${JSON.stringify(value)})`;
}

/**
 * Creates the pool. Install its middleware before every other one; paths under `/sandbox/` (the
 * sandbox's own admin API and pages, not Magento's) bypass it.
 * @throws Error for bad options ({@link resolvePhpFpmPool})
 */
export function createPhpFpmPool(input: PhpFpmPoolOptions, deps: PhpFpmPoolDeps = {}): PhpFpmPool {
  const settings = resolvePhpFpmPool(input);
  const now = deps.now ?? (() => performance.now());
  const setTimer = deps.setTimer ?? ((ms, callback) => void setTimeout(callback, ms));
  const counters = { busy: 0, served: 0, refused: 0, maxWaiting: 0 };
  const backlog: Array<() => void> = [];

  const release = () => {
    counters.busy--;
    backlog.shift()?.();
  };
  const serve = (res: Response, next: NextFunction) => {
    counters.busy++;
    counters.served++;
    holdAnswerUntil(res, now() + settings.latencyMs, now, setTimer);
    onceDone(res, release);
    next();
  };

  return {
    settings,
    stats: () => ({ ...counters, waiting: backlog.length }),
    middleware(req, res, next) {
      if (req.path.startsWith('/sandbox/')) return next();
      if (counters.busy < settings.workers) return serve(res, next);
      if (backlog.length >= settings.backlog) return refuse(res, counters);
      const take = () => serve(res, next);
      backlog.push(take);
      counters.maxWaiting = Math.max(counters.maxWaiting, backlog.length);
      // A client that hangs up while waiting gives its place up.
      res.once('close', () => {
        const at = backlog.indexOf(take);
        if (at >= 0) backlog.splice(at, 1);
      });
    },
  };
}

function refuse(res: Response, counters: { refused: number }): void {
  counters.refused++;
  res.status(503).type('text/plain').send('Service Unavailable: every PHP-FPM worker is busy and the backlog is full.');
}

/** Runs `done` once, when the answer is sent or the connection closes. */
function onceDone(res: Response, done: () => void): void {
  let called = false;
  res.once('close', () => {
    if (called) return;
    called = true;
    done();
  });
}

/** Delays `res.end` (Express's `send` and `json` end with it) until `until` on `now`'s scale. */
function holdAnswerUntil(
  res: Response,
  until: number,
  now: () => number,
  setTimer: (ms: number, callback: () => void) => void,
): void {
  const end = res.end.bind(res) as (...args: unknown[]) => Response;
  res.end = ((...args: unknown[]) => {
    const wait = until - now();
    if (wait <= 0) return end(...args);
    setTimer(wait, () => end(...args));
    return res;
  }) as Response['end'];
}

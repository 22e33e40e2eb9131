import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/** How a child process ended. */
export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A child process of `magekit dev` whose output is streamed line by line with a prefix. */
export interface DevChild {
  label: string;
  process: ChildProcess;
  /** Settles when the process has exited. */
  exited: Promise<ChildExit>;
  /** Calls `listener` with every line of stdout and stderr, from now on. */
  onLine(listener: (line: string) => void): () => void;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once it has exited. */
  stop(graceMs?: number): Promise<void>;
}

/** Spawns a child; every line of its output is written as `[label] line` (stdout and stderr alike). */
export function spawnDevChild(
  label: string,
  command: string,
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; write: (text: string) => void },
): DevChild {
  const child = spawn(command, [...args], { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const listeners = new Set<(line: string) => void>();
  const exited = new Promise<ChildExit>((resolve) => {
    child.once('error', () => resolve({ code: child.exitCode ?? 127, signal: null }));
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
      options.write(`[${label}] ${line}\n`);
      for (const listener of listeners) listener(line);
    });
  }
  return {
    label,
    process: child,
    exited,
    onLine(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async stop(graceMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return void (await exited);
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * Waits for the first line `match` accepts (its result), rejecting when the child exits first or
 * after `timeoutMs`.
 */
export function waitForLine<T>(
  child: DevChild,
  match: (line: string) => T | undefined,
  timeoutMs: number,
  what: string,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => finish(() => reject(new Error(`${child.label} did not ${what} within ${Math.round(timeoutMs / 1000)} s.`))),
      timeoutMs,
    );
    const off = child.onLine((line) => {
      const found = match(line);
      if (found !== undefined) finish(() => resolve(found));
    });
    void child.exited.then(({ code, signal }) =>
      finish(() =>
        reject(
          new Error(
            `${child.label} exited (${signal ?? `code ${code}`}) before it could ${what}; its output is above.`,
          ),
        ),
      ),
    );
    function finish(settle: () => void) {
      clearTimeout(timer);
      off();
      settle();
    }
  });
}

import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/** A message a bench child sends over its IPC channel. */
export interface ChildMessage {
  type: string;
  [field: string]: unknown;
}

/** A bench child process (TypeScript from source, as bench/run.mjs runs the benches) with typed request/answer messages. */
export interface BenchChild {
  child: ChildProcess;
  /** Resolves with the next message of `type` (rejects when the child exits first). */
  next<T extends ChildMessage>(type: string, timeoutMs?: number): Promise<T>;
  /** Sends a request and resolves with the answer of type `${type}:done`. */
  ask<T extends ChildMessage>(message: ChildMessage, timeoutMs?: number): Promise<T>;
  /** Sends `signal` and resolves when the process has exited. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Starts `bench/activations/<script>` in its own Node process. `nodeArgs` go before the script (e.g.
 * `--cpu-prof`); `env` is added to this process's environment.
 */
export function startChild(script: string, env: Record<string, string>, nodeArgs: string[] = []): BenchChild {
  const child = fork(join(__dirname, script), [], {
    execArgv: ['--conditions=@magekit/source', '--require', '@swc-node/register', ...nodeArgs],
    env: { ...process.env, ...env, SWC_NODE_PROJECT: join(__dirname, '..', 'tsconfig.json') },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const next = <T extends ChildMessage>(type: string, timeoutMs = 120_000) =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => finish(new Error(`${script}: no ${type} within ${timeoutMs} ms`)), timeoutMs);
      const onMessage = (message: ChildMessage) => {
        if (message.type === type) finish(null, message as T);
        else if (message.type === 'error') finish(new Error(`${script}: ${String(message['message'])}`));
      };
      const onExit = (code: number | null, signal: string | null) =>
        finish(new Error(`${script} exited (${signal ?? code}) before ${type}`));
      function finish(error: Error | null, message?: T): void {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
        if (error) reject(error);
        else resolve(message as T);
      }
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  return {
    child,
    next,
    ask: <T extends ChildMessage>(message: ChildMessage, timeoutMs?: number) => {
      const answer = next<T>(`${message.type}:done`, timeoutMs);
      child.send(message);
      return answer;
    },
    stop: (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

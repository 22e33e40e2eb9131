import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The built service (`npx nx build integration`; the test target builds it first). */
export const SERVICE_MAIN = join(__dirname, '..', '..', 'dist', 'main.js');
/** The built magekit bin (the test target builds the cli first). */
export const MAGEKIT_BIN = join(__dirname, '..', '..', '..', '..', 'packages', 'cli', 'bin', 'magekit.js');

/** True when both are built; the suites that need them fail with a message otherwise. */
export function assertBuilt(): void {
  for (const file of [SERVICE_MAIN, join(MAGEKIT_BIN, '..', '..', 'dist', 'main.js')]) {
    if (!existsSync(file))
      throw new Error(
        `${file} is not built: run \`npx nx run-many -t build -p integration cli\` (the integration test target does it).`,
      );
  }
}

/** A `node apps/integration/dist/main.js` child process. */
export interface ServiceProcess {
  child: ChildProcess;
  port: number;
  base: string;
  stdout(): string;
  stderr(): string;
  /** JSON log lines parsed. */
  logs(): Array<Record<string, unknown>>;
  /** Sends a signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Only what the service needs from the test's environment: no stray settings. */
function baseEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of ['PATH', 'HOME', 'TMPDIR', 'SystemRoot'])
    if (process.env[name]) env[name] = process.env[name] as string;
  return env;
}

/** Runs the service (or another built app on it, `main`) until it has printed its banner, or until it exits (rejects with its output). */
export function spawnService(
  env: Record<string, string>,
  cwd: string,
  timeoutMs = 30_000,
  main = SERVICE_MAIN,
): Promise<ServiceProcess> {
  const child = spawn(process.execPath, [main], {
    cwd,
    env: { ...baseEnv(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const logs = () =>
    out
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The service did not start within ${timeoutMs} ms.\nstdout: ${out}\nstderr: ${err}`));
    }, timeoutMs);
    const check = () => {
      const ready = logs().find((entry) => entry['msg'] === 'ready');
      if (!ready || !out.includes('Identity link URL:')) return;
      clearTimeout(timer);
      child.stdout?.off('data', check);
      const port = Number(ready['port']);
      resolve({
        child,
        port,
        base: `http://127.0.0.1:${port}`,
        stdout: () => out,
        stderr: () => err,
        logs,
        stop: (signal = 'SIGTERM') => {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal);
          return exited;
        },
      });
    };
    child.stdout?.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(
        Object.assign(new Error(`The service exited with code ${code}.\nstdout: ${out}\nstderr: ${err}`), {
          code,
          stdout: out,
          stderr: err,
        }),
      );
    });
  });
}

/** Runs the service expecting it to exit (bad configuration); resolves with exit code and output. */
export function runServiceToExit(
  env: Record<string, string>,
  cwd: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return spawnService(env, cwd, 30_000).then(
    async (running) => {
      await running.stop('SIGKILL');
      throw new Error(`expected the service to exit, but it started on port ${running.port}`);
    },
    (error: { code?: number | null; stdout?: string; stderr?: string }) => {
      if (error.stdout === undefined) throw error;
      return { code: error.code ?? null, stdout: error.stdout ?? '', stderr: error.stderr ?? '' };
    },
  );
}

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { CliIo } from '../cli-io';
import { runCli } from '../program';

/** In-memory streams for running the CLI in a test. */
export function createFakeIo(
  stdin = '',
  env: Record<string, string | undefined> = {},
): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    readStdin: async () => stdin,
    writeOut: (text) => void (out += text),
    writeErr: (text) => void (err += text),
    env,
    out: () => out,
    err: () => err,
  };
}

/** Runs the CLI in-process; returns exit code, stdout and stderr. */
export async function runInProcess(argv: string[], stdin = '', env: Record<string, string | undefined> = {}) {
  const io = createFakeIo(stdin, env);
  const code = await runCli(argv, io);
  return { code, stdout: io.out(), stderr: io.err() };
}

/** The built `magekit` bin (the cli test target builds first). */
export const MAGEKIT_BIN = join(__dirname, '..', '..', 'bin', 'magekit.js');

/** Runs the real `magekit` bin as a child process. */
export function runBin(argv: string[], stdin = '', env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [MAGEKIT_BIN, ...argv], {
    input: stdin,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

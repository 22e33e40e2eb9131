import { spawn, type ChildProcess } from 'node:child_process';
import { MAGEKIT_BIN } from './fake-io';

/** A sandbox store started through the built bin (`magekit sandbox start`) for a test. */
export interface SandboxProcess {
  child: ChildProcess;
  url: string;
  adminToken: string;
  output(): string;
  stop(): Promise<void>;
}

/** Runs `magekit sandbox start --port 0` (and `extraArgs`) on a data folder; resolves once it prints its URL. */
export function startSandboxProcess(
  dataDir: string,
  adminToken = 'cli-test-admin-token',
  extraArgs: readonly string[] = [],
): Promise<SandboxProcess> {
  const child = spawn(
    process.execPath,
    [
      MAGEKIT_BIN,
      'sandbox',
      'start',
      '--port',
      '0',
      '--data',
      dataDir,
      '--seed-products',
      '20',
      '--admin-token',
      adminToken,
      ...extraArgs,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /listening on (http:\/\/\S+\/)/.exec(output);
      if (match) resolve({ child, url: match[1], adminToken, output: () => output, stop });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the sandbox exited with ${code}: ${output}`)));
  });
}

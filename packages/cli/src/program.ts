import { Command, CommanderError } from 'commander';
import { CliError, CliExit } from './cli-error';
import { readCliVersion } from './cli-version';
import type { CliIo } from './cli-io';
import { commandRegistrations } from './commands';

/** Builds the `magekit` program with every command registered against the given streams. */
export function createProgram(io: CliIo): Command {
  const program = new Command('magekit')
    .description('Magento 2 integration toolkit: OAuth 1.0a signing that Magento accepts, ACL decisions, and more.')
    .version(readCliVersion(), '-V, --version', 'print the version of the magekit command')
    .exitOverride()
    .configureOutput({ writeOut: io.writeOut, writeErr: io.writeErr });
  for (const register of commandRegistrations) register(program, io);
  return program;
}

/** Runs the program on argv (without node and script) and returns the process exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const program = createProgram(io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    return reportError(error, io);
  }
}

function reportError(error: unknown, io: CliIo): number {
  if (error instanceof CliExit) return error.exitCode;
  if (error instanceof CommanderError) {
    // Commander already printed its message; help and version exit 0.
    return error.exitCode === 0 ? 0 : 2;
  }
  if (error instanceof CliError || isTypedError(error)) {
    const typed = error as Error & { code: string; hint?: string };
    io.writeErr(`magekit: ${typed.message} [${typed.code}]\n`);
    if (typed.hint) io.writeErr(`hint: ${typed.hint}\n`);
    return 2;
  }
  io.writeErr(`magekit: unexpected error: ${(error as Error)?.stack ?? String(error)}\n`);
  return 1;
}

function isTypedError(error: unknown): boolean {
  return error instanceof Error && typeof (error as { code?: unknown }).code === 'string';
}

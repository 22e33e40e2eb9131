import { AclError } from '@magekit/acl';
import { readRegularFile } from '@magekit/acl/node';
import { CliError } from '../cli-error';
import type { CliIo } from '../cli-io';
import { fileErrorCode } from './acl/read-calls-file';

/** The environment variable an IMS client secret is read from when no flag names a source. */
export const IMS_CLIENT_SECRET_ENV = 'MAGEKIT_IMS_CLIENT_SECRET';

/** A secret file holds one line: more than this is not one. */
const MAX_SECRET_FILE_BYTES = 4096;

/** How one command spells its secret sources, and what it says when none is given. */
export interface SecretSources {
  fileFlag: string;
  stdinFlag: string;
  env: string;
  hint: string;
  missingMessage: string;
  /** An empty variable counts as unset (else it is the source, and refused as empty). */
  emptyEnvIsUnset: boolean;
}

/**
 * Reads a secret from exactly one of a file flag (a regular file of at most 4 KiB), a stdin flag or
 * an environment variable, the flags first; one trailing newline is dropped. No message carries
 * the secret: secrets are never taken from the command line, where `ps` and shell history show them.
 *
 * @throws CliError `MISSING_OPTION` (none, or both flags), `EMPTY_INPUT`, `FILE_NOT_FOUND`, `NOT_A_FILE`, `FILE_TOO_LARGE`
 */
export async function readSecret(
  io: CliIo,
  file: string | undefined,
  stdin: boolean | undefined,
  sources: SecretSources,
): Promise<string> {
  const { fileFlag, stdinFlag, env, hint } = sources;
  if (file !== undefined && stdin === true)
    throw new CliError(`Give the client secret once: ${fileFlag} or ${stdinFlag}.`, 'MISSING_OPTION', { hint });
  const fromEnv = io.env[env];
  let source: string;
  let secret: string;
  if (file !== undefined) {
    source = `${fileFlag} ${file}`;
    secret = readSecretFile(file, fileFlag);
  } else if (stdin === true) {
    source = `${stdinFlag}: stdin`;
    secret = await io.readStdin();
  } else if (fromEnv !== undefined && !(sources.emptyEnvIsUnset && fromEnv === '')) {
    source = env;
    secret = fromEnv;
  } else {
    throw new CliError(sources.missingMessage, 'MISSING_OPTION', { hint });
  }
  const value = secret.replace(/\r?\n$/, '');
  if (value.trim() === '') throw new CliError(`${source} is empty.`, 'EMPTY_INPUT', { hint });
  return value;
}

function readSecretFile(file: string, flag: string): string {
  try {
    return readRegularFile(file, MAX_SECRET_FILE_BYTES).toString('utf8');
  } catch (error) {
    if (!(error instanceof AclError)) throw error;
    throw new CliError(`${flag} ${error.message}.`, fileErrorCode(error), { cause: error });
  }
}

import { AclError } from '@magekit/acl';
import { readRegularFile } from '@magekit/acl/node';
import { CliError } from '../../cli-error';
import type { CliIo } from '../../cli-io';
import { fileErrorCode } from '../acl/read-calls-file';

/** Where an IMS client secret may come from: never the command line, where `ps` and shell history show it. */
export interface ClientSecretFlags {
  clientSecretFile?: string;
  clientSecretStdin?: boolean;
}

/** The environment variable read when neither flag is given. */
export const CLIENT_SECRET_ENV = 'MAGEKIT_IMS_CLIENT_SECRET';

/** A secret file is one line: more than this is not one. */
const MAX_SECRET_FILE_BYTES = 4096;

const SOURCES_HINT = `Give the client secret with --client-secret-file <file>, --client-secret-stdin (e.g. \`printf %s "$SECRET" | magekit stores add-saas … --client-secret-stdin\`) or ${CLIENT_SECRET_ENV}; it is not taken from the command line.`;

/**
 * Reads the IMS client secret from exactly one of `--client-secret-file` (a regular file of at
 * most 4 KiB), `--client-secret-stdin` or `MAGEKIT_IMS_CLIENT_SECRET`; one trailing newline is dropped.
 *
 * @throws CliError `MISSING_OPTION` (none or several sources), `EMPTY_INPUT`, `FILE_NOT_FOUND`, `NOT_A_FILE`, `FILE_TOO_LARGE`
 */
export async function readClientSecret(io: CliIo, flags: ClientSecretFlags): Promise<string> {
  const fromEnv = io.env[CLIENT_SECRET_ENV];
  const given = [flags.clientSecretFile !== undefined, flags.clientSecretStdin === true].filter(Boolean).length;
  if (given > 1)
    throw new CliError(
      'Give the client secret once: --client-secret-file or --client-secret-stdin.',
      'MISSING_OPTION',
      {
        hint: SOURCES_HINT,
      },
    );
  let source: string;
  let secret: string;
  if (flags.clientSecretFile !== undefined) {
    source = `--client-secret-file ${flags.clientSecretFile}`;
    secret = readSecretFile(flags.clientSecretFile);
  } else if (flags.clientSecretStdin) {
    source = '--client-secret-stdin: stdin';
    secret = await io.readStdin();
  } else if (fromEnv !== undefined) {
    source = CLIENT_SECRET_ENV;
    secret = fromEnv;
  } else {
    throw new CliError('The IMS client secret is missing.', 'MISSING_OPTION', { hint: SOURCES_HINT });
  }
  const value = secret.replace(/\r?\n$/, '');
  if (value.trim() === '') throw new CliError(`${source} is empty.`, 'EMPTY_INPUT', { hint: SOURCES_HINT });
  return value;
}

function readSecretFile(file: string): string {
  try {
    return readRegularFile(file, MAX_SECRET_FILE_BYTES).toString('utf8');
  } catch (error) {
    if (!(error instanceof AclError)) throw error;
    throw new CliError(`--client-secret-file ${error.message}.`, fileErrorCode(error), { cause: error });
  }
}

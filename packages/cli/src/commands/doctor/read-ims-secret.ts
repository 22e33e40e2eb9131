import { AclError } from '@magekit/acl';
import { readRegularFile } from '@magekit/acl/node';
import { CliError } from '../../cli-error';
import type { CliIo } from '../../cli-io';
import { fileErrorCode } from '../acl/read-calls-file';

/** Where `magekit doctor` may read an IMS client secret from: never its command line (`ps` and shell history show it). */
export interface ImsSecretFlags {
  imsClientSecretFile?: string;
  imsClientSecretStdin?: boolean;
}

/** The variable read when neither flag is given (the same one `magekit stores add-saas` reads). */
export const IMS_CLIENT_SECRET_ENV = 'MAGEKIT_IMS_CLIENT_SECRET';

/** A secret file holds one line: more than this is not one. */
const MAX_SECRET_FILE_BYTES = 4096;

export const IMS_SECRET_SOURCES_HINT = `Give the client secret with --ims-client-secret-file <file>, --ims-client-secret-stdin (e.g. \`printf %s "$SECRET" | magekit doctor <url> --ims-client-id <id> --ims-client-secret-stdin\`) or ${IMS_CLIENT_SECRET_ENV}; it is not taken from the command line.`;

/** True when a flag names a secret source (the variable alone does not: it may be set for the service). */
export function hasImsSecretFlag(flags: ImsSecretFlags): boolean {
  return flags.imsClientSecretFile !== undefined || flags.imsClientSecretStdin === true;
}

/**
 * Reads the IMS client secret from exactly one of `--ims-client-secret-file` (a regular file of at
 * most 4 KiB), `--ims-client-secret-stdin` or `MAGEKIT_IMS_CLIENT_SECRET`, the flags first; one
 * trailing newline is dropped. No message carries the secret.
 *
 * @throws CliError `MISSING_OPTION` (none, or both flags), `EMPTY_INPUT`, `FILE_NOT_FOUND`, `NOT_A_FILE`, `FILE_TOO_LARGE`
 */
export async function readImsClientSecret(io: CliIo, flags: ImsSecretFlags): Promise<string> {
  if (flags.imsClientSecretFile !== undefined && flags.imsClientSecretStdin === true)
    throw new CliError(
      'Give the client secret once: --ims-client-secret-file or --ims-client-secret-stdin.',
      'MISSING_OPTION',
      { hint: IMS_SECRET_SOURCES_HINT },
    );
  const fromEnv = io.env[IMS_CLIENT_SECRET_ENV];
  let source: string;
  let secret: string;
  if (flags.imsClientSecretFile !== undefined) {
    source = `--ims-client-secret-file ${flags.imsClientSecretFile}`;
    secret = readSecretFile(flags.imsClientSecretFile);
  } else if (flags.imsClientSecretStdin === true) {
    source = '--ims-client-secret-stdin: stdin';
    secret = await io.readStdin();
  } else if (fromEnv !== undefined && fromEnv !== '') {
    source = IMS_CLIENT_SECRET_ENV;
    secret = fromEnv;
  } else {
    throw new CliError('The IMS client secret is missing (--ims-client-id was given).', 'MISSING_OPTION', {
      hint: IMS_SECRET_SOURCES_HINT,
    });
  }
  const value = secret.replace(/\r?\n$/, '');
  if (value.trim() === '') throw new CliError(`${source} is empty.`, 'EMPTY_INPUT', { hint: IMS_SECRET_SOURCES_HINT });
  return value;
}

function readSecretFile(file: string): string {
  try {
    return readRegularFile(file, MAX_SECRET_FILE_BYTES).toString('utf8');
  } catch (error) {
    if (!(error instanceof AclError)) throw error;
    throw new CliError(`--ims-client-secret-file ${error.message}.`, fileErrorCode(error), { cause: error });
  }
}

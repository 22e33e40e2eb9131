import type { CliIo } from '../../cli-io';
import { IMS_CLIENT_SECRET_ENV, readSecret } from '../secret-input';

export { IMS_CLIENT_SECRET_ENV };

/** Where `magekit doctor` may read an IMS client secret from: never its command line (`ps` and shell history show it). */
export interface ImsSecretFlags {
  imsClientSecretFile?: string;
  imsClientSecretStdin?: boolean;
}

export const IMS_SECRET_SOURCES_HINT = `Give the client secret with --ims-client-secret-file <file>, --ims-client-secret-stdin (e.g. \`printf %s "$SECRET" | magekit doctor <url> --ims-client-id <id> --ims-client-secret-stdin\`) or ${IMS_CLIENT_SECRET_ENV}; it is not taken from the command line.`;

/** True when a flag names a secret source (the variable alone does not: it may be set for the service). */
export function hasImsSecretFlag(flags: ImsSecretFlags): boolean {
  return flags.imsClientSecretFile !== undefined || flags.imsClientSecretStdin === true;
}

/**
 * Reads the IMS client secret of `magekit doctor` from exactly one of `--ims-client-secret-file`,
 * `--ims-client-secret-stdin` or a non-empty `MAGEKIT_IMS_CLIENT_SECRET` ({@link readSecret}).
 */
export function readImsClientSecret(io: CliIo, flags: ImsSecretFlags): Promise<string> {
  return readSecret(io, flags.imsClientSecretFile, flags.imsClientSecretStdin, {
    fileFlag: '--ims-client-secret-file',
    stdinFlag: '--ims-client-secret-stdin',
    env: IMS_CLIENT_SECRET_ENV,
    hint: IMS_SECRET_SOURCES_HINT,
    missingMessage: 'The IMS client secret is missing (--ims-client-id was given).',
    emptyEnvIsUnset: true,
  });
}

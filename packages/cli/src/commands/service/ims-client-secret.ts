import type { CliIo } from '../../cli-io';
import { IMS_CLIENT_SECRET_ENV, readSecret } from '../secret-input';

/** Where an IMS client secret may come from: never the command line, where `ps` and shell history show it. */
export interface ClientSecretFlags {
  clientSecretFile?: string;
  clientSecretStdin?: boolean;
}

/** The environment variable read when neither flag is given. */
export const CLIENT_SECRET_ENV = IMS_CLIENT_SECRET_ENV;

const SOURCES_HINT = `Give the client secret with --client-secret-file <file>, --client-secret-stdin (e.g. \`printf %s "$SECRET" | magekit stores add-saas … --client-secret-stdin\`) or ${CLIENT_SECRET_ENV}; it is not taken from the command line.`;

/**
 * Reads the IMS client secret of `magekit stores add-saas` from exactly one of `--client-secret-file`,
 * `--client-secret-stdin` or `MAGEKIT_IMS_CLIENT_SECRET` ({@link readSecret}).
 */
export function readClientSecret(io: CliIo, flags: ClientSecretFlags): Promise<string> {
  return readSecret(io, flags.clientSecretFile, flags.clientSecretStdin, {
    fileFlag: '--client-secret-file',
    stdinFlag: '--client-secret-stdin',
    env: CLIENT_SECRET_ENV,
    hint: SOURCES_HINT,
    missingMessage: 'The IMS client secret is missing.',
    emptyEnvIsUnset: false,
  });
}

import { createImsAuth, IMS_COMMERCE_SCOPES, IMS_TOKEN_URL, isMagentoClientError } from '@magekit/client';
import { CliError } from '../../cli-error';
import type { CliIo } from '../../cli-io';
import { hasImsSecretFlag, readImsClientSecret, type ImsSecretFlags } from './read-ims-secret';

/** The IMS flags of `magekit doctor`. */
export interface ImsFlags extends ImsSecretFlags {
  imsClientId?: string;
  imsOrgId?: string;
  imsTokenUrl?: string;
  imsScopes?: string;
}

/** An OAuth Server-to-Server credential to check a SaaS tenant with (docs/magento-behaviour.md §11.2). */
export interface DoctorImsCredentials {
  clientId: string;
  clientSecret: string;
  /** Sent as `x-gw-ims-org-id` when given. */
  orgId: string | null;
  /** The token endpoint itself (an origin gets `/ims/token/v3`, as the client does). */
  tokenUrl: string;
  scopes: string[];
}

/** What to pass for the checks that need a token. */
export const IMS_CREDENTIALS_HINT =
  'Pass an OAuth Server-to-Server credential of Adobe Developer Console: --ims-client-id <client id>, the client secret (--ims-client-secret-file <file>, --ims-client-secret-stdin or MAGEKIT_IMS_CLIENT_SECRET; never on the command line) and --ims-org-id <org id>@AdobeOrg; for a magekit sandbox also --ims-token-url <sandbox url> (its banner prints the default credential).';

const OTHER_FLAGS = [
  ['imsOrgId', '--ims-org-id'],
  ['imsTokenUrl', '--ims-token-url'],
  ['imsScopes', '--ims-scopes'],
] as const;

/**
 * The IMS credential from the flags (the secret as {@link readImsClientSecret} reads it), validated by
 * `createImsAuth` of @magekit/client; null when no `--ims-client-id` is given and no other IMS flag
 * either (the variable `MAGEKIT_IMS_CLIENT_SECRET` alone does not count).
 *
 * @throws CliError `MISSING_OPTION` (an IMS flag without `--ims-client-id`, or no secret), `INVALID_INPUT`
 *   naming every bad value (never the secret), and the secret reader's codes.
 */
export async function readImsCredentials(flags: ImsFlags, io: CliIo): Promise<DoctorImsCredentials | null> {
  if (flags.imsClientId === undefined) {
    const given = [
      ...(hasImsSecretFlag(flags) ? ['the client secret'] : []),
      ...OTHER_FLAGS.filter(([name]) => flags[name] !== undefined).map(([, flag]) => flag),
    ];
    if (given.length === 0) return null;
    throw new CliError(`--ims-client-id is missing (${given.join(', ')} given without it).`, 'MISSING_OPTION', {
      hint: IMS_CREDENTIALS_HINT,
    });
  }
  const clientSecret = await readImsClientSecret(io, flags);
  const scopes = readScopes(flags.imsScopes);
  const tokenUrl = flags.imsTokenUrl ?? IMS_TOKEN_URL;
  try {
    createImsAuth({
      clientId: flags.imsClientId,
      clientSecret,
      scopes,
      tokenUrl,
      ...(flags.imsOrgId !== undefined ? { orgId: flags.imsOrgId } : {}),
    });
  } catch (error) {
    if (!isMagentoClientError(error, 'INVALID_INPUT')) throw error;
    throw new CliError(
      error.message.replace(/^Invalid IMS auth options: /, 'Invalid IMS credential: '),
      'INVALID_INPUT',
      {
        hint: IMS_CREDENTIALS_HINT,
        cause: error,
      },
    );
  }
  return {
    clientId: flags.imsClientId,
    clientSecret,
    orgId: flags.imsOrgId ?? null,
    tokenUrl: resolveTokenEndpoint(tokenUrl),
    scopes,
  };
}

/** `--ims-scopes`, separated by commas or spaces; default Adobe's list with `commerce.accs`. */
function readScopes(raw: string | undefined): string[] {
  if (raw === undefined) return [...IMS_COMMERCE_SCOPES];
  const scopes = raw.split(/[\s,]+/).filter((scope) => scope !== '');
  if (scopes.length === 0)
    throw new CliError('--ims-scopes is empty.', 'EMPTY_INPUT', {
      hint: `Give scope names separated by commas, e.g. ${IMS_COMMERCE_SCOPES.join(',')}.`,
    });
  return scopes;
}

/** The token endpoint for a URL `createImsAuth` accepted: an origin gets `/ims/token/v3` (the client's rule). */
function resolveTokenEndpoint(tokenUrl: string): string {
  const url = new URL(tokenUrl);
  if (url.pathname === '/' && !url.search) url.pathname = '/ims/token/v3';
  return url.href;
}

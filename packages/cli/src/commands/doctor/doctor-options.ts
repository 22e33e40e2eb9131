import { loadStockModel } from '@magekit/acl';
import { buildRestRoot, type OAuthCredentials, type RestScope } from '@magekit/client';
import { CliError } from '../../cli-error';
import { parseCallsFile } from '../acl/least-privilege.command';
import { readCallsFileOption } from '../acl/read-calls-file';
import type { ImsFlags } from './ims-credentials';
import { planCallProbes, planResourceProbes, type ResourceProbe } from './plan-resource-probes';

/** The flags of `magekit doctor`. */
export interface DoctorFlags extends ImsFlags {
  /** `paas` or `saas`; default: told from the URL. */
  edition?: string;
  store?: string;
  indexPhp?: boolean;
  consumerKey?: string;
  consumerSecret?: string;
  token?: string;
  tokenSecret?: string;
  calls?: string;
  resources?: string;
  timeout: string;
  json?: boolean;
}

const CREDENTIAL_SOURCES = [
  ['consumerKey', '--consumer-key', 'MAGEKIT_CONSUMER_KEY'],
  ['consumerSecret', '--consumer-secret', 'MAGEKIT_CONSUMER_SECRET'],
  ['accessToken', '--token', 'MAGEKIT_TOKEN'],
  ['accessTokenSecret', '--token-secret', 'MAGEKIT_TOKEN_SECRET'],
] as const;

/**
 * The integration's credentials from flags, else MAGEKIT_* variables: all four or none.
 *
 * @throws CliError `MISSING_OPTION` naming the missing ones (never their values).
 */
export function readCredentials(flags: DoctorFlags, env: Record<string, string | undefined>): OAuthCredentials | null {
  const fromFlags: Record<string, string | undefined> = {
    consumerKey: flags.consumerKey,
    consumerSecret: flags.consumerSecret,
    accessToken: flags.token,
    accessTokenSecret: flags.tokenSecret,
  };
  const values = CREDENTIAL_SOURCES.map(
    ([name, , variable]) => [name, fromFlags[name] || env[variable] || undefined] as const,
  );
  const missing = CREDENTIAL_SOURCES.filter((_source, index) => values[index][1] === undefined);
  if (missing.length === CREDENTIAL_SOURCES.length) return null;
  if (missing.length > 0) {
    throw new CliError(
      `Incomplete credentials: ${missing.map(([, flag, variable]) => `${flag} (${variable})`).join(', ')} missing.`,
      'MISSING_OPTION',
      {
        hint: "Give all four of the integration's credentials (consumer key and secret, access token and secret), or none to run only the checks that need none.",
      },
    );
  }
  return Object.fromEntries(values) as unknown as OAuthCredentials;
}

/**
 * The store URL and REST scope, checked once.
 *
 * @throws CliError `INVALID_INPUT` for a URL or store code the client cannot use.
 */
export function readStoreScope(storeUrl: string, flags: DoctorFlags): RestScope {
  const scope: RestScope = {
    ...(flags.store ? { store: flags.store } : {}),
    ...(flags.indexPhp ? { indexPhp: true } : {}),
  };
  try {
    buildRestRoot(storeUrl, scope);
  } catch (error) {
    throw new CliError(`${(error as Error).message}`, 'INVALID_INPUT', {
      hint: 'Give the store base URL (store_base_url), e.g. https://shop.example.com/ — REST calls go to <base>rest/V1/…',
      cause: error,
    });
  }
  return scope;
}

/** The per-request timeout in ms (1 s to 5 min). */
export function readTimeout(raw: string): number {
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < 1000 || value > 300_000)
    throw new CliError(
      `--timeout must be milliseconds from 1000 to 300000 (got ${JSON.stringify(raw)}).`,
      'INVALID_INPUT',
    );
  return value;
}

/**
 * The probes of the resources check from `--calls <file>` and `--resources <ids>`, or null when neither is given.
 *
 * @throws CliError `FILE_NOT_FOUND`, `EMPTY_INPUT`, `INVALID_INPUT`
 */
export function readProbes(flags: DoctorFlags): ResourceProbe[] | null {
  if (flags.calls === undefined && flags.resources === undefined) return null;
  const model = loadStockModel();
  const probes: ResourceProbe[] = [];
  if (flags.calls !== undefined) {
    const calls = parseCallsFile(readCallsFileOption(flags.calls), flags.calls).filter(
      (call): call is { method: string; path: string } => 'path' in call,
    );
    probes.push(...planCallProbes(model, calls));
  }
  if (flags.resources !== undefined) {
    const ids = flags.resources
      .split(',')
      .map((id) => id.trim())
      .filter((id) => id !== '');
    if (ids.length === 0)
      throw new CliError('--resources is empty.', 'EMPTY_INPUT', {
        hint: 'Give comma-separated ACL resource ids, e.g. Magento_Catalog::products,Magento_Sales::actions_view.',
      });
    probes.push(...planResourceProbes(model, ids));
  }
  return probes;
}

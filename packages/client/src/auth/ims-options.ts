import { MagentoClientError } from '../errors/magento-client-error';
import type { FetchLike } from '../http/side-effects';

/** Adobe IMS's token endpoint (docs/magento-behaviour.md §11.2). */
export const IMS_TOKEN_URL = 'https://ims-na1.adobelogin.com/ims/token/v3';

/** The scopes Adobe lists for the Adobe Commerce as a Cloud Service REST API (docs/magento-behaviour.md §11.2). */
export const IMS_COMMERCE_SCOPES: readonly string[] = Object.freeze([
  'AdobeID',
  'openid',
  'email',
  'profile',
  'additional_info.roles',
  'additional_info.projectedProductContext',
  'commerce.accs',
]);

/** An OAuth Server-to-Server credential from Adobe Developer Console, and how to use it. */
export interface ImsAuthOptions {
  clientId: string;
  clientSecret: string;
  /** IMS organization id (`…@AdobeOrg`), sent as `x-gw-ims-org-id` when given. */
  orgId?: string;
  /** Scopes to request; default {@link IMS_COMMERCE_SCOPES}. */
  scopes?: readonly string[];
  /** The token endpoint, or an origin (`/ims/token/v3` is appended); default {@link IMS_TOKEN_URL}. */
  tokenUrl?: string;
  /** Ask for a new token this long before the cached one expires (at most half its life); default 300 s. */
  refreshMarginSeconds?: number;
  /** A token issued after a 401 is not replaced after another 401 within this time; default 30 s. */
  reissueIntervalSeconds?: number;
  /** After IMS refused the credential or scopes, fail fast for this long; default 60 000 ms. */
  failureCooldownMs?: number;
  /** Timeout of the token request; default 30 000 ms. */
  timeoutMs?: number;
  /** `fetch` for the token request; default the client's. */
  fetch?: FetchLike;
}

/** Validated {@link ImsAuthOptions} with defaults. */
export interface ImsAuthConfig {
  clientId: string;
  clientSecret: string;
  orgId?: string;
  scopes: readonly string[];
  tokenUrl: string;
  marginMs: number;
  reissueIntervalMs: number;
  failureCooldownMs: number;
  timeoutMs: number;
  fetch?: FetchLike;
}

/** Printable ASCII without spaces: safe in a header value and a form field. */
const TOKEN_TEXT = /^[\x21-\x7e]+$/;
const SCOPE = /^[\x21-\x2b\x2d-\x7e]+$/;
const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/**
 * Validates the options once and fills defaults.
 *
 * @throws MagentoClientError `INVALID_INPUT` naming every bad option in one message (never the secret's value).
 */
export function resolveImsOptions(options: ImsAuthOptions): ImsAuthConfig {
  const problems: string[] = [];
  if (typeof options?.clientId !== 'string' || !TOKEN_TEXT.test(options.clientId))
    problems.push('clientId is required (the credential\'s "Client ID")');
  if (typeof options?.clientSecret !== 'string' || options.clientSecret.trim() === '')
    problems.push('clientSecret is required');
  if (options?.orgId !== undefined && (typeof options.orgId !== 'string' || !TOKEN_TEXT.test(options.orgId)))
    problems.push('orgId must be the organization id, e.g. 0123456789ABCDEF01234567@AdobeOrg');
  const scopes = options?.scopes ?? IMS_COMMERCE_SCOPES;
  if (!Array.isArray(scopes) || scopes.length === 0 || scopes.some((s) => typeof s !== 'string' || !SCOPE.test(s)))
    problems.push('scopes must be a non-empty list of scope names (no commas or spaces)');
  const tokenUrl = resolveTokenUrl(options?.tokenUrl ?? IMS_TOKEN_URL, problems);
  for (const name of ['refreshMarginSeconds', 'reissueIntervalSeconds', 'failureCooldownMs', 'timeoutMs'] as const) {
    const value = options?.[name];
    if (value !== undefined && (typeof value !== 'number' || !Number.isFinite(value) || value < 0))
      problems.push(`${name} must be a non-negative number`);
  }
  if (problems.length > 0)
    throw new MagentoClientError(`Invalid IMS auth options: ${problems.join('; ')}.`, 'INVALID_INPUT');
  return {
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    ...(options.orgId !== undefined ? { orgId: options.orgId } : {}),
    scopes: [...scopes],
    tokenUrl,
    marginMs: (options.refreshMarginSeconds ?? 300) * 1000,
    reissueIntervalMs: (options.reissueIntervalSeconds ?? 30) * 1000,
    failureCooldownMs: options.failureCooldownMs ?? 60_000,
    timeoutMs: options.timeoutMs ?? 30_000,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  };
}

/** The token endpoint: https (plain http only on loopback, for a local sandbox), no credentials or fragment. */
function resolveTokenUrl(value: unknown, problems: string[]): string {
  let url: URL;
  try {
    url = new URL(String(value));
  } catch {
    problems.push('tokenUrl must be an absolute URL');
    return '';
  }
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.test(url.hostname));
  if (!secure || url.username || url.password || url.hash) {
    problems.push('tokenUrl must be an https URL without credentials or fragment (plain http only on loopback)');
    return '';
  }
  if (url.pathname === '/' && !url.search) url.pathname = '/ims/token/v3';
  return url.href;
}

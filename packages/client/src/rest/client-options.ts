import { randomBytes as cryptoRandomBytes } from 'node:crypto';
import { isSignatureProfile, type SignatureProfile } from '@magekit/oauth1';
import { createGuestAuth } from '../auth/bearer-auth';
import type { AuthStrategy } from '../auth/auth-strategy';
import { MagentoClientError } from '../errors/magento-client-error';
import {
  createSleep,
  globalFetch,
  systemClock,
  systemSetTimer,
  type Clock,
  type FetchLike,
  type SetTimer,
  type Sleep,
} from '../http/side-effects';
import { buildRestRoot, checkStoreCode, type RestScope } from '../url/build-rest-url';
import { describeStoreUrl, type StoreEdition } from '../url/describe-store-url';
import type { ClientEventHandler } from './client-events';
import { createConcurrencyLimiter, type ConcurrencyLimiter } from './concurrency-limiter';
import { createMemoryProfileStore, type ProfileStore } from './profile-store';
import type { RetryOptions } from './retry-policy';

/** Options of {@link createMagentoClient}. Side effects are parameters with real defaults. */
export interface MagentoClientOptions extends RestScope {
  /** `store_base_url`, e.g. `https://shop.example.com/`, or a SaaS REST base `https://na1.api.commerce.adobe.com/<tenant>/`. */
  baseUrl: string;
  /**
   * `saas` (Adobe Commerce as a Cloud Service: no `rest/`, the store in the `Store` header, IMS auth)
   * or `paas`; default: told from `baseUrl` ({@link describeStoreUrl}). Set `saas` for a
   * SaaS-compatible store on another host, such as a local sandbox.
   */
  edition?: StoreEdition;
  /** Default: guest. */
  auth?: AuthStrategy;
  /** Profile to sign with until the profile store knows better; default `latest`. */
  profile?: SignatureProfile;
  profileStore?: ProfileStore;
  /** Try the other profile once when a GET is refused with "The signature is invalid"; default true. */
  detectProfile?: boolean;
  retry?: RetryOptions;
  /** Per-attempt timeout; default 30 000 ms; 0 disables. */
  timeoutMs?: number;
  /**
   * Concurrent requests to this store (each from sending until its answer starts); default 4. Ignored
   * when `limiter` is given.
   */
  maxConcurrency?: number;
  /** Share one limiter between clients of the same store. */
  limiter?: ConcurrencyLimiter;
  /** The store's largest accepted `searchCriteria[pageSize]` (2.4.7+ input limits); default 300. */
  maxPageSize?: number;
  onEvent?: ClientEventHandler;
  fetch?: FetchLike;
  clock?: Clock;
  sleep?: Sleep;
  setTimer?: SetTimer;
  randomBytes?: (size: number) => Uint8Array;
  /** Uniform [0, 1) for backoff jitter. */
  random?: () => number;
}

/** Validated options with defaults filled in. */
export interface ClientConfig {
  edition: StoreEdition;
  root: string;
  storeKey: string;
  scope: RestScope;
  baseUrl: string;
  auth: AuthStrategy;
  profile: SignatureProfile;
  profileStore: ProfileStore;
  detectProfile: boolean;
  retry: RetryOptions;
  timeoutMs: number;
  limiter: ConcurrencyLimiter;
  maxPageSize: number;
  emit: ClientEventHandler;
  fetch: FetchLike;
  clock: Clock;
  sleep: Sleep;
  setTimer: SetTimer;
  randomBytes: (size: number) => Uint8Array;
  random: () => number;
}

/**
 * Validates the options once and fills defaults.
 *
 * @throws MagentoClientError `INVALID_INPUT` naming every bad option in one message.
 */
export function resolveClientConfig(options: MagentoClientOptions): ClientConfig {
  const problems = findOptionProblems(options);
  if (problems.length > 0)
    throw new MagentoClientError(`Invalid Magento client options: ${problems.join('; ')}.`, 'INVALID_INPUT');
  const scope: RestScope = { store: options.store, mode: options.mode, indexPhp: options.indexPhp };
  const { edition, restRoot } = describeStoreUrl(options.baseUrl, options.edition);
  if (edition === 'saas') checkSaasScope(scope);
  const setTimer = options.setTimer ?? systemSetTimer;
  const onEvent = options.onEvent;
  return {
    edition,
    root: edition === 'saas' ? restRoot : buildRestRoot(options.baseUrl, scope),
    storeKey: edition === 'saas' ? restRoot : restRoot.replace(/rest\/$/, ''),
    scope,
    baseUrl: options.baseUrl,
    auth: options.auth ?? createGuestAuth(),
    profile: options.profile ?? 'latest',
    profileStore: options.profileStore ?? createMemoryProfileStore(),
    detectProfile: options.detectProfile ?? true,
    retry: options.retry ?? {},
    timeoutMs: options.timeoutMs ?? 30_000,
    limiter: options.limiter ?? createConcurrencyLimiter(options.maxConcurrency ?? 4),
    maxPageSize: options.maxPageSize ?? 300,
    emit: onEvent ? (event) => safely(() => onEvent(event)) : () => undefined,
    fetch: options.fetch ?? globalFetch,
    clock: options.clock ?? systemClock,
    sleep: options.sleep ?? createSleep(setTimer),
    setTimer,
    randomBytes: options.randomBytes ?? ((size) => cryptoRandomBytes(size)),
    random: options.random ?? Math.random,
  };
}

function findOptionProblems(options: MagentoClientOptions): string[] {
  const problems: string[] = [];
  if (!options || typeof options.baseUrl !== 'string' || options.baseUrl === '') problems.push('baseUrl is required');
  if (options?.edition !== undefined && options.edition !== 'saas' && options.edition !== 'paas')
    problems.push('edition must be "saas" or "paas"');
  if (options?.profile !== undefined && !isSignatureProfile(options.profile))
    problems.push('profile must be "latest" or "laminas"');
  if (options?.auth !== undefined && typeof options.auth?.authorize !== 'function')
    problems.push('auth must be an AuthStrategy');
  for (const name of ['timeoutMs', 'maxPageSize', 'maxConcurrency'] as const) {
    const value = options?.[name];
    if (value !== undefined && (!Number.isInteger(value) || value < (name === 'timeoutMs' ? 0 : 1)))
      problems.push(`${name} must be a ${name === 'timeoutMs' ? 'non-negative' : 'positive'} integer`);
  }
  const retries = options?.retry?.retries;
  if (retries !== undefined && (!Number.isInteger(retries) || retries < 0))
    problems.push('retry.retries must be a non-negative integer');
  if (options?.retry?.methods?.some((method) => method.toUpperCase() === 'POST'))
    problems.push('retry.methods must not include POST (a POST is never re-sent)');
  return problems;
}

/**
 * SaaS takes the store as the `Store` header and has no `index.php` (docs/magento-behaviour.md §11.3).
 *
 * @throws MagentoClientError `INVALID_INPUT` for a bad store code or `indexPhp`.
 */
export function checkSaasScope(scope: RestScope): void {
  if (scope.store !== undefined) checkStoreCode(scope.store);
  if (scope.indexPhp)
    throw new MagentoClientError(
      'indexPhp does not apply to Adobe Commerce as a Cloud Service (its REST URLs have no index.php).',
      'INVALID_INPUT',
    );
}

function safely(fn: () => void): void {
  try {
    fn();
  } catch {
    // A logging hook must not break requests.
  }
}

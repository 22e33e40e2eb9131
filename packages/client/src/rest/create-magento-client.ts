import type { SignatureProfile } from '@magekit/oauth1';
import type { AuthStrategy } from '../auth/auth-strategy';
import { createGuestAuth } from '../auth/bearer-auth';
import { checkAuthForEdition, explainImsRejection } from '../auth/edition-auth';
import { resolveClientConfig, type ClientConfig, type MagentoClientOptions } from './client-options';
import { ClientState } from './client-state';
import { nestLimiters } from './concurrency-limiter';
import { executeRequest } from './execute-request';
import { prepareRequest, type PreparedRequest, type RestRequest } from './prepare-request';
import { prepareSaasRequest } from './prepare-saas-request';
import { paginate, type PaginateOptions } from '../search/paginate';
import type { SearchCriteria } from '../search/search-criteria';

/** Options of the method shortcuts. */
export type CallOptions = Omit<RestRequest, 'method' | 'path' | 'body'>;

/** A REST client for one store. */
export interface MagentoClient {
  /** Performs one call; resolves Magento's JSON answer. @throws MagentoClientError */
  request<T = unknown>(request: RestRequest): Promise<T>;
  get<T = unknown>(path: string, options?: CallOptions): Promise<T>;
  post<T = unknown>(path: string, body?: unknown, options?: CallOptions): Promise<T>;
  put<T = unknown>(path: string, body?: unknown, options?: CallOptions): Promise<T>;
  delete<T = unknown>(path: string, options?: CallOptions): Promise<T>;
  /** Every item of a search endpoint, page by page (see {@link paginate}). */
  paginate<T = unknown>(
    path: string,
    criteria?: SearchCriteria,
    options?: PaginateOptions<T>,
  ): AsyncGenerator<T, void, undefined>;
  /** The exact URL a call would be sent to (and signed for). */
  url(path: string, query?: RestRequest['query'], scope?: Pick<RestRequest, 'store' | 'mode' | 'indexPhp'>): string;
  /** The profile requests are signed with now. */
  signatureProfile(): Promise<SignatureProfile>;
  /** Store clock minus client clock (ms) adopted for signing, and the latest estimate. */
  readonly clockSkew: { appliedMs: number; estimatedMs: number | null };
  readonly config: Readonly<ClientConfig>;
}

/**
 * Creates a REST client for one store: `<baseUrl>[index.php/]rest/[<store>/][async[/bulk]/]V1/…`
 * (docs/magento-behaviour.md §4.1), authenticated by `auth` (default guest), with retries, clock-skew correction,
 * signature-profile detection, a per-store concurrency limit, timeouts and redacted event hooks.
 * For Adobe Commerce as a Cloud Service (`https://<region>.api.commerce.adobe.com/<tenant>/`, or
 * `edition: 'saas'`): `<base>[V1/async[/bulk]/]…` with the store in the `Store` header, IMS auth,
 * and routes or strategies SaaS does not have refused before sending (§11).
 *
 * @throws MagentoClientError `INVALID_INPUT` for bad options (all named in one message);
 *   `SAAS_UNSUPPORTED` for an auth strategy SaaS does not accept.
 * @example
 * const client = createMagentoClient({ baseUrl: 'https://shop.example.com/', store: 'default', auth: createOAuthAuth(tokens) });
 * const product = await client.get(path('/V1/products/:sku', { sku: 'ABC/10' }));
 */
export function createMagentoClient(options: MagentoClientOptions): MagentoClient {
  const config = resolveClientConfig(options);
  checkAuthForEdition(config.auth, config.edition);
  const state = new ClientState(config);
  const guest = createGuestAuth();
  const prepare = (request: RestRequest): PreparedRequest =>
    config.edition === 'saas' ? prepareSaasRequest(config, request) : prepareRequest(config, request);
  const postAnonymous = (path: string, body: unknown, signal?: AbortSignal) =>
    call({ method: 'POST', path, body, signal, auth: guest });
  const call = (request: RestRequest): Promise<unknown> => {
    const auth: AuthStrategy = request.auth ?? config.auth;
    checkAuthForEdition(auth, config.edition);
    const limiter = request.limiter ? nestLimiters(request.limiter, config.limiter) : config.limiter;
    const sent = executeRequest(state, prepare(request), auth, postAnonymous, request.signal, limiter);
    return auth.kind === 'ims'
      ? sent.catch((error: unknown) => Promise.reject(explainImsRejection(error, auth)))
      : sent;
  };
  const client: MagentoClient = {
    request: <T>(request: RestRequest) => call(request) as Promise<T>,
    get: <T>(path: string, opts: CallOptions = {}) => call({ ...opts, method: 'GET', path }) as Promise<T>,
    post: <T>(path: string, body?: unknown, opts: CallOptions = {}) =>
      call({ ...opts, method: 'POST', path, body }) as Promise<T>,
    put: <T>(path: string, body?: unknown, opts: CallOptions = {}) =>
      call({ ...opts, method: 'PUT', path, body }) as Promise<T>,
    delete: <T>(path: string, opts: CallOptions = {}) => call({ ...opts, method: 'DELETE', path }) as Promise<T>,
    paginate: <T>(path: string, criteria?: SearchCriteria, opts?: PaginateOptions<T>) =>
      paginate<T>(client, path, criteria, opts),
    url: (path, query, scope = {}) => prepare({ method: 'GET', path, query, ...scope }).url,
    signatureProfile: () => state.resolveProfile(),
    get clockSkew() {
      return { appliedMs: state.appliedSkewMs, estimatedMs: state.estimatedSkewMs };
    },
    config,
  };
  return client;
}

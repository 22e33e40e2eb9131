import { MagentoClientError, isMagentoClientError } from '../errors/magento-client-error';
import type { AuthContext, AuthStrategy } from './auth-strategy';
import { resolveImsOptions, type ImsAuthOptions } from './ims-options';
import { requestImsToken } from './request-ims-token';

/** An IMS strategy with a cache you can drop. */
export interface ImsAuth extends AuthStrategy {
  readonly kind: 'ims';
  /** Forgets the cached token (and a remembered refusal of the credential). */
  invalidate(): void;
  /** When the cached token expires (ms), or null without one. */
  readonly expiresAt: number | null;
}

interface CachedToken {
  header: string;
  issuedAt: number;
  expiresAt: number;
  /** From here on the token is replaced before use (the refresh margin). */
  refreshAt: number;
  /** Issued because the store refused the previous token with 401. */
  afterRejection: boolean;
}

/**
 * Adobe IMS server-to-server auth for Adobe Commerce as a Cloud Service (docs/magento-behaviour.md
 * §11.2, §11.3): a client-credentials token from IMS, sent as `Authorization: Bearer`, with
 * `x-api-key: <clientId>` and, when given, `x-gw-ims-org-id: <orgId>`. The token is cached for
 * `expires_in` less a margin (`refreshMarginSeconds`, default 300 s, at most half the lifetime),
 * concurrent calls share one token request, and a 401 from the store drops the token that was
 * used and re-sends the call once with a new one. A token issued after a 401 is not replaced
 * after another 401 within `reissueIntervalSeconds` (then the 401 is about permissions, and
 * Adobe throttles credentials that ask for many tokens).
 *
 * @throws MagentoClientError `INVALID_INPUT` for bad options; calls then fail with the codes of
 *   {@link requestImsToken} (`IMS_CLIENT_REJECTED`, `IMS_SCOPE_REJECTED`, …).
 * @example createMagentoClient({ baseUrl: 'https://na1.api.commerce.adobe.com/<tenant>/', auth: createImsAuth({ clientId, clientSecret, orgId }) })
 */
export function createImsAuth(options: ImsAuthOptions): ImsAuth {
  const config = resolveImsOptions(options);
  const apiHeaders: Record<string, string> = { 'x-api-key': config.clientId };
  if (config.orgId !== undefined) apiHeaders['x-gw-ims-org-id'] = config.orgId;
  let cached: CachedToken | null = null;
  let pending: Promise<CachedToken> | null = null;
  let failure: { error: MagentoClientError; until: number } | null = null;
  let nextAfterRejection = false;
  let warned = false;

  async function issue(context: AuthContext): Promise<CachedToken> {
    const issuedAt = context.clock();
    const afterRejection = nextAfterRejection;
    nextAfterRejection = false;
    const deps = { fetch: config.fetch ?? context.fetch, clock: context.clock, setTimer: context.setTimer };
    try {
      const token = await requestImsToken(config, deps);
      const expiresAt = issuedAt + token.expiresInMs;
      const refreshAt = expiresAt - Math.min(config.marginMs, token.expiresInMs / 2);
      cached = { header: `Bearer ${token.accessToken}`, issuedAt, expiresAt, refreshAt, afterRejection };
      context.emit({ type: 'token', action: 'issued', auth: 'ims', expiresAt });
      return cached;
    } catch (error) {
      if (isMagentoClientError(error, 'IMS_CLIENT_REJECTED', 'IMS_SCOPE_REJECTED'))
        failure = { error, until: issuedAt + config.failureCooldownMs };
      throw error;
    }
  }

  function obtain(context: AuthContext, signal?: AbortSignal): Promise<CachedToken> {
    const now = context.clock();
    if (cached && now < cached.refreshAt) return Promise.resolve(cached);
    if (failure && now < failure.until) return Promise.reject(failure.error);
    pending ??= issue(context).finally(() => (pending = null));
    return waitFor(pending, signal);
  }

  return {
    kind: 'ims',
    get expiresAt() {
      return cached?.expiresAt ?? null;
    },
    invalidate() {
      cached = null;
      failure = null;
    },
    async authorize(_request, context, signal) {
      if (!warned && !config.scopes.includes('commerce.accs')) {
        warned = true;
        context.emit({
          type: 'warning',
          message: 'IMS scopes do not include commerce.accs: Adobe Commerce as a Cloud Service refuses such tokens.',
        });
      }
      return { authorization: (await obtain(context, signal)).header, ...apiHeaders };
    },
    refresh(error, context, used) {
      if (error.status !== 401) return false;
      if (!cached || cached.header !== used.authorization) return true; // already replaced by another call
      if (cached.afterRejection && context.clock() - cached.issuedAt < config.reissueIntervalMs) return false;
      cached = null;
      nextAfterRejection = true;
      context.emit({ type: 'token', action: 'invalidated', auth: 'ims' });
      return true;
    },
  };
}

/** `promise`, or an `ABORTED` rejection as soon as `signal` fires (the shared token request goes on for the others). */
function waitFor<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new MagentoClientError('Waiting for an IMS token was aborted.', 'ABORTED'));
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
}

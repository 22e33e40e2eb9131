import { MagentoClientError } from '../errors/magento-client-error';
import type { AuthContext, AuthStrategy } from './auth-strategy';
import { readJwtExpiry } from './jwt-expiry';

/** Username/password for a token service. */
export interface TokenAuthOptions {
  username: string;
  password: string;
  /** Lifetime of non-JWT tokens; default 60 min (`webapi/jwtauth/*_expiration`, docs/magento-behaviour.md §3.4). */
  ttlMinutes?: number;
  /** Refresh this long before expiry; default 60 s. */
  refreshMarginSeconds?: number;
  /** After BAD_CREDENTIALS, fail fast without calling Magento for this long; default 1 800 000 ms (the lockout time). */
  badCredentialsCooldownMs?: number;
}

/** A token strategy with a cache you can drop. */
export interface TokenAuth extends AuthStrategy {
  /** Forgets the cached token (and a remembered BAD_CREDENTIALS failure). */
  invalidate(): void;
  /** When the cached token expires (ms), or null without one. */
  readonly expiresAt: number | null;
}

/** How a token is obtained: a call of the token service (or 2FA provider) returning the token JSON. */
export type IssueToken = (context: AuthContext, signal?: AbortSignal) => Promise<unknown>;

interface Cached {
  token: string;
  header: string;
  issuedAt: number;
  expiresAt: number;
}

/** A used token younger than this cannot have expired: its 401 is about ACL, not refreshed. */
const FRESH_TOKEN_MS = 5_000;

/**
 * A Bearer strategy around a token service: one shared in-flight issue call, a TTL-aware cache
 * (JWT `exp` when present, else `ttlMinutes`), one refresh on 401, and no hammering of a store
 * that answered BAD_CREDENTIALS (Magento locks the account after 6 failures, `RequestThrottler`, docs/magento-behaviour.md §3.3).
 */
export function createTokenAuth(
  kind: 'admin-token' | 'customer-token',
  issue: IssueToken,
  options: TokenAuthOptions,
): TokenAuth {
  const ttlMs = (options.ttlMinutes ?? 60) * 60_000;
  const marginMs = (options.refreshMarginSeconds ?? 60) * 1000;
  const cooldownMs = options.badCredentialsCooldownMs ?? 1_800_000;
  let cached: Cached | null = null;
  let pending: Promise<Cached> | null = null;
  let failure: { error: MagentoClientError; until: number } | null = null;

  async function issueAndCache(context: AuthContext, signal?: AbortSignal): Promise<Cached> {
    const issuedAt = context.clock();
    let value: unknown;
    try {
      value = await issue(context, signal);
    } catch (error) {
      if (error instanceof MagentoClientError && error.code === 'BAD_CREDENTIALS')
        failure = { error, until: issuedAt + cooldownMs };
      throw error;
    }
    if (typeof value !== 'string' || value.trim() === '')
      throw new MagentoClientError(`The ${kind} service did not answer a token string.`, 'INVALID_RESPONSE');
    const expiresAt = readJwtExpiry(value) ?? issuedAt + ttlMs;
    cached = { token: value, header: `Bearer ${value}`, issuedAt, expiresAt };
    context.emit({ type: 'token', action: 'issued', auth: kind, expiresAt });
    return cached;
  }

  async function obtain(context: AuthContext, signal?: AbortSignal): Promise<Cached> {
    const now = context.clock();
    if (cached && now < cached.expiresAt - marginMs) return cached;
    if (failure && now < failure.until) throw failure.error;
    pending ??= issueAndCache(context, signal).finally(() => (pending = null));
    return pending;
  }

  return {
    kind,
    get expiresAt() {
      return cached?.expiresAt ?? null;
    },
    invalidate() {
      cached = null;
      failure = null;
    },
    async authorize(_request, context, signal) {
      return { authorization: (await obtain(context, signal)).header };
    },
    refresh(error, context, used) {
      if (error.status !== 401) return false;
      if (!cached || cached.header !== used.authorization) return true; // another request already replaced it
      if (context.clock() - cached.issuedAt < FRESH_TOKEN_MS) return false;
      cached = null;
      context.emit({ type: 'token', action: 'invalidated', auth: kind });
      return true;
    },
  };
}

import {
  createMagentoClient,
  createOAuthAuth,
  MagentoClientError,
  parseRestError,
  type FetchLike,
  type OAuthCredentials,
  type RestRequest,
  type RestScope,
} from '@magekit/client';
import type { SignatureProfile } from '@magekit/oauth1';
import type { StoreReply } from './store-reply';
import { SANDBOX_VERSION_HEADER } from './store-version';

/** Side effects of the doctor: the network and the clock. */
export interface ProbeDeps {
  fetch: FetchLike;
  clock: () => number;
  /** Per-request timeout (ms). */
  timeoutMs: number;
}

/**
 * Sends one unsigned GET (no redirects followed) and reduces the answer to a {@link StoreReply};
 * a failed connection or a timeout is a reply with `status: null`.
 */
export async function sendProbe(url: string, headers: Record<string, string>, deps: ProbeDeps): Promise<StoreReply> {
  const started = deps.clock();
  let response: Response;
  try {
    response = await deps.fetch(url, {
      method: 'GET',
      headers: { accept: 'application/json', ...headers },
      redirect: 'manual',
      signal: AbortSignal.timeout(deps.timeoutMs),
    });
  } catch (cause) {
    const timedOut = (cause as Error)?.name === 'TimeoutError';
    const reason = timedOut ? `timed out after ${deps.timeoutMs} ms` : describeNetworkError(cause);
    return {
      status: null,
      error: new MagentoClientError(`GET ${url.split('?')[0]} failed: ${reason}`, timedOut ? 'TIMEOUT' : 'NETWORK', {
        cause,
      }),
      contentType: null,
      location: null,
      dateHeader: null,
      receivedAt: null,
      durationMs: null,
    };
  }
  const receivedAt = deps.clock();
  const text = await response.text().catch(() => '');
  const { status } = response;
  const error =
    status >= 200 && status < 300
      ? null
      : status >= 300 && status < 400
        ? new MagentoClientError(`redirect (HTTP ${status})`, 'HTTP_ERROR', { status })
        : parseRestError(status, text);
  return {
    status,
    error,
    contentType: response.headers.get('content-type'),
    location: response.headers.get('location'),
    dateHeader: response.headers.get('date'),
    receivedAt,
    durationMs: receivedAt - started,
    sandboxProfile: response.headers.get(SANDBOX_VERSION_HEADER),
  };
}

function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  if (cause?.code) return cause.code;
  return error instanceof Error ? error.message : String(error);
}

/** Where and as whom signed probes go. */
export interface SignedProbeOptions {
  baseUrl: string;
  scope: RestScope;
  credentials: OAuthCredentials;
  profile: SignatureProfile;
  /** Try the other profile after "The signature is invalid" (off for the profile check itself). */
  detectProfile: boolean;
}

/** Sends signed REST calls; each resolves to a {@link StoreReply}, never throws for the store's answers. */
export type SignedProber = (request: RestRequest) => Promise<StoreReply>;

/**
 * A signed prober on top of @magekit/client: OAuth 1.0a in the given profile, one retry, the
 * client's clock-skew correction (re-sign once with the store's `Date` after "An error occurred
 * validating the nonce"), no page-size cap (the page-size check sends large pages on purpose).
 */
export function createSignedProber(options: SignedProbeOptions, deps: ProbeDeps): SignedProber {
  let last: { status: number; durationMs: number } | null = null;
  const client = createMagentoClient({
    baseUrl: options.baseUrl,
    ...options.scope,
    auth: createOAuthAuth(options.credentials),
    profile: options.profile,
    detectProfile: options.detectProfile,
    retry: { retries: 1 },
    timeoutMs: deps.timeoutMs,
    maxPageSize: 1_000_000,
    fetch: deps.fetch,
    clock: deps.clock,
    onEvent: (event) => {
      if (event.type === 'response') last = { status: event.status, durationMs: event.durationMs };
    },
  });
  return async (request) => {
    last = null;
    try {
      await client.request(request);
      const seen = last as { status: number; durationMs: number } | null;
      return {
        status: seen?.status ?? 200,
        error: null,
        contentType: null,
        location: null,
        dateHeader: null,
        receivedAt: null,
        durationMs: seen?.durationMs ?? null,
      };
    } catch (error) {
      const failure =
        error instanceof MagentoClientError
          ? error
          : new MagentoClientError(String(error), 'NETWORK', { cause: error });
      return {
        status: failure.status ?? null,
        error: failure,
        contentType: null,
        location: null,
        dateHeader: null,
        receivedAt: null,
        durationMs: null,
      };
    }
  };
}

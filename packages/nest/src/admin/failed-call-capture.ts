import {
  isMagentoClientError,
  paginate,
  redactText,
  redactUrl,
  type AuthStrategy,
  type ClientEvent,
  type MagentoClient,
  type MagentoClientError,
  type RestRequest,
} from '@magekit/client';
import { explainMaskedBaseString, type SignedAttempt } from './masked-base-string';

/** A failed call as recorded: nothing secret (path, message and hint redacted, base string masked). */
export interface FailedCall {
  method: string;
  path: string;
  status: number | null;
  code: string;
  message: string;
  hint: string | null;
  attempts: number;
  baseString: string | null;
  signatureProfile: string | null;
}

/** Receives each failed call of a wrapped client; must not throw (errors are swallowed). */
export type FailedCallSink = (call: FailedCall) => Promise<void>;

/** Codes that mean no request went out because of the caller (bad input, the caller's own abort). */
const NOT_SENT = new Set(['INVALID_INPUT', 'ABORTED']);

/**
 * Watches one `@magekit/client` client: its events (`request`/`response` per attempt) count the
 * attempts and keep the last status, a wrapper around its auth strategy keeps the last signed
 * attempt of each URL in memory, and a wrapper around the client turns each call that fails for
 * good into a {@link FailedCall} for the sink.
 */
export class FailedCallCapture {
  private readonly signed = new Map<string, SignedAttempt>();
  private readonly attempts = new Map<string, { count: number; status: number | null }>();

  /** The client's `onEvent` handler. */
  readonly onEvent = (event: ClientEvent): void => {
    if (event.type === 'request') {
      const key = keyOf(event.method, event.url);
      this.attempts.set(key, { count: (this.attempts.get(key)?.count ?? 0) + 1, status: null });
    } else if (event.type === 'response') {
      const entry = this.attempts.get(keyOf(event.method, event.url));
      if (entry) entry.status = event.status;
    }
  };

  /** The auth strategy, remembering what each attempt was signed with. */
  wrapAuth(auth: AuthStrategy): AuthStrategy {
    return {
      ...auth,
      kind: auth.kind,
      authorize: async (request, context, signal) => {
        const used = await auth.authorize(request, context, signal);
        if (auth.kind === 'oauth')
          this.signed.set(keyOf(request.method, request.url), {
            method: request.method,
            url: request.url,
            headers: { ...request.headers, ...used },
            body: request.body,
            profile: context.profile,
          });
        return used;
      },
    };
  }

  /** The client, reporting each call that fails for good (after retries) to `sink`, then rethrowing. */
  wrapClient(client: MagentoClient, sink: FailedCallSink): MagentoClient {
    const call = async <T>(request: RestRequest): Promise<T> => {
      const key = this.keyFor(client, request);
      try {
        return await client.request<T>(request);
      } catch (error) {
        if (key !== null && isMagentoClientError(error) && !NOT_SENT.has(error.code))
          await sink(this.describe(key, error)).catch(() => undefined);
        throw error;
      } finally {
        if (key !== null) this.forget(key);
      }
    };
    const wrapped: MagentoClient = {
      request: call,
      get: (path, options = {}) => call({ ...options, method: 'GET', path }),
      post: (path, body, options = {}) => call({ ...options, method: 'POST', path, body }),
      put: (path, body, options = {}) => call({ ...options, method: 'PUT', path, body }),
      delete: (path, options = {}) => call({ ...options, method: 'DELETE', path }),
      paginate: (path, criteria, options) => paginate(wrapped, path, criteria, options),
      url: (path, query, scope) => client.url(path, query, scope),
      signatureProfile: () => client.signatureProfile(),
      get clockSkew() {
        return client.clockSkew;
      },
      config: client.config,
    };
    return wrapped;
  }

  private keyFor(client: MagentoClient, request: RestRequest): string | null {
    try {
      return keyOf(
        request.method,
        client.url(request.path, request.query, {
          store: request.store,
          mode: request.mode,
          indexPhp: request.indexPhp,
        }),
      );
    } catch {
      return null; // an invalid path: the client refuses it before sending
    }
  }

  private describe(key: string, error: MagentoClientError): FailedCall {
    const [method, url] = splitKey(key);
    const attempt = this.signed.get(key);
    const counted = this.attempts.get(key);
    return {
      method,
      path: pathOf(url),
      status: error.status ?? counted?.status ?? null,
      code: error.code,
      message: redactText(error.message.slice(0, 2000)),
      hint: error.hint === undefined ? null : redactText(error.hint),
      attempts: counted?.count ?? 0,
      baseString: attempt ? explainMaskedBaseString(attempt) : null,
      signatureProfile: attempt?.profile ?? null,
    };
  }

  private forget(key: string): void {
    this.signed.delete(key);
    this.attempts.delete(key);
  }
}

function keyOf(method: string, url: string): string {
  return `${method.toUpperCase()} ${redactUrl(url)}`;
}

function splitKey(key: string): [string, string] {
  const at = key.indexOf(' ');
  return [key.slice(0, at), key.slice(at + 1)];
}

function pathOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.search}`;
  } catch {
    return url;
  }
}

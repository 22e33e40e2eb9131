import { callSandboxAdmin } from './sandbox-admin-api';

/** The sandbox's `integration.status` once the access token is issued (Magento's `STATUS_ACTIVE`). */
export const INTEGRATION_ACTIVE = 1;

/** What Activate/Reauthorize of a handshake integration returns (the sandbox admin API). */
export interface HandshakeResult {
  mode: 'handshake';
  integration_id: number;
  oauth_consumer_key: string;
  popup_url: string;
  endpoint_status: number;
  /** The Callback URL's answer (first 2,000 characters); absent from older sandboxes. */
  endpoint_body?: string;
}

/** Why a handshake did not complete: what the Callback URL answered, or that the exchange never finished. */
export interface HandshakeFailure {
  message: string;
  code: string | null;
  hint: string;
}

/**
 * The Callback URL's refusal, read from its status and body: the integration service answers
 * `{"error":{"code","message","hint"}}`; any other body is quoted. Null for a 2xx answer.
 */
export function readCallbackRefusal(status: number, body: string | undefined): HandshakeFailure | null {
  if (status >= 200 && status < 300) return null;
  const error = parseErrorBody(body ?? '');
  const text = error?.message ?? (body ?? '').replace(/\s+/g, ' ').trim().slice(0, 300);
  return {
    message: `the Callback URL answered HTTP ${status}${text === '' ? '' : `: ${text}`}`,
    code: error?.code ?? null,
    hint:
      error?.hint ??
      "The integration did not accept the callback; its log says why. Check that the Callback URL is the app's `/magento/callback/<tenant>` and that the app allows this store URL (STORE_URL_ALLOW_HTTP, STORE_URL_ALLOWED_NETWORKS).",
  };
}

function parseErrorBody(body: string): { code: string | null; message: string | null; hint: string | null } | null {
  try {
    const error = (JSON.parse(body) as { error?: Record<string, unknown> })?.error;
    if (!error || typeof error !== 'object') return null;
    const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);
    return { code: text(error['code']), message: text(error['message']), hint: text(error['hint']) };
  } catch {
    return null;
  }
}

/** How {@link waitForActiveIntegration} waits (parameters for tests). */
export interface WaitOptions {
  timeoutMs: number;
  intervalMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  fetchFn?: typeof fetch;
}

/**
 * Polls `GET /sandbox/admin/integrations/:id` until the integration is Active (the app finished the
 * token exchange), or the timeout passes.
 *
 * @returns true when Active in time
 * @throws CliError `UNREACHABLE`, `SANDBOX_FAILED` when the sandbox does not answer
 */
export async function waitForActiveIntegration(
  baseUrl: string,
  token: string,
  id: number,
  options: WaitOptions,
): Promise<boolean> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const deadline = now() + options.timeoutMs;
  for (;;) {
    const integration = await callSandboxAdmin<{ status: number }>(
      baseUrl,
      token,
      'GET',
      `/integrations/${id}`,
      undefined,
      options.fetchFn,
    );
    if (integration.status === INTEGRATION_ACTIVE) return true;
    if (now() >= deadline) return false;
    await sleep(Math.min(options.intervalMs ?? 200, Math.max(0, deadline - now())));
  }
}

/** The failure to report when the exchange did not finish in time. */
export function describeHandshakeTimeout(id: number, seconds: number): HandshakeFailure {
  return {
    message: `the handshake did not complete within ${seconds} s: integration ${id} is not Active in the sandbox`,
    code: 'HANDSHAKE_TIMEOUT',
    hint: "The Callback URL accepted the credentials but the app never finished the token exchange: see the app's log, or its dashboard (the store's status and reason). A longer --timeout helps a slow app.",
  };
}

/** Writes a failure as the CLI does (`magekit: … [CODE]`, then `hint: …`). */
export function formatHandshakeFailure(failure: HandshakeFailure): string {
  return `magekit: ${failure.message}${failure.code ? ` [${failure.code}]` : ''}\nhint: ${failure.hint}\n`;
}

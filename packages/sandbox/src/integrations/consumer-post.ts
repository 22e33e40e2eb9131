/** The four fields Magento POSTs to the integration's Endpoint URL (`OauthService::postToConsumer()`, docs/magento-behaviour.md §2.4). */
export interface ConsumerPostFields {
  oauth_consumer_key: string;
  oauth_consumer_secret: string;
  store_base_url: string;
  oauth_verifier: string;
}

/**
 * Magento's failure message for the callback POST: `Magento\Integration\Model\OauthService::postToConsumer()`
 * wraps any transport exception in it, and `TokensExchange` shows it as the admin's error message.
 */
export const POST_FAILED_MESSAGE =
  'The attempt to post data to consumer failed due to an unexpected error. Please try again later.';

/** What the admin API answers (HTTP 502) when the callback POST failed: the integration stays as it was, no popup. */
export interface ConsumerPostFailure {
  outcome: 'consumer_post_failed';
  message: typeof POST_FAILED_MESSAGE;
  integration_id: number;
  /** The integration's status afterwards (0 Inactive: a Reauthorize has already deleted the token). */
  status: number;
  /** What failed underneath (`ECONNREFUSED`, `TimeoutError`, …); Magento only logs it. */
  reason: string;
}

/** Thrown by the activation when the POST to the Endpoint URL failed in transport (refused, reset, timeout). */
export class ConsumerPostFailedError extends Error {
  readonly code = 'CONSUMER_POST_FAILED';

  constructor(
    readonly failure: ConsumerPostFailure,
    options?: { cause?: unknown },
  ) {
    super(POST_FAILED_MESSAGE, options);
    this.name = 'ConsumerPostFailedError';
  }
}

/**
 * `LaminasClient` POST as form data, `maxredirects` 0 (a 3xx is the answer, not followed), `timeout`
 * 5 s, no retry. Magento ignores status and body; the sandbox returns both (the body's first 2,000
 * characters) for debugging. Only transport errors (refused, reset, timeout) throw.
 */
export async function postToConsumer(
  fetchFn: typeof fetch,
  endpoint: string,
  fields: ConsumerPostFields,
  timeoutMs: number,
): Promise<{ status: number; body: string }> {
  const response = await fetchFn(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...fields }).toString(),
    redirect: 'manual',
    signal: AbortSignal.timeout(timeoutMs),
  });
  const body = await response.text();
  return { status: response.status, body: body.slice(0, 2000) };
}

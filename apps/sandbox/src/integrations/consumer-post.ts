/** The four fields Magento POSTs to the integration's Endpoint URL (MAGENTO.md §2 step 4). */
export interface ConsumerPostFields {
  oauth_consumer_key: string;
  oauth_consumer_secret: string;
  store_base_url: string;
  oauth_verifier: string;
}

/** Magento's failure message for the callback POST (`OauthService::postToConsumer`). */
export const POST_FAILED_MESSAGE = 'The attempt to post data to consumer failed due to an unexpected error. Please try again later.';

/**
 * `LaminasClient` POST as form data, `maxredirects` 0 (a 3xx is the answer, not followed), `timeout`
 * 5 s, no retry. Magento ignores status and body; the sandbox returns both (the body's first 2,000
 * characters) for debugging. Only transport errors (refused, reset, timeout) throw.
 */
export async function postToConsumer(fetchFn: typeof fetch, endpoint: string, fields: ConsumerPostFields, timeoutMs: number): Promise<{ status: number; body: string }> {
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

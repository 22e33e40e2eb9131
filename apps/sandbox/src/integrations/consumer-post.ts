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
 * 5 s, no retry. Status and body are ignored; only transport errors (refused, reset, timeout) throw.
 */
export async function postToConsumer(fetchFn: typeof fetch, endpoint: string, fields: ConsumerPostFields, timeoutMs: number): Promise<number> {
  const response = await fetchFn(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...fields }).toString(),
    redirect: 'manual',
    signal: AbortSignal.timeout(timeoutMs),
  });
  await response.arrayBuffer();
  return response.status;
}

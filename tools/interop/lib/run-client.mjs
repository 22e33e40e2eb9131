// One client against one running sandbox: its own integration, every call, and for each the request
// as sent, the answer the client reports and what Magento answers that request.
import { buildCalls } from './calls.mjs';
import { magentoAnswer } from './magento-answer.mjs';
import { describeOutcome } from './outcome.mjs';
import { createIntegrationCredentials } from './sandbox-process.mjs';

/**
 * @param client `{module, require}`: an adapter module of `clients/` and the `require` it loads with
 * @param store `{sandbox, version, signatureProfile}`
 * @param recorder the wire recorder (node clients)
 */
export async function runClient(client, store, recorder) {
  const slug = client.module.name.replace(/[^a-z0-9]+/gi, '-').replace(/-$/, '');
  const credentials = await createIntegrationCredentials(store.sandbox, `interop-${slug}`);
  const adapter = client.module.createAdapter(client.require, store.sandbox.baseUrl, credentials);
  const calls = buildCalls(`${slug}-${store.signatureProfile}`);
  recorder.take();
  await adapter.prepare?.(calls);
  const results = [];
  for (const call of calls) {
    const result = await adapter.send(call);
    const sent = result.wire ? [{ ...result.wire, status: result.status ?? null }] : recorder.take();
    // One request per call (none for n/a); the last one if a client retried or was redirected.
    const wire = sent.at(-1) ?? null;
    const outcome = describeOutcome(call, result, result.status ?? wire?.status ?? null);
    results.push({
      call,
      requests: sent.length,
      sent: wire === null ? null : describeSent(wire),
      outcome,
      magento: wire === null || result.na ? null : magentoAnswer(call, wire, store.signatureProfile, credentials),
    });
  }
  return { adapter, results };
}

/** `GET /rest/V1/…?…`, with the signature method when it is not HMAC-SHA256. */
function describeSent(wire) {
  const pathAndQuery = wire.url.replace(/^https?:\/\/[^/]+/, '');
  const method = /oauth_signature_method="?([A-Z0-9-]+)/.exec(wire.authorization ?? '')?.[1] ?? 'no OAuth header';
  return `${wire.method} ${pathAndQuery}${method === 'HMAC-SHA256' ? '' : ` (${method})`}`;
}

import { buildResult, type CheckResult } from './doctor-check';
import { SLOW_MS } from './check-reachability';
import { describeReply, isNonJsonAnswer, type StoreReply } from './store-reply';

/**
 * A route every SaaS tenant has (Adobe's published SaaS REST schema lists it; `Magento_Backend::store`):
 * asked without a token for reachability, with one for the authenticated call.
 */
export const SAAS_PROBE_PATH = '/V1/store/storeConfigs';

const TENANT_HINT =
  'Check the REST base: https://<region>.api.commerce.adobe.com/<tenant id>/ as the instance details in Commerce Cloud Manager show it (for a magekit sandbox: <sandbox url><tenant>/, its banner prints it, with --edition saas).';

/**
 * Reachability of a SaaS tenant: Adobe's API gateway refuses a call without an IMS token with 401 on
 * every path, before Commerce routes it (docs/magento-behaviour.md §11.3, §11.6), so a 401 to
 * `GET <tenant>/V1/store/storeConfigs` without a token is the tenant answering. A 404 means no tenant
 * at that base; a 2xx means something that does not ask for a token. Pure.
 */
export function classifySaasReachability(reply: StoreReply, url: string): CheckResult {
  const details = { url, status: reply.status, contentType: reply.contentType, latencyMs: reply.durationMs };
  const latency = reply.durationMs === null ? '' : ` in ${reply.durationMs} ms`;
  if (reply.status === null)
    return buildResult(
      'reachability',
      'fail',
      `no HTTP answer from ${url}: ${reply.error?.message ?? 'unknown error'}`,
      'Check the URL (region, tenant id), DNS, TLS and firewalls between this machine and Adobe.',
      details,
    );
  if (reply.status >= 300 && reply.status < 400)
    return buildResult(
      'reachability',
      'fail',
      `HTTP ${reply.status} redirect to ${reply.location ?? '(no Location)'}`,
      `Clients do not follow redirects. ${TENANT_HINT}`,
      details,
    );
  if (reply.status === 401) {
    const slow = reply.durationMs !== null && reply.durationMs > SLOW_MS;
    return buildResult(
      'reachability',
      slow ? 'warn' : 'pass',
      `the tenant's API gateway answered${latency}: ${describeReply(reply)} to a call without an IMS token, as it answers every such call`,
      slow ? `Slow tenant: over ${SLOW_MS} ms for a refusal. Raise the client's timeoutMs.` : null,
      details,
    );
  }
  if (reply.status === 404)
    return buildResult(
      'reachability',
      'fail',
      `${describeReply(reply)}${latency} for GET ${SAAS_PROBE_PATH} without a token: no tenant answers at this base`,
      TENANT_HINT,
      details,
    );
  if (isNonJsonAnswer(reply))
    return buildResult(
      'reachability',
      'fail',
      `${describeReply(reply)}${latency} for GET ${SAAS_PROBE_PATH} without a token: a web server or proxy page, not Adobe's API gateway`,
      TENANT_HINT,
      details,
    );
  if (reply.status >= 200 && reply.status < 300)
    return buildResult(
      'reachability',
      'warn',
      `${describeReply(reply)}${latency} for GET ${SAAS_PROBE_PATH} without a token, where Adobe's gateway answers 401`,
      "Something answers without asking for an IMS token: is this Magento's own web API (drop --edition saas), or a proxy in front of the tenant?",
      details,
    );
  return buildResult(
    'reachability',
    'warn',
    `${describeReply(reply)}${latency} for GET ${SAAS_PROBE_PATH} without a token, where Adobe's gateway answers 401`,
    `Retry later if it is a 429 or 5xx. ${TENANT_HINT}`,
    details,
  );
}

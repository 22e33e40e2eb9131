import { buildResult, type CheckResult } from './doctor-check';
import { describeReply, hasPhrase, isNonJsonAnswer, PHRASES, type StoreReply } from './store-reply';

/** A route no Magento declares: its answer shows who answers `<base>rest/V1/…`. */
export const NONSENSE_PATH = '/V1/magekit-doctor-no-such-route';

/** Above this the latency is reported as a warning (every signed call pays it). */
export const SLOW_MS = 3_000;

const NOT_MAGENTO_HINT =
  "Magento answers every /rest/V1/… path with JSON. Check the store URL (scheme, host, base path); for a store without URL rewrites add --index-php; make sure the web server hands /rest/ to Magento's index.php (nginx: the sample's location /rest block, Apache: the shipped .htaccess).";

/**
 * Reachability: Magento's REST front controller answers a nonsense route with a JSON 404
 * "Request does not match any route." (docs/magento-behaviour.md §4.2); an HTML page means a web server or proxy
 * answered instead. Pure.
 */
export function classifyReachability(reply: StoreReply, url: string): CheckResult {
  const details = { url, status: reply.status, contentType: reply.contentType, latencyMs: reply.durationMs };
  const latency = reply.durationMs === null ? '' : ` in ${reply.durationMs} ms`;
  if (reply.status === null) {
    return buildResult(
      'reachability',
      'fail',
      `no HTTP answer from ${url}: ${reply.error?.message ?? 'unknown error'}`,
      'Check the URL (scheme, host, port), DNS, TLS and firewalls between this machine and the store.',
      details,
    );
  }
  if (reply.status >= 300 && reply.status < 400) {
    return buildResult(
      'reachability',
      'fail',
      `HTTP ${reply.status} redirect to ${reply.location ?? '(no Location)'}`,
      'Give the final URL as the store URL (https, www, store path): a signed request is valid for one URL, so clients must not follow redirects.',
      details,
    );
  }
  if (reply.status === 404 && hasPhrase(reply, PHRASES.noRoute)) {
    const slow = reply.durationMs !== null && reply.durationMs > SLOW_MS;
    const finding = `Magento's REST front controller answered${latency}: HTTP 404 "${PHRASES.noRoute}" for an unknown route`;
    return buildResult(
      'reachability',
      slow ? 'warn' : 'pass',
      finding,
      slow
        ? `Slow store: over ${SLOW_MS} ms for a request that does no work. Raise the client's timeoutMs and keep concurrency low.`
        : null,
      details,
    );
  }
  if (isNonJsonAnswer(reply)) {
    return buildResult(
      'reachability',
      'fail',
      `${describeReply(reply)}${latency} for an unknown REST route: a web server or proxy page, not Magento's REST API`,
      NOT_MAGENTO_HINT,
      details,
    );
  }
  return buildResult(
    'reachability',
    'warn',
    `${describeReply(reply)}${latency} for an unknown REST route, where Magento answers 404 "${PHRASES.noRoute}"`,
    "Something other than Magento's router answers REST paths (a WAF, a headless proxy, a module). " + NOT_MAGENTO_HINT,
    details,
  );
}

/** True when the later checks can talk to the store (the reachability check did not fail). */
export function isReachable(result: CheckResult): boolean {
  return result.status !== 'fail';
}

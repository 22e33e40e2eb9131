import { buildResult, type CheckResult } from './doctor-check';
import { describeReply, hasPhrase, PHRASES, readRefusedResources, type StoreReply } from './store-reply';

/** A non-anonymous route every Magento 2.4 has (`Magento_Backend::store`). */
export const PROTECTED_PATH = '/V1/store/storeViews';

/**
 * An OAuth header Magento refuses at its first check (`oauth_version` must be 1.0, docs/magento-behaviour.md §1.2),
 * before looking up the consumer: no credentials needed, nothing stored. Dummy values only.
 */
export function buildVersionProbeHeader(timestampSeconds: number): string {
  const params: Array<[string, string]> = [
    ['oauth_consumer_key', 'magekitdoctor000000000000000000a'],
    ['oauth_token', 'magekitdoctor000000000000000000b'],
    ['oauth_signature_method', 'HMAC-SHA256'],
    ['oauth_nonce', `magekitdoctor${timestampSeconds}`],
    ['oauth_timestamp', String(timestampSeconds)],
    ['oauth_version', '2.0'],
    ['oauth_signature', 'bWFnZWtpdC1kb2N0b3I%3D'],
  ];
  return `OAuth ${params.map(([name, value]) => `${name}="${value}"`).join(', ')}`;
}

const PASSTHROUGH_HINT =
  'Pass the header to PHP. Apache (mod_php or FPM): `SetEnvIf Authorization "(.*)" HTTP_AUTHORIZATION=$1` in the virtual host or .htaccess; ' +
  'nginx + PHP-FPM: `fastcgi_param HTTP_AUTHORIZATION $http_authorization;`; and let any proxy, CDN or WAF in front forward Authorization.';

/**
 * Authorization header passthrough: with the header, Magento answers 400 `The "2.0" Oauth version
 * isn't supported.`; when a web server or proxy strips it, the caller is a guest and the protected
 * route answers 401 "The consumer isn't authorized to access %resources." (docs/magento-behaviour.md §1.3, §1.7). Pure.
 */
export function classifyAuthorizationHeader(reply: StoreReply): CheckResult {
  const details = { route: `GET ${PROTECTED_PATH}`, answer: describeReply(reply) };
  if (reply.status === 400 && hasPhrase(reply, PHRASES.versionRejected)) {
    return buildResult(
      'authorization-header',
      'pass',
      `the Authorization header reaches Magento: it refused oauth_version "2.0" (HTTP 400 "${reply.error?.message}")`,
      null,
      details,
    );
  }
  const refused = readRefusedResources(reply);
  if (refused !== null) {
    return buildResult(
      'authorization-header',
      'fail',
      `the Authorization header does not reach Magento: an OAuth header was answered as a guest (${describeReply(reply)})`,
      PASSTHROUGH_HINT,
      details,
    );
  }
  if (reply.status === 404 && hasPhrase(reply, PHRASES.noRoute)) {
    return buildResult(
      'authorization-header',
      'skipped',
      `not checked: GET ${PROTECTED_PATH} is not routed on this store (${describeReply(reply)})`,
      'The Magento_Store module should declare it; is this a Magento 2.4 store?',
      details,
    );
  }
  return buildResult(
    'authorization-header',
    'warn',
    `unexpected answer to an OAuth header with oauth_version "2.0": ${describeReply(reply)}`,
    `Magento answers it with 400 "The \\"2.0\\" Oauth version isn't supported."; something in front of Magento (a proxy, WAF or module) reads the header. ${PASSTHROUGH_HINT}`,
    details,
  );
}

/** Whether the header arrives: true (pass), false (stripped), null (unknown). */
export function readHeaderArrival(result: CheckResult): boolean | null {
  if (result.status === 'pass') return true;
  return result.status === 'fail' ? false : null;
}

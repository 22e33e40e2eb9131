import { path, type StoreEdition } from '@magekit/client';
import { buildResult, type CheckResult } from './doctor-check';
import {
  describeReply,
  hasPhrase,
  isNonJsonAnswer,
  isNotImplemented,
  PHRASES,
  readRefusedResources,
  type StoreReply,
} from './store-reply';

/** A SKU no store has, with a slash: sent as one segment, `…%2F…` (`Webapi\Controller\Rest\Router\Route::match`, docs/magento-behaviour.md §4.2). */
export const SLASH_SKU = 'magekit-doctor/no-such-sku';

/** `/V1/products/magekit-doctor%2Fno-such-sku`. */
export const ENCODED_SLASH_PATH = path('/V1/products/:sku', { sku: SLASH_SKU });

const PRODUCTS_RESOURCE = 'Magento_Catalog::products';

/** On SaaS Adobe runs the web servers: nothing to configure, only a way around. */
const SAAS_SLASH_HINT =
  'Adobe runs the servers of Adobe Commerce as a Cloud Service: read such products with searchCriteria (sku eq <sku>) on GET /V1/products instead of GET /V1/products/:sku, and report it to Adobe.';

/**
 * Encoded-slash routing: `GET /V1/products/<sku with %2F>` must reach the product route — a 200, a
 * JSON 404 "The product that was requested doesn't exist…", or the route's ACL asking for
 * Magento_Catalog::products — rather than "Request does not match any route." (the `%2F` was decoded
 * into a path separator) or an HTML error (the web server refused it). On SaaS the call carries the
 * IMS token (the gateway answers 401 before routing) and the ACL's refusal is a 403. Pure.
 */
export function classifyEncodedSlash(reply: StoreReply, edition: StoreEdition = 'paas'): CheckResult {
  const details = { path: ENCODED_SLASH_PATH, answer: describeReply(reply) };
  const reached = (how: string) =>
    buildResult('encoded-slash', 'pass', `a SKU with %2F reaches GET /V1/products/:sku (${how})`, null, details);
  const saas = edition === 'saas';
  if (reply.status !== null && reply.status >= 200 && reply.status < 300) return reached(describeReply(reply));
  if (reply.status === 404 && hasPhrase(reply, PHRASES.productMissing))
    return reached(`HTTP 404 "${reply.error?.message}"`);
  if (readRefusedResources(reply, edition)?.includes(PRODUCTS_RESOURCE))
    return reached(`its ACL asked for ${PRODUCTS_RESOURCE}`);
  if (isNotImplemented(reply) && /\/V1\/products\/:sku/.test(reply.error?.message ?? ''))
    return reached('routed; the store does not implement it: HTTP 501');
  if (reply.status === 404 && hasPhrase(reply, PHRASES.noRoute)) {
    return buildResult(
      'encoded-slash',
      'fail',
      `%2F in a path is decoded before Magento routes it: HTTP 404 "${PHRASES.noRoute}"`,
      saas
        ? SAAS_SLASH_HINT
        : 'A web server or proxy decodes %2F into "/". Apache: `AllowEncodedSlashes NoDecode`; nginx: `proxy_pass` without a URI part (e.g. `proxy_pass http://backend;`) passes the path unchanged. Until fixed, SKUs with "/" cannot be read by SKU.',
      details,
    );
  }
  if (isNonJsonAnswer(reply)) {
    return buildResult(
      'encoded-slash',
      'fail',
      `${describeReply(reply)} for a path with %2F: the web server answered, not Magento`,
      saas
        ? SAAS_SLASH_HINT
        : 'Apache refuses %2F with its own 404 by default: set `AllowEncodedSlashes NoDecode` in the virtual host (not in .htaccess). A WAF may also block %2F.',
      details,
    );
  }
  return buildResult(
    'encoded-slash',
    'warn',
    `unexpected answer for a SKU with %2F: ${describeReply(reply)}`,
    'Magento answers 404 "The product that was requested doesn\'t exist…" or its ACL refusal; compare with the same request for a SKU without a slash.',
    details,
  );
}

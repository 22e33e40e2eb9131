import { searchCriteria, type StoreEdition } from '@magekit/client';
import { buildResult, type CheckResult } from './doctor-check';
import {
  describeReply,
  hasPhrase,
  isNotImplemented,
  PHRASES,
  readRefusedResources,
  type StoreReply,
} from './store-reply';

/** The page size tried: above the default limit of 300 that Magento's Web API input limits impose when on. */
export const PAGE_SIZE_PROBE = 1000;
/** @magekit/client's default `maxPageSize`. */
export const CLIENT_DEFAULT_MAX_PAGE_SIZE = 300;

export const PAGE_SIZE_PATH = '/V1/products';

/** `searchCriteria` for a SKU no store has (an empty page: cheap even where large pages are allowed). */
export function buildPageSizeQuery(pageSize = PAGE_SIZE_PROBE): string {
  return searchCriteria().where('sku', 'eq', 'magekit-doctor-no-such-sku').pageSize(pageSize).page(1).toQueryString();
}

/** The limit from "Maximum SearchCriteria pageSize is %max" (its parameter, else the rendered text), or null. */
export function readPageSizeLimit(reply: StoreReply): number | null {
  if (reply.status !== 400) return null;
  const raw = hasPhrase(reply, PHRASES.maxPageSize)
    ? (reply.error?.magento?.parameters as { max?: unknown } | undefined)?.max
    : undefined;
  const value = raw ?? /Maximum SearchCriteria pageSize is (\d+)/.exec(reply.error?.message ?? '')?.[1];
  const limit = Number(value);
  return value !== undefined && Number.isInteger(limit) && limit > 0 ? limit : null;
}

/**
 * Maximum page size: with Web API input limits on (`webapi/validation/input_limit_enabled`, off in a stock
 * 2.4.4–2.4.8 install), `Magento\Framework\Webapi\Validator\SearchCriteriaValidator` refuses
 * `searchCriteria[pageSize]` above `webapi/validation/maximum_page_size` (default 300) with 400
 * "Maximum SearchCriteria pageSize is %max"; with them off any size is accepted
 * (docs/magento-behaviour.md §8.2). On SaaS the ACL's refusal is a 403 (§11.6). Pure.
 */
export function classifyPageSize(
  reply: StoreReply,
  requested = PAGE_SIZE_PROBE,
  edition: StoreEdition = 'paas',
): CheckResult {
  const route = `GET ${PAGE_SIZE_PATH}`;
  const limit = readPageSizeLimit(reply);
  const details = { route, requested, maxPageSize: limit, answer: describeReply(reply) };
  if (limit !== null) {
    const finding = `the store limits searchCriteria[pageSize] to ${limit} (refused ${requested}: "${reply.error?.message}")`;
    if (limit >= CLIENT_DEFAULT_MAX_PAGE_SIZE) return buildResult('page-size', 'pass', finding, null, details);
    return buildResult(
      'page-size',
      'warn',
      finding,
      `Create the client with maxPageSize: ${limit} (the default is ${CLIENT_DEFAULT_MAX_PAGE_SIZE}), or raise Stores > Configuration > Services > Web API > Input Limits.`,
      details,
    );
  }
  if (reply.status !== null && reply.status >= 200 && reply.status < 300) {
    return buildResult(
      'page-size',
      'pass',
      `the store accepts searchCriteria[pageSize]=${requested} (no limit at or below ${requested})`,
      null,
      details,
    );
  }
  if (isNotImplemented(reply))
    return buildResult(
      'page-size',
      'skipped',
      `not checked: the store does not implement ${route} (HTTP 501)`,
      null,
      details,
    );
  const refused = readRefusedResources(reply, edition);
  if (refused !== null) {
    return buildResult(
      'page-size',
      'skipped',
      `not checked: the integration may not call ${route} (needs ${refused.join(', ') || 'an ACL resource'})`,
      "Grant Magento_Catalog::products to check the limit, or set the client's maxPageSize from the store's Web API input limits.",
      details,
    );
  }
  return buildResult(
    'page-size',
    'warn',
    `unexpected answer to ${route} with pageSize ${requested}: ${describeReply(reply)}`,
    'Magento answers 200, or 400 "Maximum SearchCriteria pageSize is %max" when its Web API input limits are on.',
    details,
  );
}

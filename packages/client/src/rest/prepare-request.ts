import type { AuthStrategy } from '../auth/auth-strategy';
import type { ConcurrencyLimiter } from './concurrency-limiter';
import { MagentoClientError } from '../errors/magento-client-error';
import { buildQueryString, type QueryValue } from '../url/build-query-string';
import { buildRestRoot, joinRestUrl, type RestScope } from '../url/build-rest-url';
import { checkRestPath } from '../url/rest-path';
import type { ClientConfig } from './client-options';

/** One REST call. */
export interface RestRequest extends RestScope {
  /**
   * Store code of this call (default: the client's). It decides where Magento saves: `all` writes the
   * default values every store view inherits; a store view's code, or none (`/rest/V1/`, the default
   * store view), saves each store- or website-scoped attribute sent (`name`, `description`, `status`, …)
   * as that view's own value, which later `all` writes no longer change there. Write global values with
   * `store: 'all'` and send only the fields that change (docs/magento-behaviour.md §10, README "Store views").
   */
  store?: string;
  method: string;
  /** Encoded path from `/V1`, e.g. `path('/V1/products/:sku', { sku })`. */
  path: string;
  /** A serialised query string (e.g. from `searchCriteria().toQueryString()`) or parameters. */
  query?: string | Readonly<Record<string, QueryValue>>;
  /** Sent as JSON (not part of the OAuth signature). */
  body?: unknown;
  /** Sent as `application/x-www-form-urlencoded` (signed). Use JSON for bracketed names. */
  form?: Readonly<Record<string, string>>;
  signal?: AbortSignal;
  /** Per-attempt timeout for this call. */
  timeoutMs?: number;
  /** Auth for this call instead of the client's. */
  auth?: AuthStrategy;
  /**
   * A limiter this call also takes a slot of while it is sent, before the client's (the store's):
   * bounds a group of calls, such as one paginate, below the store's limit.
   */
  limiter?: ConcurrencyLimiter;
}

/** A request ready to authorize and send. */
export interface PreparedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
}

/**
 * Builds the exact URL, headers and body of a call (the URL is the one signed and sent).
 *
 * @throws MagentoClientError `INVALID_INPUT` for a bad path, query, scope or body.
 */
export function prepareRequest(config: ClientConfig, request: RestRequest): PreparedRequest {
  const method = String(request.method ?? '').toUpperCase();
  if (!/^(GET|HEAD|POST|PUT|DELETE|PATCH)$/.test(method))
    throw new MagentoClientError(`Unsupported HTTP method ${JSON.stringify(request.method)}.`, 'INVALID_INPUT');
  const scoped = request.store !== undefined || request.mode !== undefined || request.indexPhp !== undefined;
  const root = scoped ? buildRestRoot(config.baseUrl, { ...config.scope, ...definedScope(request) }) : config.root;
  const query =
    typeof request.query === 'string' ? request.query : request.query ? buildQueryString(request.query) : '';
  const url = joinRestUrl(root, checkRestPath(request.path), query);
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: string | undefined;
  if (request.form !== undefined && request.body !== undefined)
    throw new MagentoClientError('Pass either body (JSON) or form, not both.', 'INVALID_INPUT');
  if (request.form !== undefined) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(request.form as Record<string, string>).toString().replace(/\+/g, '%20');
  } else if (request.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(request.body);
  }
  return { method, url, headers, body, timeoutMs: request.timeoutMs ?? config.timeoutMs };
}

function definedScope(request: RestScope): RestScope {
  const out: RestScope = {};
  if (request.store !== undefined) out.store = request.store;
  if (request.mode !== undefined) out.mode = request.mode;
  if (request.indexPhp !== undefined) out.indexPhp = request.indexPhp;
  return out;
}

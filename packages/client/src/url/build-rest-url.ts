import { MagentoClientError } from '../errors/magento-client-error';

/** Where REST calls go: `<base>[index.php/]rest/[<store>/][async[/bulk]/]V1/…` (docs/magento-behaviour.md §4.1). */
export interface RestScope {
  /** Store code, `default`, or `all` (admin store, id 0); absent: `/rest/V1/…` (default store). */
  store?: string;
  /** Asynchronous (`async`) or bulk (`async/bulk`) web API (Magento_WebapiAsync). */
  mode?: 'sync' | 'async' | 'async/bulk';
  /** Prefix `index.php/` for stores without web-server rewrites. */
  indexPhp?: boolean;
}

const STORE_CODE = /^[a-z][a-z0-9_]*$/i;

/**
 * The REST root for a store (ends with `/`), built from `store_base_url`: scheme and host as the
 * WHATWG URL parser (and therefore `fetch`) will send them — lower-case host, default port
 * dropped — so the URL signed is the URL sent. Pure.
 *
 * @throws MagentoClientError `INVALID_INPUT` for a bad base URL or store code.
 */
export function buildRestRoot(baseUrl: string, scope: RestScope = {}): string {
  const parsed = parseBaseUrl(baseUrl);
  if (scope.store !== undefined) checkStoreCode(scope.store);
  let basePath = parsed.pathname.endsWith('/') ? parsed.pathname : parsed.pathname + '/';
  basePath = basePath.replace(/\/index\.php\/$/, '/');
  const index = scope.indexPhp ? 'index.php/' : '';
  const store = scope.store ? `${scope.store}/` : '';
  const mode = scope.mode && scope.mode !== 'sync' ? `${scope.mode}/` : '';
  return `${parsed.origin}${basePath}${index}rest/${store}${mode}`;
}

/**
 * Parses a store base URL: absolute http(s), without credentials, query or fragment. Pure.
 *
 * @throws MagentoClientError `INVALID_INPUT` otherwise.
 */
export function parseBaseUrl(baseUrl: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(baseUrl);
  } catch (cause) {
    throw new MagentoClientError(`baseUrl is not an absolute URL: ${JSON.stringify(baseUrl)}.`, 'INVALID_INPUT', {
      cause,
    });
  }
  if (!/^https?:$/.test(parsed.protocol) || parsed.username || parsed.password || parsed.search || parsed.hash) {
    throw new MagentoClientError(
      `baseUrl must be an http(s) URL without credentials, query or fragment: ${JSON.stringify(baseUrl)}.`,
      'INVALID_INPUT',
    );
  }
  return parsed;
}

/**
 * Checks a store code (letters, digits and underscores, starting with a letter; `all` is the admin
 * store, docs/magento-behaviour.md §4.1). Pure.
 *
 * @throws MagentoClientError `INVALID_INPUT` for anything else.
 */
export function checkStoreCode(store: string): string {
  if (typeof store === 'string' && STORE_CODE.test(store)) return store;
  throw new MagentoClientError(`Not a Magento store code: ${JSON.stringify(store)}.`, 'INVALID_INPUT', {
    hint: 'Store codes are letters, digits and underscores, starting with a letter; use "all" for the admin scope or "default".',
  });
}

/**
 * Joins the REST root, an encoded path (`/V1/…`) and a serialised query into the exact URL to
 * sign and send, and checks that `fetch`'s URL parser will not rewrite it.
 *
 * @throws MagentoClientError `INVALID_INPUT` when the parser would change the URL (the signature would not match).
 */
export function joinRestUrl(root: string, path: string, query: string): string {
  const url = `${root}${path.replace(/^\//, '')}${query ? `?${query}` : ''}`;
  const reparsed = new URL(url).href;
  if (reparsed !== url) {
    throw new MagentoClientError(`The URL would be sent as ${reparsed}, not as signed (${url}).`, 'INVALID_INPUT', {
      hint: 'Encode path segments with path()/restPath and query values with buildQueryString: every byte outside A-Z a-z 0-9 -_.~ percent-encoded.',
    });
  }
  return url;
}

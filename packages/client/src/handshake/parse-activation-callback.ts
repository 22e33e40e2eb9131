import { MagentoClientError } from '../errors/magento-client-error';
import { parseFormBody } from './parse-form-body';

/** The fields of Magento's activation POST to the integration's Endpoint URL, validated. */
export interface ActivationCallback {
  consumerKey: string;
  consumerSecret: string;
  /** The store's base URL, always ending in `/`, with a trailing `index.php/` removed. */
  storeBaseUrl: string;
  /** True when `store_base_url` ended in `index.php/` (URL rewrites off): REST lives under `/index.php/rest`. */
  usesIndexPhp: boolean;
  verifier: string;
}

type CallbackInput = string | URLSearchParams | Readonly<Record<string, unknown>>;

const KEY = /^[0-9a-z]{32}$/i;
const SECRET = /^[0-9a-z]{32,128}$/i;

/** The longest `store_base_url` accepted (a store's base URL is short; this bounds what a caller can make us store). */
export const MAX_STORE_BASE_URL_LENGTH = 2048;

/**
 * Parses and validates Magento's activation callback (`OauthService::postToConsumer()`, docs/magento-behaviour.md §2.4): the
 * `application/x-www-form-urlencoded` POST of `oauth_consumer_key`, `oauth_consumer_secret`,
 * `store_base_url` and `oauth_verifier`. Accepts the raw body, `URLSearchParams` or an already
 * parsed object. Pure.
 *
 * @throws MagentoClientError `INVALID_INPUT` naming every missing or malformed field in one message.
 */
export function parseActivationCallback(input: CallbackInput): ActivationCallback {
  const fields = readFields(input);
  const problems: string[] = [];
  const consumerKey = checkField(fields, 'oauth_consumer_key', KEY, '32 letters/digits', problems);
  const consumerSecret = checkField(fields, 'oauth_consumer_secret', SECRET, '32–128 letters/digits', problems);
  const verifier = checkField(fields, 'oauth_verifier', KEY, '32 letters/digits', problems);
  const base = checkStoreBaseUrl(fields.get('store_base_url'), problems);
  if (problems.length > 0) {
    throw new MagentoClientError(`Invalid activation callback: ${problems.join('; ')}.`, 'INVALID_INPUT', {
      hint: 'Magento POSTs oauth_consumer_key, oauth_consumer_secret, store_base_url and oauth_verifier as a form when the merchant clicks Activate; make sure the body is parsed as application/x-www-form-urlencoded.',
    });
  }
  return { consumerKey, consumerSecret, verifier, storeBaseUrl: base.url, usesIndexPhp: base.indexPhp };
}

function readFields(input: CallbackInput): Map<string, unknown> {
  if (typeof input === 'string') return parseFormBody(input);
  if (input instanceof URLSearchParams) return new Map(input.entries());
  if (input === null || typeof input !== 'object') return new Map();
  return new Map(Object.entries(input));
}

function checkField(
  fields: Map<string, unknown>,
  name: string,
  pattern: RegExp,
  expected: string,
  problems: string[],
): string {
  const value = fields.get(name);
  if (value === undefined || value === '') problems.push(`${name} is missing`);
  else if (typeof value !== 'string' || !pattern.test(value)) problems.push(`${name} must be ${expected}`);
  else return value;
  return '';
}

function checkStoreBaseUrl(value: unknown, problems: string[]): { url: string; indexPhp: boolean } {
  const fail = (problem: string) => (problems.push(`store_base_url ${problem}`), { url: '', indexPhp: false });
  if (value === undefined || value === '') return fail('is missing');
  if (typeof value !== 'string') return fail('must be a string');
  if (value.length > MAX_STORE_BASE_URL_LENGTH)
    return fail(`must be at most ${MAX_STORE_BASE_URL_LENGTH} characters (got ${value.length})`);
  const match = /^(https?):\/\/([^/?#@\s]+)(\/[^?#\s]*)?$/i.exec(value.trim());
  if (!match) return fail('must be an absolute http(s) URL without credentials, query or fragment');
  let path = match[3] ?? '/';
  if (!path.endsWith('/')) path += '/';
  const indexPhp = /\/index\.php\/$/.test(path);
  if (indexPhp) path = path.slice(0, -'index.php/'.length);
  return { url: `${match[1].toLowerCase()}://${match[2]}${path}`, indexPhp };
}

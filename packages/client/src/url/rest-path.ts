import { rawurlencode, toBytes } from '@magekit/php';
import { MagentoClientError } from '../errors/magento-client-error';

type Segment = string | number;

/**
 * Builds a REST path from a route template, encoding each `:name` value as one segment the way
 * Magento's router needs it (docs/magento-behaviour.md §4.2: segments are split on `/` and then `urldecode`d, so
 * `/` must be `%2F`, `+` must be `%2B`, space `%20`). Pure.
 *
 * @example path('/V1/products/:sku/media/:entryId', { sku: 'ABC/10 +', entryId: 7 }) // '/V1/products/ABC%2F10%20%2B/media/7'
 * @throws MagentoClientError `INVALID_INPUT` for a missing, empty or unused parameter.
 */
export function path(template: string, params: Readonly<Record<string, Segment>> = {}): string {
  const used = new Set<string>();
  const out = template.replace(/:([A-Za-z_]\w*)/g, (_all, name: string) => {
    const value = params[name];
    if (value === undefined || value === null || String(value) === '') {
      throw new MagentoClientError(`Path parameter "${name}" of ${template} is missing or empty.`, 'INVALID_INPUT');
    }
    used.add(name);
    return rawurlencode(toBytes(String(value)));
  });
  const unused = Object.keys(params).filter((name) => !used.has(name));
  if (unused.length > 0)
    throw new MagentoClientError(`${template} has no parameter(s) ${unused.join(', ')}.`, 'INVALID_INPUT');
  return out;
}

/**
 * Tagged-template form of {@link path}: interpolated values are encoded as single segments.
 *
 * @example restPath`/V1/products/${sku}` // sku 'a/b' → '/V1/products/a%2Fb'
 */
export function restPath(strings: TemplateStringsArray, ...values: Segment[]): string {
  return strings.reduce((out, literal, i) => {
    if (i === 0) return literal;
    const value = String(values[i - 1]);
    if (value === '')
      throw new MagentoClientError(`Path segment ${i} of ${strings.join('…')} is empty.`, 'INVALID_INPUT');
    return out + rawurlencode(toBytes(value)) + literal;
  }, '');
}

const SAFE_PATH = /^\/(?:[A-Za-z0-9\-._~!$&'()*,;=:@/]|%[0-9A-Fa-f]{2})*$/;

/**
 * Checks a REST path given as a plain string: it must start with `/` and be already encoded
 * (no `+`, space, `?`, `#` or bare `%`), so that what is signed is what Magento routes.
 *
 * @throws MagentoClientError `INVALID_INPUT` naming the problem and pointing at {@link path}.
 */
export function checkRestPath(value: string): string {
  if (typeof value === 'string' && SAFE_PATH.test(value) && !/(^|\/)\.{1,2}(\/|$)/.test(value)) return value;
  throw new MagentoClientError(
    `Not an encoded REST path: ${JSON.stringify(value)} (build it with path() or restPath).`,
    'INVALID_INPUT',
    {
      hint: "Build paths with path('/V1/products/:sku', { sku }) or restPath`/V1/products/${sku}`: Magento reads a raw '+' as a space and a raw '/' as a segment break; '.' and '..' segments are rewritten by URL parsers. Pass query parameters in `query`.",
    },
  );
}

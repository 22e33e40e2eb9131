import { OAuth1Error } from './oauth1-error';
import { toBytes } from './php-string';

/** The parts of an absolute http(s) URL, byte for byte as written (no normalisation). */
export interface UrlParts {
  scheme: string;
  /** host[:port] exactly as written. */
  authority: string;
  /** Path as written (may be empty). */
  path: string;
  /** Query without the `?`, or null when the URL has no `?`. */
  query: string | null;
}

type Headers = Readonly<Record<string, string | undefined>>;

const ABSOLUTE_URL = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)(?:\?([^#]*))?(?:#.*)?$/;
const HTTP_SCHEMES = ['http', 'https'];

/** Splits an absolute URL without normalising anything (what is sent is what is signed). */
export function splitUrl(url: string): UrlParts {
  const match = typeof url === 'string' ? ABSOLUTE_URL.exec(url) : null;
  if (!match || match[2] === '') {
    throw new OAuth1Error(`Not an absolute http(s) URL: ${JSON.stringify(url)}.`, 'INVALID_URL', {
      hint: 'Pass the full URL as it will be sent, e.g. https://shop.example.com/rest/V1/products?searchCriteria[pageSize]=20.',
    });
  }
  if (!HTTP_SCHEMES.includes(match[1].toLowerCase())) {
    throw new OAuth1Error(`Unsupported URL scheme "${match[1]}": Magento signs http and https URLs only.`, 'INVALID_URL');
  }
  return { scheme: match[1], authority: match[2], path: match[3], query: match[4] ?? null };
}

/** Request headers as a case-insensitive lookup. */
export function headerValue(headers: Headers | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers[name] !== undefined) return headers[name];
  const lower = name.toLowerCase();
  const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === lower);
  return key === undefined ? undefined : headers[key];
}

/**
 * The parts of the URL Magento signs (`Magento\Framework\Oauth\Helper\Request::getRequestUrl()`):
 * `getScheme() . '://' . getHttpHost(false) . getRequestUri()` — scheme `https` when the
 * SSL-offloader header (`X-Forwarded-Proto: https`) says so, the raw `Host` header (port included)
 * and the request URI verbatim.
 */
export function magentoRequestParts(url: string, headers?: Headers): UrlParts {
  const parts = splitUrl(url);
  const forwarded = headerValue(headers, 'x-forwarded-proto');
  const scheme = forwarded !== undefined && forwarded.trim().toLowerCase() === 'https' ? 'https' : parts.scheme.toLowerCase();
  return { scheme, authority: headerValue(headers, 'host') ?? parts.authority, path: parts.path, query: parts.query };
}

function joinUrl(parts: UrlParts): string {
  return `${parts.scheme}://${parts.authority}${parts.path}${parts.query === null ? '' : '?' + parts.query}`;
}

/** The URL Magento signs: {@link magentoRequestParts}, joined. */
export function buildMagentoRequestUrl(url: string, headers?: Headers): string {
  return joinUrl(magentoRequestParts(url, headers));
}

/** {@link magentoRequestParts} as the byte strings Magento reads, and joined. */
export function magentoRequestBytes(url: string, headers?: Headers): { url: string; parts: UrlParts } {
  const text = magentoRequestParts(url, headers);
  const parts = { scheme: text.scheme, authority: toBytes(text.authority), path: toBytes(text.path), query: text.query === null ? null : toBytes(text.query) };
  return { url: joinUrl(parts), parts };
}

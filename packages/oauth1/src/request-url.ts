import { OAuth1Error } from './oauth1-error';
import { isAscii, toBytes } from './php-string';

/** The parts of an absolute http(s) URL, byte for byte as written (no normalisation). */
export interface UrlParts {
  scheme: string;
  /** host[:port] exactly as written. */
  authority: string;
  /** Path as written (may be empty). */
  path: string;
  /** Query without the `?`, or null when the URL has no `?`. */
  query: string | null;
  /** True when every part is known to be ASCII (then byte strings and text are the same). */
  ascii?: boolean;
}

const ABSOLUTE_URL = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)(?:\?([^#]*))?(?:#.*)?$/;

/** Splits an absolute URL without normalising anything (what is sent is what is signed). */
export function splitUrl(url: string): UrlParts {
  const match = typeof url === 'string' ? ABSOLUTE_URL.exec(url) : null;
  if (!match || match[2] === '') {
    throw new OAuth1Error(`Not an absolute http(s) URL: ${JSON.stringify(url)}.`, 'INVALID_URL', {
      hint: 'Pass the full URL as it will be sent, e.g. https://shop.example.com/rest/V1/products?searchCriteria[pageSize]=20.',
    });
  }
  const scheme = match[1].toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') {
    throw new OAuth1Error(`Unsupported URL scheme "${match[1]}": Magento signs http and https URLs only.`, 'INVALID_URL');
  }
  return { scheme: match[1], authority: match[2], path: match[3], query: match[4] ?? null };
}

/** Request headers as a case-insensitive lookup. */
export function headerValue(headers: Readonly<Record<string, string | undefined>> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const direct = headers[name];
  if (direct !== undefined) return direct;
  const lower = name.toLowerCase();
  for (const key of Object.keys(headers)) if (key.toLowerCase() === lower) return headers[key];
  return undefined;
}

/**
 * The URL Magento signs: `getScheme() . '://' . getHttpHost(false) . getRequestUri()` — scheme
 * `https` when the SSL-offloader header (`X-Forwarded-Proto: https`) says so, the raw `Host` header
 * (port included) and the request URI verbatim (MAGENTO.md §1.4).
 */
export function buildMagentoRequestUrl(url: string, headers?: Readonly<Record<string, string | undefined>>): string {
  const parts = splitUrl(url);
  const forwarded = headerValue(headers, 'x-forwarded-proto');
  const scheme = forwarded !== undefined && forwarded.trim().toLowerCase() === 'https' ? 'https' : parts.scheme.toLowerCase();
  const host = headerValue(headers, 'host') ?? parts.authority;
  return `${scheme}://${host}${parts.path}${parts.query === null ? '' : '?' + parts.query}`;
}

/**
 * {@link buildMagentoRequestUrl} split into its parts as byte strings: what
 * `splitUrl(toBytes(buildMagentoRequestUrl(url, headers)))` returns, with one split when there is no
 * `Host` header (the rebuilt URL then has the same authority, path and query).
 */
export function resolveRequestUrl(url: string, headers?: Readonly<Record<string, string | undefined>>): UrlParts {
  const host = headerValue(headers, 'host');
  if (host !== undefined) return splitUrl(toBytes(buildMagentoRequestUrl(url, headers)));
  const parts = splitUrl(url);
  const forwarded = headerValue(headers, 'x-forwarded-proto');
  const scheme = forwarded !== undefined && forwarded.trim().toLowerCase() === 'https' ? 'https' : parts.scheme.toLowerCase();
  if (isAscii(url)) return { scheme, authority: parts.authority, path: parts.path, query: parts.query, ascii: true };
  return {
    scheme,
    authority: toBytes(parts.authority),
    path: toBytes(parts.path),
    query: parts.query === null ? null : toBytes(parts.query),
  };
}

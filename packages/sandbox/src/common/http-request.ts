import type { Request } from 'express';
import type { TLSSocket } from 'node:tls';

/** An Express request with the raw body Nest keeps when created with `rawBody: true`. */
export type RawRequest = Request & { rawBody?: Buffer };

/**
 * The URL as Magento rebuilds it: scheme (TLS or `X-Forwarded-Proto`, applied by the verifier), the raw
 * `Host` header and the raw request URI (`req.originalUrl` is never decoded).
 */
export function readRequestUrl(req: Request): string {
  const scheme = (req.socket as TLSSocket).encrypted ? 'https' : 'http';
  return `${scheme}://${req.headers.host ?? 'localhost'}${req.originalUrl}`;
}

/** Headers as single strings (the verifier's input). */
export function readHeaders(req: Request): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/** The body as received (UTF-8), or null when no body parser read it. */
export function readRawBody(req: RawRequest): string | null {
  return req.rawBody === undefined ? null : req.rawBody.toString('utf8');
}

/** The raw query string (after `?`), or ''. */
export function readRawQuery(req: Request): string {
  const at = req.originalUrl.indexOf('?');
  return at === -1 ? '' : req.originalUrl.slice(at + 1);
}

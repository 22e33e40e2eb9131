import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';

/** Name of the double-submit cookie guarding the sign-in form against cross-site posts. */
export const FORM_COOKIE = 'magekit_identity_form';

/** Issues a form token: set as an HttpOnly SameSite=Lax cookie and returned for the hidden field. */
export function issueFormToken(request: Request, response: Response): string {
  const token = randomBytes(24).toString('base64url');
  response.cookie(FORM_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: request.secure,
    path: pagePath(request),
    maxAge: 30 * 60_000,
  });
  return token;
}

/** True when the posted field equals the cookie (a cross-site form post carries no Lax cookie); false for a malformed cookie. */
export function checkFormToken(request: Request, posted: unknown): boolean {
  const cookie = readCookie(request.headers.cookie ?? '', FORM_COOKIE);
  if (!cookie || typeof posted !== 'string') return false;
  const a = Buffer.from(cookie);
  const b = Buffer.from(posted);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The cookie's value; null when absent or not valid percent-encoding (e.g. `%E0%A4%A`: no cookie, so the form has expired). */
function readCookie(header: string, name: string): string | null {
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeCookieValue(rest.join('='));
  }
  return null;
}

function decodeCookieValue(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

/** The page's own path (with any global prefix the app uses), without the query. */
export function pagePath(request: Request): string {
  return String(request.originalUrl ?? request.url).split('?')[0];
}

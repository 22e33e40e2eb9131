import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet, { type HelmetOptions } from 'helmet';

type Directives = Record<string, string[]>;

/**
 * The dashboard (a Vite build: one module script, one stylesheet, a `data:` icon, `fetch` to the
 * same origin) and the API: nothing but the service's own files, no inline script or style.
 */
const SITE_DIRECTIVES: Directives = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/** Swagger UI (`/api/docs`) has an inline `<style>` and styled SVG; its scripts are files. */
const DOCS_DIRECTIVES: Directives = { ...SITE_DIRECTIVES, 'style-src': ["'self'", "'unsafe-inline'"] };

/**
 * `/magento/*` answers that set no policy of their own (callback answers, JSON errors): nothing may
 * load. The identity pages send their own strict policy (@magekit/nest `PAGE_HEADERS`), which
 * replaces this one because it is set later, by the controller.
 */
const MAGENTO_DIRECTIVES: Directives = {
  'default-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/** Whether the service is reached over https (`PUBLIC_URL`): then HSTS and upgrade-insecure-requests. */
export interface SecurityHeaderOptions {
  https: boolean;
}

/**
 * helmet on every route, with one Content-Security-Policy per area: the site (dashboard, API,
 * `/health`), Swagger UI, and Magento's callback and identity link. Every answer gets
 * `X-Content-Type-Options: nosniff`, `X-Frame-Options: DENY`, `Referrer-Policy: no-referrer` and no
 * `X-Powered-By`. The identity link is opened by the Magento admin with `window.open` and polled
 * by `integration.js` (docs/magento-behaviour.md §2.5–§2.6), so it sends no `Cross-Origin-Opener-Policy`:
 * `same-origin` would cut the popup off from the admin page.
 */
export function securityHeaders(options: SecurityHeaderOptions): RequestHandler {
  const site = helmet(helmetOptions(SITE_DIRECTIVES, options));
  const docs = helmet(helmetOptions(DOCS_DIRECTIVES, options));
  const magento = helmet({ ...helmetOptions(MAGENTO_DIRECTIVES, options), crossOriginOpenerPolicy: false });
  return (request: Request, response: Response, next: NextFunction) => {
    const path = request.path;
    const handler = path.startsWith('/magento/') ? magento : /^\/api\/docs(?:[-/]|$)/.test(path) ? docs : site;
    handler(request, response, next);
  };
}

function helmetOptions(directives: Directives, { https }: SecurityHeaderOptions): HelmetOptions {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: https ? { ...directives, 'upgrade-insecure-requests': [] } : directives,
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  };
}

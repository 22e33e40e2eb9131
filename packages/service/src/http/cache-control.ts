import type { NextFunction, Request, Response } from 'express';

/** Paths whose answers are never stored by browsers or proxies: the admin API and Magento's endpoints. */
const NO_STORE = /^\/(?:api|magento)(?:\/|$)/;

/**
 * `Cache-Control: no-store` on every `/api/*` and `/magento/*` answer (store data, tokens' effects,
 * sign-in pages), set before the handler so that errors carry it too.
 */
export function noStore(request: Request, response: Response, next: NextFunction): void {
  if (NO_STORE.test(request.path)) response.setHeader('Cache-Control', 'no-store');
  next();
}

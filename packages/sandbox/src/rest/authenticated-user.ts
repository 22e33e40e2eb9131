import type { Request } from 'express';
import type { RestUser } from './rest-handler';

const USER = Symbol('magekit.sandbox.authenticatedUser');

type WithUser = Request & { [USER]?: RestUser };

/**
 * Marks a request as authenticated before it reaches the REST pipeline: the SaaS edition's gateway
 * has checked the IMS token (docs/magento-behaviour.md §11.6), so the caller resolver takes this user
 * instead of reading `Authorization` itself.
 */
export function setAuthenticatedUser(req: Request, user: RestUser): void {
  (req as WithUser)[USER] = user;
}

/** The user {@link setAuthenticatedUser} put on the request, if any. */
export function readAuthenticatedUser(req: Request): RestUser | undefined {
  return (req as WithUser)[USER];
}

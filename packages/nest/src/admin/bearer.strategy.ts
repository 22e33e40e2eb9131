import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { Strategy } from 'passport-http-bearer';
import { MagentoIntegrationError } from '../errors/magento-integration-error';
import { ApiTokenVerifier, type ApiCaller } from './api-token-verifier.service';

/** Passport name of the admin API's bearer strategy. */
export const BEARER_STRATEGY = 'magekit-bearer';

/**
 * Where a request carries an API token other than the `Authorization` header: passport-http-bearer
 * also reads `?access_token=` and a body field `access_token` (RFC 6750 §2.2-2.3), which end up in
 * access logs, browser history and `Referer` headers. Null when there is none.
 */
export function findTokenOutsideHeader(request: Pick<Request, 'query' | 'body'>): 'query' | 'body' | null {
  if (hasOwn(request.query, 'access_token')) return 'query';
  if (hasOwn(request.body, 'access_token')) return 'body';
  return null;
}

/** `TOKEN_NOT_IN_HEADER` (400) for a token found in the query or the body. */
export function tokenNotInHeaderError(where: 'query' | 'body'): MagentoIntegrationError {
  return new MagentoIntegrationError(
    `An API token was sent in the ${where === 'query' ? 'query string (access_token)' : 'request body (access_token)'}; it is accepted only in the Authorization header.`,
    'TOKEN_NOT_IN_HEADER',
    {
      hint: 'Send Authorization: Bearer <token> and remove access_token from the URL and the body. A token that was in a URL may be in logs and browser history: revoke it (`magekit tokens revoke <name>`) and create a new one.',
    },
  );
}

/**
 * The token of an `Authorization: Bearer <token>` header as passport-http-bearer reads it (the
 * scheme in any case, exactly one space), or null.
 */
export function readBearerToken(header: string | undefined): string | null {
  if (typeof header !== 'string') return null;
  const space = header.indexOf(' ');
  if (space !== 6 || header.indexOf(' ', space + 1) !== -1) return null;
  if (header.slice(0, 6).toLowerCase() !== 'bearer') return null;
  const token = header.slice(7);
  return token === '' ? null : token;
}

/**
 * `Authorization: Bearer <token>` through {@link ApiTokenVerifier}, for apps that guard their own
 * routes with `AuthGuard('magekit-bearer')` of @nestjs/passport (the module's `ApiAuthGuard` calls
 * the verifier without passport). A request that also (or only) carries `access_token` in its
 * query or body is refused with `TOKEN_NOT_IN_HEADER` before any token is looked at.
 */
@Injectable()
export class ApiBearerStrategy extends PassportStrategy(Strategy, BEARER_STRATEGY) {
  constructor(private readonly verifier: ApiTokenVerifier) {
    super();
  }

  override authenticate(request: Request, options?: object): void {
    const where = findTokenOutsideHeader(request);
    // passport gives each authentication its own copy of the strategy with error()/fail()/success().
    if (where) return (this as unknown as { error(error: Error): void }).error(tokenNotInHeaderError(where));
    super.authenticate(request, options);
  }

  async validate(token: string): Promise<ApiCaller | false> {
    return (await this.verifier.verify(token)) ?? false;
  }
}

function hasOwn(value: unknown, key: string): boolean {
  return value !== null && typeof value === 'object' && Object.prototype.hasOwnProperty.call(value, key);
}

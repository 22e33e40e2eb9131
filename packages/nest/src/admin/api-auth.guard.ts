import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Request } from 'express';
import { MagentoIntegrationError } from '../errors/magento-integration-error';
import { ApiTokenVerifier, type ApiCaller } from './api-token-verifier.service';
import { findTokenOutsideHeader, readBearerToken, tokenNotInHeaderError } from './bearer.strategy';

/**
 * Requires a live admin API token in the `Authorization` header and puts its caller on
 * `request.user`. A token in the query or body is refused with `TOKEN_NOT_IN_HEADER` (400) even
 * next to a valid header; a missing or dead token is `UNAUTHORIZED` (401); a failure of the lookup
 * itself (database down) stays the service's own error (500). The module's filter turns them into
 * HTTP answers. Tokens are checked by {@link ApiTokenVerifier} directly (its cache answers without
 * a promise), not through passport. The verifier is looked up on first use, so the guard works in
 * any module of the app, whether or not it imports `MagentoIntegrationModule`.
 */
@Injectable()
export class ApiAuthGuard implements CanActivate {
  private verifier: ApiTokenVerifier | null = null;

  constructor(private readonly modules: ModuleRef) {}

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request & { user?: ApiCaller }>();
    const where = findTokenOutsideHeader(request);
    if (where) throw tokenNotInHeaderError(where);
    const token = readBearerToken(request.headers.authorization);
    if (token === null) throw unauthorized();
    const caller = this.tokenVerifier().verify(token);
    if (caller === null) throw unauthorized();
    if (!(caller instanceof Promise)) return admit(request, caller);
    return caller.then((found) => {
      if (found === null) throw unauthorized();
      return admit(request, found);
    });
  }

  private tokenVerifier(): ApiTokenVerifier {
    if (this.verifier) return this.verifier;
    const found: ApiTokenVerifier | null = this.modules.get(ApiTokenVerifier, { strict: false });
    if (!found)
      throw new MagentoIntegrationError('ApiAuthGuard needs MagentoIntegrationModule in the app.', 'INVALID_CONFIG', {
        hint: 'Import MagentoIntegrationModule.forRoot(…) in the app module.',
      });
    this.verifier = found;
    return found;
  }
}

function admit(request: { user?: ApiCaller }, caller: ApiCaller): true {
  request.user = caller;
  return true;
}

function unauthorized(): MagentoIntegrationError {
  return new MagentoIntegrationError('A valid admin API token is required.', 'UNAUTHORIZED', {
    hint: 'Send Authorization: Bearer <token>; create one with `npx magekit tokens create --name <name>` (add `--app <app>` for a generated app).',
  });
}

import { Injectable, type ExecutionContext } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import type { Request } from 'express';
import { MagentoIntegrationError } from '../errors/magento-integration-error';
import { BEARER_STRATEGY, findTokenOutsideHeader, tokenNotInHeaderError } from './bearer.strategy';

/**
 * Requires a live admin API token in the `Authorization` header. A token in the query or body is
 * refused with `TOKEN_NOT_IN_HEADER` (400) even next to a valid header; a missing or dead token is
 * `UNAUTHORIZED` (401); a failure of the lookup itself (database down) stays the service's own
 * error (500). The module's filter turns them into HTTP answers.
 */
@Injectable()
export class ApiAuthGuard extends AuthGuard(BEARER_STRATEGY) {
  override canActivate(context: ExecutionContext) {
    const where = findTokenOutsideHeader(context.switchToHttp().getRequest<Request>());
    if (where) throw tokenNotInHeaderError(where);
    return super.canActivate(context);
  }

  override handleRequest<T>(error: unknown, caller: T): T {
    if (error) throw error;
    if (!caller) {
      throw new MagentoIntegrationError('A valid admin API token is required.', 'UNAUTHORIZED', {
        hint: 'Send Authorization: Bearer <token>; create one with `npx magekit tokens create --name <name>` (add `--app <app>` for a generated app).',
      });
    }
    return caller;
  }
}

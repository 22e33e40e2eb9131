import { Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { MagentoIntegrationError } from '../errors/magento-integration-error';
import { BEARER_STRATEGY } from './bearer.strategy';

/** Requires a live admin API token; failures become `UNAUTHORIZED` (401) through the module's filter. */
@Injectable()
export class ApiAuthGuard extends AuthGuard(BEARER_STRATEGY) {
  override handleRequest<T>(error: unknown, caller: T): T {
    if (error || !caller) {
      throw new MagentoIntegrationError('A valid admin API token is required.', 'UNAUTHORIZED', { hint: 'Send Authorization: Bearer <token>; create one with `magekit tokens create <name>`.' });
    }
    return caller;
  }
}

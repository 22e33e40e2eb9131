import { Injectable, type OnModuleInit } from '@nestjs/common';
import { MagentoException } from '../common/magento-exception';
import type { RestCall } from '../rest/rest-handler';
import { RestHandlerRegistry } from '../rest/rest-handler.registry';
import { CustomerTokenService } from './customer-token.service';
import { readStringParameters } from './service-input';
import { TwoFactorAuthService } from './two-factor-auth.service';

/** Route ids of the token services in the stock route table (Integration and TwoFactorAuth webapi.xml). */
export const TOKEN_ROUTES = {
  adminToken: 'POST /V1/integration/admin/token',
  customerToken: 'POST /V1/integration/customer/token',
  revokeCustomerToken: 'POST /V1/integration/customer/revoke-customer-token',
  googleAuthenticate: 'POST /V1/tfa/provider/google/authenticate',
} as const;

/**
 * The token services' REST routes (docs/magento-behaviour.md §3.1). Each handler reads its input as
 * `ServiceInputProcessor` would for the service method, then calls the service on the store's clock.
 * Magento has no REST route to revoke admin tokens (`revokeAdminAccessToken` is a service method only).
 */
@Injectable()
export class TokenRoutesService implements OnModuleInit {
  constructor(
    private readonly registry: RestHandlerRegistry,
    private readonly twoFactor: TwoFactorAuthService,
    private readonly customerTokens: CustomerTokenService,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      [TOKEN_ROUTES.adminToken]: (call) => this.adminToken(call),
      [TOKEN_ROUTES.customerToken]: (call) => this.customerToken(call),
      [TOKEN_ROUTES.revokeCustomerToken]: (call) =>
        this.customerTokens.revokeTokens(call.forced['customerId'], call.store.now),
      [TOKEN_ROUTES.googleAuthenticate]: (call) => this.googleAuthenticate(call),
    });
  }

  private adminToken(call: RestCall): Promise<string> {
    const [username, password] = readStringParameters(call.body, ['username', 'password']);
    return this.twoFactor.createAdminAccessToken(username, password, call.store.now);
  }

  private customerToken(call: RestCall): Promise<string> {
    const [username, password] = readStringParameters(call.body, ['username', 'password']);
    return this.customerTokens.createToken(username, password, call.storeCode ?? call.store.storeCode, call.store.now);
  }

  private async googleAuthenticate(call: RestCall): Promise<string> {
    if (!(await this.twoFactor.isEnabled())) throw new MagentoException(404, 'Request does not match any route.');
    const [username, password, otp] = readStringParameters(call.body, ['username', 'password', 'otp']);
    return this.twoFactor.createAdminAccessTokenWithGoogle(username, password, otp, call.store.now);
  }
}

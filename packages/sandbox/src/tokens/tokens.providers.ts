import type { Provider, Type } from '@nestjs/common';
import { AdminTokenService } from './admin-token.service';
import { CustomerLockoutService } from './customer-lockout.service';
import { CustomerTokenService } from './customer-token.service';
import { RequestThrottlerService } from './request-throttler.service';
import { TokenRoutesService } from './token-routes.service';
import { TwoFactorAuthService } from './two-factor-auth.service';

/**
 * The token services (docs/magento-behaviour.md §3): admin and customer tokens, the request throttler, the per-customer lock, customer token
 * revocation and Two-Factor Auth's Google provider; `TokenRoutesService` registers their REST routes.
 * `JwtTokenService` is provided by the sandbox module (the REST caller resolver reads tokens with it).
 */
export const TOKENS_PROVIDERS: Provider[] = [
  RequestThrottlerService,
  CustomerLockoutService,
  AdminTokenService,
  CustomerTokenService,
  TwoFactorAuthService,
  TokenRoutesService,
];

/** The tokens feature's controllers (none: its routes are REST handlers). */
export const TOKENS_CONTROLLERS: Type<unknown>[] = [];

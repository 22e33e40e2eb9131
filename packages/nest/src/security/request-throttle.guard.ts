import { applyDecorators, Inject, Injectable, SetMetadata, UseGuards, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  ThrottlerGuard,
  ThrottlerStorageService,
  type ThrottlerLimitDetail,
  type ThrottlerStorage,
} from '@nestjs/throttler';
import type { ResolvedMagentoOptions } from '../config/module-options';
import { MagentoIntegrationError } from '../errors/magento-integration-error';
import { MAGEKIT_CONFIG, MAGEKIT_THROTTLER_STORAGE } from '../tokens';

/** Which public route a limit belongs to. */
export type ThrottledRoute = 'callback' | 'signIn';

const ROUTE_KEY = 'magekit:throttled-route';

/** Limits a handler with the module's `throttle` option for `route` (per client address and in all). */
export const Throttled = (route: ThrottledRoute) =>
  applyDecorators(SetMetadata(ROUTE_KEY, route), UseGuards(RequestThrottleGuard));

/** The throttler storage: the one given in the options (e.g. Redis, shared by instances), else this process's memory. */
export function createThrottlerStorage(config: ResolvedMagentoOptions): ThrottlerStorage {
  return config.throttle.storage ?? new ThrottlerStorageService();
}

/**
 * `@nestjs/throttler`'s guard with two throttlers over the module's limits: `address` counts per
 * client address (`req.ip`; IPv6 by /64 so one host cannot rotate through its subnet) and
 * `global` counts every address together. Over either, the answer is 429 `TOO_MANY_REQUESTS`
 * with `Retry-After` in seconds (set by the exception filter from `details.retryAfterSeconds`).
 */
@Injectable()
export class RequestThrottleGuard extends ThrottlerGuard {
  constructor(
    @Inject(MAGEKIT_CONFIG) private readonly config: ResolvedMagentoOptions,
    @Inject(MAGEKIT_THROTTLER_STORAGE) storage: ThrottlerStorage,
    reflector: Reflector,
  ) {
    const limits = (context: ExecutionContext) =>
      config.throttle[reflector.get<ThrottledRoute | undefined>(ROUTE_KEY, context.getHandler()) ?? 'callback'];
    super(
      {
        setHeaders: false,
        throttlers: [
          { name: 'address', ttl: config.throttle.windowMs, limit: (context) => limits(context).perAddress },
          {
            name: 'global',
            ttl: config.throttle.windowMs,
            limit: (context) => limits(context).global,
            getTracker: () => 'all-addresses',
          },
        ],
      },
      storage,
      reflector,
    );
  }

  protected override async throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const retryAfter = Math.max(1, Math.ceil(detail.timeToBlockExpire));
    const who = detail.tracker === 'all-addresses' ? 'this service (all addresses together)' : 'your network address';
    throw new MagentoIntegrationError(
      `Too many requests to ${who}: at most ${detail.limit} per ${Math.round(detail.ttl / 1000)} s.`,
      'TOO_MANY_REQUESTS',
      {
        hint: `Try again in ${retryAfter} s. Magento sends one callback per Activate or Reauthorize click; operators can raise the limits with ${this.config.settingNames.throttle}.`,
        details: { retryAfterSeconds: retryAfter },
      },
    );
  }
}

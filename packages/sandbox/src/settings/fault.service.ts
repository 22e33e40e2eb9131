import { Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CLOCK, type Clock } from '../common/clock';
import { MagentoException } from '../common/magento-exception';
import { SettingsService } from './settings.service';
import type { StoreSettings } from './store-settings';

/** A request's store context after the faults ran. */
export interface StoreContext {
  storeCode: string;
  settings: StoreSettings;
  /** The store's clock (sandbox clock + offset), ms. */
  now: number;
}

/**
 * Applies a store's faults to one request, in this order: `Date` header from the store's clock,
 * latency, a 429/503 burst (with `Retry-After`), a stripped `Authorization` header.
 */
@Injectable()
export class FaultService {
  constructor(
    private readonly settings: SettingsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async apply(storeCode: string, req: Request, res: Response): Promise<StoreContext> {
    const settings = await this.settings.getStore(storeCode);
    const now = this.clock.now() + settings.clockOffsetSeconds * 1000;
    res.setHeader('Date', new Date(now).toUTCString());
    if (settings.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, settings.latencyMs));
    const burst = await this.settings.takeBurst(storeCode, settings);
    if (burst !== null) {
      const phrase =
        burst.status === 429
          ? 'Too many requests (sandbox fault: burst of HTTP 429).'
          : 'Service temporarily unavailable (sandbox fault: burst of HTTP 503).';
      throw new MagentoException(burst.status, phrase, undefined, { 'Retry-After': String(burst.retryAfterSeconds) });
    }
    if (settings.stripAuthorization) delete req.headers.authorization;
    return { storeCode, settings, now };
  }
}

import { Body, Controller, HttpCode, Inject, Logger, Param, Post, Req, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request } from 'express';
import { isMagentoClientError, parseActivationCallback, type ActivationCallback } from '@magekit/client';
import { isMagentoIntegrationError, MagentoIntegrationError } from '../errors/magento-integration-error';
import { MagentoIntegrationExceptionFilter } from '../errors/magento-integration-exception.filter';
import { Throttled } from '../security/request-throttle.guard';
import { SecurityEventLog } from '../security/security-event-log';
import { StoreUrlGuard } from '../url-guard/store-url-guard.service';
import { TenantCheck } from '../config/tenant-check';
import { ActivationRecorder, type CallbackSource } from './activation-recorder';
import { ActivationRunner } from './activation-runner';
import { isPendingActivationState } from './activation-state';
import { CallbackAdmission } from './callback-admission';
import { CallbackTraffic } from './callback-traffic';

/** Refusals worth an entry in the security log (anything else is the service's own fault). */
const LOGGED_REFUSALS = [
  'CALLBACK_MISMATCH',
  'PENDING_LIMIT',
  'STORE_URL_REFUSED',
  'UNKNOWN_TENANT',
  'INVALID_CALLBACK',
] as const;

/**
 * `POST /magento/callback/:tenant`: Magento's activation callback (`OauthService::postToConsumer()`, docs/magento-behaviour.md §2.4), a form
 * of `oauth_consumer_key`, `oauth_consumer_secret`, `store_base_url`, `oauth_verifier`, sent
 * with a 5 s timeout, no redirects and no retry. It is throttled, checked against the security
 * rules (`CallbackAdmission`: a known key needs its stored secret), the store URL is checked,
 * the callback persisted and answered 200 at once; the token exchange runs right after in the
 * background. A refused callback changes nothing, sends nothing and is written to the security log.
 */
@ApiExcludeController()
@UseFilters(MagentoIntegrationExceptionFilter)
@Controller('magento/callback')
export class CallbackController {
  private readonly logger = new Logger('MagentoCallback');

  constructor(
    private readonly admission: CallbackAdmission,
    private readonly recorder: ActivationRecorder,
    private readonly runner: ActivationRunner,
    private readonly urlGuard: StoreUrlGuard,
    private readonly securityLog: SecurityEventLog,
    @Inject(TenantCheck) private readonly tenants: TenantCheck,
    private readonly traffic: CallbackTraffic,
  ) {}

  @Post(':tenant')
  @HttpCode(200)
  @Throttled('callback')
  async receive(
    @Param('tenant') tenant: string,
    @Body() body: unknown,
    @Req() request: Request,
  ): Promise<{ status: 'accepted'; duplicate: boolean }> {
    const source: CallbackSource = { tenant, address: request.ip ?? null };
    // Handshakes wait while callbacks are in flight (Magento gives each 5 s; a handshake has minutes).
    this.traffic.enter();
    try {
      this.tenants.check(tenant);
      const callback = readCallback(body);
      const admitted = await this.admission.admit(callback, source.address);
      await this.urlGuard.check(callback.storeBaseUrl);
      const recorded = await this.recorder.record(callback, admitted, source);
      if (isPendingActivationState(recorded.activation.state)) this.runner.start(recorded.activation.id);
      this.logger.log(
        `Callback for store ${recorded.store.id} (${callback.storeBaseUrl})${recorded.duplicate ? ', repeated' : ''}.`,
      );
      return { status: 'accepted', duplicate: recorded.duplicate };
    } catch (error) {
      if (isMagentoIntegrationError(error, ...LOGGED_REFUSALS)) await this.logRefusal(error, body, source);
      throw error;
    } finally {
      this.traffic.leave();
    }
  }

  private async logRefusal(error: MagentoIntegrationError, body: unknown, source: CallbackSource): Promise<void> {
    const fields = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
    const text = (name: string) => (typeof fields[name] === 'string' ? (fields[name] as string) : null);
    const storeId = typeof error.details?.['storeId'] === 'string' ? (error.details['storeId'] as string) : null;
    this.logger.warn(
      `Callback refused (${error.code}) from ${source.address ?? 'an unknown address'}: ${error.message}`,
    );
    await this.securityLog.record({
      type: 'callback_rejected',
      code: error.code,
      tenant: source.tenant,
      storeId,
      consumerKey: text('oauth_consumer_key'),
      storeBaseUrl: text('store_base_url'),
      sourceAddress: source.address,
      message: error.message,
    });
  }
}

function readCallback(body: unknown): ActivationCallback {
  try {
    return parseActivationCallback(body as Record<string, unknown>);
  } catch (error) {
    if (!isMagentoClientError(error)) throw error;
    throw new MagentoIntegrationError(error.message, 'INVALID_CALLBACK', { hint: error.hint, cause: error });
  }
}

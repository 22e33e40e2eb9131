import { Body, Controller, HttpCode, Inject, Logger, Param, Post, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { isMagentoClientError, parseActivationCallback, type ActivationCallback } from '@magekit/client';
import { MagentoIntegrationError } from '../errors/magento-integration-error';
import { MagentoIntegrationExceptionFilter } from '../errors/magento-integration-exception.filter';
import { StoreUrlGuard } from '../url-guard/store-url-guard.service';
import { TenantCheck } from '../config/tenant-check';
import { ActivationRecorder } from './activation-recorder';
import { ActivationRunner } from './activation-runner';
import { isPendingActivationState } from './activation-state';

/**
 * `POST /magento/callback/:tenant`: Magento's activation callback (MAGENTO.md §2 step 4), a form
 * of `oauth_consumer_key`, `oauth_consumer_secret`, `store_base_url`, `oauth_verifier`, sent
 * with a 5 s timeout, no redirects and no retry. The callback is validated and persisted, answered
 * 200 at once, and the token exchange runs right after in the background.
 */
@ApiExcludeController()
@UseFilters(MagentoIntegrationExceptionFilter)
@Controller('magento/callback')
export class CallbackController {
  private readonly logger = new Logger('MagentoCallback');

  constructor(
    private readonly recorder: ActivationRecorder,
    private readonly runner: ActivationRunner,
    private readonly urlGuard: StoreUrlGuard,
    @Inject(TenantCheck) private readonly tenants: TenantCheck,
  ) {}

  @Post(':tenant')
  @HttpCode(200)
  async receive(@Param('tenant') tenant: string, @Body() body: unknown): Promise<{ status: 'accepted'; duplicate: boolean }> {
    this.tenants.check(tenant);
    const callback = readCallback(body);
    await this.urlGuard.check(callback.storeBaseUrl);
    const recorded = await this.recorder.record(tenant, callback);
    if (isPendingActivationState(recorded.activation.state)) this.runner.start(recorded.activation.id);
    this.logger.log(`Callback for store ${recorded.store.id} (${callback.storeBaseUrl})${recorded.duplicate ? ', repeated' : ''}.`);
    return { status: 'accepted', duplicate: recorded.duplicate };
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

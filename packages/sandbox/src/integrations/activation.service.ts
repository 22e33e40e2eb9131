import { BadRequestException, Inject, Injectable, Logger } from '@nestjs/common';
import { INTEGRATION_STATUS, type IntegrationEntity } from '../db/integration.entity';
import type { OAuthConsumerEntity } from '../db/oauth-consumer.entity';
import { ActivityLogService } from '../admin/activity-log.service';
import { FETCH, SandboxRuntime } from '../common/sandbox-runtime';
import { OAuthStoreService } from '../oauth/oauth-store.service';
import { SettingsService } from '../settings/settings.service';
import { SANDBOX_OPTIONS, type SandboxOptions } from '../config/sandbox-options';
import { ConsumerPostFailedError, POST_FAILED_MESSAGE, postToConsumer } from './consumer-post';
import { IntegrationService, isTokenExchange } from './integration.service';

/** Activate/Reauthorize of an integration with Endpoint URL and Identity link: what the admin's browser opens next. */
export interface HandshakeActivation {
  mode: 'handshake';
  integration_id: number;
  oauth_consumer_key: string;
  identity_link_url: string;
  /** The admin's `loginSuccessCallback` URL the identity link returns the popup to. */
  success_call_back: string;
  /** `<identity link>?oauth_consumer_key=…&success_call_back=…` (values as they are; the admin page encodes them as `integration.js` does). */
  popup_url: string;
  /** HTTP status the Endpoint URL answered (ignored by Magento; shown for debugging). */
  endpoint_status: number;
  /** The first 2,000 characters of the Endpoint URL's answer (ignored by Magento; shown for debugging). */
  endpoint_body: string;
}

/** Activate without the handshake (`TokensDialog`): the credentials, shown once. */
export interface DirectActivation {
  mode: 'direct';
  integration_id: number;
  consumer_key: string;
  consumer_secret: string;
  access_token: string;
  access_token_secret: string;
}

export type ActivationResult = HandshakeActivation | DirectActivation;

/** Magento's `TokensExchange` / `TokensDialog` and `OauthService::postToConsumer()` (docs/magento-behaviour.md §2). */
@Injectable()
export class ActivationService {
  private readonly logger = new Logger('Activation');

  constructor(
    private readonly integrations: IntegrationService,
    private readonly oauth: OAuthStoreService,
    private readonly settings: SettingsService,
    private readonly runtime: SandboxRuntime,
    private readonly activity: ActivityLogService,
    @Inject(FETCH) private readonly fetchFn: typeof fetch,
    @Inject(SANDBOX_OPTIONS) private readonly options: SandboxOptions,
  ) {}

  /** Activate (refused when already active: the admin offers Reauthorize then). */
  async activate(id: number): Promise<ActivationResult> {
    const integration = await this.integrations.get(id);
    if (integration.status === INTEGRATION_STATUS.active) {
      throw new BadRequestException(`The integration "${integration.name}" is already active: reauthorize it instead.`);
    }
    return this.run(integration, false);
  }

  /** Reauthorize: deletes the integration's token row first (the old access token dies now), status inactive. */
  async reauthorize(id: number): Promise<ActivationResult> {
    const integration = await this.integrations.get(id);
    return this.run(integration, true);
  }

  private async run(integration: IntegrationEntity, reauthorize: boolean): Promise<ActivationResult> {
    const consumer = await this.oauth.findConsumer(integration.consumerId);
    if (!consumer) throw new BadRequestException(`The integration "${integration.name}" has no consumer.`);
    if (!isTokenExchange(integration)) return this.createDirectTokens(integration, consumer, reauthorize);
    if (reauthorize) {
      await this.oauth.deleteIntegrationTokens(consumer.id);
      await this.integrations.setStatus(integration, INTEGRATION_STATUS.inactive);
      this.activity.record('reauthorize', integration.id, 'old integration token deleted, status inactive');
    }
    const endpoint = await this.postCredentials(integration, consumer);
    const popupUrl = `${integration.identityLinkUrl}?oauth_consumer_key=${consumer.key}&success_call_back=${this.runtime.successCallbackUrl}`;
    this.activity.record('identity_link', integration.id, `popup opens ${popupUrl}`);
    return {
      mode: 'handshake',
      integration_id: integration.id,
      oauth_consumer_key: consumer.key,
      identity_link_url: integration.identityLinkUrl as string,
      success_call_back: this.runtime.successCallbackUrl,
      popup_url: popupUrl,
      endpoint_status: endpoint.status,
      endpoint_body: endpoint.body,
    };
  }

  /**
   * `postToConsumer()`: window opens, verifier created or reused, one form POST whose status is ignored
   * (`LaminasClient::send()` returns any answer); a transport failure is {@link ConsumerPostFailedError}
   * with Magento's message, and the integration keeps its status.
   */
  private async postCredentials(
    integration: IntegrationEntity,
    consumer: OAuthConsumerEntity,
  ): Promise<{ status: number; body: string }> {
    await this.oauth.touchConsumer(consumer, Math.floor((await this.settings.storeNow('default')) / 1000));
    const verifier = await this.oauth.createVerifierToken(consumer.id);
    const fields = {
      oauth_consumer_key: consumer.key,
      oauth_consumer_secret: consumer.secret,
      store_base_url: this.runtime.baseUrl,
      oauth_verifier: verifier.verifier as string,
    };
    try {
      const answer = await postToConsumer(
        this.fetchFn,
        integration.endpoint as string,
        fields,
        this.options.postTimeoutMs,
      );
      this.activity.record(
        'callback_post',
        integration.id,
        `POST ${integration.endpoint} (oauth_consumer_key, oauth_consumer_secret, store_base_url, oauth_verifier) answered HTTP ${answer.status}`,
      );
      return answer;
    } catch (error) {
      this.logger.warn(`POST to the endpoint of integration ${integration.id} failed: ${describe(error)}`);
      this.activity.record(
        'callback_post_failed',
        integration.id,
        `POST ${integration.endpoint} failed: ${describe(error)}`,
      );
      throw new ConsumerPostFailedError(
        {
          outcome: 'consumer_post_failed',
          message: POST_FAILED_MESSAGE,
          integration_id: integration.id,
          status: integration.status,
          reason: describe(error),
        },
        { cause: error },
      );
    }
  }

  /** `OauthService::createAccessToken()`: verifier → request → access in-process, status active. */
  private async createDirectTokens(
    integration: IntegrationEntity,
    consumer: OAuthConsumerEntity,
    clearExisting: boolean,
  ): Promise<DirectActivation> {
    if (clearExisting) await this.oauth.deleteIntegrationTokens(consumer.id);
    let token = await this.oauth.findIntegrationToken(consumer.id);
    if (!token) {
      const verifier = await this.oauth.createVerifierToken(consumer.id);
      const request = await this.oauth.convertToRequest(verifier, consumer.callbackUrl);
      token = await this.oauth.convertToAccess(request);
    }
    await this.integrations.setStatus(integration, INTEGRATION_STATUS.active);
    this.activity.record(
      'direct_tokens',
      integration.id,
      'access token created without the handshake (no endpoint or identity link), status active',
    );
    return {
      mode: 'direct',
      integration_id: integration.id,
      consumer_key: consumer.key,
      consumer_secret: consumer.secret,
      access_token: token.token,
      access_token_secret: token.secret,
    };
  }
}

/** The transport failure's code (`ECONNREFUSED`, `TimeoutError`, …); duck-typed, as fetch's errors may come from another realm. */
function describe(error: unknown): string {
  if (typeof error !== 'object' || error === null) return String(error);
  const { name, cause } = error as { name?: string; cause?: { code?: string; message?: string } };
  return cause?.code ?? cause?.message ?? name ?? String(error);
}

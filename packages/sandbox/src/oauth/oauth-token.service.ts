import { Inject, Injectable } from '@nestjs/common';
import { verifyRequest, type VerifyKind } from '@magekit/oauth1';
import type { Response } from 'express';
import { ActivityLogService } from '../admin/activity-log.service';
import { readHeaders, readRawBody, readRequestUrl, type RawRequest } from '../common/http-request';
import { SANDBOX_OPTIONS, type SandboxOptions } from '../config/sandbox-options';
import { INTEGRATION_STATUS } from '../db/integration.entity';
import { IntegrationService } from '../integrations/integration.service';
import { FaultService } from '../settings/fault.service';
import { OAuthStoreService } from './oauth-store.service';

/** The answer of a token endpoint: status and `http_build_query` body. */
export interface TokenEndpointAnswer {
  status: number;
  body: string;
}

/**
 * `/oauth/token/request` and `/oauth/token/access` (`Controller\Token\Request`, `…\Access`): Magento's
 * checks through `verifyRequest`, then the integration token row is converted in place; the
 * integration becomes active when the access token is issued.
 */
@Injectable()
export class OAuthTokenService {
  constructor(
    private readonly oauth: OAuthStoreService,
    private readonly integrations: IntegrationService,
    private readonly faults: FaultService,
    private readonly activity: ActivityLogService,
    @Inject(SANDBOX_OPTIONS) private readonly options: SandboxOptions,
  ) {}

  async handle(kind: Exclude<VerifyKind, 'api'>, req: RawRequest, res: Response): Promise<TokenEndpointAnswer> {
    const store = await this.faults.apply('default', req, res);
    const input = {
      kind,
      method: req.method,
      url: readRequestUrl(req),
      headers: readHeaders(req),
      body: readRawBody(req),
      profile: store.settings.signatureProfile,
    };
    const result = await verifyRequest(input, this.oauth.asVerifyStore(), {
      clock: () => store.now,
      consumerExpirySeconds: this.options.consumerExpirySeconds,
    });
    if (!result.valid || result.consumer === null) {
      const integrationId =
        result.consumer === null
          ? null
          : ((await this.integrations.findByConsumerId(Number(result.consumer.id)))?.id ?? null);
      this.activity.record(
        'token_rejected',
        integrationId,
        `${req.method} /oauth/token/${kind === 'request_token' ? 'request' : 'access'}: HTTP ${result.httpStatus} ${result.error ?? ''}`,
      );
      const body =
        result.responseBody ?? `oauth_problem=${encodeURIComponent(`internal_error&message=${result.error ?? ''}`)}`;
      return { status: result.httpStatus || 500, body };
    }
    const consumerId = Number(result.consumer.id);
    const row = await this.oauth.findIntegrationToken(consumerId);
    if (row === null)
      return {
        status: 401,
        body: `oauth_problem=${encodeURIComponent(`A token with consumer ID ${consumerId} does not exist`)}`,
      };
    const issued =
      kind === 'request_token'
        ? await this.issueRequestToken(consumerId, row)
        : await this.issueAccessToken(consumerId, row);
    const integration = await this.integrations.findByConsumerId(consumerId);
    this.activity.record(
      kind,
      integration?.id ?? null,
      kind === 'request_token' ? 'request token issued' : 'access token issued, integration active',
    );
    return { status: 200, body: `oauth_token=${issued.token}&oauth_token_secret=${issued.secret}` };
  }

  private async issueRequestToken(consumerId: number, row: Parameters<OAuthStoreService['convertToRequest']>[0]) {
    const consumer = await this.oauth.findConsumer(consumerId);
    return this.oauth.convertToRequest(row, consumer?.callbackUrl ?? null);
  }

  private async issueAccessToken(consumerId: number, row: Parameters<OAuthStoreService['convertToAccess']>[0]) {
    const access = await this.oauth.convertToAccess(row);
    const integration = await this.integrations.findByConsumerId(consumerId);
    if (integration) await this.integrations.setStatus(integration, INTEGRATION_STATUS.active);
    return access;
  }
}

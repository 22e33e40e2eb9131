import { Inject, Injectable } from '@nestjs/common';
import { verifyRequest } from '@magekit/oauth1';
import { readHeaders, readRawBody, readRequestUrl, type RawRequest } from '../common/http-request';
import { internalError, MagentoException } from '../common/magento-exception';
import { RANDOM_BYTES, type RandomBytes } from '../common/clock';
import { INTEGRATION_STATUS, type IntegrationEntity } from '../db/integration.entity';
import { IntegrationService } from '../integrations/integration.service';
import { OAuthStoreService } from '../oauth/oauth-store.service';
import type { StoreContext } from '../settings/fault.service';
import { JwtTokenService } from '../tokens/jwt-token.service';
import { readAuthenticatedUser } from './authenticated-user';
import type { RestUser } from './rest-handler';

const GUEST: RestUser = { caller: { type: 'guest' }, userId: null };

/**
 * The user context of a REST call, as Magento's composite user context resolves it (docs/magento-behaviour.md §1.7,
 * §3.5–§3.6): `Bearer <token>` (exactly two pieces) is an admin/customer JWT or, when
 * `integrationAsBearer` is on, an integration access token; an `OAuth` header is verified like
 * `OauthUserContext` (a failed check is the response; a valid one for an inactive integration is a
 * guest); anything else, or a token that does not verify, is a guest. A request the SaaS edition's
 * gateway authenticated carries its user already (`setAuthenticatedUser`).
 */
@Injectable()
export class CallerResolverService {
  constructor(
    private readonly jwt: JwtTokenService,
    private readonly oauth: OAuthStoreService,
    private readonly integrations: IntegrationService,
    @Inject(RANDOM_BYTES) private readonly randomBytes: RandomBytes,
  ) {}

  async resolve(req: RawRequest, store: StoreContext, routeResources: readonly string[]): Promise<RestUser> {
    const authenticated = readAuthenticatedUser(req);
    if (authenticated !== undefined) return authenticated;
    const header = req.headers.authorization ?? '';
    const pieces = header.split(' ');
    if (pieces.length === 2 && pieces[0].toLowerCase() === 'bearer') return this.fromBearer(pieces[1], store);
    if (header.toLowerCase().includes('oauth ')) return this.fromOAuth(req, store, routeResources);
    return GUEST;
  }

  private async fromBearer(token: string, store: StoreContext): Promise<RestUser> {
    const user = await this.jwt.read(token, store.now);
    if (user !== null) {
      if (user.type === 'customer')
        return { caller: { type: 'customer', customerId: user.userId }, userId: user.userId };
      return { caller: { type: 'admin', resources: 'all' }, userId: user.userId };
    }
    if (!store.settings.integrationAsBearer) return GUEST;
    const row = await this.oauth.findToken(token);
    if (row === null || row.type !== 'access' || row.revoked) return GUEST;
    return this.asIntegration(await this.integrations.findByConsumerId(row.consumerId));
  }

  private async fromOAuth(req: RawRequest, store: StoreContext, routeResources: readonly string[]): Promise<RestUser> {
    const input = {
      kind: 'api' as const,
      method: req.method,
      url: readRequestUrl(req),
      headers: readHeaders(req),
      body: readRawBody(req),
      profile: store.settings.signatureProfile,
    };
    const result = await verifyRequest(input, this.oauth.asVerifyStore(), { clock: () => store.now, routeResources });
    if (result.treatedAsGuest) return GUEST;
    if (!result.valid || result.consumer === null) {
      // A PHP error inside Magento's OAuth code (e.g. a numeric query key) is masked like any other (HTTP 500).
      if (result.restError === null) throw internalError(this.randomBytes);
      throw new MagentoException(result.httpStatus || 401, result.restError.message, result.restError.parameters);
    }
    return this.asIntegration(await this.integrations.findByConsumerId(Number(result.consumer.id)));
  }

  /** `findActiveIntegrationByConsumerId`: only an active integration is a caller; else a guest. */
  private asIntegration(integration: IntegrationEntity | null): RestUser {
    if (integration === null || integration.status !== INTEGRATION_STATUS.active) return GUEST;
    const resources = integration.allResources ? 'all' : integration.resources;
    return { caller: { type: 'integration', resources }, userId: integration.id };
  }
}

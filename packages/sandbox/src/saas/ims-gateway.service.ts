import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { ActivityLogService } from '../admin/activity-log.service';
import { CLOCK, type Clock } from '../common/clock';
import type { RestUser } from '../rest/rest-handler';
import { ImsCredentialsService } from './ims-credentials.service';
import { checkImsCall, readBearerToken, refuse, type GatewayRefusal } from './ims-gateway-check';
import { ImsTokenService } from './ims-token.service';

/** A call the gateway lets through, with the caller Commerce then authorizes. */
export interface GatewayPass {
  user: RestUser;
}

/**
 * The gateway in front of the SaaS edition's tenant (docs/magento-behaviour.md §11.3, §11.6): every
 * call needs an IMS token the sandbox issued (not revoked, not expired, with `commerce.accs`), the
 * token's client id as `x-api-key`, and, when sent, the credential's organization as
 * `x-gw-ims-org-id`. The caller is the credential's technical account with its ACL resources.
 * Refusals are written to the activity log with their reason.
 */
@Injectable()
export class ImsGatewayService {
  constructor(
    private readonly tokens: ImsTokenService,
    private readonly credentials: ImsCredentialsService,
    private readonly activity: ActivityLogService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async authenticate(req: Request): Promise<GatewayPass | GatewayRefusal> {
    const bearer = readBearerToken(req.headers.authorization);
    const token = bearer === null ? null : await this.tokens.find(bearer);
    const credential = token === null ? null : await this.credentials.find(token.clientId);
    const refusal =
      bearer === null
        ? refuse('no Bearer token')
        : checkImsCall({
            token,
            credential,
            apiKey: readHeader(req, 'x-api-key'),
            orgId: readHeader(req, 'x-gw-ims-org-id'),
            now: this.clock.now(),
          });
    if (refusal !== null || credential === null) {
      const shown = refusal ?? refuse('credential deleted');
      this.activity.record('ims_call_refused', null, `${req.method} ${req.originalUrl}: ${shown.reason}`);
      return shown;
    }
    const resources = credential.allResources ? 'all' : credential.resources;
    return { user: { caller: { type: 'integration', resources }, userId: credential.id } };
  }
}

function readHeader(req: Request, name: string): string | null {
  const value = req.headers[name];
  const text = Array.isArray(value) ? value[0] : value;
  return text === undefined || text === '' ? null : text;
}

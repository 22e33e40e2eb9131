import { All, Controller, Inject, NotFoundException, Req, Res, type Type } from '@nestjs/common';
import { NOT_AUTHORIZED_MESSAGE } from '@magekit/acl';
import type { Response } from 'express';
import type { RawRequest } from '../common/http-request';
import { MagentoException } from '../common/magento-exception';
import { setAuthenticatedUser } from '../rest/authenticated-user';
import { RestDispatchService, type RestAnswer } from '../rest/rest-dispatch.service';
import { negotiateRenderer, rememberRenderer, sendRestAnswer } from '../rest/rest-renderer';
import { ImsGatewayService } from './ims-gateway.service';
import { readStoreHeader, toMagentoRestUri } from './saas-rest-path';

/**
 * The SaaS edition's REST API under `/<tenant id>/` (docs/magento-behaviour.md §11.3, §11.6), as a
 * controller class for that tenant. A call goes through the gateway first (the IMS token, `x-api-key`,
 * `x-gw-ims-org-id`; refusals in the gateway's JSON), then through Magento's REST pipeline as a PaaS
 * call: the renderer from `Accept`, the store view from the `Store` header, the path rewritten to
 * `/rest/<store>/…` for the same routing, ACL, handlers and data. The ACL's refusal is a 403 here
 * (Adobe: 403 is "missing permissions", 401 a token problem).
 */
export function createSaasRestController(tenantId: string): Type<unknown> {
  @Controller(tenantId)
  class SaasRestController {
    constructor(
      @Inject(ImsGatewayService) private readonly gateway: ImsGatewayService,
      @Inject(RestDispatchService) private readonly dispatcher: RestDispatchService,
    ) {}

    @All(['', '*path'])
    async handle(@Req() req: RawRequest, @Res() res: Response): Promise<void> {
      const path = req.originalUrl.split('?')[0];
      // Express matches paths case-insensitively; the tenant id is exact.
      if (path !== `/${tenantId}` && !path.startsWith(`/${tenantId}/`))
        throw new NotFoundException(`Cannot ${req.method} ${path}`);
      const pass = await this.gateway.authenticate(req);
      if ('status' in pass) {
        res.status(pass.status).json(pass.body);
        return;
      }
      const renderer = negotiateRenderer(req.headers.accept);
      rememberRenderer(res, renderer);
      const uri = toMagentoRestUri(req.originalUrl, tenantId, readStoreHeader(req.headers['store']));
      req.originalUrl = uri;
      req.url = uri;
      setAuthenticatedUser(req, pass.user);
      const answer = await this.dispatcher.dispatch(req, res).catch(permissionsAsForbidden);
      sendRestAnswer(res, renderer, answer.status, answer.body);
    }
  }
  return SaasRestController;
}

/** The ACL's 401 `The consumer isn't authorized to access %resources.` becomes a 403 with the same body. */
function permissionsAsForbidden(error: unknown): RestAnswer {
  if (error instanceof MagentoException && error.httpStatus === 401 && error.phrase === NOT_AUTHORIZED_MESSAGE)
    throw new MagentoException(403, error.phrase, error.parameters, error.headers);
  throw error;
}

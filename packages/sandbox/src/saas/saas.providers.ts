import type { Provider, Type } from '@nestjs/common';
import type { MagentoModel } from '@magekit/acl';
import type { SandboxOptions } from '../config/sandbox-options';
import { OAuthTokenController } from '../oauth/oauth-token.controller';
import { RestController } from '../rest/rest.controller';
import { EditionController, ImsAdminController } from './ims-admin.controller';
import { ImsCredentialsService } from './ims-credentials.service';
import { ImsGatewayService } from './ims-gateway.service';
import { ImsTokenController } from './ims-token.controller';
import { ImsTokenService } from './ims-token.service';
import { resolveSaasOptions, SAAS_OPTIONS } from './saas-options';
import { createSaasRestController } from './saas-rest.controller';
import { toSaasModel } from './saas-route-model';

/** The SaaS edition's services (present in both editions; only the SaaS edition's controllers use them). */
export function saasProviders(options: SandboxOptions): Provider[] {
  return [
    { provide: SAAS_OPTIONS, useValue: resolveSaasOptions(options.saas) },
    ImsCredentialsService,
    ImsTokenService,
    ImsGatewayService,
  ];
}

/** What Magento's own web API has and SaaS does not (docs/magento-behaviour.md §11.1): `/rest/…` and `/oauth/…`. */
const PAAS_ONLY: ReadonlyArray<Type<unknown>> = [OAuthTokenController, RestController];

/**
 * The edition's controllers: all of `controllers` plus `GET /sandbox/admin/edition`; in the SaaS
 * edition without `/rest/…` and `/oauth/…`, with the IMS token endpoint, the IMS admin API and the
 * tenant's REST API (last: it answers every path under the tenant id).
 */
export function selectEditionControllers(
  options: SandboxOptions,
  controllers: ReadonlyArray<Type<unknown>>,
): Type<unknown>[] {
  if (options.edition !== 'saas') return [...controllers, EditionController];
  return [
    ...controllers.filter((controller) => !PAAS_ONLY.includes(controller)),
    EditionController,
    ImsTokenController,
    ImsAdminController,
    createSaasRestController(resolveSaasOptions(options.saas).tenantId),
  ];
}

/** The route table of the edition: the model as is, or its SaaS routes (docs/magento-behaviour.md §11.6). */
export function selectEditionModel(options: SandboxOptions, model: MagentoModel): MagentoModel {
  return options.edition === 'saas' ? toSaasModel(model) : model;
}

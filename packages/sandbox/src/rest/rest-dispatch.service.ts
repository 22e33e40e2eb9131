import { Inject, Injectable } from '@nestjs/common';
import { decide, type Decision, type MagentoModel } from '@magekit/acl';
import type { Response } from 'express';
import { AsyncRequestService } from '../async/async-request.service';
import type { RawRequest } from '../common/http-request';
import { MagentoException } from '../common/magento-exception';
import { parseStrNested } from '@magekit/php';
import { filterResponseFields } from '../search/fields-filter';
import { MAGENTO_MODEL, SandboxRuntime } from '../common/sandbox-runtime';
import { FaultService, type StoreContext } from '../settings/fault.service';
import { resolveSettingsStore, STORE_CODES } from '../stores/store-catalog';
import { CallerResolverService } from './caller-resolver.service';
import { readRestBody } from './rest-body';
import type { RestCall, RestUser } from './rest-handler';
import { RestHandlerRegistry } from './rest-handler.registry';

/** What the REST controller sends: status and JSON value. */
export interface RestAnswer {
  status: number;
  body: unknown;
}

const GUEST: RestUser = { caller: { type: 'guest' }, userId: null };

/**
 * One REST call through Magento's pipeline (docs/magento-behaviour.md §4): the store's faults, routing
 * (`Request does not match any route.`), the user context only for non-anonymous routes (as
 * `GuestAuthorization` short-circuits before any lookup), the ACL (`The consumer isn't authorized to
 * access %resources.`), forced parameters, then the sandbox's implementation of the route, or a
 * clear 501 when it has none.
 */
@Injectable()
export class RestDispatchService {
  constructor(
    @Inject(MAGENTO_MODEL) private readonly model: MagentoModel,
    private readonly faults: FaultService,
    private readonly callers: CallerResolverService,
    private readonly handlers: RestHandlerRegistry,
    private readonly runtime: SandboxRuntime,
    private readonly asyncRequests: AsyncRequestService,
  ) {}

  async dispatch(req: RawRequest, res: Response): Promise<RestAnswer> {
    const path = req.originalUrl.split('?')[0];
    const model = this.asyncRequests.bulkRouteModel(req.method, path) ?? this.model;
    const routing = decide(model, { type: 'guest' }, req.method, path, { storeCodes: STORE_CODES });
    const store = await this.faults.apply(resolveSettingsStore(routing.request.storeCode), req, res);
    if (routing.outcome === 'schema')
      throw new MagentoException(501, 'The sandbox store does not serve the REST schema (%1).', [
        routing.request.pathInfo,
      ]);
    if (routing.error !== null && routing.route === null)
      throw new MagentoException(routing.error.httpStatus, routing.error.message, routing.error.parameters);
    const anonymous = routing.resources.includes('anonymous');
    const user = anonymous ? GUEST : await this.callers.resolve(req, store, routing.resources);
    const decision = anonymous ? routing : decide(model, user.caller, req.method, path, { storeCodes: STORE_CODES });
    if (!decision.allowed && decision.error !== null)
      throw new MagentoException(decision.error.httpStatus, decision.error.message, decision.error.parameters);
    // Magento_WebapiAsync: `/async/V…` and `/async/bulk/V…` are accepted with 202 and run later (docs/magento-behaviour.md §4.10).
    if (this.asyncRequests.isAsync(decision)) return this.asyncRequests.accept(req, decision, user, store);
    return { status: 200, body: await this.run(req, decision, user, store) };
  }

  private async run(req: RawRequest, decision: Decision, user: RestUser, store: StoreContext): Promise<unknown> {
    const routeId = decision.routeId as string;
    const handler = this.handlers.find(routeId);
    if (handler === undefined) {
      const service = decision.service as { class: string; method: string };
      throw new MagentoException(
        501,
        'The sandbox store does not implement %1 (%2::%3); the route and its ACL (%4) were checked.',
        [routeId, service.class, service.method, decision.resources.join(', ')],
      );
    }
    const call: RestCall = {
      method: decision.method,
      route: decision.route as string,
      params: decision.params,
      query: parseStrNested(
        req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?') + 1) : '',
      ),
      body: readRestBody(req),
      forced: Object.fromEntries(decision.forcedParams.map((param) => [param.name, param.value])),
      user,
      storeCode: decision.request.storeCode,
      store,
      baseUrl: this.runtime.baseUrl,
    };
    // `SynchronousRequestProcessor`: the `fields` parameter trims every response.
    return filterResponseFields(await handler(call), call.query['fields']);
  }
}

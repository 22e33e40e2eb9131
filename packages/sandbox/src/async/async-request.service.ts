import { Inject, Injectable } from '@nestjs/common';
import { parseRestPath, type Decision, type MagentoModel, type Route } from '@magekit/acl';
import { parseStrNested, type PhpArray } from '@magekit/php';
import { DataSource } from 'typeorm';
import { RANDOM_BYTES, type RandomBytes } from '../common/clock';
import { readRawQuery, type RawRequest } from '../common/http-request';
import { MagentoException } from '../common/magento-exception';
import { MAGENTO_MODEL, SandboxRuntime } from '../common/sandbox-runtime';
import { CallerResolverService } from '../rest/caller-resolver.service';
import type { RestAnswer } from '../rest/rest-dispatch.service';
import { readRestBody } from '../rest/rest-body';
import type { RestUser } from '../rest/rest-handler';
import { RestHandlerRegistry } from '../rest/rest-handler.registry';
import type { StoreContext } from '../settings/fault.service';
import { STORE_CODES } from '../stores/store-catalog';
import { renderAsyncResponse, serializeOperationData } from './async-response';
import { saveBulk, type ScheduledEntity } from './bulk-store';
import { bulkItemParams, generateBulkUuid, readBulkBody, storeIdFor } from './bulk-request';
import { createBulkRouteModel, type BulkRouteModel } from './bulk-route-model';
import { OperationConsumerService, type OperationJob } from './operation-consumer.service';
import { resolveBulkInputs, resolveSingleInput } from './operation-input';
import type { InputObject } from './params-overrider';
import { checkServiceInput, findSignature } from './service-signatures';
import { asyncTopicName } from './topic-name';

/** One entity of a request before it is stored: its key, its input (`meta_information`) and its handler call. */
type AcceptedEntity = Omit<ScheduledEntity, 'serializedData'> & {
  call: { body: Record<string, unknown>; params: Record<string, string> };
};

/** What every job of one request shares. */
interface JobContext {
  query: PhpArray;
  decision: Decision;
  owner: RestUser;
  store: StoreContext;
}

/**
 * The asynchronous web API (docs/magento-behaviour.md §4.10): `/async/V1/…` and `/async/bulk/V1/…`
 * after routing and the ACL (as `AsynchronousRequestProcessor` runs the route's own
 * `RequestValidator`). The input is checked as `ServiceInputProcessor` would before anything is
 * stored; then one bulk with one open operation per entity is written (`MassSchedule::publishMass()`),
 * the operations are queued for the in-process consumer, and the answer is 202 with the bulk uuid
 * and one accepted item per entity.
 */
@Injectable()
export class AsyncRequestService {
  private readonly bulk: BulkRouteModel;

  constructor(
    @Inject(MAGENTO_MODEL) private readonly model: MagentoModel,
    private readonly handlers: RestHandlerRegistry,
    private readonly callers: CallerResolverService,
    private readonly consumer: OperationConsumerService,
    private readonly runtime: SandboxRuntime,
    private readonly dataSource: DataSource,
    @Inject(RANDOM_BYTES) private readonly randomBytes: RandomBytes,
  ) {
    this.bulk = createBulkRouteModel(model);
  }

  /** For `/async/bulk/V…`, the routes to match against instead of webapi.xml's (`BulkServiceConfig`); else null. */
  bulkRouteModel(method: string, path: string): MagentoModel | null {
    try {
      return parseRestPath(path, method, { storeCodes: STORE_CODES }).mode === 'async-bulk' ? this.bulk.model : null;
    } catch {
      return null; // routing reports the path
    }
  }

  isAsync(decision: Decision): boolean {
    return decision.request.mode === 'async' || decision.request.mode === 'async-bulk';
  }

  /** Accepts a routed and authorized asynchronous or bulk request. @throws MagentoException 400, 501 */
  async accept(req: RawRequest, decision: Decision, user: RestUser, store: StoreContext): Promise<RestAnswer> {
    const isBulk = decision.request.mode === 'async-bulk';
    const route = this.routeOf(decision, isBulk);
    if (this.handlers.find(route.id) === undefined) throw notImplemented(route);
    const query = parseStrNested(readRawQuery(req));
    const entities = isBulk
      ? this.bulkEntities(req, route, query, decision)
      : this.singleEntity(req, route, query, decision);
    // `MassSchedule` asks the user context for the bulk's owner, also on an anonymous route.
    const owner = route.resources.includes('anonymous')
      ? await this.callers.resolve(req, store, route.resources)
      : user;
    const topic = asyncTopicName(route.serviceClass, route.serviceMethod, route.method);
    const storeId = storeIdFor(decision.request.storeCode);
    const scheduled = entities.map((entity) => ({
      ...entity,
      serializedData: serializeOperationData(entity.input, storeId),
    }));
    const uuid = generateBulkUuid(this.randomBytes);
    const rows = await saveBulk(this.dataSource, { uuid, topic, owner, now: store.now }, scheduled);
    const context: JobContext = { query, decision, owner, store };
    this.consumer.enqueue(rows.map((row, index) => this.jobFor(row.id, route, entities[index], context)));
    return { status: 202, body: renderAsyncResponse(uuid, scheduled) };
  }

  /** The consumer's job for one stored operation: the route's handler with the call the entity makes. */
  private jobFor(operationId: number, route: Route, entity: AcceptedEntity, context: JobContext): OperationJob {
    const { query, decision, owner, store } = context;
    return {
      operationId,
      routeId: route.id,
      service: { class: route.serviceClass, method: route.serviceMethod },
      settingsStore: store.storeCode,
      call: {
        method: route.method,
        route: route.url,
        ...entity.call,
        query,
        forced: Object.fromEntries(decision.forcedParams.map((param) => [param.name, param.value])),
        user: owner,
        storeCode: decision.request.storeCode,
        baseUrl: this.runtime.baseUrl,
      },
    };
  }

  private routeOf(decision: Decision, isBulk: boolean): Route {
    const id = decision.routeId as string;
    const route = isBulk ? this.bulk.originals.get(id) : this.model.routes.getRoute(id);
    if (route === undefined) throw new Error(`No route ${id} in the model.`);
    return route;
  }

  /** `[$this->inputParamsResolver->resolve()]`: the synchronous route's input, one entity with key 0. */
  private singleEntity(req: RawRequest, route: Route, query: PhpArray, decision: Decision): AcceptedEntity[] {
    const signature = findSignature(route.serviceClass, route.serviceMethod);
    const body = readRestBody(req);
    const input = resolveSingleInput(route.method, body, decision.params, query, decision.forcedParams, signature);
    if (signature !== undefined) checkServiceInput(input, signature);
    return [{ key: 0, input, call: { body, params: decision.params } }];
  }

  /** One entity per array element of the body (others are skipped), each checked in order. */
  private bulkEntities(req: RawRequest, route: Route, query: PhpArray, decision: Decision): AcceptedEntity[] {
    const signature = findSignature(route.serviceClass, route.serviceMethod);
    const entities: AcceptedEntity[] = [];
    for (const [key, value] of resolveBulkInputs(readBulkBody(req), query, decision.forcedParams)) {
      if (value === null || typeof value !== 'object') continue;
      const input = value as InputObject;
      if (signature !== undefined) checkServiceInput(input, signature);
      entities.push({ key, input, call: { body: input, params: bulkItemParams(route.url, input) } });
    }
    return entities;
  }
}

/** The sandbox's answer for a route it has no implementation of (as for the synchronous call). */
function notImplemented(route: Route): MagentoException {
  return new MagentoException(
    501,
    'The sandbox store does not implement %1 (%2::%3); the route and its ACL (%4) were checked.',
    [route.id, route.serviceClass, route.serviceMethod, route.resources.join(', ')],
  );
}

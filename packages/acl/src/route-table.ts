import { compareBytes } from '@magekit/php';
import { buildRouteIndex, type RouteIndex } from './route-index';
import type { RouteMethod, RouteParameter, WebapiXmlFile } from './webapi-xml';

/** One REST route after merging every module's webapi.xml. */
export interface Route {
  /** `METHOD url`, e.g. `GET /V1/products/:sku`. */
  id: string;
  method: RouteMethod;
  /** The url as written in webapi.xml (trimmed). */
  url: string;
  serviceClass: string;
  serviceMethod: string;
  /** ACL resources, all required (`anonymous`, `self` or resource ids). */
  resources: string[];
  parameters: RouteParameter[];
  secure: boolean;
  inputArraySizeLimit?: number;
  /** Files that declared the route, in merge order (the last one's service wins). */
  declaredIn: string[];
}

/** The route table: every route in Magento's order (urls `ksort`ed byte-wise) and a fast index. */
export interface RouteTable {
  routes: readonly Route[];
  /** Number of distinct urls. */
  urlCount: number;
  /** Looks a route up by id (`GET /V1/products/:sku`). */
  getRoute(id: string): Route | undefined;
  /** @internal the matcher's index */
  readonly index: RouteIndex;
}

/**
 * Merges many modules' webapi.xml the way Magento's config reader does
 * (`Magento\Webapi\Model\Config\Reader`, id attributes `url`+`method`, `resource/ref`,
 * `parameter/name`): a route declared twice keeps one entry, the later `<service>` wins, resources
 * are the union, parameters merge by name. Pass files in module load order.
 */
export function mergeWebapiFiles(files: readonly WebapiXmlFile[]): Route[] {
  const byId = new Map<string, Route>();
  for (const file of files) {
    for (const declared of file.routes) {
      const id = `${declared.method} ${declared.url}`;
      const label = file.file ?? '(webapi.xml)';
      const existing = byId.get(id);
      if (existing === undefined) {
        const { line: _line, ...rest } = declared;
        byId.set(id, {
          id,
          ...rest,
          resources: [...declared.resources],
          parameters: declared.parameters.map((p) => ({ ...p })),
          declaredIn: [label],
        });
        continue;
      }
      existing.serviceClass = declared.serviceClass;
      existing.serviceMethod = declared.serviceMethod;
      if (declared.secure) existing.secure = true;
      for (const resource of declared.resources)
        if (!existing.resources.includes(resource)) existing.resources.push(resource);
      for (const parameter of declared.parameters) {
        const at = existing.parameters.findIndex((p) => p.name === parameter.name);
        if (at === -1) existing.parameters.push({ ...parameter });
        else existing.parameters[at] = { ...parameter };
      }
      if (declared.inputArraySizeLimit !== undefined) existing.inputArraySizeLimit = declared.inputArraySizeLimit;
      existing.declaredIn.push(label);
    }
  }
  return [...byId.values()];
}

/** Builds the route table (sorted, indexed) from merged routes. */
export function createRouteTable(routes: readonly Route[]): RouteTable {
  const sorted = routes
    .map((route, order) => ({ route, order }))
    .sort((a, b) => compareBytes(a.route.url, b.route.url) || a.order - b.order)
    .map((entry) => entry.route);
  const byId = new Map(sorted.map((route) => [route.id, route]));
  return {
    routes: sorted,
    urlCount: new Set(sorted.map((route) => route.url)).size,
    getRoute: (id) => byId.get(id),
    index: buildRouteIndex(sorted),
  };
}

/** Parses-and-merges shortcut: `createRouteTable(mergeWebapiFiles(files))`. */
export function buildRouteTable(files: readonly WebapiXmlFile[]): RouteTable {
  return createRouteTable(mergeWebapiFiles(files));
}

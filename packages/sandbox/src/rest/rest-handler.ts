import type { Caller } from '@magekit/acl';
import type { PhpArray } from '@magekit/php';
import type { StoreContext } from '../settings/fault.service';

/** Who made a REST call, after authentication (`UserContextInterface`). */
export interface RestUser {
  caller: Caller;
  /** Admin user id, customer id or integration id; null for guests. */
  userId: number | null;
}

/** Everything a route implementation gets. */
export interface RestCall {
  method: string;
  /** The route as written in webapi.xml, e.g. `/V1/products/:sku`. */
  route: string;
  /** `:param` captures, urldecoded. */
  params: Record<string, string>;
  /** The query string as PHP's `parse_str` reads it (`searchCriteria[filterGroups][0]…`). */
  query: PhpArray;
  /** The body parameters, decoded from JSON or XML (`readRestBody`; `{}` when there is none). */
  body: Record<string, unknown>;
  /** Values of the route's `<data><parameter>` overrides for this caller, by input name. */
  forced: Record<string, unknown>;
  user: RestUser;
  /** The store code of the path: null for none, `all` for the admin store (id 0), else a store view. */
  storeCode: string | null;
  /** The settings store of the request (`default` for no code and for `all`). */
  store: StoreContext;
  /** The store's base URL with a trailing slash. */
  baseUrl: string;
}

/** A route implementation: returns the JSON Magento would return (any serialisable value). */
export type RestHandler = (call: RestCall) => unknown | Promise<unknown>;

/** Route implementations keyed by `METHOD /V1/url` as written in webapi.xml. */
export type RestHandlerMap = Record<string, RestHandler>;

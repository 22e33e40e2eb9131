import { isMagentoClientError, searchCriteria, type MagentoClient } from '@magekit/client';
import type { MagentoModel, Route } from '@magekit/acl';

/** What a check found out about one required ACL resource. */
export type ResourceCheckState = 'allowed' | 'refused' | 'unknown';

/** The result of checking one required resource against a store (kept in the store's facts). */
export interface ResourceCheck {
  /** ACL id, e.g. `Magento_Sales::actions_view`. */
  id: string;
  state: ResourceCheckState;
  /** The route called, e.g. `GET /V1/orders`; null when there is no safe one. */
  route: string | null;
  /** HTTP status of the answer; null without one. */
  status: number | null;
  /** Why: Magento's refusal, the answer that proved the ACL check passed, or what made it unknown. */
  detail: string | null;
}

/** The call planned for one resource. */
export interface ResourceProbe {
  id: string;
  route: Route | null;
}

const NO_SAFE_ROUTE =
  'Unknown: no safe GET route (one needing exactly this resource and no path parameters) in the stock route table.';

/**
 * For each required resource, the representative call: a `GET` route of the stock table that needs
 * exactly that resource and has no path parameter, `getList` services first (asked for one item),
 * then table order. Magento does not tell an integration which resources it was granted, so the
 * answer to that call is the evidence. Pure.
 */
export function planResourceProbes(model: MagentoModel, ids: readonly string[]): ResourceProbe[] {
  return ids.map((id) => {
    const candidates = model.routes.routes.filter(
      (route) =>
        route.method === 'GET' && !route.url.includes(':') && route.resources.length === 1 && route.resources[0] === id,
    );
    const route = candidates.find((candidate) => candidate.serviceMethod === 'getList') ?? candidates[0] ?? null;
    return { id, route };
  });
}

/** Runs the planned calls (concurrently, within the client's limit); never throws. */
export function checkResources(
  client: MagentoClient,
  probes: readonly ResourceProbe[],
  timeoutMs: number,
): Promise<ResourceCheck[]> {
  return Promise.all(probes.map((probe) => checkOne(client, probe, timeoutMs)));
}

async function checkOne(client: MagentoClient, probe: ResourceProbe, timeoutMs: number): Promise<ResourceCheck> {
  if (probe.route === null) return { id: probe.id, state: 'unknown', route: null, status: null, detail: NO_SAFE_ROUTE };
  const route = probe.route;
  const query = route.serviceMethod === 'getList' ? searchCriteria().pageSize(1).page(1).toQueryString() : undefined;
  try {
    await client.get(route.url.replace(/\/+$/, ''), { query, timeoutMs });
    return { id: probe.id, state: 'allowed', route: route.id, status: 200, detail: null };
  } catch (error) {
    return { id: probe.id, route: route.id, ...classifyCheckFailure(error) };
  }
}

/**
 * Reads a failed check: "The consumer isn't authorized…" is a refusal; an answer Magento gives only
 * after its ACL check (input errors, missing entities, the sandbox's 501) shows the resource is
 * allowed; anything else (no route on this store, token problems, 5xx, network) leaves it unknown. Pure.
 */
export function classifyCheckFailure(error: unknown): Pick<ResourceCheck, 'state' | 'status' | 'detail'> {
  if (!isMagentoClientError(error))
    return {
      state: 'unknown',
      status: null,
      detail: `The check failed: ${String((error as Error)?.message ?? error)}`,
    };
  const status = error.status ?? null;
  if (error.code === 'NOT_AUTHORIZED') return { state: 'refused', status, detail: error.message };
  if (status === 404 && /does not match any route/i.test(error.message))
    return {
      state: 'unknown',
      status,
      detail: `Unknown: the store has no such route (module not installed?): ${error.message}`,
    };
  const pastAcl =
    status !== null &&
    ((status >= 400 && status < 500 && ![401, 403, 407, 408, 429].includes(status)) || status === 501);
  if (pastAcl)
    return {
      state: 'allowed',
      status,
      detail: `Magento answered ${status} after its ACL check passed: ${error.message}`,
    };
  return { state: 'unknown', status, detail: `Unknown: ${error.message}` };
}

import type { AclRoleCaller, Caller } from './caller';
import { ADMIN_ROOT_ID, ALL_RESOURCES_ID, type ResourceTree } from './resource-tree';

/** Why a resource was allowed or refused; each names the Magento rule (docs/magento-behaviour.md §4.3–§4.8). */
export type VerdictReason =
  | 'anonymous'
  | 'self-customer'
  | 'no-acl-role'
  | 'all-resources'
  | 'not-in-acl'
  | 'explicit-allow'
  | 'explicit-deny'
  | 'inherited-allow'
  | 'inherited-deny'
  | 'no-rule';

/** The decision for one resource of a route. */
export interface ResourceVerdict {
  resource: string;
  allowed: boolean;
  reason: VerdictReason;
  /** For inherited verdicts: the ancestor whose saved rule applied. */
  from?: string;
}

/** Whether a role caller holds "All resources" (`Rules::saveRel()` writes the root allow). */
export function hasAllResources(caller: AclRoleCaller): boolean {
  return caller.resources === 'all' || (caller.resources ?? []).includes(ALL_RESOURCES_ID);
}

/**
 * Decides one resource for one caller, in Magento's order: `GuestAuthorization` (anonymous),
 * `CustomerAuthorization` (`self` for a customer with an id), then `Policy\Acl` over the rules
 * `Rules::saveRel()` wrote — an explicit allow for each ticked id plus `Magento_Backend::admin`, a
 * deny for every other id of the tree as it was at save time; ids added later follow their nearest
 * saved ancestor (Laminas ACL inheritance); ids in no acl.xml (and `self`) only pass with "All".
 */
export function checkResource(tree: ResourceTree, caller: Caller, resource: string): ResourceVerdict {
  const verdict = (allowed: boolean, reason: VerdictReason, from?: string): ResourceVerdict =>
    from === undefined ? { resource, allowed, reason } : { resource, allowed, reason, from };
  if (resource === 'anonymous') return verdict(true, 'anonymous');
  if (caller.type === 'customer' && resource === 'self' && isTruthyId(caller.customerId))
    return verdict(true, 'self-customer');
  if (caller.type === 'guest' || caller.type === 'customer') return verdict(false, 'no-acl-role');
  if (hasAllResources(caller)) return verdict(true, 'all-resources');
  if (!tree.nodes.has(resource)) return verdict(false, 'not-in-acl');
  const ticked = caller.resources === 'all' ? [] : (caller.resources ?? []);
  // `if ($postedResources)`: an empty list saves no rules at all.
  if (ticked.length === 0) return verdict(false, 'no-rule');
  const allowedIds = new Set([...ticked, ADMIN_ROOT_ID]);
  const saved = caller.savedWith === undefined ? undefined : new Set(caller.savedWith);
  for (let id: string | null = resource; id !== null; id = tree.nodes.get(id)?.parentId ?? null) {
    if (saved !== undefined && !saved.has(id)) continue;
    const allowed = allowedIds.has(id);
    if (id === resource) return verdict(allowed, allowed ? 'explicit-allow' : 'explicit-deny');
    return verdict(allowed, allowed ? 'inherited-allow' : 'inherited-deny', id);
  }
  return verdict(false, 'no-rule');
}

/** PHP truthiness of a user id: null, 0, "" and "0" are false. */
function isTruthyId(id: number | string | null | undefined): boolean {
  return id !== undefined && id !== null && id !== 0 && id !== '' && id !== '0';
}

import { AclError } from './acl-error';

/** The kinds of web-API callers Magento distinguishes (`UserContextInterface` user types). */
export const CALLER_TYPES = ['guest', 'customer', 'admin', 'integration'] as const;
export type CallerType = (typeof CALLER_TYPES)[number];

/** An anonymous caller (no or unusable token). */
export interface GuestCaller {
  type: 'guest';
}

/** A customer token's caller; without an id Magento treats `self` as not allowed. */
export interface CustomerCaller {
  type: 'customer';
  customerId?: number | string | null;
}

/**
 * An admin user (through the user's role) or an integration, both holding a saved resource list.
 * `resources: 'all'` (or a list containing `Magento_Backend::all`) is "All resources"; a missing list
 * is none. `savedWith` is the set of resource ids the ACL tree had when the role was saved (default:
 * the current tree), so that resources added later inherit from their nearest saved ancestor.
 */
export interface AclRoleCaller {
  type: 'admin' | 'integration';
  resources?: readonly string[] | 'all';
  savedWith?: Iterable<string>;
}

export type Caller = GuestCaller | CustomerCaller | AclRoleCaller;

/**
 * Checks an untyped caller description (e.g. parsed JSON).
 *
 * @throws AclError `UNKNOWN_CALLER_TYPE`, `INVALID_CALLER`
 */
export function assertCaller(value: unknown): Caller {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new AclError('the caller must be an object with a "type"', 'INVALID_CALLER');
  const { type, resources, customerId, savedWith } = value as Record<string, unknown>;
  if (typeof type !== 'string' || !(CALLER_TYPES as readonly string[]).includes(type)) {
    throw new AclError(`unknown caller type ${JSON.stringify(type)}`, 'UNKNOWN_CALLER_TYPE', {
      hint: `Use one of ${CALLER_TYPES.join(', ')}.`,
    });
  }
  if (type === 'guest' || type === 'customer') {
    if (resources !== undefined)
      throw new AclError(
        `a ${type} caller has no ACL resources; "resources" applies to admin and integration callers`,
        'INVALID_CALLER',
      );
    if (type === 'guest') return { type };
    if (
      customerId !== undefined &&
      customerId !== null &&
      typeof customerId !== 'number' &&
      typeof customerId !== 'string'
    ) {
      throw new AclError('"customerId" must be a number or a string', 'INVALID_CALLER');
    }
    return { type, customerId: customerId as CustomerCaller['customerId'] };
  }
  if (customerId !== undefined) throw new AclError(`an ${type} caller has no customerId`, 'INVALID_CALLER');
  const caller: AclRoleCaller = { type: type as AclRoleCaller['type'], resources: [] };
  if (resources === 'all') caller.resources = 'all';
  else if (resources !== undefined && resources !== null)
    caller.resources = readIdList(resources, 'resources', '"all" or ');
  if (savedWith !== undefined && savedWith !== null) caller.savedWith = readIdList(savedWith, 'savedWith', '');
  return caller;
}

function readIdList(value: unknown, field: string, alternative: string): string[] {
  if (!Array.isArray(value) || value.some((id) => typeof id !== 'string')) {
    throw new AclError(`"${field}" must be ${alternative}an array of resource ids`, 'INVALID_CALLER');
  }
  return value as string[];
}

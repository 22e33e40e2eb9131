import type { Caller } from './caller';
import type { Route } from './route-table';

/** A `<data><parameter>` of the matched route with the value Magento would put into the input. */
export interface ForcedParameter {
  /** Input key, dotted for nested input (`customer.id`). */
  name: string;
  /** true: replaces what the client sent; false: only fills a missing value. */
  force: boolean;
  /** The declared value, e.g. `%customer_id%`. */
  declared: string | null;
  /** The value for this caller; undefined when it depends on store data (e.g. the active cart id). */
  value: string | number | null | undefined;
  note?: string;
}

/**
 * Resolves a route's parameter overrides for a caller like `Webapi\Controller\Rest\ParamsOverrider`:
 * `%customer_id%` is the customer's id for customers and null for everyone else
 * (`ParamOverriderCustomerId`); `%cart_id%` is the customer's active cart, null for others
 * (`Quote\Model\Webapi\ParamOverriderCartId`); any other text is used as is.
 */
export function resolveForcedParameters(route: Route, caller: Caller): ForcedParameter[] {
  const isCustomer = caller.type === 'customer';
  return route.parameters.map(({ name, force, value: declared }) => {
    const base = { name, force, declared };
    if (declared === '%customer_id%') return { ...base, value: isCustomer ? (caller.customerId ?? null) : null };
    if (declared === '%cart_id%') {
      return isCustomer
        ? {
            ...base,
            value: undefined,
            note: "the customer's active cart id (ParamOverriderCartId); 404 when the customer has none",
          }
        : { ...base, value: null };
    }
    if (declared !== null && /^%\w+%$/.test(declared)) {
      return {
        ...base,
        value: undefined,
        note: `replaced by the store's overrider for ${declared} if one is registered, else sent literally`,
      };
    }
    return { ...base, value: declared };
  });
}

import type { ForcedParameter } from '@magekit/acl';
import { isIntegerKey, type PhpArray } from '@magekit/php';
import { applyForcedParameters, overrideBodyIdWithPathParam, type InputObject } from './params-overrider';
import type { ServiceParameter } from './service-signatures';

/** A PHP array in order: integer keys as numbers, string keys as strings. */
export type PhpEntries = Array<[string | number, unknown]>;

/**
 * The input of a single asynchronous call, as the synchronous
 * `Magento\Webapi\Controller\Rest\InputParamsResolver::getInputData()` builds it: the request
 * parameters (route captures, then query parameters not already set) merged over the body
 * (`array_merge`; a PUT first has its body id replaced by the last parameter, a DELETE has no body),
 * then the route's forced parameters. This is what the operation's `meta_information` holds.
 */
export function resolveSingleInput(
  method: string,
  body: InputObject,
  routeParams: Readonly<Record<string, string>>,
  query: PhpArray,
  forced: readonly ForcedParameter[],
  signature: readonly ServiceParameter[] | undefined,
): InputObject {
  const params = requestParams(routeParams, query);
  const merged =
    method === 'PUT'
      ? arrayMerge(toEntries(overrideBodyIdWithPathParam(params as [string, unknown][], body, signature)), params)
      : method === 'POST'
        ? arrayMerge(toEntries(body), params)
        : arrayMerge(params);
  return applyForcedParameters(fromEntries(merged), forced);
}

/**
 * The entities of a bulk call (`Magento\WebapiAsync\Controller\Rest\Asynchronous\InputParamsResolver::getInputData()`):
 * the body's elements with the query parameters merged after them (`array_merge`); each element
 * that is an array gets its keys de-duplicated (`filterInputData()`: the first of `sku`, `SKU`,
 * `s_k_u` wins, at every depth) and the route's forced parameters. Other elements stay as they are
 * and are skipped when operations are made.
 */
export function resolveBulkInputs(body: PhpEntries, query: PhpArray, forced: readonly ForcedParameter[]): PhpEntries {
  return arrayMerge(body, requestParams({}, query)).map(([key, value]) => [
    key,
    value !== null && typeof value === 'object'
      ? applyForcedParameters(filterInputData(value) as InputObject, forced)
      : value,
  ]);
}

/** `filterInputData()`: keys compared lower-cased without `_`; the first one of each kind stays. */
export function filterInputData(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(filterInputData);
  const seen = new Set<string>();
  const out: InputObject = {};
  for (const [key, item] of Object.entries(value)) {
    const normalized = isIntegerKey(key) ? key : key.replace(/_/g, '').toLowerCase();
    if (seen.has(normalized)) continue;
    seen.add(normalized);
    out[key] = filterInputData(item);
  }
  return out;
}

/** `Request::getParams()`: the route's captures, then query parameters (`$params += $query`). */
function requestParams(routeParams: Readonly<Record<string, string>>, query: PhpArray): PhpEntries {
  const entries = toEntries(routeParams);
  for (const [key, value] of toEntries(query))
    if (!entries.some(([existing]) => existing === key)) entries.push([key, value]);
  return entries;
}

/** A decoded JSON value's entries as PHP's array (a list is keyed 0…n-1, integer-like keys are integers). */
export function toEntries(value: unknown): PhpEntries {
  if (value === null || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.map((item, index) => [index, item]);
  return Object.entries(value).map(([key, item]) => [isIntegerKey(key) ? Number(key) : key, item]);
}

/** PHP's `array_merge()`: integer keys renumbered from 0 in order, a later string key replaces the value. */
export function arrayMerge(...arrays: PhpEntries[]): PhpEntries {
  const out: PhpEntries = [];
  let next = 0;
  for (const array of arrays) {
    for (const [key, value] of array) {
      if (typeof key === 'number') {
        out.push([next++, value]);
        continue;
      }
      const at = out.findIndex(([existing]) => existing === key);
      if (at === -1) out.push([key, value]);
      else out[at] = [key, value];
    }
  }
  return out;
}

/** Entries as a JSON object (the form the sandbox's handlers read). */
export function fromEntries(entries: PhpEntries): InputObject {
  return Object.fromEntries(entries.map(([key, value]) => [String(key), value]));
}

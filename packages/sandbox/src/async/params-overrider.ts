import type { ForcedParameter } from '@magekit/acl';
import type { ServiceParameter } from './service-signatures';

/** A decoded JSON object, as PHP's associative array. */
export type InputObject = Record<string, unknown>;

/**
 * `Magento\Webapi\Controller\Rest\ParamsOverrider::override()`: each `<parameter>` of the route
 * (dotted names reach nested input) is written when forced, or when the input has no value there
 * (looked up in camelCase); the key keeps the input's spelling when a camelCase one exists. A value
 * that depends on store data the sandbox does not model (`value` undefined) is left out.
 */
export function applyForcedParameters(input: InputObject, parameters: readonly ForcedParameter[]): InputObject {
  const out = structuredClone(input);
  for (const parameter of parameters) {
    if (parameter.value === undefined) continue;
    const keys = parameter.name.split('.');
    if (parameter.force || !isNestedValueSet(out, keys)) setNestedValue(out, keys, parameter.value);
  }
  return out;
}

function isNestedValueSet(input: InputObject, keys: readonly string[]): boolean {
  let current: unknown = convertKeysToCamelCase(input);
  for (const key of keys) {
    if (current === null || typeof current !== 'object') return false;
    const next = (current as InputObject)[snakeCaseToCamelCase(key)];
    if (next === undefined || next === null) return false;
    current = next;
  }
  return true;
}

function setNestedValue(input: InputObject, keys: readonly string[], value: unknown): void {
  let current = input;
  for (const key of keys.slice(0, -1)) {
    const name = key in current ? key : snakeCaseToCamelCase(key);
    const next = current[name];
    if (next === undefined || next === null) current[name] = {};
    else if (typeof next !== 'object') return;
    current = asObject(current, name);
  }
  const last = keys[keys.length - 1];
  const camel = snakeCaseToCamelCase(last);
  current[camel in current ? camel : last] = value;
}

/**
 * `ParamsOverrider::overrideRequestBodyIdWithPathParam()` for PUT: the last request parameter
 * replaces the body's id — inside the body's one object when its data interface has that property,
 * else at the top level — unless its value is `me`.
 */
export function overrideBodyIdWithPathParam(
  pathParams: readonly [string, unknown][],
  body: InputObject,
  signature: readonly ServiceParameter[] | undefined,
): InputObject {
  if (pathParams.length === 0) return body;
  const [key, value] = pathParams[pathParams.length - 1];
  if (value === 'me') return body;
  const out = structuredClone(body);
  const keys = Object.keys(out);
  const only = keys.length === 1 ? out[keys[0]] : undefined;
  if (only !== null && typeof only === 'object') {
    const parameter = signature?.find((candidate) => candidate.name === keys[0]);
    if (parameter?.declares?.includes(key)) {
      substituteParameter(asObject(out, keys[0]), key, value);
      return out;
    }
  }
  substituteParameter(out, key, value);
  return out;
}

/** `ParamsOverrider::substituteParameters()`: the camelCase key when the data has it, else the snake_case key. */
function substituteParameter(data: InputObject, key: string, value: unknown): void {
  const camel = snakeCaseToCamelCase(key);
  if (data[camel] !== undefined && data[camel] !== null) data[camel] = value;
  else data[camelCaseToSnakeCase(key)] = value;
}

/** The object under `name`, a list turned into an index-keyed object first (a PHP array is both). */
function asObject(parent: InputObject, name: string): InputObject {
  const value = parent[name];
  if (Array.isArray(value)) parent[name] = Object.assign({}, value);
  return parent[name] as InputObject;
}

/** `SimpleDataObjectConverter::convertKeysToCamelCase()`, recursively. */
function convertKeysToCamelCase(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(convertKeysToCamelCase);
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [snakeCaseToCamelCase(key), convertKeysToCamelCase(item)]),
  );
}

/** `SimpleDataObjectConverter::snakeCaseToCamelCase()`: `lcfirst(str_replace('_', '', ucwords($name, '_')))`. */
export function snakeCaseToCamelCase(name: string): string {
  const words = name.split('_').map((word) => word.charAt(0).toUpperCase() + word.slice(1));
  const joined = words.join('');
  return joined.charAt(0).toLowerCase() + joined.slice(1);
}

/** `SimpleDataObjectConverter::camelCaseToSnakeCase()`: `strtolower(preg_replace('/(.)([A-Z])/', '$1_$2', $name))`. */
export function camelCaseToSnakeCase(name: string): string {
  return name.replace(/(.)([A-Z])/g, '$1_$2').toLowerCase();
}

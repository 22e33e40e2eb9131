import { phpString } from './php-string';
import { isPhpArray } from './service-input-processor';
import { SerializationException } from './type-processor';

/** One entry of `custom_attributes` as the web API reads it (`AttributeValue`). */
export interface CustomAttributeInput {
  attribute_code: string;
  value: unknown;
}

/**
 * `ServiceInputProcessor::convertCustomAttributeValue()`: `custom_attributes` is iterated as a PHP
 * array (a list of `{attribute_code, value}` or a map `{code: value}`); a non-array entry is the value
 * of the attribute named by its key; `processCustomAttribute()` then requires a code (or
 * `attributeCode`) and a `value` key. A later entry with the same code replaces an earlier one. The
 * attribute types of the EAV model are not applied.
 * @throws SerializationException for an entry without code or value (wrapped by the caller in the field name)
 * @throws Error for a non-array `custom_attributes`: PHP's `foreach` warning, which Magento's error
 *   handler turns into an exception and `ErrorProcessor` masks as a 500
 */
export function convertCustomAttributes(value: unknown): CustomAttributeInput[] {
  if (!isPhpArray(value))
    throw new Error(`Warning: foreach() argument must be of type array|object, ${debugType(value)} given`);
  const byCode = new Map<string, unknown>();
  for (const [key, entry] of Object.entries(value)) {
    const attribute = isPhpArray(entry) ? (entry as Record<string, unknown>) : { attribute_code: key, value: entry };
    const code = attribute['attribute_code'] ?? attribute['attributeCode'] ?? null;
    const valueSet = attribute['value'] !== undefined && attribute['value'] !== null;
    if (isPhpFalsy(code) && !valueSet)
      throw new SerializationException('An empty custom attribute is specified. Enter the attribute and try again.');
    if (isPhpFalsy(code))
      throw new SerializationException(
        'A custom attribute is specified with a missing attribute code. Verify the code and try again.',
      );
    const name = isPhpArray(code) ? 'Array' : phpString(code as string | number | boolean);
    if (!('value' in attribute))
      throw new SerializationException(
        `The "${name}" attribute code doesn't have a value set. Enter the value and try again.`,
      );
    byCode.set(name, attribute['value']);
  }
  return [...byCode].map(([attribute_code, attributeValue]) => ({ attribute_code, value: attributeValue }));
}

/** PHP's `!$value`. */
function isPhpFalsy(value: unknown): boolean {
  if (isPhpArray(value)) return Object.keys(value).length === 0;
  return value === null || value === false || value === 0 || value === '' || value === '0';
}

/** PHP `get_debug_type()` of a scalar, as PHP 8 names it in warnings. */
function debugType(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  return typeof value === 'boolean' ? 'bool' : 'string';
}

import { intCast, isNumeric } from '@magekit/php';
import { MagentoException } from './magento-exception';
import { phpGettype, phpString } from './php-string';

/** The simple types of service data the sandbox converts, with their list forms. */
export type SimpleType = 'string' | 'int' | 'float' | 'bool';
export type SimpleListType = `${SimpleType}[]`;

/**
 * Magento's `SerializationException` raised while the web API converts its input: a 400 whose
 * message is already rendered. `ServiceInputProcessor::process()` re-throws it as
 * `new WebapiException(new Phrase($e->getMessage()))`, so the REST body is `{"message": "…"}` with no
 * `parameters`, and `_createFromArray()` prefixes the field it was reading ({@link inField}).
 * docs/magento-behaviour.md §12.1.
 */
export class SerializationException extends MagentoException {
  constructor(message: string) {
    super(400, message);
    this.name = 'SerializationException';
  }
}

/** `TypeProcessor::processSimpleAndAnyType`'s message, rendered. */
export function invalidTypeError(value: string, type: string): SerializationException {
  return new SerializationException(
    `The "${value}" value's type is invalid. The "${type}" type was expected. Verify and try again.`,
  );
}

/**
 * `ServiceInputProcessor::_createFromArray()` around one property: a conversion error of the field is
 * wrapped as `Error occurred during "%field_name" processing. %details` (the field as sent); other
 * errors pass unchanged. Nested objects nest the prefix.
 */
export function inField<T>(field: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof SerializationException)
      throw new SerializationException(`Error occurred during "${field}" processing. ${error.message}`);
    throw error;
  }
}

/**
 * `TypeProcessor::processSimpleAndAnyType($value, $type)` for a simple type: `null` stays `null`; a
 * list or object is refused with its `gettype()` (`"array"`); `int`/`float` need `is_numeric` (the
 * refused value is shown as PHP's string cast: `true` → `"1"`, `false` → `""`); `string` is PHP's
 * cast; `bool` is `filter_var(…, FILTER_VALIDATE_BOOLEAN)` and never fails.
 * @throws SerializationException for a value of the wrong type
 */
export function processSimpleType(value: unknown, type: SimpleType): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'object') throw invalidTypeError(phpGettype(value), type);
  const scalar = value as string | number | boolean;
  if (type === 'bool') return /^(?:1|true|on|yes)$/i.test(phpString(scalar).trim());
  if (type === 'string') return phpString(scalar);
  const numeric = typeof scalar === 'number' || (typeof scalar === 'string' && isNumeric(scalar));
  if (!numeric) throw invalidTypeError(phpString(scalar), type);
  const number = typeof scalar === 'number' ? scalar : Number(scalar.trim());
  return type === 'int' ? (typeof scalar === 'number' ? Math.trunc(scalar) : intCast(scalar)) : number;
}

/**
 * `processSimpleAndAnyType` for a list type (`int[]`, `string[]`): `null` stays `null`, a scalar is
 * refused with its `gettype()` (`The "string" value's type is invalid. The "int[]" type was
 * expected…`), each item is `settype()` to the item type, which never fails (`"abc"` → `0`).
 * @throws SerializationException for a scalar where a list is expected
 */
export function processSimpleList(value: unknown, type: SimpleListType): unknown[] | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object') throw invalidTypeError(phpGettype(value), type);
  const itemType = type.slice(0, -2) as SimpleType;
  return Object.values(value as object).map((item) => settype(item, itemType));
}

/** PHP `settype()` of one list item, which converts anything. */
function settype(item: unknown, type: SimpleType): string | number | boolean {
  if (typeof item === 'object' && item !== null) {
    const filled = Object.keys(item).length > 0;
    return type === 'string' ? 'Array' : type === 'bool' ? filled : filled ? 1 : 0;
  }
  const scalar = (item ?? null) as string | number | boolean | null;
  if (type === 'string') return phpString(scalar);
  if (type === 'bool') return scalar !== null && scalar !== '' && scalar !== '0' && scalar !== 0 && scalar !== false;
  if (typeof scalar === 'number') return type === 'int' ? Math.trunc(scalar) : scalar;
  if (typeof scalar === 'boolean' || scalar === null) return scalar ? 1 : 0;
  return type === 'int' ? intCast(scalar) : floatCast(scalar);
}

/** PHP `(float)` of a string: its leading numeric prefix, else 0. */
function floatCast(value: string): number {
  const match = /^[ \t\n\r\v\f]*([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)/.exec(value);
  return match === null ? 0 : Number(match[1]);
}

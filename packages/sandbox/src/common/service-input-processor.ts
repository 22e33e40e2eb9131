import { MagentoException } from './magento-exception';
import { inField, processSimpleList, processSimpleType, type SimpleListType, type SimpleType } from './type-processor';

/** A PHP array as JSON or XML decodes it: a list or an object. */
export type PhpArrayValue = Record<string, unknown> | unknown[];

/** How one property of a data interface is converted: by its getter's type, or by a function. */
export type FieldType = SimpleType | SimpleListType | ((value: unknown) => unknown);

/** PHP `is_array()` of a decoded value: lists and objects alike. */
export function isPhpArray(value: unknown): value is PhpArrayValue {
  return typeof value === 'object' && value !== null;
}

/**
 * `ServiceInputProcessor::_removeSoapItemNode()`, applied to every array-typed input that has an
 * `item` key: how XML (and SOAP) spell a list. `{"item": {…}}` is a list of one, `{"item": [a, b]}`
 * the list itself, `{"item": "x"}` the list `["x"]`.
 */
export function removeItemNode(value: unknown): unknown {
  if (!isPhpArray(value) || Array.isArray(value) || value['item'] === undefined || value['item'] === null) return value;
  const items = value['item'];
  if (!isPhpArray(items)) return [items];
  if (Array.isArray(items)) return items.length === 0 ? [items] : items;
  const keys = Object.keys(items);
  const isList = keys.length > 0 && keys.every((key, index) => key === String(index));
  return isList ? Object.values(items) : [items];
}

/**
 * `ServiceInputProcessor::processComplexTypes()` for a list of data objects (`ProductLinkInterface[]`):
 * the `item` wrapper removed, anything but an array refused with 400 `Not all parameters valid.`
 * (`InvalidArgumentException`, not wrapped in the field name), each item built by `_createFromArray()`,
 * which treats a non-array item as an empty object.
 */
export function processObjectList(
  value: unknown,
  convertItem: (item: Record<string, unknown>) => Record<string, unknown> = (item) => item,
): Array<Record<string, unknown>> {
  const list = removeItemNode(value);
  if (!isPhpArray(list)) throw new MagentoException(400, 'Not all parameters valid.');
  return Object.values(list).map((item) =>
    convertItem(isPhpArray(item) && !Array.isArray(item) ? item : ({} as Record<string, unknown>)),
  );
}

/** `_createFromArray()` of one data object: a non-array value is an empty object. */
export function processObject(value: unknown): Record<string, unknown> {
  return isPhpArray(value) && !Array.isArray(value) ? value : {};
}

/**
 * `_createFromArray()`'s loop over the input of one data object, in the order sent: each property
 * with a known getter type is converted (snake_case and camelCase name the same getter), conversion
 * errors carry the property's name ({@link inField}); other properties pass unchanged.
 * @throws SerializationException for the first value of the wrong type; MagentoException from converters
 */
export function convertFields(
  input: Record<string, unknown>,
  fields: Record<string, FieldType>,
): Record<string, unknown> {
  const types = new Map(Object.entries(fields).map(([name, type]) => [normalize(name), type]));
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    const type = types.get(normalize(key));
    setOwn(out, key, type === undefined ? value : inField(key, () => convert(value, type)));
  }
  return out;
}

/** Sets an own enumerable property, also for a key such as `__proto__` that assignment would not create. */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function convert(value: unknown, type: FieldType): unknown {
  if (typeof type === 'function') return type(value);
  if (type.endsWith('[]')) return processSimpleList(removeItemNode(value), type as SimpleListType);
  return processSimpleType(value, type as SimpleType);
}

/** `SimpleDataObjectConverter::snakeCaseToUpperCamelCase`, compared without case. */
function normalize(name: string): string {
  return name.replace(/_/g, '').toLowerCase();
}

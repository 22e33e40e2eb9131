import { isStoreScoped, SCOPED_COLUMNS } from './attribute-scope';
import type { ProductWrite } from './product-input';
import type { StoreValueWrite } from './product-store-values';

/** A save of an existing product through a store view, split the way Magento stores it. */
export interface StoreViewSave {
  /** The request body without store- and website-scoped attributes: written to the default scope. */
  globalBody: Record<string, unknown>;
  /** Values of the scoped attributes the request sent (null: remove the store view value). */
  scopedValues: StoreValueWrite[];
}

/**
 * What `ProductRepository::save()` does with a request through a store view (2.4: only the attributes
 * in the request are saved; `UpdateHandler` writes each store- or website-scoped one to the store view,
 * even when it equals the default, and deletes the store view's value for an empty one; global ones go
 * to store 0). Which attributes were sent is read from the body (snake_case or camelCase keys, as
 * `ServiceInputProcessor` accepts both); the values of `name`, `price`, `status` and `visibility`
 * from `validated` (the whole input as `mergeProductInput` typed it), custom attributes as sent.
 * docs/magento-behaviour.md §10.
 */
export function splitStoreViewSave(body: Record<string, unknown>, validated: ProductWrite): StoreViewSave {
  const input = body['product'];
  if (input === null || typeof input !== 'object' || Array.isArray(input))
    return { globalBody: body, scopedValues: [] };
  const product = { ...(input as Record<string, unknown>) };
  const scopedValues: StoreValueWrite[] = [];
  for (const column of SCOPED_COLUMNS) {
    const key = findKey(product, column);
    if (key === undefined) continue;
    if (product[key] !== null) scopedValues.push([column, validated[column]]);
    delete product[key];
  }
  const listKey = findKey(product, 'custom_attributes');
  const list = listKey === undefined ? null : product[listKey];
  if (listKey !== undefined && list !== null && typeof list === 'object') {
    const entries = Object.entries(list as Record<string, unknown>).filter(([key, attribute]) => {
      const code = attributeCodeOf(key, attribute);
      if (code === null || !isStoreScoped(code)) return true;
      scopedValues.push([code, attributeValueOf(attribute)]);
      return false;
    });
    product[listKey] = Array.isArray(list) ? entries.map(([, attribute]) => attribute) : Object.fromEntries(entries);
  }
  return { globalBody: { ...body, product }, scopedValues };
}

/** The value of one `custom_attributes` entry, as sent (as the default scope stores it too). */
function attributeValueOf(attribute: unknown): unknown {
  if (attribute === null || typeof attribute !== 'object') return attribute ?? null;
  return (attribute as { value?: unknown }).value ?? null;
}

/**
 * The code of one `custom_attributes` entry (`ServiceInputProcessor::processCustomAttribute()`): an
 * object's `attribute_code` (or `attributeCode`); a scalar in the `{code: value}` form is keyed by its code.
 */
function attributeCodeOf(key: string, attribute: unknown): string | null {
  if (attribute === null || typeof attribute !== 'object') return /^\d+$/.test(key) ? null : key;
  const entry = attribute as Record<string, unknown>;
  const code = entry[findKey(entry, 'attribute_code') ?? 'attribute_code'];
  return typeof code === 'string' ? code : null;
}

/** The key under which `object` holds a property: its snake_case name or its camelCase one. */
function findKey(object: Record<string, unknown>, snakeCase: string): string | undefined {
  const camelCase = snakeCase.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
  return [snakeCase, camelCase].find((key) => Object.prototype.hasOwnProperty.call(object, key));
}

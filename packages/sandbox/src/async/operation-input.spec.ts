import type { ForcedParameter } from '@magekit/acl';
import { parseStrNested } from '@magekit/php';
import { arrayMerge, filterInputData, resolveBulkInputs, resolveSingleInput, toEntries } from './operation-input';
import { applyForcedParameters, camelCaseToSnakeCase, snakeCaseToCamelCase } from './params-overrider';
import { findSignature } from './service-signatures';

const SAVE = findSignature('Magento\\Catalog\\Api\\ProductRepositoryInterface', 'save');
const CUSTOMER_SAVE = findSignature('Magento\\Customer\\Api\\CustomerRepositoryInterface', 'save');
const forced = (name: string, value: ForcedParameter['value'], force = true): ForcedParameter => ({
  name,
  force,
  declared: null,
  value,
});

describe('the input of an asynchronous call (Webapi InputParamsResolver::getInputData, ParamsOverrider)', () => {
  it('POST: the body, then route captures and query parameters merged after it (route captures win)', () => {
    const input = resolveSingleInput(
      'POST',
      { product: { sku: 'a' } },
      { id: '5' },
      parseStrNested('id=9&x=1'),
      [],
      SAVE,
    );
    expect(input).toEqual({ product: { sku: 'a' }, id: '5', x: '1' });
    expect(Object.keys(input)).toEqual(['product', 'id', 'x']);
  });

  it('PUT: the path id goes into the one body object whose interface declares it, else to the top level', () => {
    expect(resolveSingleInput('PUT', { product: { name: 'n' } }, { sku: 'S1' }, {}, [], SAVE)).toEqual({
      product: { name: 'n', sku: 'S1' },
      sku: 'S1',
    });
    // CustomerInterface has no setCustomerId: the id is written at the top level, snake_case.
    expect(resolveSingleInput('PUT', { customer: { id: 3 } }, { customerId: '7' }, {}, [], CUSTOMER_SAVE)).toEqual({
      customer: { id: 3 },
      customer_id: '7',
      customerId: '7',
    });
    // `me` is never written into the body.
    expect(resolveSingleInput('PUT', { customer: {} }, {}, parseStrNested('x=me'), [], CUSTOMER_SAVE)).toEqual({
      customer: {},
      x: 'me',
    });
  });

  it('DELETE: only the request parameters (the synchronous resolver reads no DELETE body)', () => {
    expect(resolveSingleInput('DELETE', { ignored: true }, { sku: 'S1' }, {}, [], undefined)).toEqual({ sku: 'S1' });
  });

  it('forced parameters: dotted names reach nested input; force replaces, otherwise only a missing value is filled', () => {
    const input = { customer: { id: 9, groupId: 4 } };
    expect(applyForcedParameters(input, [forced('customer.id', null), forced('customer.group_id', 1, false)])).toEqual({
      customer: { id: null, groupId: 4 },
    });
    expect(applyForcedParameters({}, [forced('customerId', 12)])).toEqual({ customerId: 12 });
    expect(applyForcedParameters({}, [forced('cart.id', undefined)])).toEqual({});
    expect(input.customer.id).toBe(9);
  });

  it('bulk: the elements keyed 0…n-1, query parameters merged after them, each array element de-duplicated and overridden', () => {
    const body = toEntries([{ product: { sku: 'a', SKU: 'b', s_k_u: 'c' }, Product: {} }, 'text']);
    const entries = resolveBulkInputs(body, parseStrNested('extra=1&list[k]=v'), [forced('storeId', 0, false)]);
    expect(entries).toEqual([
      [0, { product: { sku: 'a' }, storeId: 0 }],
      [1, 'text'],
      ['extra', '1'],
      ['list', { k: 'v', storeId: 0 }],
    ]);
  });

  it('filterInputData keeps lists and the first of each key spelling at every depth', () => {
    expect(filterInputData({ a_b: 1, AB: 2, list: [{ x: 1, X: 2 }] })).toEqual({ a_b: 1, list: [{ x: 1 }] });
  });

  it('array_merge renumbers integer keys and lets a later string key replace the value in place', () => {
    expect(
      arrayMerge(
        [
          [5, 'a'],
          ['k', 1],
        ],
        [
          [9, 'b'],
          ['k', 2],
        ],
      ),
    ).toEqual([
      [0, 'a'],
      ['k', 2],
      [1, 'b'],
    ]);
  });

  it.each([
    ['customer_id', 'customerId'],
    ['sku', 'sku'],
    ['_a__b', 'aB'],
  ])('snakeCaseToCamelCase(%s) = %s', (snake, camel) => {
    expect(snakeCaseToCamelCase(snake)).toBe(camel);
  });

  it.each([
    ['customerId', 'customer_id'],
    ['ABC', 'a_bc'],
  ])('camelCaseToSnakeCase(%s) = %s', (camel, snake) => {
    expect(camelCaseToSnakeCase(camel)).toBe(snake);
  });
});

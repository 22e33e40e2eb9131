import { bulkItemParams, generateBulkUuid, storeIdFor } from './bulk-request';

describe('bulk request pieces', () => {
  it("a bulk element stands for its route's :parameters with its own scalar values", () => {
    expect(bulkItemParams('/V1/products/:sku', { sku: 'A/1', product: {} })).toEqual({ sku: 'A/1' });
    expect(bulkItemParams('/V1/customers/:customerId', { customer_id: 7 })).toEqual({ customerId: '7' });
    expect(bulkItemParams('/V1/products/:sku', { product: { sku: 'nested' } })).toEqual({});
    expect(bulkItemParams('/V1/products/:sku', { sku: ['x'] })).toEqual({});
  });

  it('makes a version 4 UUID from the random bytes it is given', () => {
    const bytes = Uint8Array.from({ length: 16 }, (_, i) => i * 17);
    expect(generateBulkUuid(() => bytes)).toBe('00112233-4455-4677-8899-aabbccddeeff');
    expect(generateBulkUuid(() => new Uint8Array(16).fill(0xff))).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
  });

  it('gives the store id of the path: a store view, the default view, or 0 for all', () => {
    expect(storeIdFor('es_mx')).toBe('2');
    expect(storeIdFor('default')).toBe('1');
    expect(storeIdFor(null)).toBe('1');
    expect(storeIdFor('all')).toBe('0');
  });
});

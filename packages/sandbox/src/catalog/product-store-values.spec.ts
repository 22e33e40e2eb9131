import type { ProductRow } from './product-json';
import { applyStoreValues, type StoreValueRow } from './product-store-values';

describe('applyStoreValues (a store view reads its values first, then the default scope)', () => {
  const row: ProductRow = {
    id: 7,
    sku: 'S-7',
    name: 'Default name',
    price: 10,
    status: 1,
    visibility: 4,
    type_id: 'simple',
    attribute_set_id: 4,
    created_at: '2024-01-01 00:00:00',
    updated_at: '2024-01-01 00:00:00',
    category_ids: '[]',
    data: JSON.stringify({
      custom_attributes: [
        { attribute_code: 'description', value: 'Default.' },
        { attribute_code: 'color', value: '49' },
      ],
    }),
  };
  const value = (attribute_code: string, stored: unknown): StoreValueRow => ({
    product_id: 7,
    attribute_code,
    value: JSON.stringify(stored),
  });

  it('replaces columns and custom attributes in place and adds a custom attribute the default lacks', () => {
    const seen = applyStoreValues(row, [
      value('name', 'Nombre'),
      value('price', 12.5),
      value('status', 2),
      value('description', 'Texto.'),
      value('meta_title', 'Título'),
    ]);
    expect([seen.name, seen.price, seen.status, seen.visibility]).toEqual(['Nombre', 12.5, 2, 4]);
    expect(JSON.parse(seen.data).custom_attributes).toEqual([
      { attribute_code: 'description', value: 'Texto.' },
      { attribute_code: 'color', value: '49' },
      { attribute_code: 'meta_title', value: 'Título' },
    ]);
    expect(JSON.parse(row.data).custom_attributes[0].value).toBe('Default.');
  });

  it('returns the row itself without store view values', () => {
    expect(applyStoreValues(row, [])).toBe(row);
  });
});

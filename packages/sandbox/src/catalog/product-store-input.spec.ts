import { mergeProductInput } from './product-input';
import type { ProductRow } from './product-json';
import { splitStoreViewSave } from './product-store-input';

describe('splitStoreViewSave (ProductRepository::save through a store view)', () => {
  const existing: ProductRow = {
    id: 3,
    sku: 'S-3',
    name: 'Default name',
    price: 10,
    status: 1,
    visibility: 4,
    type_id: 'simple',
    attribute_set_id: 4,
    created_at: '2024-01-01 00:00:00',
    updated_at: '2024-01-01 00:00:00',
    category_ids: '[]',
    data: JSON.stringify({ custom_attributes: [{ attribute_code: 'color', value: '49' }] }),
  };
  const context = { pathSku: 'S-3', now: '2024-02-01 00:00:00', websiteIds: [1] };

  it('takes the sent store- and website-scoped attributes out of the body, typed; global ones stay', () => {
    const body = {
      product: {
        name: 'Nombre',
        price: 12.5,
        status: 2,
        weight: 3,
        custom_attributes: [
          { attribute_code: 'description', value: 'Texto.' },
          { attribute_code: 'color', value: '50' },
          { attribute_code: 'short_description', value: null },
        ],
      },
    };
    const split = splitStoreViewSave(body, mergeProductInput(body, existing, context));
    expect(split.scopedValues).toEqual([
      ['name', 'Nombre'],
      ['price', 12.5],
      ['status', 2],
      ['description', 'Texto.'],
      ['short_description', null],
    ]);
    expect(split.globalBody).toEqual({
      product: { weight: 3, custom_attributes: [{ attribute_code: 'color', value: '50' }] },
    });
    expect(body.product.name).toBe('Nombre');
  });

  it('reads camelCase keys too, as ServiceInputProcessor does', () => {
    const body = { product: { customAttributes: [{ attributeCode: 'meta_title', value: 'Título' }], visibility: 1 } };
    const split = splitStoreViewSave(body, mergeProductInput(body, existing, context));
    expect(split.scopedValues).toEqual([
      ['visibility', 1],
      ['meta_title', 'Título'],
    ]);
    expect(split.globalBody).toEqual({ product: { customAttributes: [] } });
  });

  it('sends nothing to the store view for attributes the request does not name', () => {
    const body = { product: { sku: 'S-3', weight: 1 } };
    expect(splitStoreViewSave(body, mergeProductInput(body, existing, context)).scopedValues).toEqual([]);
  });
});

import { filterResponseFields, parseFieldsFilter } from './fields-filter';

describe('filterResponseFields (Magento\\Framework\\Webapi\\Rest\\Response\\FieldsFilter)', () => {
  const customer = {
    customer: { id: 1, email: 'a@example.com', firstname: 'A' },
    addresses: [
      {
        city: 'Austin',
        postcode: '78701',
        street: ['1'],
        region: { region_code: 'TX', region: 'Texas', region_id: 57 },
      },
    ],
  };

  it('parses the docblock example into a tree of names', () => {
    expect(parseFieldsFilter('customer[id,email],addresses[city,postcode,region[region_code,region]]')).toEqual({
      customer: { id: 1, email: 1 },
      addresses: { city: 1, postcode: 1, region: { region_code: 1, region: 1 } },
    });
  });

  it('keeps only the named keys, in the response order, and filters each item of a list', () => {
    expect(filterResponseFields(customer, 'addresses[region[region],city],customer[email]')).toEqual({
      customer: { email: 'a@example.com' },
      addresses: [{ city: 'Austin', region: { region: 'Texas' } }],
    });
    expect(
      filterResponseFields(
        [
          { a: 1, b: 2 },
          { a: 3, c: 4 },
        ],
        'a',
      ),
    ).toEqual([{ a: 1 }, { a: 3 }]);
  });

  it('a name without brackets keeps the whole value; brackets on a scalar keep the scalar', () => {
    expect(filterResponseFields(customer, 'customer')).toEqual({ customer: customer.customer });
    expect(filterResponseFields({ sku: 'X' }, 'sku[a]')).toEqual({ sku: 'X' });
  });

  it('an empty list becomes null, as PHP returns from applyFilter', () => {
    expect(filterResponseFields({ items: [], total_count: 0 }, 'items[sku],total_count')).toEqual({
      items: null,
      total_count: 0,
    });
  });

  it('invalid filters (characters, unbalanced brackets) and non-string parameters give []', () => {
    expect(filterResponseFields(customer, 'customer[id')).toEqual([]);
    expect(filterResponseFields(customer, 'customer.id')).toEqual([]);
    expect(filterResponseFields(customer, { 0: 'customer' })).toEqual([]);
  });

  it('does nothing for an absent, empty or "0" parameter, or a scalar response', () => {
    expect(filterResponseFields(customer, undefined)).toBe(customer);
    expect(filterResponseFields(customer, '')).toBe(customer);
    expect(filterResponseFields(customer, '0')).toBe(customer);
    expect(filterResponseFields(true, 'items')).toBe(true);
  });

  it('a "[" right after a "," reuses the previous name, as the PHP parser does', () => {
    expect(parseFieldsFilter('a,[b]')).toEqual({ a: { b: 1 } });
  });

  it('does not modify the response', () => {
    const response = { items: [{ sku: 'A', name: 'N' }] };
    filterResponseFields(response, 'items[sku]');
    expect(response).toEqual({ items: [{ sku: 'A', name: 'N' }] });
  });
});

import { MagentoException } from '../common/magento-exception';
import { mergeCustomerInput } from './customer-input';

const defaults = { websiteId: 1, storeId: 1, storeName: 'Default Store View', now: '2024-01-15 12:00:00' };
const person = { email: 'a@example.com', firstname: 'A', lastname: 'B' };

function merge(input: Record<string, unknown>) {
  let next = 100;
  return mergeCustomerInput(input, null, defaults, () => next++);
}

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof MagentoException) return `${error.httpStatus} ${error.message}`;
    throw error;
  }
  throw new Error('expected a MagentoException');
}

describe('CustomerInterface input as ServiceInputProcessor converts it', () => {
  it('types ids and flags, including those of addresses sent as XML', () => {
    const write = merge({
      ...person,
      group_id: '3',
      gender: 2,
      addresses: {
        item: { firstname: 'A', street: { item: ['Main 1', 'Back'] }, default_billing: 'true', region_id: '12' },
      },
    });
    expect(write.data).toMatchObject({ group_id: 3, gender: 2 });
    expect(write.data['addresses']).toEqual([
      { firstname: 'A', street: ['Main 1', 'Back'], default_billing: true, region_id: 12, id: 100 },
    ]);
  });

  it('reports values of the wrong type with the field path, before checking required values', () => {
    expect(messageOf(() => merge({ firstname: ['x'], group_id: 'vip' }))).toBe(
      '400 Error occurred during "firstname" processing. The "array" value\'s type is invalid. The "string" type was expected. Verify and try again.',
    );
    expect(messageOf(() => merge({ ...person, website_id: '' }))).toBe(
      '400 Error occurred during "website_id" processing. The "" value\'s type is invalid. The "int" type was expected. Verify and try again.',
    );
    expect(messageOf(() => merge({ ...person, addresses: [{ region_id: 'north' }] }))).toBe(
      '400 Error occurred during "addresses" processing. Error occurred during "region_id" processing. The "north" value\'s type is invalid. The "int" type was expected. Verify and try again.',
    );
  });

  it('refuses addresses that are not a list, null included, and makes non-object items empty addresses', () => {
    for (const addresses of ['x', null, 5])
      expect(messageOf(() => merge({ ...person, addresses }))).toBe('400 Not all parameters valid.');
    expect(merge({ ...person, addresses: ['x'] }).data['addresses']).toEqual([{ id: 100 }]);
  });
});

import { inputError, MagentoException } from '../common/magento-exception';

/** What a `CustomerRepository::save()` writes. */
export interface CustomerWrite {
  email: string;
  websiteId: number;
  data: Record<string, unknown>;
}

/** Defaults for a customer created by the save (no id): the request's store. */
export interface NewCustomerDefaults {
  websiteId: number;
  storeId: number;
  storeName: string;
  now: string;
}

/** EAV labels of the required customer attributes (`"%1" is a required value.`). */
const REQUIRED = [
  ['firstname', 'First Name'],
  ['lastname', 'Last Name'],
] as const;

/**
 * The `customer` input of a save merged onto the stored customer: attributes present replace,
 * absent ones are kept (EAV saves what it is given); `addresses` replaces the list when present.
 * The model validates the input it got: an e-mail, then first and last name.
 * @throws MagentoException 400 (`ValidatorException`) for a missing e-mail or name.
 */
export function mergeCustomerInput(
  input: Record<string, unknown>,
  stored: Record<string, unknown> | null,
  defaults: NewCustomerDefaults,
  nextAddressId: () => number,
): CustomerWrite {
  const email = typeof input['email'] === 'string' ? input['email'].trim() : '';
  if (email === '') throw new MagentoException(400, 'The customer email is missing. Enter and try again.');
  const missing = REQUIRED.filter(
    ([key]) => typeof input[key] !== 'string' || (input[key] as string).trim() === '',
  ).map(([, label]) => `"${label}" is a required value.`);
  if (missing.length > 0) throw new MagentoException(400, missing.join('\n'));
  const base: Record<string, unknown> = stored ?? {
    group_id: 1,
    created_at: defaults.now,
    created_in: defaults.storeName,
    store_id: defaults.storeId,
    website_id: defaults.websiteId,
    addresses: [],
    disable_auto_group_change: 0,
    extension_attributes: { is_subscribed: false },
  };
  const { id: _id, addresses, ...fields } = input;
  const data: Record<string, unknown> = { ...base, ...fields, email, updated_at: defaults.now };
  for (const key of ['group_id', 'store_id', 'website_id', 'gender', 'disable_auto_group_change'])
    if (data[key] !== undefined && data[key] !== null) data[key] = toInt(data[key]);
  data['website_id'] ??= defaults.websiteId;
  data['store_id'] ??= defaults.storeId;
  data['group_id'] ??= 1;
  if (addresses !== undefined && addresses !== null) data['addresses'] = readAddresses(addresses, nextAddressId);
  return { email, websiteId: data['website_id'] as number, data };
}

function readAddresses(input: unknown, nextAddressId: () => number): Array<Record<string, unknown>> {
  if (!Array.isArray(input))
    throw inputError('Invalid type for value: "%value". Expected Type: "%type".', {
      value: typeof input,
      type: '\\Magento\\Customer\\Api\\Data\\AddressInterface[]',
    });
  return input.map((address) => {
    if (address === null || typeof address !== 'object')
      throw inputError('Invalid type for value: "%value". Expected Type: "%type".', {
        value: String(address),
        type: '\\Magento\\Customer\\Api\\Data\\AddressInterface',
      });
    const record = address as Record<string, unknown>;
    return { ...record, id: typeof record['id'] === 'number' ? record['id'] : nextAddressId() };
  });
}

function toInt(value: unknown): number {
  const number = Number(value);
  if (typeof value === 'boolean' || !Number.isFinite(number))
    throw inputError('Invalid type for value: "%value". Expected Type: "%type".', {
      value: String(value),
      type: 'int',
    });
  return Math.trunc(number);
}

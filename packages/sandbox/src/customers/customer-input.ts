import { MagentoException } from '../common/magento-exception';
import { convertFields, processObject, processObjectList, type FieldType } from '../common/service-input-processor';

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

/** `Magento\Customer\Api\Data\RegionInterface` getters. */
const REGION_FIELDS: Record<string, FieldType> = { region_code: 'string', region: 'string', region_id: 'int' };

/** `Magento\Customer\Api\Data\AddressInterface` getters. */
const ADDRESS_FIELDS: Record<string, FieldType> = {
  id: 'int',
  customer_id: 'int',
  region: (value) => convertFields(processObject(value), REGION_FIELDS),
  region_id: 'int',
  country_id: 'string',
  street: 'string[]',
  company: 'string',
  telephone: 'string',
  fax: 'string',
  postcode: 'string',
  city: 'string',
  firstname: 'string',
  lastname: 'string',
  middlename: 'string',
  prefix: 'string',
  suffix: 'string',
  vat_id: 'string',
  default_shipping: 'bool',
  default_billing: 'bool',
};

/** `Magento\Customer\Api\Data\CustomerInterface` getters and their types (addresses: `AddressInterface[]`). */
const CUSTOMER_FIELDS: Record<string, FieldType> = {
  id: 'int',
  group_id: 'int',
  default_billing: 'string',
  default_shipping: 'string',
  confirmation: 'string',
  created_at: 'string',
  updated_at: 'string',
  created_in: 'string',
  dob: 'string',
  email: 'string',
  firstname: 'string',
  lastname: 'string',
  middlename: 'string',
  prefix: 'string',
  suffix: 'string',
  gender: 'int',
  store_id: 'int',
  taxvat: 'string',
  website_id: 'int',
  disable_auto_group_change: 'int',
  addresses: (value) => processObjectList(value, (address) => convertFields(address, ADDRESS_FIELDS)),
};

/**
 * The `customer` input of a save merged onto the stored customer: attributes present replace,
 * absent ones are kept (EAV saves what it is given); `addresses` replaces the list when present.
 * The input is first converted as the web API builds `CustomerInterface` (each property by its
 * getter's type, errors prefixed with the property; addresses lose their XML `item` wrapper). The
 * model validates the input it got: an e-mail, then first and last name.
 * @throws MagentoException 400: a value of the wrong type, `Not all parameters valid.` for addresses that are not a list, a missing e-mail or name (`ValidatorException`).
 */
export function mergeCustomerInput(
  raw: Record<string, unknown>,
  stored: Record<string, unknown> | null,
  defaults: NewCustomerDefaults,
  nextAddressId: () => number,
): CustomerWrite {
  const input = convertFields(raw, CUSTOMER_FIELDS);
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
  data['website_id'] ??= defaults.websiteId;
  data['store_id'] ??= defaults.storeId;
  data['group_id'] ??= 1;
  if (addresses !== undefined)
    data['addresses'] = readAddresses(addresses as Array<Record<string, unknown>>, nextAddressId);
  return { email, websiteId: data['website_id'] as number, data };
}

function readAddresses(
  addresses: Array<Record<string, unknown>>,
  nextAddressId: () => number,
): Array<Record<string, unknown>> {
  return addresses.map((address) => ({
    ...address,
    id: typeof address['id'] === 'number' ? address['id'] : nextAddressId(),
  }));
}

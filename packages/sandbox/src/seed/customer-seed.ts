import { formatMagentoDate, SEED_EPOCH_MS } from './magento-values';
import type { Prng } from './prng';

/** A customer row as inserted. */
export interface CustomerSeedRow {
  id: number;
  email: string;
  websiteId: number;
  passwordHash: string;
  data: Record<string, unknown>;
}

const FIRST_NAMES = [
  'Veronica',
  'John',
  'Aiko',
  'Mateo',
  'Priya',
  'Olivia',
  'Liam',
  'Sofia',
  'Noah',
  'Amara',
  'Lucas',
  'Mei',
  'Ethan',
  'Zara',
  'Diego',
  'Hana',
  'Omar',
  'Ingrid',
  'Kwame',
  'Elena',
];
const LAST_NAMES = [
  'Costello',
  'Smith',
  'Tanaka',
  'Garcia',
  'Patel',
  'Johnson',
  'Nguyen',
  'Rossi',
  'Müller',
  'Okafor',
  'Silva',
  'Chen',
  'Brown',
  'Haddad',
  'Lopez',
  'Kim',
  'Novak',
  'Larsen',
  'Mensah',
  'Ivanova',
];
const STREETS = [
  'Honey Bluff Parkway',
  'Maple Avenue',
  'Cedar Lane',
  'Lakeview Drive',
  'Sunset Boulevard',
  'Elm Street',
  'Harbor Road',
  'Hillcrest Court',
];
/** US cities with their region (Magento `directory_country_region` ids) and a ZIP prefix. */
const CITIES = [
  { city: 'Calder', region: 'Michigan', code: 'MI', id: 33, zip: '496' },
  { city: 'Austin', region: 'Texas', code: 'TX', id: 57, zip: '787' },
  { city: 'Portland', region: 'Oregon', code: 'OR', id: 49, zip: '972' },
  { city: 'Denver', region: 'Colorado', code: 'CO', id: 13, zip: '802' },
  { city: 'Boston', region: 'Massachusetts', code: 'MA', id: 32, zip: '021' },
  { city: 'Seattle', region: 'Washington', code: 'WA', id: 62, zip: '981' },
];

/**
 * Customer `index` (1-based): `customer<index>@example.com` on the main website, every one with the
 * same password hash (hashed once by the caller) and one default address whose id is the index.
 */
export function seedCustomer(index: number, prng: Prng, passwordHash: string): CustomerSeedRow {
  const firstname = prng.pick(FIRST_NAMES);
  const lastname = prng.pick(LAST_NAMES);
  const place = prng.pick(CITIES);
  const createdAt = formatMagentoDate(SEED_EPOCH_MS + index * 3_600_000);
  const email = `customer${index}@example.com`;
  const address = {
    id: index,
    customer_id: index,
    region: { region_code: place.code, region: place.region, region_id: place.id },
    region_id: place.id,
    country_id: 'US',
    street: [`${prng.int(100, 9999)} ${prng.pick(STREETS)}`],
    telephone: `(555) ${prng.int(200, 999)}-${String(prng.int(0, 9999)).padStart(4, '0')}`,
    postcode: `${place.zip}${String(prng.int(0, 99)).padStart(2, '0')}`,
    city: place.city,
    firstname,
    lastname,
    default_shipping: true,
    default_billing: true,
  };
  const data: Record<string, unknown> = {
    group_id: 1,
    default_billing: String(index),
    default_shipping: String(index),
    created_at: createdAt,
    updated_at: createdAt,
    created_in: 'Default Store View',
    ...(prng.chance(0.5)
      ? {
          dob: `19${prng.int(50, 99)}-${String(prng.int(1, 12)).padStart(2, '0')}-${String(prng.int(1, 28)).padStart(2, '0')}`,
        }
      : {}),
    email,
    firstname,
    lastname,
    gender: prng.int(0, 2),
    store_id: 1,
    website_id: 1,
    addresses: [address],
    disable_auto_group_change: 0,
    extension_attributes: { is_subscribed: prng.chance(0.3) },
  };
  return { id: index, email, websiteId: 1, passwordHash, data };
}

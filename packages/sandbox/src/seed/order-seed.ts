import { formatMagentoDate, roundMoney, SEED_EPOCH_MS } from './magento-values';
import type { Prng } from './prng';

/** What an order item needs of a product. */
export interface OrderProduct {
  id: number;
  sku: string;
  name: string;
  price: number;
  typeId: string;
  weight: number | null;
}

/** What an order needs of a customer (with the default address's JSON). */
export interface OrderCustomer {
  id: number;
  email: string;
  firstname: string;
  lastname: string;
  groupId: number;
  address: Record<string, unknown>;
}

/** An order row as inserted. */
export interface OrderSeedRow {
  id: number;
  incrementId: string;
  customerId: number | null;
  state: string;
  status: string;
  customerEmail: string;
  grandTotal: number;
  createdAt: string;
  updatedAt: string;
  data: Record<string, unknown>;
}

const STATES = [
  ['new', 'pending'],
  ['processing', 'processing'],
  ['complete', 'complete'],
  ['complete', 'complete'],
  ['canceled', 'canceled'],
  ['holded', 'holded'],
  ['closed', 'closed'],
] as const;

const GUEST_ADDRESS = {
  region: 'Texas',
  region_code: 'TX',
  region_id: 57,
  country_id: 'US',
  street: ['1 Guest Way'],
  telephone: '(555) 010-0000',
  postcode: '78701',
  city: 'Austin',
};
const STORE_NAME = 'Main Website\nMain Website Store\nDefault Store View';

/**
 * Order `index` (1-based), increment id `000000<index>`: 1–3 items from `products`, a registered
 * customer from `customers` three times in four (a guest otherwise, or when there are none), flat-rate
 * shipping of 5 per unit, no tax. Keys are alphabetical, as `OrderInterface` renders.
 */
export function seedOrder(
  index: number,
  prng: Prng,
  products: readonly OrderProduct[],
  customers: readonly OrderCustomer[],
): OrderSeedRow {
  const customer = customers.length > 0 && prng.chance(0.75) ? prng.pick(customers) : null;
  const [state, status] = prng.pick(STATES);
  const createdMs = SEED_EPOCH_MS + 86_400_000 + index * 5_400_000;
  const createdAt = formatMagentoDate(createdMs);
  const updatedAt = formatMagentoDate(createdMs + prng.int(0, 72) * 3_600_000);
  const lines = Array.from({ length: prng.int(1, 3) }, (_, i) =>
    orderItem(index * 10 + i, index, prng.pick(products), prng.int(1, 3), createdAt),
  );
  const subtotal = roundMoney(lines.reduce((sum, line) => sum + (line['row_total'] as number), 0));
  const qty = lines.reduce((sum, line) => sum + (line['qty_ordered'] as number), 0);
  const shipping = 5 * qty;
  const grandTotal = roundMoney(subtotal + shipping);
  const person = customer ?? { firstname: 'Guest', lastname: `Buyer${index}`, email: `guest${index}@example.com` };
  const address = customer === null ? GUEST_ADDRESS : pickAddress(customer.address);
  const billing = {
    address_type: 'billing',
    ...address,
    email: person.email,
    entity_id: index * 2 - 1,
    firstname: person.firstname,
    lastname: person.lastname,
    parent_id: index,
  };
  const shippingAddress = { ...billing, address_type: 'shipping', entity_id: index * 2 };
  const paid = state === 'complete' || state === 'processing' || state === 'closed';
  const data: Record<string, unknown> = {
    base_currency_code: 'USD',
    base_discount_amount: 0,
    base_grand_total: grandTotal,
    base_shipping_amount: shipping,
    base_subtotal: subtotal,
    base_tax_amount: 0,
    billing_address: billing,
    created_at: createdAt,
    customer_email: person.email,
    customer_firstname: person.firstname,
    customer_group_id: customer === null ? 0 : customer.groupId,
    ...(customer === null ? {} : { customer_id: customer.id }),
    customer_is_guest: customer === null ? 1 : 0,
    customer_lastname: person.lastname,
    discount_amount: 0,
    extension_attributes: {
      shipping_assignments: [
        {
          shipping: {
            address: shippingAddress,
            method: 'flatrate_flatrate',
            total: { base_shipping_amount: shipping, shipping_amount: shipping },
          },
          items: lines,
        },
      ],
    },
    global_currency_code: 'USD',
    grand_total: grandTotal,
    increment_id: incrementIdOf(index),
    is_virtual: 0,
    items: lines,
    order_currency_code: 'USD',
    payment: {
      account_status: null,
      additional_information: ['Check / Money order'],
      amount_ordered: grandTotal,
      base_amount_ordered: grandTotal,
      entity_id: index,
      method: 'checkmo',
      parent_id: index,
    },
    quote_id: index,
    shipping_amount: shipping,
    shipping_description: 'Flat Rate - Fixed',
    state,
    status,
    status_histories: [],
    store_currency_code: 'USD',
    store_id: 1,
    store_name: STORE_NAME,
    subtotal,
    tax_amount: 0,
    total_due: paid ? 0 : grandTotal,
    total_item_count: lines.length,
    ...(paid ? { total_invoiced: grandTotal, total_paid: grandTotal } : {}),
    total_qty_ordered: qty,
    updated_at: updatedAt,
    weight: roundMoney(lines.reduce((sum, line) => sum + ((line['row_weight'] as number | undefined) ?? 0), 0)),
  };
  return {
    id: index,
    incrementId: incrementIdOf(index),
    customerId: customer?.id ?? null,
    state,
    status,
    customerEmail: person.email,
    grandTotal,
    createdAt,
    updatedAt,
    data,
  };
}

/** Magento's default increment ids: nine digits, zero padded. */
export function incrementIdOf(index: number): string {
  return String(index).padStart(9, '0');
}

function orderItem(
  itemId: number,
  orderId: number,
  product: OrderProduct,
  qty: number,
  createdAt: string,
): Record<string, unknown> {
  const rowTotal = roundMoney(product.price * qty);
  return {
    amount_refunded: 0,
    base_discount_amount: 0,
    base_original_price: product.price,
    base_price: product.price,
    base_row_total: rowTotal,
    base_tax_amount: 0,
    created_at: createdAt,
    discount_amount: 0,
    is_virtual: product.typeId === 'virtual' ? 1 : 0,
    item_id: itemId,
    name: product.name,
    order_id: orderId,
    original_price: product.price,
    price: product.price,
    product_id: product.id,
    product_type: product.typeId,
    qty_ordered: qty,
    row_total: rowTotal,
    ...(product.weight === null ? {} : { row_weight: roundMoney(product.weight * qty), weight: product.weight }),
    sku: product.sku,
    store_id: 1,
    tax_amount: 0,
    updated_at: createdAt,
  };
}

function pickAddress(address: Record<string, unknown>): Record<string, unknown> {
  const region = (address['region'] ?? {}) as Record<string, unknown>;
  return {
    region: region['region'],
    region_code: region['region_code'],
    region_id: address['region_id'],
    country_id: address['country_id'],
    street: address['street'],
    telephone: address['telephone'],
    postcode: address['postcode'],
    city: address['city'],
  };
}

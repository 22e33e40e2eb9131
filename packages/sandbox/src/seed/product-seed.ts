import { linkedCategoryIds, SEED_LEAVES } from './category-tree';
import { formatMagentoDate, SEED_EPOCH_MS, toUrlKey } from './magento-values';
import type { ProductWrite } from '../catalog/product-input';
import type { Prng } from './prng';
import { SEEDED_PLUS_SKU, SEEDED_SLASH_SKU } from './seed-options';

/** A product row as inserted: a {@link ProductWrite} with its id, name and price always set. */
export interface ProductSeedRow extends ProductWrite {
  id: number;
  name: string;
  price: number;
}

const STYLES = [
  'Chaz',
  'Teton',
  'Bruno',
  'Frankie',
  'Hollister',
  'Stark',
  'Orion',
  'Jupiter',
  'Zoltan',
  'Argus',
  'Radiant',
  'Tiberius',
  'Atlas',
  'Helios',
  'Marco',
  'Ajax',
  'Hyperion',
  'Kenobi',
  'Mach',
  'Oslo',
  'Nadia',
  'Echo',
  'Ida',
  'Selene',
  'Iris',
  'Juno',
  'Nona',
  'Sybil',
  'Cora',
  'Daphne',
];
const TRAITS = [
  'All-Weather',
  'Lightweight',
  'Endurance',
  'Trail',
  'Performance',
  'Classic',
  'Ultra',
  'Everyday',
  'Thermal',
  'Breathe-Easy',
  'Summit',
  'Studio',
];
const COLORS = [
  ['Black', '49'],
  ['Blue', '50'],
  ['Gray', '52'],
  ['Green', '53'],
  ['Orange', '56'],
  ['Purple', '57'],
  ['Red', '58'],
  ['White', '59'],
] as const;
const WORDS = [
  'breathable',
  'moisture-wicking',
  'durable',
  'soft',
  'stretchy',
  'water-resistant',
  'recycled',
  'insulated',
  'reflective',
  'quick-dry',
  'ergonomic',
  'padded',
];

/**
 * Product `index` (1-based) of the seed, drawn from `prng` (call in index order: the sequence is
 * the seed). Product 1 is the bag `24-MB01`, product 2 has SKU {@link SEEDED_SLASH_SKU}, product 3
 * {@link SEEDED_PLUS_SKU}; the rest
 * are `<leaf prefix><number>`, unique because the number is the index.
 */
export function seedProduct(index: number, prng: Prng): ProductSeedRow {
  const leaf = index <= 3 ? leafOf(['24-MB', 'MH', 'WS'][index - 1]) : prng.pick(SEED_LEAVES);
  const shape = leaf.leaf as NonNullable<(typeof SEED_LEAVES)[number]['leaf']>;
  const sku =
    index === 2
      ? SEEDED_SLASH_SKU
      : index === 3
        ? SEEDED_PLUS_SKU
        : `${shape.skuPrefix}${String(index).padStart(2, '0')}`;
  const name = `${prng.pick(STYLES)} ${prng.chance(0.5) ? `${prng.pick(TRAITS)} ` : ''}${prng.pick(shape.nouns)}`;
  const typeId = shape.apparel || prng.chance(0.85) ? 'simple' : 'virtual';
  const price = prng.int(12, 140) + prng.pick([0, 0, 0.5, 0.99]);
  const createdMs = SEED_EPOCH_MS + index * 37_000;
  const categoryIds = linkedCategoryIds(leaf.id);
  const qty = prng.chance(0.1) ? 0 : prng.int(1, 500);
  const customAttributes: Array<{ attribute_code: string; value: unknown }> = [
    {
      attribute_code: 'description',
      value: `<p>${name}: ${prng.pick(WORDS)}, ${prng.pick(WORDS)} and ${prng.pick(WORDS)}.</p>`,
    },
    { attribute_code: 'url_key', value: `${toUrlKey(name)}-${index}` },
    { attribute_code: 'tax_class_id', value: typeId === 'virtual' ? '0' : '2' },
    { attribute_code: 'options_container', value: 'container2' },
    { attribute_code: 'required_options', value: '0' },
    { attribute_code: 'has_options', value: '0' },
  ];
  if (shape.apparel) customAttributes.push({ attribute_code: 'color', value: prng.pick(COLORS)[1] });
  if (prng.chance(0.1)) customAttributes.push({ attribute_code: 'special_price', value: (price * 0.8).toFixed(6) });
  const data: Record<string, unknown> = {
    extension_attributes: {
      website_ids: prng.chance(0.3) ? [1, 2] : [1],
      category_links: categoryIds.map((categoryId) => ({ position: index % 100, category_id: String(categoryId) })),
      stock_item: { qty, is_in_stock: qty > 0 },
    },
    custom_attributes: customAttributes,
  };
  if (typeId === 'simple') data['weight'] = prng.int(2, 50) / 10;
  if (shape.apparel && prng.chance(0.5)) {
    const file = `/${sku[0].toLowerCase()}/${(sku[1] ?? 'x').toLowerCase()}/${toUrlKey(sku)}_main_1.jpg`;
    data['media_gallery_entries'] = [
      {
        id: index,
        media_type: 'image',
        label: null,
        position: 1,
        disabled: false,
        types: ['image', 'small_image', 'thumbnail'],
        file,
      },
    ];
  }
  return {
    id: index,
    sku,
    name,
    price,
    status: prng.chance(0.95) ? 1 : 2,
    visibility: prng.chance(0.85) ? 4 : prng.pick([1, 2, 3]),
    typeId,
    attributeSetId: shape.attributeSetId,
    createdAt: formatMagentoDate(createdMs),
    updatedAt: formatMagentoDate(createdMs + prng.int(0, 90 * 24) * 3_600_000),
    categoryIds,
    data,
  };
}

function leafOf(skuPrefix: string): (typeof SEED_LEAVES)[number] {
  return SEED_LEAVES.find((category) => category.leaf?.skuPrefix === skuPrefix) as (typeof SEED_LEAVES)[number];
}

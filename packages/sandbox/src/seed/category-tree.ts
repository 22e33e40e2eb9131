/** One seeded category; leaves carry what products seeded into them look like. */
export interface SeedCategory {
  id: number;
  parentId: number;
  name: string;
  isActive: boolean;
  /** Products of a leaf: SKU prefix, nouns for names, attribute set. */
  leaf?: { skuPrefix: string; nouns: readonly string[]; attributeSetId: number; apparel: boolean };
}

const gear = (skuPrefix: string, nouns: readonly string[]) => ({
  skuPrefix,
  nouns,
  attributeSetId: 11,
  apparel: false,
});
const top = (skuPrefix: string, nouns: readonly string[]) => ({ skuPrefix, nouns, attributeSetId: 9, apparel: true });
const bottom = (skuPrefix: string, nouns: readonly string[]) => ({
  skuPrefix,
  nouns,
  attributeSetId: 10,
  apparel: true,
});

/**
 * A Luma-like tree: Magento's "Root Catalog" (1, level 0) and "Default Category" (2, the store root),
 * then Gear, Men and Women with leaves, plus Sale and an inactive category. Fixed, so ids are stable.
 */
export const SEED_CATEGORIES: readonly SeedCategory[] = [
  { id: 1, parentId: 0, name: 'Root Catalog', isActive: true },
  { id: 2, parentId: 1, name: 'Default Category', isActive: true },
  { id: 3, parentId: 2, name: 'Gear', isActive: true },
  {
    id: 4,
    parentId: 3,
    name: 'Bags',
    isActive: true,
    leaf: gear('24-MB', ['Backpack', 'Messenger Bag', 'Duffle', 'Tote', 'Rucksack']),
  },
  {
    id: 5,
    parentId: 3,
    name: 'Fitness Equipment',
    isActive: true,
    leaf: gear('24-UG', ['Yoga Strap', 'Foam Roller', 'Kettlebell', 'Water Bottle', 'Jump Rope']),
  },
  {
    id: 6,
    parentId: 3,
    name: 'Watches',
    isActive: true,
    leaf: gear('24-MG', ['Chronograph Watch', 'Fitness Tracker', 'Dive Watch', 'Field Watch']),
  },
  { id: 7, parentId: 2, name: 'Men', isActive: true },
  { id: 8, parentId: 7, name: 'Tops', isActive: true },
  { id: 9, parentId: 8, name: 'Jackets', isActive: true, leaf: top('MJ', ['Jacket', 'Shell', 'Windbreaker', 'Parka']) },
  {
    id: 10,
    parentId: 8,
    name: 'Hoodies & Sweatshirts',
    isActive: true,
    leaf: top('MH', ['Hoodie', 'Sweatshirt', 'Pullover', 'Fleece']),
  },
  { id: 11, parentId: 8, name: 'Tees', isActive: true, leaf: top('MS', ['Tee', 'Crew Tee', 'V-Neck Tee', 'Henley']) },
  { id: 12, parentId: 8, name: 'Tanks', isActive: true, leaf: top('MT', ['Tank', 'Muscle Tank', 'Singlet']) },
  { id: 13, parentId: 7, name: 'Bottoms', isActive: true },
  {
    id: 14,
    parentId: 13,
    name: 'Pants',
    isActive: true,
    leaf: bottom('MP', ['Pant', 'Jogger', 'Track Pant', 'Chino']),
  },
  {
    id: 15,
    parentId: 13,
    name: 'Shorts',
    isActive: true,
    leaf: bottom('MSH', ['Short', 'Running Short', 'Cargo Short']),
  },
  { id: 16, parentId: 2, name: 'Women', isActive: true },
  { id: 17, parentId: 16, name: 'Tops', isActive: true },
  { id: 18, parentId: 17, name: 'Jackets', isActive: true, leaf: top('WJ', ['Jacket', 'Shell', 'Rain Coat', 'Vest']) },
  {
    id: 19,
    parentId: 17,
    name: 'Hoodies & Sweatshirts',
    isActive: true,
    leaf: top('WH', ['Hoodie', 'Sweatshirt', 'Zip Hoodie', 'Fleece']),
  },
  { id: 20, parentId: 17, name: 'Tees', isActive: true, leaf: top('WS', ['Tee', 'Crew Tee', 'Tunic', 'Top']) },
  { id: 21, parentId: 17, name: 'Bras & Tanks', isActive: true, leaf: top('WB', ['Bra', 'Tank', 'Camisole']) },
  { id: 22, parentId: 16, name: 'Bottoms', isActive: true },
  { id: 23, parentId: 22, name: 'Pants', isActive: true, leaf: bottom('WP', ['Pant', 'Legging', 'Capri', 'Jogger']) },
  {
    id: 24,
    parentId: 22,
    name: 'Shorts',
    isActive: true,
    leaf: bottom('WSH', ['Short', 'Running Short', 'Bike Short']),
  },
  { id: 25, parentId: 2, name: 'Sale', isActive: true },
  { id: 26, parentId: 2, name: 'Archive', isActive: false },
];

/** The leaves products are seeded into. */
export const SEED_LEAVES = SEED_CATEGORIES.filter((category) => category.leaf !== undefined);

/** Ids from the category up to, not including, the store root (2): where a product is linked. */
export function linkedCategoryIds(leafId: number): number[] {
  const ids: number[] = [];
  let current = SEED_CATEGORIES.find((category) => category.id === leafId);
  while (current !== undefined && current.id > 2) {
    ids.push(current.id);
    const parentId: number = current.parentId;
    current = SEED_CATEGORIES.find((category) => category.id === parentId);
  }
  return ids;
}

/** The path of ids from the root (`1/2/7/8`). */
export function categoryPath(id: number): number[] {
  const path: number[] = [];
  let current = SEED_CATEGORIES.find((category) => category.id === id);
  while (current !== undefined) {
    path.unshift(current.id);
    const parentId: number = current.parentId;
    current = SEED_CATEGORIES.find((category) => category.id === parentId);
  }
  return path;
}

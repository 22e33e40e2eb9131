/** Value formats Magento uses in its JSON, shared by the seed data and by saves. */

/** `Y-m-d H:i:s` in UTC, as Magento stores `created_at` / `updated_at`. */
export function formatMagentoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/** The moment the seeded store's history starts (fixed, so seeded data is the same on every run). */
export const SEED_EPOCH_MS = Date.UTC(2024, 0, 1, 8, 0, 0);

/** Money rounded to cents, as Magento's totals are. */
export function roundMoney(value: number): number {
  return Math.round(value * 100) / 100;
}

/** A URL key from a name: lower case, runs of other characters as `-`. */
export function toUrlKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

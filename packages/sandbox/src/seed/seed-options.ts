/** How much deterministic data to seed. */
export interface SeedOptions {
  /** Products (default 1000; one SKU contains `/`). */
  products?: number;
  /** Customers (default 50), all with password {@link CUSTOMER_PASSWORD}. */
  customers?: number;
  /** Orders (default 200). */
  orders?: number;
}

export const ADMIN_USERNAME = 'admin';
export const ADMIN_PASSWORD = 'sandbox123';
export const CUSTOMER_PASSWORD = 'Customer123!';
/** The admin's Google Authenticator secret (base32), for the 2FA mode. */
export const ADMIN_TFA_SECRET = 'KVKFKRCPNZQUYMLXOVYDSQKJKZDTSRLD';

/** What an empty `seed: {}` seeds. */
export const DEFAULT_SEED_COUNTS = { products: 1000, customers: 50, orders: 200 } as const;
/** A seeded SKU with `/` (send it as `MH01%2FXS`: `/` separates path segments). */
export const SEEDED_SLASH_SKU = 'MH01/XS';
/** A seeded SKU with `+` (send it as `WS03%2BXL`: a literal `+` in a segment is a space). */
export const SEEDED_PLUS_SKU = 'WS03+XL';

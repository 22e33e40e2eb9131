import { randomBytes as cryptoRandomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** scrypt cost parameters (OWASP minimum: N=2^17, r=8, p=1; N=2^14 for tests via `cost`). */
export interface PasswordCost {
  N: number;
  r: number;
  p: number;
}

/** The default cost: N=2^15, r=8, p=1 (32 MiB, a few tens of ms). */
export const DEFAULT_PASSWORD_COST: PasswordCost = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, cost: PasswordCost): Promise<Buffer> {
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/**
 * Hashes a password with scrypt and a fresh 16-byte salt: `scrypt$N$r$p$<salt>$<hash>` (base64url).
 */
export async function hashPassword(
  password: string,
  cost: PasswordCost = DEFAULT_PASSWORD_COST,
  randomBytes: (size: number) => Uint8Array = cryptoRandomBytes,
): Promise<string> {
  const salt = Buffer.from(randomBytes(16));
  const key = await derive(password, salt, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/**
 * True when `password` matches `stored`, compared in constant time. A malformed `stored` value
 * is a mismatch. Pass `stored = null` for an unknown account: a dummy hash is computed so that
 * the answer takes as long as for a known one.
 */
export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const parsed = stored === null ? null : parseHash(stored);
  if (!parsed) {
    await derive(password, Buffer.alloc(16), DEFAULT_PASSWORD_COST);
    return false;
  }
  const key = await derive(password, parsed.salt, parsed.cost);
  return key.length === parsed.hash.length && timingSafeEqual(key, parsed.hash);
}

function parseHash(stored: string): { cost: PasswordCost; salt: Buffer; hash: Buffer } | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  const valid =
    Number.isInteger(N) &&
    N > 1 &&
    (N & (N - 1)) === 0 &&
    N <= 2 ** 20 &&
    Number.isInteger(r) &&
    r > 0 &&
    r <= 32 &&
    Number.isInteger(p) &&
    p > 0 &&
    p <= 16;
  if (!valid) return null;
  const hash = Buffer.from(parts[5], 'base64url');
  return hash.length === KEY_LENGTH ? { cost: { N, r, p }, salt: Buffer.from(parts[4], 'base64url'), hash } : null;
}

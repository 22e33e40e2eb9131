import { createHash, randomBytes as cryptoRandomBytes } from 'node:crypto';

/** Hex SHA-256 of a value (API tokens, verifiers: high-entropy inputs, so no salt is needed). */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** A new admin API token: `mk_` + 32 random bytes in base64url (256 bits). */
export function generateApiToken(randomBytes: (size: number) => Uint8Array = cryptoRandomBytes): string {
  return `mk_${Buffer.from(randomBytes(32)).toString('base64url')}`;
}

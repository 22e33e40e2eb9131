import { createHmac } from 'node:crypto';
import type OAuth from 'oauth-1.0a';

/** Signature methods this package can compute. Magento 2.4.4+ accepts only HMAC-SHA256. */
export type SignatureMethod = 'HMAC-SHA256' | 'HMAC-SHA1';

/** The node:crypto digest of each method (`Magento\Framework\Oauth\Helper\Signature\HmacInterface`). */
const DIGESTS: Readonly<Record<SignatureMethod, string>> = { 'HMAC-SHA256': 'sha256', 'HMAC-SHA1': 'sha1' };

/** Whether a value is a signature method this package computes. */
export function isSignatureMethod(value: unknown): value is SignatureMethod {
  return typeof value === 'string' && Object.hasOwn(DIGESTS, value);
}

/** `oauth-1.0a`'s `hash_function` for a method: the base64 HMAC of the base string (both are ASCII). */
export function createHashFunction(method: SignatureMethod): OAuth.HashFunction {
  const digest = DIGESTS[method];
  return (baseString, key) => createHmac(digest, key).update(baseString).digest('base64');
}

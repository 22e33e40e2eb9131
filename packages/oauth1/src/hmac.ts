import { createHmac } from 'node:crypto';
import type OAuth from 'oauth-1.0a';
import { rawurlencode, toBytes } from './php-string';

/** Signature methods this package can compute. Magento 2.4.4+ accepts only HMAC-SHA256. */
export type SignatureMethod = 'HMAC-SHA256' | 'HMAC-SHA1';

/** The node:crypto digest of each method (`Helper\Signature\HmacInterface::HASH_ALGORITHM_MAP`). */
const DIGEST: Readonly<Record<SignatureMethod, string>> = { 'HMAC-SHA256': 'sha256', 'HMAC-SHA1': 'sha1' };

/** Whether a value is a signature method this package computes. */
export function isSignatureMethod(value: unknown): value is SignatureMethod {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(DIGEST, value);
}

/** `oauth-1.0a`'s `hash_function` for a method: base64 HMAC on node:crypto (base string and key hashed as UTF-8). */
export function createHashFunction(method: SignatureMethod): OAuth.HashFunction {
  return (baseString, key) => createHmac(DIGEST[method], key).update(baseString).digest('base64');
}

/**
 * Magento's signing key: `rawurlencode(consumer_secret) & rawurlencode(token_secret ?? '')` — always
 * with the `&`, also for the request-token step (`Magento\Framework\Oauth\Helper\Utility::sign()`).
 */
export function buildSigningKey(consumerSecret: string, tokenSecret?: string | null): string {
  return `${rawurlencode(toBytes(consumerSecret))}&${rawurlencode(toBytes(tokenSecret ?? ''))}`;
}

/** base64 HMAC of a base string with a signing key. */
export function computeSignature(method: SignatureMethod, baseString: string, signingKey: string): string {
  return createHashFunction(method)(baseString, signingKey);
}

import { createHmac } from 'node:crypto';
import OAuth from 'oauth-1.0a';
import { rawurlencode, toBytes } from './php-string';

/** Signature methods this package can compute. Magento 2.4.4+ accepts only HMAC-SHA256. */
export type SignatureMethod = 'HMAC-SHA256' | 'HMAC-SHA1';

const ALGORITHM: Record<SignatureMethod, string> = { 'HMAC-SHA256': 'sha256', 'HMAC-SHA1': 'sha1' };

function createHashFunction(algorithm: string): OAuth.HashFunction {
  // Signing keys and base strings are fully percent-encoded, hence ASCII.
  return (baseString, key) => createHmac(algorithm, key).update(baseString).digest('base64');
}

function createSigner(method: SignatureMethod): OAuth {
  const signer = new OAuth({ consumer: { key: '', secret: '' }, signature_method: method, hash_function: createHashFunction(ALGORITHM[method]) });
  // Header values are the UTF-8 bytes of each value, rawurlencoded: what Magento rawurldecodes.
  signer.percentEncode = (value: string) => rawurlencode(toBytes(String(value)));
  return signer;
}

/**
 * One `oauth-1.0a` instance per method: the package supplies the HMAC plumbing (`hash_function`,
 * backed by node:crypto) and the `Authorization` header assembly (`toHeader`). Its URL and parameter
 * handling is not used (see `oauth-1.0a-pitfalls.spec.ts` for why).
 */
const signers: Record<SignatureMethod, OAuth> = {
  'HMAC-SHA256': createSigner('HMAC-SHA256'),
  'HMAC-SHA1': createSigner('HMAC-SHA1'),
};

/** The `oauth-1.0a` instance used for a signature method. */
export function getOAuthSigner(method: SignatureMethod): OAuth {
  return signers[method];
}

/** Whether a value is a signature method this package computes. */
export function isSignatureMethod(value: unknown): value is SignatureMethod {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ALGORITHM, value);
}

/**
 * Magento's signing key: `rawurlencode(consumer_secret) & rawurlencode(token_secret ?? '')` — always
 * with the `&`, also for the request-token step (MAGENTO.md §1.4). Returns a byte string.
 */
export function buildSigningKey(consumerSecret: string, tokenSecret?: string | null): string {
  return `${rawurlencode(toBytes(consumerSecret))}&${rawurlencode(toBytes(tokenSecret ?? ''))}`;
}

/** base64 HMAC of a base string with a (byte-string) key. */
export function computeSignature(method: SignatureMethod, baseString: string, signingKey: string): string {
  return signers[method].hash_function(baseString, signingKey);
}

import * as crypto from 'node:crypto';
import { createHash, createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import OAuth from 'oauth-1.0a';
import { fromBytes, rawurlencode, toBytes, writeLatin1 } from './php-string';

/** Signature methods this package can compute. Magento 2.4.4+ accepts only HMAC-SHA256. */
export type SignatureMethod = 'HMAC-SHA256' | 'HMAC-SHA1';

const ALGORITHM: Record<SignatureMethod, string> = { 'HMAC-SHA256': 'sha256', 'HMAC-SHA1': 'sha1' };

/** A signing key ready for the HMAC: its byte string, its text and a reusable node:crypto key. */
export interface PreparedSigningKey {
  /** `rawurlencode(consumer_secret)&rawurlencode(token_secret)` (a byte string). */
  bytes: string;
  /** The same as text (what `SignedRequest.signingKey` shows). */
  text: string;
  key: KeyObject;
  /** The HMAC pads per hash algorithm, made when first needed. */
  pads: Partial<Record<SignatureMethod, HmacPads>>;
}

/** RFC 2104 pads of a key: `K xor ipad` (one block), and `K xor opad` with room for the inner digest. */
interface HmacPads {
  inner: Buffer;
  outer: Buffer;
}

/** The block size of SHA-1 and SHA-256, and the room an HMAC pad takes before the message. */
export const HMAC_BLOCK_SIZE = 64;
const DIGEST_SIZE: Record<SignatureMethod, number> = { 'HMAC-SHA256': 32, 'HMAC-SHA1': 20 };
/** One-shot hashing (Node 20.12+/21.7+), which skips the Hmac object node:crypto builds per call. */
const oneShotHash = (crypto as { hash?: (algorithm: string, data: Uint8Array, encoding: string) => string | Buffer }).hash;

const MAX_CACHED_KEYS = 1024;
/** Prepared keys by consumer secret, then token secret; bounded, emptied when full. */
const preparedKeys = new Map<string, Map<string, PreparedSigningKey>>();
let preparedCount = 0;
/** node:crypto keys by signing-key text (for {@link computeSignature}); bounded the same way. */
const keyObjects = new Map<string, KeyObject>();

function keyObjectFor(signingKey: string): KeyObject {
  let key = keyObjects.get(signingKey);
  if (key === undefined) {
    if (keyObjects.size >= MAX_CACHED_KEYS) keyObjects.clear();
    // What createHmac does with a string key: its UTF-8 bytes.
    key = createSecretKey(Buffer.from(signingKey, 'utf8'));
    keyObjects.set(signingKey, key);
  }
  return key;
}

function createHashFunction(algorithm: string): OAuth.HashFunction {
  // Signing keys and base strings are fully percent-encoded, hence ASCII.
  return (baseString, key) => createHmac(algorithm, typeof key === 'string' ? keyObjectFor(key) : key).update(baseString).digest('base64');
}

function createSigner(method: SignatureMethod): OAuth {
  return new OAuth({ consumer: { key: '', secret: '' }, signature_method: method, hash_function: createHashFunction(ALGORITHM[method]) });
}

/**
 * One `oauth-1.0a` instance per method, for {@link computeSignature}: the package supplies its HMAC
 * plumbing (`hash_function`, backed by node:crypto). Its URL and parameter handling is not used (see
 * `oauth-1.0a-pitfalls.spec.ts` for why); signRequest hashes through {@link signPrefixedBytes} and
 * writes the header in `toHeader`'s form itself (`authorization-header.ts`), both checked against it.
 */
const signers: Record<SignatureMethod, OAuth> = {
  'HMAC-SHA256': createSigner('HMAC-SHA256'),
  'HMAC-SHA1': createSigner('HMAC-SHA1'),
};

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

function prepare(consumerSecret: string, tokenSecret: string | null | undefined): PreparedSigningKey {
  const bytes = buildSigningKey(consumerSecret, tokenSecret);
  return { bytes, text: fromBytes(bytes), key: createSecretKey(Buffer.from(bytes, 'utf8')), pads: {} };
}

/**
 * {@link buildSigningKey} with its node:crypto key, kept per (consumer secret, token secret) so that
 * repeated signing for one store skips the encoding and the key set-up. At most 1024 are kept.
 */
export function prepareSigningKey(consumerSecret: string, tokenSecret?: string | null): PreparedSigningKey {
  if (typeof consumerSecret !== 'string' || (tokenSecret !== undefined && tokenSecret !== null && typeof tokenSecret !== 'string')) {
    return prepare(consumerSecret, tokenSecret);
  }
  const token = tokenSecret ?? '';
  let byToken = preparedKeys.get(consumerSecret);
  let prepared = byToken?.get(token);
  if (prepared === undefined) {
    if (preparedCount >= MAX_CACHED_KEYS) {
      preparedKeys.clear();
      preparedCount = 0;
      byToken = undefined;
    }
    prepared = prepare(consumerSecret, token);
    if (byToken === undefined) preparedKeys.set(consumerSecret, (byToken = new Map()));
    byToken.set(token, prepared);
    preparedCount++;
  }
  return prepared;
}

/** base64 HMAC of a base string with a (byte-string) key. */
export function computeSignature(method: SignatureMethod, baseString: string, signingKey: string): string {
  return signers[method].hash_function(baseString, signingKey);
}

/** base64 HMAC of a base string (hashed as UTF-8) with a prepared key. */
export function signBaseString(method: SignatureMethod, base: string, key: PreparedSigningKey): string {
  return createHmac(ALGORITHM[method], key.key).update(base).digest('base64');
}

function padsFor(method: SignatureMethod, key: PreparedSigningKey): HmacPads {
  let pads = key.pads[method];
  if (pads === undefined) {
    // What createHmac does with a string key: its UTF-8 bytes, hashed first when longer than a block.
    let secret = Buffer.from(key.bytes, 'utf8');
    if (secret.length > HMAC_BLOCK_SIZE) secret = createHash(ALGORITHM[method]).update(secret).digest();
    const inner = Buffer.alloc(HMAC_BLOCK_SIZE);
    const outer = Buffer.alloc(HMAC_BLOCK_SIZE + DIGEST_SIZE[method]);
    for (let i = 0; i < HMAC_BLOCK_SIZE; i++) {
      const byte = i < secret.length ? secret[i] : 0;
      inner[i] = byte ^ 0x36;
      outer[i] = byte ^ 0x5c;
    }
    pads = key.pads[method] = { inner, outer };
  }
  return pads;
}

/**
 * base64 HMAC (RFC 2104) of a message that follows {@link HMAC_BLOCK_SIZE} free bytes in `prefixed`:
 * the inner pad goes into that room, so both hashes are one-shot calls over bytes already in place.
 * The same digest as `createHmac(…).update(message).digest('base64')`, without its per-call object.
 */
export function signPrefixedBytes(method: SignatureMethod, prefixed: Uint8Array, key: PreparedSigningKey): string {
  if (oneShotHash === undefined) {
    return createHmac(ALGORITHM[method], key.key).update(prefixed.subarray(HMAC_BLOCK_SIZE)).digest('base64');
  }
  const pads = padsFor(method, key);
  pads.inner.copy(prefixed, 0);
  // The inner digest as a latin1 string: cheaper to get than a Buffer, and written back byte for byte.
  const inner = oneShotHash(ALGORITHM[method], prefixed, 'latin1') as string;
  writeLatin1(pads.outer, inner, HMAC_BLOCK_SIZE);
  return oneShotHash(ALGORITHM[method], pads.outer, 'base64') as string;
}

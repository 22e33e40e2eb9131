import { ByteWriter } from './byte-writer';
import { HMAC_BLOCK_SIZE, signBaseString, signPrefixedBytes, type PreparedSigningKey, type SignatureMethod } from './hmac';

// eslint-disable-next-line no-control-regex -- ASCII is the point here
const ASCII = /^[\x00-\x7f]*$/;

/** One writer for every base string: signing and verifying are synchronous, so it is never shared. */
const writer = new ByteWriter(16384);
/** The upper-cased method when it is not ASCII (then the string, not the buffer, is hashed). */
let textMethod: string | null = null;

/**
 * Writes `METHOD&rawurlencode(baseUri)&rawurlencode(k1=v1&k2=v2…)`, where each `k`/`v` is the
 * rawurlencoded name/value of `pairs` (flat `[name, value, …]`, raw byte strings, in signing order): they are
 * encoded twice in one pass, so the HMAC can read the bytes without an intermediate string.
 */
export function writeBaseString(method: string, baseUri: string, pairs: readonly string[]): void {
  writer.reset(HMAC_BLOCK_SIZE);
  textMethod = null;
  if (method === 'GET' || method === 'POST' || method === 'PUT' || method === 'DELETE') {
    writer.latin1(method);
  } else {
    const upper = method.toUpperCase();
    if (ASCII.test(upper)) writer.latin1(upper);
    else textMethod = upper;
  }
  writer.byte(38);
  writer.encoded(baseUri);
  writer.byte(38);
  for (let i = 0; i < pairs.length; i += 2) {
    // Values that are not strings (a number given as a token, say) cannot be encoded, as before.
    if (typeof pairs[i + 1] !== 'string') throw new TypeError(`The value of ${pairs[i]} is not a string.`);
    if (i > 0) writer.escape(50, 54);
    writer.encodedTwice(pairs[i]);
    writer.escape(51, 68);
    writer.encodedTwice(pairs[i + 1]);
  }
}

/** The last base string written, as a (byte) string. */
export function baseStringText(): string {
  const rest = writer.text();
  return textMethod === null ? rest : textMethod + rest;
}

/** The HMAC of the last base string written (its bytes in place, or its text when the method is not ASCII). */
export function signLastBaseString(method: SignatureMethod, key: PreparedSigningKey): string {
  return textMethod === null ? signPrefixedBytes(method, writer.prefixed(), key) : signBaseString(method, baseStringText(), key);
}

/**
 * PHP strings are bytes. Here they are "byte strings": JS strings whose char codes are bytes
 * (0–255, latin1), so that percent-decoding can produce any byte, even invalid UTF-8, as PHP does.
 * Text goes in through {@link toBytes} and comes back out through {@link fromBytes}.
 */

// eslint-disable-next-line no-control-regex -- byte ranges are the point here
const NON_ASCII = /[^\x00-\x7f]/;

/** Text → its UTF-8 bytes as a byte string. ASCII text is returned as it is. */
export function toBytes(text: string): string {
  return NON_ASCII.test(text) ? Buffer.from(text, 'utf8').toString('latin1') : text;
}

/** Byte string → text, read as UTF-8 (invalid sequences become U+FFFD). ASCII is returned as it is. */
export function fromBytes(bytes: string): string {
  return NON_ASCII.test(bytes) ? Buffer.from(bytes, 'latin1').toString('utf8') : bytes;
}

/**
 * A growable byte buffer for building percent-encoded strings without intermediate strings: bytes
 * go in one at a time, the result comes out once (as latin1 text, or as bytes for the HMAC).
 * Instances are reused; what they hold is valid until their next {@link ByteWriter.reset}.
 */

import { latin1String } from './php-string';

const HEX = Uint8Array.from('0123456789ABCDEF', (char) => char.charCodeAt(0));
const UNRESERVED = new Uint8Array(256);
for (const char of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~') UNRESERVED[char.charCodeAt(0)] = 1;

export class ByteWriter {
  private buffer: Buffer;
  private length = 0;
  /** Bytes kept free before what is written (room for an HMAC pad). */
  private start = 0;

  constructor(size = 4096) {
    this.buffer = Buffer.allocUnsafe(size);
  }

  /** Starts over, keeping the first `prefix` bytes free (see {@link ByteWriter.prefixed}). */
  reset(prefix = 0): void {
    this.start = prefix;
    this.length = prefix;
  }

  private reserve(extra: number): Buffer {
    if (this.length + extra > this.buffer.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.length + extra, this.buffer.length * 2));
      this.buffer.copy(grown, 0, 0, this.length);
      this.buffer = grown;
    }
    return this.buffer;
  }

  /** One byte. */
  byte(byte: number): void {
    this.reserve(1)[this.length++] = byte;
  }

  /** A `%XX` escape, from the char codes of its two hex digits. */
  escape(high: number, low: number): void {
    const out = this.reserve(3);
    out[this.length] = 37;
    out[this.length + 1] = high;
    out[this.length + 2] = low;
    this.length += 3;
  }

  /** Text whose chars are all below 256 (ASCII or a byte string), byte for byte. */
  latin1(text: string): void {
    const out = this.reserve(text.length);
    let at = this.length;
    for (let i = 0; i < text.length; i++) out[at++] = text.charCodeAt(i);
    this.length = at;
  }

  /** PHP `rawurlencode(bytes)`: `A-Za-z0-9-_.~` as they are, any other byte as `%XX` (a char above 255 by its low byte). */
  encoded(bytes: string): void {
    const out = this.reserve(bytes.length * 3);
    let at = this.length;
    for (let i = 0; i < bytes.length; i++) {
      const code = bytes.charCodeAt(i);
      if (code < 256 && UNRESERVED[code] === 1) {
        out[at++] = code;
      } else {
        out[at] = 37;
        out[at + 1] = HEX[(code >> 4) & 15];
        out[at + 2] = HEX[code & 15];
        at += 3;
      }
    }
    this.length = at;
  }

  /** `rawurlencode(rawurlencode(bytes))`: unreserved bytes as they are, any other byte as `%25XX`. */
  encodedTwice(bytes: string): void {
    const out = this.reserve(bytes.length * 5);
    let at = this.length;
    for (let i = 0; i < bytes.length; i++) {
      const code = bytes.charCodeAt(i);
      if (code < 256 && UNRESERVED[code] === 1) {
        out[at++] = code;
      } else {
        out[at] = 37;
        out[at + 1] = 50;
        out[at + 2] = 53;
        out[at + 3] = HEX[(code >> 4) & 15];
        out[at + 4] = HEX[code & 15];
        at += 5;
      }
    }
    this.length = at;
  }

  /** What was written, as latin1 text. */
  text(): string {
    return latin1String(this.buffer, this.start, this.length);
  }

  /** What was written, as a view of the buffer (valid until the next write). */
  bytes(): Buffer {
    return this.buffer.subarray(this.start, this.length);
  }

  /** The free prefix and what was written after it, as one view (the prefix is the caller's to fill). */
  prefixed(): Uint8Array {
    // A plain Uint8Array view: cheaper to make than a Buffer one.
    return new Uint8Array(this.buffer.buffer, this.buffer.byteOffset, this.length);
  }
}

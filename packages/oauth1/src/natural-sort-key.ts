/**
 * Sort keys for PHP's `strnatcmp`: strings whose plain (code unit) order is the natural order of the
 * names they stand for, so that a sort compares them natively instead of running strnatcmp on every
 * pair. Used for the Laminas profile's parameter order (MAGENTO.md §1.4).
 *
 * strnatcmp reads two names in step: equal chars one by one, and at a digit run in both, the runs
 * as numbers — right-aligned (longer wins, then the first different digit) when both start with
 * 1–9, left-aligned (first different digit wins, the run that ends first is smaller) when either
 * starts with 0. A key keeps every non-digit char and rewrites each maximal digit run as
 * - `9`, a char for its length, the digits, when it starts with 1–9;
 * - `0`, the digits, `/` (below every digit), when it starts with 0;
 * so runs compare as strnatcmp compares them, a `0…` run below a `1…`–`9…` run as its first digit
 * is, and both markers, being digits, compare with any non-digit as the digit they replace does.
 */

import { latin1String } from './php-string';

const PLAIN = /^[^0-9\t-\r ]*$/;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

let scratch = Buffer.allocUnsafe(512);

/**
 * The natural sort key of a (byte string) name, or null when strnatcmp would not read it in step
 * with another name: whitespace (which strnatcmp skips), a leading `0` followed by a digit (which it
 * skips separately in each name), a char above 255 or a digit run longer than 255.
 */
export function naturalSortKey(name: string): string | null {
  if (PLAIN.test(name)) return name;
  const length = name.length;
  for (let i = 0; i < length; i++) if (name.charCodeAt(i) > 255) return null;
  if (source.length < length) source = Buffer.allocUnsafe(length * 2);
  source.write(name, 0, 'latin1');
  return keyOfBytes(source, length);
}

let source = Buffer.allocUnsafe(512);

/** The key of the name held in `bytes[0, length)` (a byte string). */
function keyOfBytes(bytes: Uint8Array, length: number): string | null {
  if (length > 1 && bytes[0] === 48 && isDigit(bytes[1])) return null;
  // A run of r digits takes r + 2 bytes, so at most three bytes per char.
  if (scratch.length < length * 3) scratch = Buffer.allocUnsafe(length * 3);
  const out = scratch;
  let at = 0;
  let i = 0;
  while (i < length) {
    const code = bytes[i];
    if (!isDigit(code)) {
      if (code === 32 || (code >= 9 && code <= 13)) return null;
      out[at++] = code;
      i++;
      continue;
    }
    let end = i + 1;
    while (end < length && isDigit(bytes[end])) end++;
    if (code === 48) {
      out[at++] = 48;
      for (let k = i; k < end; k++) out[at++] = bytes[k];
      out[at++] = 47;
    } else {
      if (end - i > 255) return null;
      out[at++] = 57;
      out[at++] = end - i;
      for (let k = i; k < end; k++) out[at++] = bytes[k];
    }
    i = end;
  }
  return latin1String(out, 0, at);
}

const HEX = Uint8Array.from('0123456789ABCDEF', (char) => char.charCodeAt(0));
const UNRESERVED = new Uint8Array(256);
for (const char of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~') UNRESERVED[char.charCodeAt(0)] = 1;
const UNRESERVED_NO_DIGIT = /^[A-Za-z\-._~]*$/;

/** Builds a key from the chars of an encoded name, one at a time (no whitespace can occur in them). */
class KeyBuilder {
  out = Buffer.allocUnsafe(512);
  at = 0;
  /** Where the current digit run's length goes (-1: not in a run; -2: in a run that starts with 0). */
  private lengthAt = -1;
  private runLength = 0;
  tooLong = false;

  reset(size: number): void {
    if (this.out.length < size) this.out = Buffer.allocUnsafe(size);
    this.at = 0;
    this.lengthAt = -1;
    this.tooLong = false;
  }

  push(code: number): void {
    const out = this.out;
    if (code >= 48 && code <= 57) {
      if (this.lengthAt === -1) {
        if (code === 48) {
          out[this.at++] = 48;
          this.lengthAt = -2;
        } else {
          out[this.at] = 57;
          this.lengthAt = this.at + 1;
          this.at += 2;
        }
        this.runLength = 0;
      }
      out[this.at++] = code;
      this.runLength++;
      return;
    }
    this.endRun();
    out[this.at++] = code;
  }

  endRun(): void {
    if (this.lengthAt === -2) this.out[this.at++] = 47;
    else if (this.lengthAt >= 0) {
      if (this.runLength > 255) this.tooLong = true;
      this.out[this.lengthAt] = this.runLength & 255;
    }
    this.lengthAt = -1;
  }
}

const builder = new KeyBuilder();

/**
 * `naturalSortKey(rawurlencode(name))` in one pass over the name, without building the encoded
 * name: unreserved names without digits are their own key.
 */
export function encodedNaturalSortKey(name: string): string | null {
  if (UNRESERVED_NO_DIGIT.test(name)) return name;
  const length = name.length;
  // rawurlencode keeps a leading unreserved "0" and a digit after it: strnatcmp skips such zeros.
  if (length > 1 && name.charCodeAt(0) === 48 && name.charCodeAt(1) >= 48 && name.charCodeAt(1) <= 57) return null;
  // At most five key bytes per char: an escape is three chars, and a digit run adds two markers.
  builder.reset(length * 5 + 2);
  for (let i = 0; i < length; i++) {
    const code = name.charCodeAt(i);
    if (code < 256 && UNRESERVED[code] === 1) {
      builder.push(code);
    } else {
      builder.push(37);
      builder.push(HEX[(code >> 4) & 15]);
      builder.push(HEX[code & 15]);
    }
  }
  builder.endRun();
  return builder.tooLong ? null : latin1String(builder.out, 0, builder.at);
}

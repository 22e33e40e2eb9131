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

const PLAIN = /^[^0-9\t-\r ]*$/;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

let scratch = Buffer.allocUnsafe(512);

/**
 * The natural sort key of a name, or null when strnatcmp would not read it in step with another
 * name: whitespace (which strnatcmp skips), a leading `0` followed by a digit (which it skips
 * separately in each name), a char above 255 or a digit run longer than 255.
 */
export function naturalSortKey(name: string): string | null {
  if (PLAIN.test(name)) return name;
  const length = name.length;
  if (length > 1 && name.charCodeAt(0) === 48 && isDigit(name.charCodeAt(1))) return null;
  // A run of r digits takes r + 2 bytes, so at most three bytes per char.
  if (scratch.length < length * 3) scratch = Buffer.allocUnsafe(length * 3);
  const out = scratch;
  let at = 0;
  let i = 0;
  while (i < length) {
    const code = name.charCodeAt(i);
    if (!isDigit(code)) {
      if (code > 255 || code === 32 || (code >= 9 && code <= 13)) return null;
      out[at++] = code;
      i++;
      continue;
    }
    let end = i + 1;
    while (end < length && isDigit(name.charCodeAt(end))) end++;
    if (code === 48) {
      out[at++] = 48;
      for (let k = i; k < end; k++) out[at++] = name.charCodeAt(k);
      out[at++] = 47;
    } else {
      if (end - i > 255) return null;
      out[at++] = 57;
      out[at++] = end - i;
      for (let k = i; k < end; k++) out[at++] = name.charCodeAt(k);
    }
    i = end;
  }
  return out.toString('latin1', 0, at);
}

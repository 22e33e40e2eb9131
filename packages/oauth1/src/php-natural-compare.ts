/**
 * PHP's `strnatcmp` (ext/standard/strnatcmp.c), which Laminas OAuth (Magento 2.4.4–2.4.6) uses to
 * order signature parameters: `a9` < `a10`, `%5B2%5D` < `%5B10%5D`.
 */

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13);
}

interface Cursor {
  s: string;
  i: number;
}

function digitAt(c: Cursor): boolean {
  return c.i < c.s.length && isDigit(c.s.charCodeAt(c.i));
}

/** Right-aligned numbers: the longest run wins, else the first difference. */
function compareRight(a: Cursor, b: Cursor): number {
  let bias = 0;
  for (; ; a.i++, b.i++) {
    const da = digitAt(a);
    const db = digitAt(b);
    if (!da && !db) return bias;
    if (!da) return -1;
    if (!db) return 1;
    const ca = a.s.charCodeAt(a.i);
    const cb = b.s.charCodeAt(b.i);
    if (bias === 0 && ca !== cb) bias = ca < cb ? -1 : 1;
  }
}

/** Left-aligned (fractional) numbers: the first difference wins. */
function compareLeft(a: Cursor, b: Cursor): number {
  for (; ; a.i++, b.i++) {
    const da = digitAt(a);
    const db = digitAt(b);
    if (!da && !db) return 0;
    if (!da) return -1;
    if (!db) return 1;
    const ca = a.s.charCodeAt(a.i);
    const cb = b.s.charCodeAt(b.i);
    if (ca !== cb) return ca < cb ? -1 : 1;
  }
}

function charAt(c: Cursor): number {
  return c.i < c.s.length ? c.s.charCodeAt(c.i) : 0;
}

function skipLeadingZeros(c: Cursor): void {
  while (charAt(c) === 48 && c.i + 1 < c.s.length && isDigit(c.s.charCodeAt(c.i + 1))) c.i++;
}

function skipSpaces(c: Cursor): void {
  while (isSpace(charAt(c))) c.i++;
}

/** PHP `strnatcmp($a, $b)` on byte strings: -1, 0 or 1. */
export function strnatcmp(left: string, right: string): number {
  if (left.length === 0 || right.length === 0) {
    return left.length === right.length ? 0 : left.length > right.length ? 1 : -1;
  }
  const a: Cursor = { s: left, i: 0 };
  const b: Cursor = { s: right, i: 0 };
  skipLeadingZeros(a);
  skipLeadingZeros(b);
  return compareFrom(a, b);
}

/** The main loop of strnatcmp, from cursors at the top of the loop. */
function compareFrom(a: Cursor, b: Cursor): number {
  for (;;) {
    skipSpaces(a);
    skipSpaces(b);
    if (digitAt(a) && digitAt(b)) {
      const fractional = charAt(a) === 48 || charAt(b) === 48;
      const result = fractional ? compareLeft(a, b) : compareRight(a, b);
      if (result !== 0) return result;
      if (a.i >= a.s.length && b.i >= b.s.length) return 0;
      if (a.i >= a.s.length) return -1;
      if (b.i >= b.s.length) return 1;
    }
    const ca = charAt(a);
    const cb = charAt(b);
    if (ca !== cb) return ca < cb ? -1 : 1;
    a.i++;
    b.i++;
    if (a.i >= a.s.length && b.i >= b.s.length) return 0;
    if (a.i >= a.s.length) return -1;
    if (b.i >= b.s.length) return 1;
  }
}

/**
 * `strnatcmp` for percent-encoded parameter names (no whitespace), without re-reading their common
 * prefix: when the first difference is between two non-digits past the start, natural order equals
 * byte order; otherwise strnatcmp resumes where it would stand, in step on both names, just after
 * the last non-digit of the common prefix (before the digit run that reaches the difference). This
 * is exact whenever the names neither start with `0` (leading zeros are skipped separately in each
 * name) nor hold whitespace in the common prefix; other names go through the full comparison.
 */
export function compareEncodedNamesNaturally(left: string, right: string): number {
  const n = Math.min(left.length, right.length);
  let i = 0;
  let resume = 0;
  let plain = true;
  while (i < n) {
    const code = left.charCodeAt(i);
    if (code !== right.charCodeAt(i)) break;
    i++;
    if (!isDigit(code)) {
      resume = i;
      if (isSpace(code)) plain = false;
    }
  }
  if (i >= 2 && i < n) {
    const a = left.charCodeAt(i);
    const b = right.charCodeAt(i);
    if (!isDigit(a) && !isDigit(b)) return a < b ? -1 : 1;
  }
  if (resume === 0 || i === n || !plain || left.charCodeAt(0) === 48) return strnatcmp(left, right);
  return compareFrom({ s: left, i: resume }, { s: right, i: resume });
}

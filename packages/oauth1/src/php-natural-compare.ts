/**
 * PHP's `strnatcmp` (ext/standard/strnatcmp.c), which `Laminas\OAuth\Signature\AbstractSignature`
 * (Magento 2.4.4–2.4.6) uses to order signature parameters: `a9` < `a10`, `%5B2%5D` < `%5B10%5D`.
 */

const ZERO = '0';
const NINE = '9';
const SPACE = ' ';
/** `isspace()` besides the space: `\t` `\n` `\v` `\f` `\r`. */
const TAB = '\t';
const CARRIAGE_RETURN = '\r';

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= ZERO && char <= NINE;
}

function isSpace(char: string | undefined): boolean {
  return char === SPACE || (char !== undefined && char >= TAB && char <= CARRIAGE_RETURN);
}

interface Cursor {
  s: string;
  i: number;
}

/** Compares the digit runs at both cursors, advancing them: right-aligned (longer run wins, else the first difference) or, for fractional runs, left-aligned. */
function compareDigitRuns(a: Cursor, b: Cursor, fractional: boolean): number {
  let bias = 0;
  for (; ; a.i++, b.i++) {
    const da = isDigit(a.s[a.i]);
    const db = isDigit(b.s[b.i]);
    if (!da && !db) return bias;
    if (!da) return -1;
    if (!db) return 1;
    const ca = a.s[a.i];
    const cb = b.s[b.i];
    if (ca === cb) continue;
    if (fractional) return ca < cb ? -1 : 1;
    if (bias === 0) bias = ca < cb ? -1 : 1;
  }
}

function skipLeadingZeros(c: Cursor): void {
  while (c.s[c.i] === ZERO && isDigit(c.s[c.i + 1])) c.i++;
}

/** Which string ended first, once either has (0 when both, none: null). */
function compareEnds(a: Cursor, b: Cursor): number | null {
  const aEnded = a.i >= a.s.length;
  const bEnded = b.i >= b.s.length;
  if (aEnded && bEnded) return 0;
  if (aEnded) return -1;
  if (bEnded) return 1;
  return null;
}

const ZERO_CODE = ZERO.charCodeAt(0);
const NINE_CODE = NINE.charCodeAt(0);
const SPACE_CODE = SPACE.charCodeAt(0);
const TAB_CODE = TAB.charCodeAt(0);
const CARRIAGE_RETURN_CODE = CARRIAGE_RETURN.charCodeAt(0);

/** Whether a char code is a digit or a space, where `strnatcmp` departs from byte order (NaN, past the end: no). */
function isNaturalCode(code: number): boolean {
  return (code >= ZERO_CODE && code <= NINE_CODE) || code === SPACE_CODE || (code >= TAB_CODE && code <= CARRIAGE_RETURN_CODE);
}

/** Byte order where it is `strnatcmp`'s answer: no digit or space up to the first difference. Null otherwise. */
function compareAsBytes(left: string, right: string): number | null {
  let i = 0;
  while (i < left.length && left.charCodeAt(i) === right.charCodeAt(i)) {
    if (isNaturalCode(left.charCodeAt(i))) return null;
    i++;
  }
  if (isNaturalCode(left.charCodeAt(i)) || isNaturalCode(right.charCodeAt(i))) return null;
  if (i === left.length || i === right.length) return Math.sign(left.length - right.length);
  return left.charCodeAt(i) < right.charCodeAt(i) ? -1 : 1;
}

/** PHP `strnatcmp($left, $right)` on byte strings: -1, 0 or 1. */
export function strnatcmp(left: string, right: string): number {
  if (left.length === 0 || right.length === 0) return Math.sign(left.length - right.length);
  const plain = compareAsBytes(left, right);
  if (plain !== null) return plain;
  const a: Cursor = { s: left, i: 0 };
  const b: Cursor = { s: right, i: 0 };
  skipLeadingZeros(a);
  skipLeadingZeros(b);
  for (;;) {
    while (isSpace(a.s[a.i])) a.i++;
    while (isSpace(b.s[b.i])) b.i++;
    if (isDigit(a.s[a.i]) && isDigit(b.s[b.i])) {
      const result = compareDigitRuns(a, b, a.s[a.i] === ZERO || b.s[b.i] === ZERO);
      if (result !== 0) return result;
      const ended = compareEnds(a, b);
      if (ended !== null) return ended;
    }
    const ca = a.s[a.i] ?? '';
    const cb = b.s[b.i] ?? '';
    if (ca !== cb) return ca < cb ? -1 : 1;
    a.i++;
    b.i++;
    const ended = compareEnds(a, b);
    if (ended !== null) return ended;
  }
}

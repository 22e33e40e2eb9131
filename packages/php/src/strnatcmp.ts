/**
 * PHP's `strnatcmp` (ext/standard/strnatcmp.c `strnatcmp_ex`) on byte strings: runs of digits
 * compare by value (`a9` < `a10`), white space is skipped. `Laminas\OAuth\Signature\AbstractSignature`
 * (Magento 2.4.4–2.4.6) orders the signed parameters with it (`%5B2%5D` < `%5B10%5D`).
 */

const ZERO = '0'.charCodeAt(0);
const NINE = '9'.charCodeAt(0);
const SPACE = ' '.charCodeAt(0);
/** `isspace()` besides the space: `\t` `\n` `\v` `\f` `\r`. */
const TAB = '\t'.charCodeAt(0);
const CARRIAGE_RETURN = '\r'.charCodeAt(0);
/** What C reads past the end of a PHP string. */
const NUL = 0;

function isDigit(code: number): boolean {
  return code >= ZERO && code <= NINE;
}

function isSpace(code: number): boolean {
  return code === SPACE || (code >= TAB && code <= CARRIAGE_RETURN);
}

/** Where `strnatcmp` departs from byte order: digits and white space. */
function isNatural(code: number): boolean {
  return isDigit(code) || isSpace(code);
}

/** A position in a string, moved along as `strnatcmp_ex` moves its pointers. */
interface Cursor {
  readonly text: string;
  at: number;
}

function current(cursor: Cursor): number {
  return cursor.at < cursor.text.length ? cursor.text.charCodeAt(cursor.at) : NUL;
}

function skipLeadingZeros(cursor: Cursor): void {
  while (
    current(cursor) === ZERO &&
    cursor.at + 1 < cursor.text.length &&
    isDigit(cursor.text.charCodeAt(cursor.at + 1))
  ) {
    cursor.at++;
  }
}

function skipSpaces(cursor: Cursor): void {
  while (isSpace(current(cursor))) cursor.at++;
}

/**
 * `compare_right` / `compare_left`: the digit runs at both cursors, which move past them. Right-aligned
 * (the longer run wins, else the first different digit); left-aligned for fractional runs (a leading `0`).
 */
function compareDigitRuns(a: Cursor, b: Cursor, fractional: boolean): number {
  let bias = 0;
  for (; ; a.at++, b.at++) {
    const ca = current(a);
    const cb = current(b);
    if (!isDigit(ca) && !isDigit(cb)) return bias;
    if (!isDigit(ca)) return -1;
    if (!isDigit(cb)) return 1;
    if (ca === cb) continue;
    if (fractional) return ca < cb ? -1 : 1;
    if (bias === 0) bias = ca < cb ? -1 : 1;
  }
}

/** Which string ended first once either has (0 when both), null while neither has. */
function compareEnds(a: Cursor, b: Cursor): number | null {
  const aEnded = a.at >= a.text.length;
  const bEnded = b.at >= b.text.length;
  if (aEnded || bEnded) return aEnded && bEnded ? 0 : aEnded ? -1 : 1;
  return null;
}

/**
 * `strnatcmp_ex` step by step, from `start`: 0, or a position just after a char that is neither a
 * digit nor a space in both strings' common prefix (where both pointers arrive together).
 */
export function strnatcmpStepwise(left: string, right: string, start = 0): number {
  if (left.length === 0 || right.length === 0) return Math.sign(left.length - right.length);
  const a: Cursor = { text: left, at: start };
  const b: Cursor = { text: right, at: start };
  if (start === 0) {
    skipLeadingZeros(a);
    skipLeadingZeros(b);
  } else {
    // Resuming after a char both strings had: its step ended by checking whether either string ended.
    const ended = compareEnds(a, b);
    if (ended !== null) return ended;
  }
  for (;;) {
    skipSpaces(a);
    skipSpaces(b);
    if (isDigit(current(a)) && isDigit(current(b))) {
      const result = compareDigitRuns(a, b, current(a) === ZERO || current(b) === ZERO);
      if (result !== 0) return result;
      const ended = compareEnds(a, b);
      if (ended !== null) return ended;
    }
    const ca = current(a);
    const cb = current(b);
    if (ca !== cb) return ca < cb ? -1 : 1;
    a.at++;
    b.at++;
    const ended = compareEnds(a, b);
    if (ended !== null) return ended;
  }
}

/** PHP `strnatcmp($left, $right)` on byte strings: -1, 0 or 1. */
export function strnatcmp(left: string, right: string): number {
  let i = 0;
  while (i < left.length && left.charCodeAt(i) === right.charCodeAt(i)) i++;
  const ca = left.charCodeAt(i);
  const cb = right.charCodeAt(i);
  if (isNatural(ca) || isNatural(cb) || ca === NUL || cb === NUL) {
    // The common prefix is read alike: step through from its last char that is neither digit nor space.
    let start = i;
    while (start > 0 && isNatural(left.charCodeAt(start - 1))) start--;
    return strnatcmpStepwise(left, right, start);
  }
  // The first difference is neither a digit, a space nor NUL (what C reads past the end): there
  // the stepwise comparison compares bytes, or which string ended.
  if (i === left.length || i === right.length) return Math.sign(left.length - right.length);
  return ca < cb ? -1 : 1;
}

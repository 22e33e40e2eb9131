import { isNumeric } from './numeric';

/**
 * PHP `strcmp` order (`-1`, `0`, `1`): byte order of byte strings, and of the UTF-8 encodings of
 * text (which is code point order, so text needs no encoding to compare).
 */
export function compareBytes(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  let i = 0;
  while (i < length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === length) return Math.sign(a.length - b.length);
  // UTF-16 code units order differently from code points only around surrogates.
  return (a.codePointAt(i) as number) < (b.codePointAt(i) as number) ? -1 : 1;
}

/** PHP 8 `ksort()` (`SORT_REGULAR`) order of two string keys: as numbers when both are numeric, else by bytes. */
export function compareKeys(a: string, b: string): number {
  if (isNumeric(a) && isNumeric(b)) {
    const difference = Number(a) - Number(b);
    if (difference !== 0) return difference < 0 ? -1 : 1;
  }
  return compareBytes(a, b);
}

/** PHP 8 `ksort()` of an array's keys (byte strings), in place: byte order, numeric keys among themselves by value. */
export function ksort(keys: string[]): string[] {
  // Byte strings sort by code unit, which is byte order: the default sort is PHP's unless two keys are numeric.
  return keys.filter(isNumeric).length > 1 ? keys.sort(compareKeys) : keys.sort();
}

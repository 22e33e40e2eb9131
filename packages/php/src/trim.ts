/** PHP `trim()`'s default characters: space, `\t`, `\n`, `\r`, NUL, `\v`. */
export const TRIMMED_BY_DEFAULT = ' \t\n\r\0\x0B';

/** PHP `trim($value, $characters)` (no `..` ranges): the listed characters cut from both ends. */
export function trim(value: string, characters: string = TRIMMED_BY_DEFAULT): string {
  let start = 0;
  let end = value.length;
  while (start < end && characters.includes(value[start])) start++;
  while (end > start && characters.includes(value[end - 1])) end--;
  return start === 0 && end === value.length ? value : value.slice(start, end);
}

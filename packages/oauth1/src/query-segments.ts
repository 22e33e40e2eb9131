import { type PhpValue, registerPhpVariable } from './php-parse-str';
import { rawurldecode, urldecode } from './php-string';

/**
 * One `&`-separated segment of a query string, split once for both readers Magento's latest line
 * runs over the same query (its request helper, then `parse_str`), so that each name and value is
 * decoded once and the decoded strings (already hashed as map keys) are reused.
 */
export interface QuerySegment {
  /** The text before the first `=` (all of it when there is none). */
  readonly rawName: string;
  /** The text after the first `=`, or null when there is none. */
  readonly rawValue: string | null;
  /** Whether the segment holds exactly one `=` (the only ones the request helper reads). */
  readonly single: boolean;
  /** `rawurldecode(rawName)`, once someone needed it. */
  decodedName?: string;
  /** `rawurldecode(rawValue)`, once someone needed it. */
  decodedValue?: string;
}

/** Every `&`-separated segment of a query, empty ones included, in order. */
export function splitQuery(query: string): QuerySegment[] {
  const segments: QuerySegment[] = [];
  const length = query.length;
  let start = 0;
  while (start <= length) {
    let end = query.indexOf('&', start);
    if (end === -1) end = length;
    const eq = query.indexOf('=', start);
    if (eq === -1 || eq >= end) {
      segments.push({ rawName: query.slice(start, end), rawValue: null, single: false });
    } else {
      const next = query.indexOf('=', eq + 1);
      segments.push({ rawName: query.slice(start, eq), rawValue: query.slice(eq + 1, end), single: next === -1 || next >= end });
    }
    start = end + 1;
  }
  return segments;
}

/** `rawurldecode(segment.rawName)`, computed once per segment. */
export function decodedName(segment: QuerySegment): string {
  return (segment.decodedName ??= rawurldecode(segment.rawName));
}

/** `rawurldecode(segment.rawValue)` (the segment must have a value), computed once per segment. */
export function decodedValue(segment: QuerySegment): string {
  return (segment.decodedValue ??= rawurldecode(segment.rawValue as string));
}

/** {@link parsePhpQuery} of the query the segments came from, merged into `into`. */
export function parsePhpQuerySegments(segments: readonly QuerySegment[], into: Map<string, PhpValue>): Map<string, PhpValue> {
  for (const segment of segments) {
    const { rawName, rawValue } = segment;
    if (rawValue === null && rawName === '') continue;
    // urldecode is rawurldecode after `+` → space: without a `+`, the decoded string is shared.
    const value = rawValue === null ? '' : rawValue.includes('+') ? urldecode(rawValue) : decodedValue(segment);
    const name = rawName.includes('+') ? urldecode(rawName) : decodedName(segment);
    registerPhpVariable(into, name, value);
  }
  return into;
}

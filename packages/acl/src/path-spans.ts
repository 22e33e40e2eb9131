/**
 * Where the segments of a path are: `explode('/', trim($path, '/'))` as offsets, so the matcher cuts
 * out only the segments it looks up or captures.
 */
export interface PathSpans {
  /** Start offset of each segment. */
  starts: Int32Array;
  /** End offset (exclusive) of each segment. */
  ends: Int32Array;
  count: number;
}

/** A reusable span buffer (grows as needed). */
export function createPathSpans(capacity = 16): PathSpans {
  return { starts: new Int32Array(capacity), ends: new Int32Array(capacity), count: 0 };
}

/** Fills `spans` with the segments of `path` (slashes trimmed at both ends first, like PHP `trim`). */
export function splitIntoSpans(path: string, spans: PathSpans): void {
  let start = 0;
  let end = path.length;
  while (start < end && path.charCodeAt(start) === 0x2f) start++;
  while (end > start && path.charCodeAt(end - 1) === 0x2f) end--;
  let count = 0;
  for (let from = start; ; count++) {
    if (count === spans.starts.length) grow(spans);
    spans.starts[count] = from;
    const slash = path.indexOf('/', from);
    if (slash === -1 || slash >= end) {
      spans.ends[count] = end;
      spans.count = count + 1;
      return;
    }
    spans.ends[count] = slash;
    from = slash + 1;
  }
}

function grow(spans: PathSpans): void {
  const starts = new Int32Array(spans.starts.length * 2);
  const ends = new Int32Array(spans.ends.length * 2);
  starts.set(spans.starts);
  ends.set(spans.ends);
  spans.starts = starts;
  spans.ends = ends;
}

/** The segments as strings (for the non-hot paths). */
export function listSegments(path: string, spans: PathSpans): string[] {
  const parts: string[] = [];
  for (let i = 0; i < spans.count; i++) parts.push(path.slice(spans.starts[i], spans.ends[i]));
  return parts;
}

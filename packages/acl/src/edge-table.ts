/** One literal child of a trie node. */
export interface LiteralEdge<T> {
  value: string;
  node: T;
}

/**
 * Literal children looked up by a segment's offsets, without cutting the segment out of the path:
 * buckets by length, first and last character, then the candidate is compared with the segment.
 * Cheaper than `Map#get(path.slice(…))`, which also hashes the segment.
 */
export interface EdgeTable<T> {
  buckets: Array<Array<LiteralEdge<T>> | undefined>;
  /** Bucket mask; -1 when there are no literal children. */
  mask: number;
}

function bucketOf(length: number, first: number, last: number, mask: number): number {
  return length === 0 ? 0 : (length * 131 + first * 31 + last) & mask;
}

/** Builds the table for `children` (value → node). */
export function buildEdgeTable<T>(children: ReadonlyMap<string, T>): EdgeTable<T> {
  if (children.size === 0) return { buckets: [], mask: -1 };
  let size = 1;
  while (size < children.size * 2) size *= 2;
  const mask = size - 1;
  const buckets: Array<Array<LiteralEdge<T>> | undefined> = [];
  for (let i = 0; i < size; i++) buckets.push(undefined); // packed, not holey: cheaper loads
  for (const [value, node] of children) {
    const at = bucketOf(value.length, value.charCodeAt(0), value.charCodeAt(value.length - 1), mask);
    (buckets[at] ??= []).push({ value, node });
  }
  return { buckets, mask };
}

/** The child whose value equals `path[start, end)`, or undefined. */
export function findEdge<T>(table: EdgeTable<T>, path: string, start: number, end: number): T | undefined {
  const mask = table.mask;
  if (mask === -1) return undefined;
  const length = end - start;
  const bucket = table.buckets[bucketOf(length, path.charCodeAt(start), path.charCodeAt(end - 1), mask)];
  if (bucket === undefined) return undefined;
  let segment: string | undefined;
  for (let i = 0; i < bucket.length; i++) {
    const edge = bucket[i];
    // `slice` + `===` is several times faster than `startsWith(value, start)` in V8.
    if (edge.value.length === length && edge.value === (segment ??= path.slice(start, end))) return edge.node;
  }
  return undefined;
}

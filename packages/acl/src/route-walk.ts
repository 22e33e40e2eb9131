import type { PathSpans } from './path-spans';
import { fromBytes, isNumeric, looseEquals, toBytes, urldecode } from '@magekit/php';
import type { IndexedRoute, MethodIndex, RouteIndex } from './route-index';
import { findEdge } from './edge-table';
import { readServiceBaseUrl, type TrieNode, type TrieRoot } from './route-trie';

/**
 * The route Magento's router picks for `pathInfo` (its segments in `spans`), or undefined: the exact
 * hit if any, else the highest-ranked route whose segments match and whose url starts with the
 * service base url. A few Map lookups, one per segment at most; no route list is scanned.
 */
export function findRoute(
  index: RouteIndex,
  method: string,
  pathInfo: string,
  spans: PathSpans,
): IndexedRoute | undefined {
  const forMethod =
    method === 'GET'
      ? index.get
      : method === 'POST'
        ? index.post
        : method === 'PUT'
          ? index.put
          : method === 'DELETE'
            ? index.delete
            : index.methods.get(method);
  if (forMethod === undefined) return undefined;
  if (forMethod.exactOnly !== null) {
    const hit = forMethod.exactOnly.get(pathInfo);
    if (hit !== undefined) return hit;
  }
  return walkForBest(forMethod, pathInfo, spans);
}

/**
 * The walk without exact hits: the first two segments are looked up together (they must equal the
 * service base url's words, up to PHP's loose `==` on a numeric second segment that still starts
 * with the second word), the rest one level at a time.
 */
export function walkForBest(forMethod: MethodIndex, pathInfo: string, spans: PathSpans): IndexedRoute | undefined {
  const count = spans.count;
  const root = count < forMethod.roots.length ? forMethod.roots[count] : undefined;
  // `#^/?\w+/\w+#` allows one leading slash; the pairs hold only word-character first segments.
  if (root === undefined || spans.starts[0] > 1) return undefined;
  const pair = findEdge(root.pairEdges, pathInfo, spans.starts[0], spans.ends[1]);
  let current = pair === undefined ? undefined : best(pair, pathInfo, spans, 2, undefined);
  if (root.numericPairs.length > 0) current = bestOfNumericPairs(root, pair, pathInfo, spans, current);
  return current;
}

function bestOfNumericPairs(
  root: TrieRoot,
  pair: TrieNode | undefined,
  pathInfo: string,
  spans: PathSpans,
  current: IndexedRoute | undefined,
): IndexedRoute | undefined {
  const second = pathInfo.slice(spans.starts[1], spans.ends[1]);
  const base = readServiceBaseUrl(pathInfo);
  if (base === null || !isNumeric(second)) return current;
  const first = pathInfo.slice(spans.starts[0], spans.ends[0]);
  const word = base.slice(base.indexOf('/') + 1);
  for (const entry of root.numericPairs) {
    if (
      entry.node !== pair &&
      entry.first === first &&
      entry.second.startsWith(word) &&
      looseEquals(entry.second, second)
    )
      current = best(entry.node, pathInfo, spans, 2, current);
  }
  return current;
}

/**
 * The highest-ranked route under `node` matching the segments from `depth` on. Ranks are unique, so
 * the order branches are tried in does not matter; a node with a single way on is followed in a
 * loop, and only real forks (a literal and a `:param` both matching, numeric or null children) recurse.
 */
function best(
  node: TrieNode,
  path: string,
  spans: PathSpans,
  depth: number,
  current: IndexedRoute | undefined,
): IndexedRoute | undefined {
  const count = spans.count;
  for (;;) {
    if (depth === count) {
      const here = node.best;
      return here !== null && (current === undefined || here.rank > current.rank) ? here : current;
    }
    const start = spans.starts[depth];
    const end = spans.ends[depth];
    const exact = findEdge(node.edges, path, start, end);
    const param = node.param;
    if (node.plain) {
      if (exact === undefined) {
        if (param === null) return current;
        node = param;
      } else if (param === null) node = exact;
      else {
        current = best(exact, path, spans, depth + 1, current);
        node = param;
      }
      depth++;
      continue;
    }
    if (exact !== undefined) current = best(exact, path, spans, depth + 1, current);
    if (node.numeric.length > 0) {
      const part = path.slice(start, end);
      if (isNumeric(part)) {
        for (const [value, child] of node.numeric)
          if (child !== exact && looseEquals(value, part)) current = best(child, path, spans, depth + 1, current);
      }
    }
    if (param !== null) current = best(param, path, spans, depth + 1, current);
    if (node.nullParam !== null && (end === start || (end === start + 1 && path.charCodeAt(start) === 0x30)))
      current = best(node.nullParam, path, spans, depth + 1, current);
    return current;
  }
}

/** Every route matching `pathInfo` (split into `parts`) that `walkForBest` chooses from, unordered. */
export function collectMatches(
  forMethod: MethodIndex,
  pathInfo: string,
  parts: readonly string[],
  out: IndexedRoute[],
): void {
  const root = parts.length < forMethod.roots.length ? forMethod.roots[parts.length] : undefined;
  const base = readServiceBaseUrl(pathInfo);
  if (root === undefined || base === null) return;
  const pair = root.pairs.get(`${parts[0]}/${parts[1]}`);
  if (pair !== undefined) collect(pair, parts, 2, out);
  if (!isNumeric(parts[1])) return;
  const word = base.slice(base.indexOf('/') + 1);
  for (const entry of root.numericPairs) {
    if (
      entry.node !== pair &&
      entry.first === parts[0] &&
      entry.second.startsWith(word) &&
      looseEquals(entry.second, parts[1])
    )
      collect(entry.node, parts, 2, out);
  }
}

function collect(node: TrieNode, parts: readonly string[], depth: number, out: IndexedRoute[]): void {
  if (depth === parts.length) {
    for (const entry of node.leaf) out.push(entry);
    return;
  }
  const part = parts[depth];
  const exact = node.literal.get(part);
  if (exact !== undefined) collect(exact, parts, depth + 1, out);
  if (node.numeric.length > 0 && isNumeric(part)) {
    for (const [value, child] of node.numeric)
      if (child !== exact && looseEquals(value, part)) collect(child, parts, depth + 1, out);
  }
  if (node.param !== null) collect(node.param, parts, depth + 1, out);
  if (node.nullParam !== null && (part === '' || part === '0')) collect(node.nullParam, parts, depth + 1, out);
}

/** `Route::match()` captures of the winner: each `:name` segment `urldecode`d (later duplicates win). */
export function captureParams(indexed: IndexedRoute, path: string, spans: PathSpans): Record<string, string> {
  const params: Record<string, string> = {};
  const at = indexed.captureAt;
  const names = indexed.captureNames;
  for (let k = 0; k < at.length; k++)
    params[names[k]] = decodeSegment(path.slice(spans.starts[at[k]], spans.ends[at[k]]));
  return params;
}

/** PHP `urldecode` of a path segment's UTF-8 bytes, read back as text (bytes that are not UTF-8 become U+FFFD). */
function decodeSegment(segment: string): string {
  // Without an escape or a `+` there is nothing to decode (and text read back from its bytes is itself).
  if (!segment.includes('%') && !segment.includes('+')) return segment;
  return fromBytes(urldecode(toBytes(segment)));
}

import { decodePhpUrl, equalsPhpLoose, isPhpNumericString, trimSlashes } from './php-strings';
import type { Route } from './route-table';

/** A route segment as `Route::getRouteParts()` sees it. */
type Segment = { kind: 'literal'; value: string } | { kind: 'param'; name: string } | { kind: 'null' };

/** A route with what the matcher needs precomputed. */
export interface IndexedRoute {
  route: Route;
  /** Position of the url in `ksort($routes, SORT_STRING)` order: the highest matching rank wins. */
  rank: number;
  trimmedUrl: string;
  segments: Segment[];
}

interface TrieNode {
  literal: Map<string, TrieNode>;
  numeric: Array<[string, TrieNode]>;
  param: TrieNode | null;
  nullParam: TrieNode | null;
  leaf: IndexedRoute[];
}

/** Exact-match map plus one literal-segment trie per method and segment count. */
export interface RouteIndex {
  /** method → url → route, for the exact hit `isset($servicesRoutes[$pathInfo][$method])`. */
  exact: Map<string, Map<string, IndexedRoute>>;
  tries: Map<string, Map<number, TrieNode>>;
}

/** Splits a route url like `Magento\Webapi\Controller\Rest\Router\Route` does. */
function splitRouteUrl(url: string): Segment[] {
  return trimSlashes(url)
    .split('/')
    .map((part): Segment => {
      if (part.charCodeAt(0) !== 0x3a || part.charCodeAt(1) === 0x3a) return { kind: 'literal', value: part };
      const name = part.slice(1);
      // PHP: `if ($variable)` — a name of "" or "0" is falsy, so the segment is compared with null.
      return name === '' || name === '0' ? { kind: 'null' } : { kind: 'param', name };
    });
}

const newNode = (): TrieNode => ({ literal: new Map(), numeric: [], param: null, nullParam: null, leaf: [] });

/** Builds the index over routes already sorted in Magento's order. */
export function buildRouteIndex(sortedRoutes: readonly Route[]): RouteIndex {
  const exact = new Map<string, Map<string, IndexedRoute>>();
  const tries = new Map<string, Map<number, TrieNode>>();
  let rank = -1;
  let previousUrl: string | undefined;
  for (const route of sortedRoutes) {
    if (route.url !== previousUrl) rank++;
    previousUrl = route.url;
    const indexed: IndexedRoute = { route, rank, trimmedUrl: trimSlashes(route.url), segments: splitRouteUrl(route.url) };
    const byUrl = exact.get(route.method) ?? new Map<string, IndexedRoute>();
    exact.set(route.method, byUrl.set(route.url, indexed));
    const byCount = tries.get(route.method) ?? new Map<number, TrieNode>();
    tries.set(route.method, byCount);
    let node = byCount.get(indexed.segments.length) ?? newNode();
    byCount.set(indexed.segments.length, node);
    for (const segment of indexed.segments) node = descend(node, segment);
    node.leaf.push(indexed);
  }
  return { exact, tries };
}

function descend(node: TrieNode, segment: Segment): TrieNode {
  if (segment.kind === 'param') return (node.param ??= newNode());
  if (segment.kind === 'null') return (node.nullParam ??= newNode());
  let next = node.literal.get(segment.value);
  if (next === undefined) {
    next = newNode();
    node.literal.set(segment.value, next);
    if (isPhpNumericString(segment.value)) node.numeric.push([segment.value, next]);
  }
  return next;
}

/** Every route of `method` whose segments match `parts` (PHP loose `!=` on literals), unordered. */
export function collectMatches(index: RouteIndex, method: string, parts: readonly string[], out: IndexedRoute[]): void {
  const root = index.tries.get(method)?.get(parts.length);
  if (root !== undefined) walk(root, parts, 0, out);
}

function walk(node: TrieNode, parts: readonly string[], depth: number, out: IndexedRoute[]): void {
  if (depth === parts.length) {
    for (const entry of node.leaf) out.push(entry);
    return;
  }
  const part = parts[depth];
  const exact = node.literal.get(part);
  if (exact !== undefined) walk(exact, parts, depth + 1, out);
  if (node.numeric.length > 0 && isPhpNumericString(part)) {
    for (const [value, child] of node.numeric) if (child !== exact && equalsPhpLoose(value, part)) walk(child, parts, depth + 1, out);
  }
  if (node.param !== null) walk(node.param, parts, depth + 1, out);
  if (node.nullParam !== null && (part === '' || part === '0')) walk(node.nullParam, parts, depth + 1, out);
}

/**
 * The winner among matching routes whose trimmed url starts with `prefix`: the highest rank
 * (last in ksort order). Same walk as `collectMatches`, without collecting.
 */
export function findBestMatch(index: RouteIndex, method: string, parts: readonly string[], prefix: string): IndexedRoute | undefined {
  const root = index.tries.get(method)?.get(parts.length);
  return root === undefined ? undefined : best(root, parts, 0, prefix, undefined);
}

function best(node: TrieNode, parts: readonly string[], depth: number, prefix: string, current: IndexedRoute | undefined): IndexedRoute | undefined {
  if (depth === parts.length) {
    for (const entry of node.leaf) if ((current === undefined || entry.rank > current.rank) && entry.trimmedUrl.startsWith(prefix)) current = entry;
    return current;
  }
  const part = parts[depth];
  const exact = node.literal.get(part);
  if (exact !== undefined) current = best(exact, parts, depth + 1, prefix, current);
  if (node.numeric.length > 0 && isPhpNumericString(part)) {
    for (const [value, child] of node.numeric) if (child !== exact && equalsPhpLoose(value, part)) current = best(child, parts, depth + 1, prefix, current);
  }
  if (node.param !== null) current = best(node.param, parts, depth + 1, prefix, current);
  if (node.nullParam !== null && (part === '' || part === '0')) current = best(node.nullParam, parts, depth + 1, prefix, current);
  return current;
}

/** `Route::match()` captures: each `:name` segment `urldecode`d (later duplicates win). */
export function captureParams(indexed: IndexedRoute, parts: readonly string[]): Record<string, string> {
  const params: Record<string, string> = {};
  const segments = indexed.segments;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    if (segment.kind === 'param') params[segment.name] = decodePhpUrl(parts[i]);
  }
  return params;
}

import { createPathSpans, splitIntoSpans } from './path-spans';
import { isNumeric, trim } from '@magekit/php';
import type { Route } from './route-table';
import { isWordChar, newTrieNode, newTrieRoot, sealTrie, type TrieNode, type TrieRoot } from './route-trie';
import { walkForBest } from './route-walk';

/** A route segment as `Route::getRouteParts()` sees it. */
export type Segment = { kind: 'literal'; value: string } | { kind: 'param'; name: string } | { kind: 'null' };

/** A route with what the matcher needs precomputed. */
export interface IndexedRoute {
  route: Route;
  /** Position of the url in `ksort($routes, SORT_STRING)` order: the highest matching rank wins. */
  rank: number;
  trimmedUrl: string;
  segments: Segment[];
  /** Positions of the `:name` segments and their names, in url order (later duplicates win). */
  captureAt: number[];
  captureNames: string[];
}

/** One method's tries (by segment count) and the few exact hits the walk would not return. */
export interface MethodIndex {
  roots: Array<TrieRoot | undefined>;
  /**
   * Urls whose exact hit (`isset($servicesRoutes[$pathInfo][$method])`) is not what the walk finds
   * for that same path (a url with a `:param` in its first two segments, or one shadowed by a
   * higher-ranked route that also matches it). Null when there are none, as in stock Magento.
   */
  exactOnly: Map<string, IndexedRoute> | null;
}

/** Exact-match maps plus one segment trie per method and segment count. */
export interface RouteIndex {
  /** method → url → route, for the exact hit `isset($servicesRoutes[$pathInfo][$method])`. */
  exact: Map<string, Map<string, IndexedRoute>>;
  methods: Map<string, MethodIndex>;
  /** `methods` for the four REST methods, read without a Map lookup. */
  get: MethodIndex | undefined;
  post: MethodIndex | undefined;
  put: MethodIndex | undefined;
  delete: MethodIndex | undefined;
}

/** Splits a route url like `Magento\Webapi\Controller\Rest\Router\Route` does. */
function splitRouteUrl(url: string): Segment[] {
  return trim(url, '/')
    .split('/')
    .map((part): Segment => {
      if (part.charCodeAt(0) !== 0x3a || part.charCodeAt(1) === 0x3a) return { kind: 'literal', value: part };
      const name = part.slice(1);
      // PHP: `if ($variable)` — a name of "" or "0" is falsy, so the segment is compared with null.
      return name === '' || name === '0' ? { kind: 'null' } : { kind: 'param', name };
    });
}

function indexRoute(route: Route, rank: number): IndexedRoute {
  const segments = splitRouteUrl(route.url);
  const captureAt: number[] = [];
  const captureNames: string[] = [];
  segments.forEach((segment, at) => {
    if (segment.kind !== 'param') return;
    captureAt.push(at);
    captureNames.push(segment.name);
  });
  return { route, rank, trimmedUrl: trim(route.url, '/'), segments, captureAt, captureNames };
}

/** Builds the index over routes already sorted in Magento's order. */
export function buildRouteIndex(sortedRoutes: readonly Route[]): RouteIndex {
  const exact = new Map<string, Map<string, IndexedRoute>>();
  const methods = new Map<string, MethodIndex>();
  const all: IndexedRoute[] = [];
  let rank = -1;
  let previousUrl: string | undefined;
  for (const route of sortedRoutes) {
    if (route.url !== previousUrl) rank++;
    previousUrl = route.url;
    const indexed = indexRoute(route, rank);
    all.push(indexed);
    const byUrl = exact.get(route.method) ?? new Map<string, IndexedRoute>();
    exact.set(route.method, byUrl.set(route.url, indexed));
    let forMethod = methods.get(route.method);
    if (forMethod === undefined) methods.set(route.method, (forMethod = { roots: [], exactOnly: null }));
    insert(forMethod, indexed);
  }
  for (const forMethod of methods.values()) for (const root of forMethod.roots) if (root !== undefined) sealTrie(root);
  // An exact hit needs no lookup of its own when the walk finds the same route for that path.
  const spans = createPathSpans();
  for (const indexed of all) {
    const forMethod = methods.get(indexed.route.method) as MethodIndex;
    const url = indexed.route.url;
    splitIntoSpans(url, spans);
    if (walkForBest(forMethod, url, spans) !== indexed) (forMethod.exactOnly ??= new Map()).set(url, indexed);
  }
  return {
    exact,
    methods,
    get: methods.get('GET'),
    post: methods.get('POST'),
    put: methods.get('PUT'),
    delete: methods.get('DELETE'),
  };
}

function insert(forMethod: MethodIndex, indexed: IndexedRoute): void {
  const [first, second, ...rest] = indexed.segments;
  // Others can only be reached by an exact hit: the service base url `#^/?\w+/\w+#` needs a first
  // segment of word characters and a second that starts with one.
  if (
    first?.kind !== 'literal' ||
    second?.kind !== 'literal' ||
    !isWordOnly(first.value) ||
    !isWordChar(second.value.charCodeAt(0))
  )
    return;
  const root = (forMethod.roots[indexed.segments.length] ??= newTrieRoot());
  const key = `${first.value}/${second.value}`;
  let node = root.pairs.get(key);
  if (node === undefined) {
    root.pairs.set(key, (node = newTrieNode()));
    if (isNumeric(second.value)) root.numericPairs.push({ first: first.value, second: second.value, node });
  }
  for (const segment of rest) node = descend(node, segment);
  node.leaf.push(indexed);
  if (node.best === null || indexed.rank > node.best.rank) node.best = indexed;
}

function isWordOnly(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (!isWordChar(value.charCodeAt(i))) return false;
  return value.length > 0;
}

function descend(node: TrieNode, segment: Segment): TrieNode {
  if (segment.kind === 'param') return (node.param ??= newTrieNode());
  if (segment.kind === 'null') return (node.nullParam ??= newTrieNode());
  let next = node.literal.get(segment.value);
  if (next === undefined) {
    next = newTrieNode();
    node.literal.set(segment.value, next);
    if (isNumeric(segment.value)) node.numeric.push([segment.value, next]);
  }
  return next;
}

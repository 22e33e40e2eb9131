import { buildEdgeTable, type EdgeTable } from './edge-table';
import type { IndexedRoute } from './route-index';

/** A trie node: one path segment per level, literal children by value, one `:param` child. */
export interface TrieNode {
  literal: Map<string, TrieNode>;
  /** `literal` for lookups by offsets (built by `sealTrie`). */
  edges: EdgeTable<TrieNode>;
  /** The literal children whose value is a PHP numeric string (matched with loose `==`). */
  numeric: Array<[string, TrieNode]>;
  param: TrieNode | null;
  /** The child for `:` and `:0` segments, which PHP compares with null. */
  nullParam: TrieNode | null;
  /** Routes ending here, in rank order. */
  leaf: IndexedRoute[];
  /** The highest-ranked route of `leaf`. */
  best: IndexedRoute | null;
  /** No numeric or null children: at most a literal and a `:param` way on (set by `sealTrie`). */
  plain: boolean;
}

/**
 * The trie of one method and segment count, entered two segments at a time: only routes whose first
 * two segments are literal can pass `Rest\Config::getRestRoutes()`'s prefix filter (the service base
 * url `#^/?\w+/\w+#` is made of word characters, a `:param` segment is not).
 */
export interface TrieRoot {
  /**
   * Nodes at depth 2, keyed by the first two segments `V1/products`; only urls whose first segment is
   * all word characters and whose second starts with one (so a hit means the service base url exists).
   */
  pairs: Map<string, TrieNode>;
  /** `pairs` for lookups by offsets (built by `sealTrie`). */
  pairEdges: EdgeTable<TrieNode>;
  /** The entries of `pairs` whose second segment is a PHP numeric string. */
  numericPairs: Array<{ first: string; second: string; node: TrieNode }>;
}

/** A new empty node (every node has the same shape). */
export function newTrieNode(): TrieNode {
  return {
    literal: new Map(),
    edges: NO_EDGES,
    numeric: [],
    param: null,
    nullParam: null,
    leaf: [],
    best: null,
    plain: true,
  };
}

/** A new empty root. */
export function newTrieRoot(): TrieRoot {
  return { pairs: new Map(), pairEdges: NO_EDGES, numericPairs: [] };
}

const NO_EDGES: EdgeTable<TrieNode> = buildEdgeTable(new Map());

/** Builds the offset lookup tables of a finished trie. */
export function sealTrie(root: TrieRoot): void {
  root.pairEdges = buildEdgeTable(root.pairs);
  const seal = (node: TrieNode): void => {
    node.edges = buildEdgeTable(node.literal);
    node.plain = node.numeric.length === 0 && node.nullParam === null;
    for (const child of node.literal.values()) seal(child);
    if (node.param !== null) seal(node.param);
    if (node.nullParam !== null) seal(node.nullParam);
  };
  for (const node of root.pairs.values()) seal(node);
}

/** `Rest\Config::_getServiceBaseUrl()`: `#^/?\w+/\w+#` on the path, without its leading slash (or null). */
export function readServiceBaseUrl(pathInfo: string): string | null {
  let i = pathInfo.charCodeAt(0) === 0x2f ? 1 : 0;
  const start = i;
  while (isWordChar(pathInfo.charCodeAt(i))) i++;
  if (i === start || pathInfo.charCodeAt(i) !== 0x2f) return null;
  const second = ++i;
  while (isWordChar(pathInfo.charCodeAt(i))) i++;
  return i === second ? null : pathInfo.slice(start, i);
}

/** Whether `#^/?\w+/\w+#` matches (without building the match). */
export function hasServiceBaseUrl(pathInfo: string): boolean {
  let i = pathInfo.charCodeAt(0) === 0x2f ? 1 : 0;
  const start = i;
  while (isWordChar(pathInfo.charCodeAt(i))) i++;
  return i !== start && pathInfo.charCodeAt(i) === 0x2f && isWordChar(pathInfo.charCodeAt(i + 1));
}

/** A `\w` character (ASCII letters, digits, underscore). */
export function isWordChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f;
}

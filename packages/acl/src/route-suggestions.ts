import type { MagentoModel } from './magento-model';
import { parseRestPath } from './rest-path';

/** How many routes {@link suggestRoutes} names at most, by default. */
const DEFAULT_LIMIT = 3;

/**
 * The routes of `model` nearest to a call that matches none, best first: route ids of the same
 * method (`GET /V1/store/storeConfigs` for `GET /V1/storeConfigs`). Paths are compared segment by
 * segment (an edit distance over segments, where a segment missing or extra costs 1, a `:param`
 * of the route takes any segment for 0.5, a misspelled segment costs its normalised character edit
 * distance and an unrelated one 2), so a forgotten, extra or misspelled segment is found. Routes further than about a third
 * of the path's segments are not suggested; an empty list means nothing is close. Pure.
 */
export function suggestRoutes(model: MagentoModel, method: string, path: string, limit = DEFAULT_LIMIT): string[] {
  const upper = method.trim().toUpperCase();
  const wanted = readSegments(path, upper);
  if (wanted === null || wanted.length === 0) return [];
  const threshold = Math.max(1, wanted.length / 3);
  const scored = model.routes.routes
    .filter((route) => route.method === upper)
    .map((route) => ({ id: route.id, distance: segmentDistance(wanted, splitSegments(route.url)) }))
    .filter((entry) => entry.distance <= threshold)
    .sort((a, b) => a.distance - b.distance || a.id.localeCompare(b.id));
  if (scored.length === 0) return [];
  const best = scored[0].distance;
  return scored
    .filter((entry) => entry.distance <= best + 0.25)
    .slice(0, limit)
    .map((entry) => entry.id);
}

/** `did you mean `A` or `B`?`, or '' for no suggestions: the tail of an error message. */
export function formatRouteSuggestions(suggestions: readonly string[]): string {
  if (suggestions.length === 0) return '';
  const quoted = suggestions.map((id) => `\`${id}\``);
  const listed = quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
  return `did you mean ${listed}?`;
}

/** The route path's segments (`/rest/default/V1/a/b` → `[V1, a, b]`), or null for a path that is not REST. */
function readSegments(path: string, method: string): string[] | null {
  try {
    return splitSegments(parseRestPath(path, method).pathInfo);
  } catch {
    return null;
  }
}

function splitSegments(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}

/** Edit distance over segments: insert and delete cost 1, substitution its {@link segmentCost}. */
function segmentDistance(wanted: readonly string[], route: readonly string[]): number {
  let previous = Array.from({ length: route.length + 1 }, (_, j) => j);
  for (let i = 1; i <= wanted.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= route.length; j += 1) {
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + segmentCost(wanted[i - 1], route[j - 1]),
      );
    }
    previous = current;
  }
  return previous[route.length];
}

/** A route `:param` takes any segment, but a route that names the segment itself is nearer. */
const PARAMETER = 0.5;

/** A segment at most this far (character edits over the longer length) reads as a misspelling. */
const MISSPELLED = 0.4;

/**
 * 0 for the same segment (any case), 0.5 for a route `:param`; the character edit distance over the
 * longer length for a misspelling; 2 (a deletion and an insertion) for an unrelated segment.
 */
function segmentCost(wanted: string, route: string): number {
  if (route.startsWith(':')) return PARAMETER;
  const a = wanted.toLowerCase();
  const b = route.toLowerCase();
  if (a === b) return 0;
  const distance = characterDistance(a, b) / Math.max(a.length, b.length);
  return distance <= MISSPELLED ? distance : 2;
}

function characterDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1)
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length];
}

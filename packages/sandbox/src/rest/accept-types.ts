import { compareBytes, isNumeric, trim } from '@magekit/php';

/** `Rest\Request::DEFAULT_ACCEPT`: what no usable `Accept` header means. */
export const DEFAULT_ACCEPT = '*/*';

/** The MIME type check of `getAcceptTypes()`: a type, optionally `/` and a subtype. */
const MIME_TYPE = /^([0-9a-z*+-]+)(?:\/([0-9a-z*+.-]+))?$/i;

/**
 * `Magento\Framework\Webapi\Rest\Request::getAcceptTypes()`: the header split on `,` and following
 * spaces; each definition's type trimmed and kept only if it looks like a MIME type; its "quality" is
 * the value of its first parameter whatever the parameter's name (`1.0` without one); types grouped
 * by quality, the groups ordered by `krsort()` (numerically where both qualities are numeric strings,
 * else byte by byte), each type kept at its first place. Nothing usable → `['*\/*']`.
 */
export function readAcceptTypes(header: string | undefined): string[] {
  const groups = new Map<string, Set<string>>();
  for (const definition of (header ?? '').split(/,\s*/)) {
    const [type, ...parameters] = definition.split(';');
    const mimeType = trim(type);
    if (!MIME_TYPE.test(mimeType)) continue;
    const pair = parameters.length > 0 ? parameters[0].split('=') : [];
    const quality = pair.length === 2 ? pair[1] : '1.0';
    const group = groups.get(quality) ?? new Set<string>();
    groups.set(quality, group.add(mimeType));
  }
  // Array.prototype.sort is stable, as PHP 8's sort is for keys that compare equal.
  const ordered = [...groups].sort(([a], [b]) => compareQualities(b, a));
  const types = new Set(ordered.flatMap(([, group]) => [...group]));
  return types.size === 0 ? [DEFAULT_ACCEPT] : [...types];
}

/** PHP 8 `SORT_REGULAR` comparison of two array keys (`zendi_smart_strcmp`). */
function compareQualities(a: string, b: string): number {
  if (isNumeric(a) && isNumeric(b)) return Math.sign(Number(a.trim()) - Number(b.trim()));
  return compareBytes(a, b);
}

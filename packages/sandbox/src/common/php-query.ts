/** A value PHP's `parse_str` produces: a string or a nested array (object with string keys). */
export type PhpValue = string | PhpArray;
export interface PhpArray {
  [key: string]: PhpValue;
}

/**
 * Parses a query string as PHP's `parse_str` does for `$_GET`: `+` is a space, `a[b][c]=v` nests,
 * `a[]=v` appends, the last of duplicate keys wins, `.` and space in a top-level name become `_`.
 */
export function parsePhpQuery(query: string): PhpArray {
  const out: PhpArray = {};
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const rawName = decode(eq === -1 ? pair : pair.slice(0, eq));
    const value = eq === -1 ? '' : decode(pair.slice(eq + 1));
    assign(out, splitName(rawName), value);
  }
  return out;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text.replace(/\+/g, ' ');
  }
}

/** `a[b][]` → ['a', 'b', ''] (PHP mangles `.`/space in the base name). */
function splitName(name: string): string[] {
  const open = name.indexOf('[');
  if (open <= 0) return [name.replace(/[. ]/g, '_')];
  const parts = [name.slice(0, open).replace(/[. ]/g, '_')];
  const pattern = /\[([^\]]*)\]/gy;
  pattern.lastIndex = open;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(name)) !== null) parts.push(match[1]);
  return parts;
}

function assign(target: PhpArray, path: string[], value: string): void {
  let node = target;
  for (let i = 0; i < path.length; i++) {
    let key = path[i];
    if (key === '') key = String(nextIndex(node));
    if (i === path.length - 1) {
      node[key] = value;
      return;
    }
    const child = node[key];
    if (typeof child !== 'object') node[key] = {};
    node = node[key] as PhpArray;
  }
}

function nextIndex(node: PhpArray): number {
  let next = 0;
  for (const key of Object.keys(node)) if (/^\d+$/.test(key)) next = Math.max(next, Number(key) + 1);
  return next;
}

/** Reads a nested PHP array's children in key order (numeric keys as numbers). */
export function listValues(value: PhpValue | undefined): PhpValue[] {
  if (value === undefined || typeof value === 'string') return [];
  return Object.keys(value)
    .sort((a, b) => (/^\d+$/.test(a) && /^\d+$/.test(b) ? Number(a) - Number(b) : 0))
    .map((key) => value[key]);
}

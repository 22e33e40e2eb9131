import { strnatcmp } from './php-natural-compare';
import { rawurldecode } from './php-string';

/** Where two base strings first differ, and the likely reason. */
export interface BaseStringDiff {
  identical: boolean;
  /** Which part differs first. */
  part: 'method' | 'uri' | 'parameters' | null;
  /** Character offset of the first difference in the whole strings. */
  offset: number | null;
  /** The differing parameter pair (decoded) on each side, when the parameters differ. */
  left: string | null;
  right: string | null;
  /** Short cause, e.g. "`%5B` double-encoded", "JSON body signed", "host port differs", "natural vs byte sort". */
  cause: string | null;
  explanation: string | null;
}

interface Split {
  method: string;
  uri: string;
  pairs: string[];
}

function splitBaseString(base: string): Split {
  const [method = '', uri = '', params = ''] = base.split('&');
  const decoded = rawurldecode(params);
  return { method, uri: rawurldecode(uri), pairs: decoded === '' ? [] : decoded.split('&') };
}

function firstDifference(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return a.length === b.length ? -1 : n;
}

/**
 * Compares two signature base strings (e.g. yours and the one Magento computed, from `magekit
 * explain`) and names the first divergence with its most likely cause.
 */
export function diffBaseStrings(left: string, right: string): BaseStringDiff {
  const offset = firstDifference(left, right);
  if (offset === -1) return { identical: true, part: null, offset: null, left: null, right: null, cause: null, explanation: null };
  const a = splitBaseString(left);
  const b = splitBaseString(right);
  const base = { identical: false, offset, left: null, right: null };
  if (a.method !== b.method) {
    return { ...base, part: 'method', left: a.method, right: b.method, cause: 'method differs', explanation: `The HTTP method differs (${a.method} vs ${b.method}); Magento signs the method it received, upper-cased.` };
  }
  if (a.uri !== b.uri) return { ...base, part: 'uri', left: a.uri, right: b.uri, ...explainUri(a.uri, b.uri) };
  return { ...base, part: 'parameters', ...explainParameters(a.pairs, b.pairs) };
}

function explainUri(a: string, b: string): { cause: string; explanation: string } {
  const pa = /^(\w+):\/\/([^/]*)(.*)$/.exec(a) ?? ['', '', '', a];
  const pb = /^(\w+):\/\/([^/]*)(.*)$/.exec(b) ?? ['', '', '', b];
  if (pa[1] !== pb[1]) return { cause: 'scheme differs', explanation: `Scheme ${pa[1]} vs ${pb[1]}: behind a TLS offloader Magento uses https only if X-Forwarded-Proto: https reaches it.` };
  const hostA = pa[2].replace(/:\d+$/, '');
  const hostB = pb[2].replace(/:\d+$/, '');
  if (hostA === hostB && pa[2] !== pb[2]) return { cause: 'host port differs', explanation: `Host ${pa[2]} vs ${pb[2]}: Magento signs the Host header it receives, port included (the latest line keeps :443/:80).` };
  if (hostA.toLowerCase() === hostB.toLowerCase() && hostA !== hostB) return { cause: 'host case differs', explanation: 'The latest line signs the Host header verbatim; 2.4.4–2.4.6 lower-cases it.' };
  if (hostA !== hostB) return { cause: 'host differs', explanation: `Host ${pa[2]} vs ${pb[2]}: sign the host the store receives (a proxy may rewrite it).` };
  if (rawurldecode(pa[3]) === rawurldecode(pb[3])) return { cause: 'path encoding differs', explanation: 'The path is encoded differently (e.g. %2F vs /): 2.4.4–2.4.6 decodes %2F, %2B and %26 before signing; the latest line signs the path as sent.' };
  return { cause: 'path differs', explanation: `Path ${pa[3]} vs ${pb[3]}: sign the path exactly as sent (store code, /index.php, /async/bulk included).` };
}

function explainParameters(a: string[], b: string[]): { left: string | null; right: string | null; cause: string; explanation: string } {
  const index = a.findIndex((pair, i) => pair !== b[i]);
  const i = index === -1 ? a.length : index;
  const left = a[i] ?? null;
  const right = b[i] ?? null;
  const sameSet = a.length === b.length && [...a].sort().join('&') === [...b].sort().join('&');
  const cause = guessParameterCause(a, b, left, right, sameSet);
  return { left: left === null ? null : rawurldecode(left), right: right === null ? null : rawurldecode(right), ...cause };
}

function guessParameterCause(a: string[], b: string[], left: string | null, right: string | null, sameSet: boolean): { cause: string; explanation: string } {
  const pair = `${left ?? ''} ${right ?? ''}`;
  if (sameSet) {
    const naturalA = isSorted(a, strnatcmp);
    const naturalB = isSorted(b, strnatcmp);
    if (naturalA !== naturalB) return { cause: 'natural vs byte sort', explanation: 'Same parameters, different order: 2.4.4–2.4.6 sorts names naturally ([2] before [10]); the latest line sorts decoded names byte-wise; RFC 5849 sorts encoded names.' };
    return { cause: 'parameter order differs', explanation: 'Same parameters, different order: the two sides sort names differently (decoded vs encoded names).' };
  }
  if (/%25(5B|5D|2C|3A|20)/i.test(pair)) return { cause: '`%5B` double-encoded', explanation: 'A name or value was percent-encoded twice: decode the query before encoding it for the base string (the oauth-1.0a package does not decode names).' };
  if ([...a, ...b].some((p) => /^[{[]/.test(rawurldecode(p)))) return { cause: 'JSON body signed', explanation: 'A JSON body appears among the parameters: Magento signs only application/x-www-form-urlencoded bodies.' };
  if (left && right && sameName(left, right)) {
    const [, va] = left.split(/=(.*)/s);
    const [, vb] = right.split(/=(.*)/s);
    if (va.replace(/%2B/g, '%20') === vb.replace(/%2B/g, '%20')) return { cause: '`+` as plus vs space', explanation: 'A "+" in the query: the latest line reads it as a space, 2.4.4–2.4.6 as a plus. Send %20 or %2B explicitly.' };
    if (va.startsWith(vb) || vb.startsWith(va)) return { cause: 'value cut at `=`', explanation: 'One side cut the value at a second "=": encode "=" inside values as %3D.' };
    if (/^oauth_(nonce|timestamp)=/.test(left)) return { cause: 'different nonce or timestamp', explanation: 'The two base strings describe different requests (each has its own nonce and timestamp).' };
    return { cause: 'value differs', explanation: `Parameter ${rawurldecode(left.split('=')[0])} has different values.` };
  }
  const onlyLeft = a.filter((p) => !b.includes(p));
  const onlyRight = b.filter((p) => !a.includes(p));
  return {
    cause: 'parameter set differs',
    explanation: `Only on the left: ${onlyLeft.map(rawurldecode).join(', ') || '(none)'}; only on the right: ${onlyRight.map(rawurldecode).join(', ') || '(none)'}. Value-less keys, raw "=" in values, repeated keys and oauth_version are common culprits.`,
  };
}

function sameName(a: string, b: string): boolean {
  return a.split('=')[0] === b.split('=')[0];
}

function isSorted(pairs: string[], compare: (a: string, b: string) => number): boolean {
  const names = pairs.map((p) => p.split('=')[0]);
  return names.every((name, i) => i === 0 || compare(names[i - 1], name) <= 0);
}

import { rawurldecode, strnatcmp } from '@magekit/php';

/** Where two base strings first differ, and the likely reason. */
export interface BaseStringDiff {
  identical: boolean;
  /** Which part differs first. */
  part: 'method' | 'uri' | 'parameters' | null;
  /** Character offset of the first difference in the whole strings. */
  offset: number | null;
  /** The differing part on each side: the methods, the URIs, or the first differing parameter pairs (decoded). */
  left: string | null;
  right: string | null;
  /** Short cause, e.g. "`%5B` double-encoded", "JSON body signed", "host port differs", "natural vs byte sort". */
  cause: string | null;
  explanation: string | null;
}

/** What each cause means and what to do about it. */
const EXPLANATIONS: Readonly<Record<string, string>> = {
  'method differs': 'Magento signs the HTTP method it received, upper-cased.',
  'scheme differs': 'Behind a TLS offloader Magento uses https only if X-Forwarded-Proto: https reaches it.',
  'host port differs': 'Magento signs the Host header it receives, port included (the latest line keeps :443/:80).',
  'host case differs': 'The latest line signs the Host header verbatim; 2.4.4–2.4.6 lower-cases it.',
  'host differs': 'Sign the host the store receives (a proxy may rewrite it).',
  'path encoding differs':
    'The path is encoded differently (e.g. %2F vs /): 2.4.4–2.4.6 decodes %2F, %2B and %26 before signing; ' +
    'the latest line signs the path as sent.',
  'path differs': 'Sign the path exactly as sent (store code, /index.php, /async/bulk included).',
  'natural vs byte sort':
    'Same parameters, different order: 2.4.4–2.4.6 sorts names naturally ([2] before [10]); the latest line sorts ' +
    'decoded names byte-wise; RFC 5849 sorts encoded names.',
  'parameter order differs': 'Same parameters, different order: the sides sort names differently (decoded vs encoded).',
  '`%5B` double-encoded':
    'A name or value was percent-encoded twice: decode the query before encoding it for the base string ' +
    '(the oauth-1.0a package does not decode names).',
  'JSON body signed': 'A JSON body is among the parameters: Magento signs only form (urlencoded) bodies.',
  '`+` as plus vs space': 'A "+" in the query is a space to the latest line, a plus to 2.4.4–2.4.6: send %20 or %2B.',
  'value cut at `=`': 'One side cut the value at a second "=": encode "=" inside values as %3D.',
  'different nonce or timestamp': 'The base strings are of different requests (each has its own nonce and timestamp).',
  'value differs': 'The parameter has different values.',
  'parameter set differs': 'Value-less keys, raw "=" in values, repeated keys and oauth_version are common culprits.',
};

const URI = /^(\w+):\/\/([^/]*)(.*)$/;
const PORT = /:\d+$/;
const DOUBLE_ENCODED = /%25(5B|5D|2C|3A|20)/i;
const JSON_START = /^[{[]/;
const NONCE_OR_TIMESTAMP = /^oauth_(nonce|timestamp)=/;
const ENCODED_PLUS = /%2B/g;
const ENCODED_SPACE = '%20';

type Part = BaseStringDiff['part'];
type Sides = [left: string | null, right: string | null];

/** A base string's parts: the method, the decoded URI and the `name=value` pairs (still rawurlencoded). */
function splitBaseString(base: string): { method: string; uri: string; pairs: string[] } {
  const [method = '', uri = '', params = ''] = base.split('&');
  const decoded = rawurldecode(params);
  return { method, uri: rawurldecode(uri), pairs: decoded === '' ? [] : decoded.split('&') };
}

function firstDifference(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) if (a[i] !== b[i]) return i;
  return a.length === b.length ? -1 : length;
}

/**
 * Compares two signature base strings (e.g. yours and the one Magento computed, from `magekit
 * explain`) and names the first divergence with its most likely cause.
 */
export function diffBaseStrings(left: string, right: string): BaseStringDiff {
  const offset = firstDifference(left, right);
  if (offset === -1) {
    return { identical: true, part: null, offset: null, left: null, right: null, cause: null, explanation: null };
  }
  const a = splitBaseString(left);
  const b = splitBaseString(right);
  const found = (part: Part, [left, right]: Sides, cause: string, detail = ''): BaseStringDiff => {
    return { identical: false, part, offset, left, right, cause, explanation: detail + EXPLANATIONS[cause] };
  };
  if (a.method !== b.method) return found('method', [a.method, b.method], 'method differs');
  if (a.uri !== b.uri) return found('uri', [a.uri, b.uri], findUriCause(a.uri, b.uri));
  const at = a.pairs.findIndex((pair, i) => pair !== b.pairs[i]);
  const [pairA = null, pairB = null] = at === -1 ? [null, b.pairs[a.pairs.length]] : [a.pairs[at], b.pairs[at]];
  const decoded: Sides = [pairA && rawurldecode(pairA), pairB && rawurldecode(pairB)];
  const cause = findParameterCause(a.pairs, b.pairs, pairA, pairB);
  if (cause !== 'parameter set differs') return found('parameters', decoded, cause);
  const list = (pairs: string[]) => pairs.map(rawurldecode).join(', ') || '(none)';
  const onlyLeft = list(a.pairs.filter((pair) => !b.pairs.includes(pair)));
  const onlyRight = list(b.pairs.filter((pair) => !a.pairs.includes(pair)));
  return found('parameters', decoded, cause, `Only on the left: ${onlyLeft}; only on the right: ${onlyRight}. `);
}

function findUriCause(left: string, right: string): string {
  const [, schemeA, hostA, pathA] = URI.exec(left) ?? ['', '', '', left];
  const [, schemeB, hostB, pathB] = URI.exec(right) ?? ['', '', '', right];
  const nameA = hostA.replace(PORT, '');
  const nameB = hostB.replace(PORT, '');
  if (schemeA !== schemeB) return 'scheme differs';
  if (nameA === nameB && hostA !== hostB) return 'host port differs';
  if (nameA !== nameB) return nameA.toLowerCase() === nameB.toLowerCase() ? 'host case differs' : 'host differs';
  return rawurldecode(pathA) === rawurldecode(pathB) ? 'path encoding differs' : 'path differs';
}

const nameOf = (pair: string) => pair.split('=')[0];
const valueOf = (pair: string) => pair.slice(pair.indexOf('=') + 1);
function isNaturallySorted(pairs: string[]): boolean {
  return pairs.every((pair, i) => i === 0 || strnatcmp(nameOf(pairs[i - 1]), nameOf(pair)) <= 0);
}

function findParameterCause(a: string[], b: string[], left: string | null, right: string | null): string {
  if (a.length === b.length && [...a].sort().join('&') === [...b].sort().join('&')) {
    return isNaturallySorted(a) === isNaturallySorted(b) ? 'parameter order differs' : 'natural vs byte sort';
  }
  if (DOUBLE_ENCODED.test(`${left ?? ''} ${right ?? ''}`)) return '`%5B` double-encoded';
  if ([...a, ...b].some((pair) => JSON_START.test(rawurldecode(pair)))) return 'JSON body signed';
  if (left === null || right === null || nameOf(left) !== nameOf(right)) return 'parameter set differs';
  const [valueA, valueB] = [valueOf(left), valueOf(right)];
  const plusAsSpace = (value: string) => value.replace(ENCODED_PLUS, ENCODED_SPACE);
  if (plusAsSpace(valueA) === plusAsSpace(valueB)) return '`+` as plus vs space';
  if (valueA.startsWith(valueB) || valueB.startsWith(valueA)) return 'value cut at `=`';
  return NONCE_OR_TIMESTAMP.test(left) ? 'different nonce or timestamp' : 'value differs';
}

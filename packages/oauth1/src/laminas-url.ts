import { rawurldecode, rawurlencode } from '@magekit/php';

const DECODABLE_IN_PATH = /^[a-zA-Z0-9_\-.~:@&=+$,/;%]$/;
const NOT_ALLOWED_IN_PATH = /[^a-zA-Z0-9_\-.~:@&=+$,/;%]+|%(?![A-Fa-f0-9]{2})/g;
/** Paths Laminas leaves as they are: no dot (so no dot segment), no `%`, only allowed characters. */
const ALREADY_NORMAL_PATH = /^[a-zA-Z0-9_\-~:@&=+$,/;]*$/;
const AUTHORITY = /^(?:[^@]*@)?(\[[^\]]*\]|[^:]*)(?::(\d*))?$/;
const DEFAULT_PORTS: Readonly<Record<string, string>> = { http: '80', https: '443' };

/** Laminas `Uri::removePathDotSegments` (RFC 3986 §5.2.4). */
export function removeDotSegments(path: string): string {
  let input = path;
  let output = '';
  while (input.length > 0) {
    if (input.startsWith('../')) input = input.slice(3);
    else if (input.startsWith('./')) input = input.slice(2);
    else if (input.startsWith('/./')) input = input.slice(2);
    else if (input === '/.') input = '/';
    else if (input.startsWith('/../') || input === '/..') {
      input = '/' + input.slice(input === '/..' ? 3 : 4);
      const cut = output.lastIndexOf('/');
      output = cut === -1 ? '' : output.slice(0, cut);
    } else if (input === '.' || input === '..') input = '';
    else {
      const next = input.indexOf('/', 1);
      const end = next === -1 ? input.length : next;
      output += input.slice(0, end);
      input = input.slice(end);
    }
  }
  return output;
}

/** Laminas `Uri::normalizePath`: dot segments, decode `%XX` of allowed chars (incl. `%2F`), encode the rest. */
export function normalizeLaminasPath(path: string): string {
  if (ALREADY_NORMAL_PATH.test(path)) return path;
  const decoded = removeDotSegments(path).replace(/%[A-Fa-f0-9]{2}/g, (triplet) => {
    const char = rawurldecode(triplet);
    return DECODABLE_IN_PATH.test(char) ? char : triplet.toUpperCase();
  });
  return decoded.replace(NOT_ALLOWED_IN_PATH, (chunk) => rawurlencode(chunk));
}

/**
 * The base-string URI of Magento 2.4.4–2.4.6 (`Laminas\OAuth\Signature\AbstractSignature::
 * normaliseBaseSignatureUrl`): scheme and host lower-cased, `:80`/`:443` dropped, path normalised
 * (percent-encoded `/`, `+`, `&` decoded: docs/magento-behaviour.md §1.4, §7), query and fragment dropped.
 */
export function buildLaminasBaseUri(scheme: string, authority: string, path: string): string {
  const lowerScheme = scheme.toLowerCase();
  const match = AUTHORITY.exec(authority);
  const host = (match ? match[1] : authority).toLowerCase();
  const port = match?.[2] ?? '';
  const keptPort = port === '' || port === DEFAULT_PORTS[lowerScheme] ? '' : ':' + port;
  return `${lowerScheme}://${host}${keptPort}${path === '' ? '/' : normalizeLaminasPath(path)}`;
}

import { isIntegerKey, rawurldecode } from '@magekit/php';

/** scheme `://` authority, path, `?` query: the URL as written. */
const URL_PARTS = /^[^:]*:\/\/([^/?#]*)([^?#]*)(?:\?([^#]*))?/;
const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';
const DECODED_IN_LAMINAS_PATH = /%2F|%2B|%26/i;
const DEFAULT_PORT = /:(80|443)$/;
const UPPER_CASE = /[A-Z]/;
const BRACKETED_NAME = /(^|&)[^=&]*(\[|%5B)/i;

/** What the two profiles do surprisingly with the query's pairs. */
function findQueryPitfalls(query: string): string[] {
  const notes: string[] = [];
  const seen = new Set<string>();
  for (const pair of query.split('&')) {
    const [rawName, ...values] = pair.split('=');
    const name = rawurldecode(rawName);
    if (values.length === 0 && pair !== '') {
      notes.push(`Query key "${name}" has no "=": signed by the latest line as "${name}=", dropped by 2.4.4–2.4.6.`);
    }
    if (values.length > 1) {
      notes.push(`Query value of "${name}" has a raw "=": the latest line signs it, 2.4.4–2.4.6 drops it; send %3D.`);
    }
    if (values.length === 1 && values[0].includes('+')) {
      notes.push(`"+" in the value of "${name}": a space to the latest line, a plus to 2.4.4–2.4.6; send %20 or %2B.`);
    }
    if (seen.has(name)) notes.push(`Query key "${name}" is repeated: Magento signs only its last value.`);
    if (isIntegerKey(name)) {
      notes.push(`Numeric query key "${name}": the latest line fails with HTTP 500 before checking the signature.`);
    }
    if (name.includes('.') || name.includes(' ')) {
      notes.push(`Query key "${name}" has "." or a space: PHP adds a copy with "_" to the latest line's parameters.`);
    }
    seen.add(name);
  }
  return notes;
}

/**
 * Things about a request that Magento's two signature profiles sign in a surprising way (docs/magento-behaviour.md
 * §1.4, §7), for `magekit explain`: `url` is the URL Magento rebuilds, as `explainRequest` gives it.
 */
export function findRequestPitfalls(url: string, contentType: string | undefined, body: string | null | undefined) {
  const [, authority = '', path = '', query] = URL_PARTS.exec(url) ?? [];
  const notes = query ? findQueryPitfalls(query) : [];
  if (DECODED_IN_LAMINAS_PATH.test(path)) {
    notes.push(
      'The path has %2F, %2B or %26: 2.4.4–2.4.6 decodes them before signing (a known bug); the latest line ' +
        'signs the path as sent.',
    );
  }
  if (DEFAULT_PORT.test(authority)) {
    notes.push(
      'The host carries a default port: the latest line signs it verbatim, 2.4.4–2.4.6 drops it. ' +
        'Leave default ports out of the URL.',
    );
  }
  if (UPPER_CASE.test(authority)) {
    notes.push('The host has upper-case letters: the latest line signs them verbatim, 2.4.4–2.4.6 lower-cases them.');
  }
  if (!body) return notes;
  if (!contentType?.startsWith(FORM_CONTENT_TYPE)) {
    const type = contentType ? `"${contentType}"` : '(none)';
    return [...notes, `Body with content type ${type}: not part of the signature.`];
  }
  notes.push('Form body: its parameters are part of the signature.');
  if (BRACKETED_NAME.test(body)) {
    notes.push('Bracketed names in a form body: the latest line gives HTTP 500, 2.4.4–2.4.6 signs "Array". Send JSON.');
  }
  return notes;
}

import { splitUrl } from './request-url';
import { isIntegerArrayKey, rawurldecode } from './php-string';

/** Things about a request that Magento signs in a surprising way, per profile (MAGENTO.md §1.4, §7). */
export function findRequestPitfalls(url: string, contentType: string | undefined, body: string | null | undefined): string[] {
  const notes: string[] = [];
  const parts = splitUrl(url);
  const seen = new Set<string>();
  for (const pair of parts.query ? parts.query.split('&') : []) {
    const pieces = pair.split('=');
    const name = rawurldecode(pieces[0]);
    if (pieces.length === 1 && pair !== '') notes.push(`Query key "${name}" has no "=": signed by the latest line as "${name}=", dropped by 2.4.4–2.4.6.`);
    if (pieces.length > 2) notes.push(`Query value of "${name}" contains a raw "=": signed by the latest line, dropped by 2.4.4–2.4.6; send it as %3D.`);
    if (pieces.length === 2 && pieces[1].includes('+')) notes.push(`"+" in the value of "${name}": a space for the latest line, a literal plus for 2.4.4–2.4.6; send %20 or %2B.`);
    if (seen.has(name)) notes.push(`Query key "${name}" is repeated: Magento signs only its last value.`);
    if (isIntegerArrayKey(name)) notes.push(`Numeric query key "${name}": the latest line fails with HTTP 500 before checking the signature.`);
    if (name.includes('.') || name.includes(' ')) notes.push(`Query key "${name}" contains "." or a space: PHP adds a mangled copy (with "_") to the latest line's parameters.`);
    seen.add(name);
  }
  if (/%2F|%2B|%26/i.test(parts.path)) notes.push('The path has %2F, %2B or %26: 2.4.4–2.4.6 decodes them before signing (a known bug); the latest line signs the path as sent.');
  if (/:(80|443)$/.test(parts.authority)) notes.push('The host carries a default port: the latest line signs it verbatim, 2.4.4–2.4.6 drops it. Leave default ports out of the URL.');
  if (/[A-Z]/.test(parts.authority)) notes.push('The host has upper-case letters: the latest line signs them verbatim, 2.4.4–2.4.6 lower-cases them.');
  if (body) {
    if (contentType?.startsWith('application/x-www-form-urlencoded')) {
      notes.push('Form body: its parameters are part of the signature.');
      if (/(^|&)[^=&]*(\[|%5B)/i.test(body)) notes.push('Bracketed names in a form body: the latest line fails with HTTP 500, 2.4.4–2.4.6 signs "Array". Send JSON.');
    } else {
      notes.push(`Body with content type ${contentType ? `"${contentType}"` : '(none)'}: not part of the signature.`);
    }
  }
  return notes;
}

/** What replaces a secret, in logs, client events and recorded failed calls. */
export const REDACTED = '[REDACTED]';

/**
 * Parts of a name that mark its value as secret, matched anywhere in the name, in any case:
 * `oauth_consumer_secret`, `accessTokenSecret`, `password`, `passwd`, `otp`, `x-api-key`,
 * `encryptionKeys`… Fields, form and query parameters and headers use the same list.
 */
const SECRET_NAME_PARTS = [
  'secret',
  'pass',
  'token',
  'verifier',
  'signature',
  'otp',
  'api[-_]?key',
  'private[-_]?key',
  'encryption[-_]?keys?',
];

/** Names of fields, parameters and headers whose values never reach a log (also `authorization`, `cookie` and a `keys` map). */
export const SECRET_FIELD_NAME = new RegExp(`${SECRET_NAME_PARTS.join('|')}|authorization|cookie|^keys$`, 'i');

/** True when a field, parameter or header of this name holds a secret ({@link SECRET_FIELD_NAME}). */
export function isSecretName(name: string): boolean {
  return SECRET_FIELD_NAME.test(name);
}

const TEXT_RULES: ReadonlyArray<readonly [RegExp, string]> = [
  // Authorization header values: OAuth parameter lists, Bearer and Basic credentials.
  [/\bOAuth\s+(?:oauth_\w+=(?:\\?"[^"\\]*\\?"|[^,\s"]*)(?:,\s*)?)+/g, `OAuth ${REDACTED}`],
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/g, `$1 ${REDACTED}`],
  [/\b(authorization|proxy-authorization|cookie|set-cookie)(["']?\s*[:=]\s*["']?)[^\r\n"']+/gi, `$1$2${REDACTED}`],
  // key=value and "key":"value" pairs of secret names (form bodies, query strings, JSON).
  [
    new RegExp(
      `\\b([A-Za-z_]*(?:${SECRET_NAME_PARTS.join('|')})[A-Za-z_]*)(["']?\\s*[=:]\\s*["']?)([^&\\s"',;}]+)`,
      'gi',
    ),
    `$1$2${REDACTED}`,
  ],
  // Credentials in URLs (DATABASE_URL, REDIS_URL).
  [/\b([a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:)[^@\s/]+@/gi, `$1${REDACTED}@`],
  // magekit ciphertexts.
  [/\bmk1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, REDACTED],
  // JWTs on their own (Adobe IMS access tokens, Magento admin and customer tokens): header.payload.signature.
  [/\beyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g, REDACTED],
  // Adobe Developer Console client secrets (`p8e-…`).
  [/\bp8e-[A-Za-z0-9_-]{12,}/g, REDACTED],
];

/**
 * Replaces the secrets inside a text by {@link REDACTED}: `Authorization` and `Cookie` values (OAuth
 * parameter lists, Bearer and Basic credentials), `key=value` and `"key":"value"` pairs of secret
 * names, passwords in URLs, magekit ciphertexts (`mk1.…`), bare JWTs (IMS access tokens, Magento
 * admin/customer tokens) and Adobe client secrets (`p8e-…`). Consumer keys, IMS client and org ids
 * and store URLs are identifiers and stay. Pure.
 */
export function redactText(text: string): string {
  return TEXT_RULES.reduce((current, [pattern, replacement]) => current.replace(pattern, replacement), text);
}

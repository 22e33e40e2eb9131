/** What replaces a secret in logs. */
export const REDACTED = '[REDACTED]';

/** Field names whose values never reach a log (matched on the whole name, any case). */
const SECRET_FIELD = /(secret|password|passwd|token|verifier|signature|authorization|cookie|api_?key|encryption_?keys?|private_?key)(_?enc|_?hash)?$|^keys$/i;

const TEXT_RULES: Array<[RegExp, string]> = [
  // Authorization header values: OAuth parameter lists, Bearer and Basic credentials.
  [/\bOAuth\s+(?:oauth_\w+=(?:\\?"[^"\\]*\\?"|[^,\s"]*)(?:,\s*)?)+/g, `OAuth ${REDACTED}`],
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/g, `$1 ${REDACTED}`],
  [/\b(authorization|proxy-authorization)(["']?\s*[:=]\s*["']?)[^\r\n"']+/gi, `$1$2${REDACTED}`],
  // key=value and "key":"value" pairs of secret names (form bodies, query strings, JSON).
  [/\b([A-Za-z_]*(?:secret|password|passwd|token|verifier|signature|api_?key)[A-Za-z_]*)(["']?\s*[=:]\s*["']?)([^&\s"',;}]+)/gi, `$1$2${REDACTED}`],
  // Credentials in URLs (DATABASE_URL, REDIS_URL).
  [/\b([a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:)[^@\s/]+@/gi, `$1${REDACTED}@`],
  // magekit ciphertexts.
  [/\bmk1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, REDACTED],
];

/** Replaces secrets inside a text: Authorization values, secret key=value pairs, URL passwords, ciphertexts. */
export function redactText(text: string): string {
  return TEXT_RULES.reduce((current, [pattern, replacement]) => current.replace(pattern, replacement), text);
}

/**
 * A copy of `value` safe to log: fields with secret names are replaced by `[REDACTED]`, texts go
 * through {@link redactText}, errors become `{ name, message, code?, stack? }`. Cycles are cut.
 */
export function redact(value: unknown, seen: WeakSet<object> = new WeakSet()): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object') return typeof value === 'bigint' ? String(value) : value;
  if (seen.has(value)) return '[Circular]';
  seen.add(value);
  if (value instanceof Error) return redactError(value, seen);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item) => redact(item, seen));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = SECRET_FIELD.test(key) && item !== null && item !== undefined ? REDACTED : redact(item, seen);
  return out;
}

function redactError(error: Error, seen: WeakSet<object>): Record<string, unknown> {
  const out: Record<string, unknown> = { name: error.name, message: redactText(error.message) };
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') out['code'] = code;
  if (error.stack) out['stack'] = redactText(error.stack);
  if (error.cause !== undefined) out['cause'] = redact(error.cause, seen);
  return out;
}

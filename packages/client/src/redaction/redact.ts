import { isSecretName, REDACTED, redactText } from './redaction-rules';

/**
 * A copy of `value` safe to log: fields with secret names ({@link isSecretName}) are replaced by
 * {@link REDACTED} (null and undefined stay, they hide nothing), texts go through
 * {@link redactText}, errors become `{ name, message, code?, stack?, cause? }`, dates ISO texts.
 * Cycles are cut (`[Circular]`). Pure.
 */
export function redact(value: unknown): unknown {
  return redactValue(value, new WeakSet());
}

function redactValue(value: unknown, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object') return typeof value === 'bigint' ? String(value) : value;
  if (seen.has(value)) return '[Circular]';
  seen.add(value);
  if (value instanceof Error) return redactError(value, seen);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item) => redactValue(item, seen));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value))
    out[key] = isSecretName(key) && item !== null && item !== undefined ? REDACTED : redactValue(item, seen);
  return out;
}

function redactError(error: Error, seen: WeakSet<object>): Record<string, unknown> {
  const out: Record<string, unknown> = { name: error.name, message: redactText(error.message) };
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') out['code'] = code;
  if (error.stack) out['stack'] = redactText(error.stack);
  if (error.cause !== undefined) out['cause'] = redactValue(error.cause, seen);
  return out;
}

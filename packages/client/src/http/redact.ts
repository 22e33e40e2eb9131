import { parseFormBody } from '../handshake/parse-form-body';

const SECRET_NAME = /pass(word)?|secret|token|signature|otp|verifier|authorization|cookie|api[-_]?key/i;
const REDACTED = '[redacted]';

/** Header values with credentials replaced: `Authorization` keeps only its scheme. Pure. */
export function redactHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (/^(authorization|proxy-authorization)$/i.test(name)) out[name] = `${value.split(/\s+/, 1)[0]} ${REDACTED}`;
    else out[name] = SECRET_NAME.test(name) ? REDACTED : value;
  }
  return out;
}

/** The URL with secret-looking query values (`…token…`, `…password…`, `oauth_signature`) replaced. Pure. */
export function redactUrl(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const query = url
    .slice(at + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = decodeURIComponent(eq < 0 ? pair : pair.slice(0, eq));
      return eq >= 0 && SECRET_NAME.test(name) ? `${pair.slice(0, eq)}=${REDACTED}` : pair;
    });
  return `${url.slice(0, at)}?${query.join('&')}`;
}

/**
 * A request body for logs: JSON or form fields whose names look secret (`password`, `otp`,
 * `token`, `secret`…) replaced at any depth, cut to `limit` characters. Other text is kept. Pure.
 */
export function redactBody(body: string, limit = 2_000): string {
  let redacted: string;
  try {
    redacted = JSON.stringify(redactValue(JSON.parse(body)));
  } catch {
    redacted = body.includes('=') ? redactForm(body) : body;
  }
  return redacted.length > limit ? `${redacted.slice(0, limit)}…` : redacted;
}

function redactValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactValue);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, SECRET_NAME.test(key) ? REDACTED : redactValue(item)]));
}

function redactForm(body: string): string {
  const fields = parseFormBody(body);
  return [...fields].map(([name, value]) => `${name}=${SECRET_NAME.test(name) ? REDACTED : value}`).join('&');
}

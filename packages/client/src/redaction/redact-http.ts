import { decodeFormComponent, parseFormBody } from '../handshake/parse-form-body';
import { redact } from './redact';
import { isSecretName, REDACTED, redactText } from './redaction-rules';

/** Header values with credentials replaced: `Authorization` keeps only its scheme, secret-named headers (`Cookie`, `X-Api-Key`) are replaced. Pure. */
export function redactHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (/^(authorization|proxy-authorization)$/i.test(name)) out[name] = `${value.split(/\s+/, 1)[0]} ${REDACTED}`;
    else out[name] = isSecretName(name) ? REDACTED : redactText(value);
  }
  return out;
}

/** The URL with the values of secret-named query parameters (`…token…`, `…password…`, `oauth_signature`) and URL passwords replaced. Pure. */
export function redactUrl(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return redactText(url);
  const query = url
    .slice(at + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = decodeFormComponent(eq < 0 ? pair : pair.slice(0, eq));
      return eq >= 0 && isSecretName(name) ? `${pair.slice(0, eq)}=${REDACTED}` : pair;
    });
  return `${redactText(url.slice(0, at))}?${query.join('&')}`;
}

/**
 * A request body for logs: JSON ({@link redact}) or form fields whose names look secret
 * (`password`, `otp`, `token`, `secret`…) replaced at any depth, other texts through
 * {@link redactText}, cut to `limit` characters. Pure.
 */
export function redactBody(body: string, limit = 2_000): string {
  const redacted = redactBodyText(body);
  return redacted.length > limit ? `${redacted.slice(0, limit)}…` : redacted;
}

function redactBodyText(body: string): string {
  try {
    return JSON.stringify(redact(JSON.parse(body)));
  } catch {
    return body.includes('=') ? redactForm(body) : redactText(body);
  }
}

function redactForm(body: string): string {
  const fields = parseFormBody(body);
  return [...fields].map(([name, value]) => `${name}=${isSecretName(name) ? REDACTED : redactText(value)}`).join('&');
}

import { MagentoClientError, type MagentoClientErrorCode } from '../errors/magento-client-error';
import { REDACTED, redactText } from '../redaction/redaction-rules';

/** An IMS access token and how long it lives. */
export interface ImsToken {
  accessToken: string;
  /** `expires_in` in ms (IMS answers seconds; about a day). */
  expiresInMs: number;
}

interface ImsErrorClass {
  code: MagentoClientErrorCode;
  what: string;
  hint: string;
}

const CLIENT_REJECTED: ImsErrorClass = {
  code: 'IMS_CLIENT_REJECTED',
  what: 'IMS refused the client credentials',
  hint: 'Check clientId and clientSecret against the OAuth Server-to-Server credential in Adobe Developer Console (project > credential): a rotated or deleted client secret stops working at once.',
};
const SCOPE_REJECTED: ImsErrorClass = {
  code: 'IMS_SCOPE_REJECTED',
  what: 'IMS refused the requested scopes',
  hint: "Request only scopes the credential has (Developer Console lists them on the credential); Adobe Commerce as a Cloud Service needs commerce.accs, which the credential has once the project includes Adobe Commerce's API.",
};
const REQUEST_REJECTED: ImsErrorClass = {
  code: 'IMS_REQUEST_REJECTED',
  what: 'IMS refused the token request',
  hint: 'tokenUrl must be the IMS token endpoint (https://ims-na1.adobelogin.com/ims/token/v3) and the credential an OAuth Server-to-Server one (grant client_credentials).',
};

/** OAuth 2 token-endpoint errors (RFC 6749 §5.2; Adobe's consent errors also say `invalid_scopes`), docs/magento-behaviour.md §11.4. */
const BY_ERROR: Readonly<Record<string, ImsErrorClass>> = {
  invalid_client: CLIENT_REJECTED,
  unauthorized_client: CLIENT_REJECTED,
  invalid_scope: SCOPE_REJECTED,
  invalid_scopes: SCOPE_REJECTED,
};

/**
 * Reads the answer of `POST /ims/token/v3` (docs/magento-behaviour.md §11.2, §11.4): a 2xx
 * `{access_token, token_type: "bearer", expires_in}` becomes an {@link ImsToken}; an error
 * `{error, error_description}` or any other answer a typed error. Every text taken from the
 * answer has the values in `hide` (the client secret) and anything secret-looking redacted. Pure.
 *
 * @throws MagentoClientError `IMS_CLIENT_REJECTED` (`invalid_client`, `unauthorized_client`),
 *   `IMS_SCOPE_REJECTED` (`invalid_scope`), `IMS_REQUEST_REJECTED` (other 4xx), `RATE_LIMITED` (429),
 *   `SERVER_ERROR` (5xx), `HTTP_ERROR` (a redirect), `INVALID_RESPONSE` (a 2xx without a usable token).
 */
export function parseImsTokenResponse(status: number, bodyText: string, hide: readonly string[] = []): ImsToken {
  if (status < 200 || status >= 300) throw buildImsError(status, bodyText, hide);
  const json = readJsonObject(bodyText);
  const accessToken = json?.['access_token'];
  const tokenType = json?.['token_type'];
  const expiresIn = Number(json?.['expires_in']);
  const problems = [
    typeof accessToken !== 'string' || accessToken.trim() === '' ? 'no access_token' : '',
    tokenType !== undefined && String(tokenType).toLowerCase() !== 'bearer'
      ? `token_type ${JSON.stringify(tokenType)}`
      : '',
    !Number.isFinite(expiresIn) || expiresIn <= 0 ? 'no positive expires_in' : '',
  ].filter(Boolean);
  if (problems.length > 0)
    throw new MagentoClientError(
      `IMS answered HTTP ${status} without a usable token (${problems.join(', ')}).`,
      'INVALID_RESPONSE',
      {
        status,
        hint: 'tokenUrl must be the IMS token endpoint, /ims/token/v3, which answers {access_token, token_type: "bearer", expires_in}.',
      },
    );
  return { accessToken: accessToken as string, expiresInMs: expiresIn * 1000 };
}

function buildImsError(status: number, bodyText: string, hide: readonly string[]): MagentoClientError {
  const json = readJsonObject(bodyText);
  const error = typeof json?.['error'] === 'string' ? (json['error'] as string) : null;
  const description = typeof json?.['error_description'] === 'string' ? (json['error_description'] as string) : '';
  const detail = cleanText([error, description].filter(Boolean).join(': ') || bodyText, hide);
  const suffix = detail ? `: ${detail}` : '';
  if (status === 429)
    return new MagentoClientError(`IMS throttled the token request (HTTP 429${suffix}).`, 'RATE_LIMITED', {
      status,
      hint: 'Adobe throttles credentials that ask for too many tokens: share one createImsAuth strategy per credential (it caches the token for its lifetime) instead of creating one per call or per process.',
    });
  if (status >= 500) return new MagentoClientError(`IMS failed (HTTP ${status}${suffix}).`, 'SERVER_ERROR', { status });
  if (status < 400)
    return new MagentoClientError(`IMS answered the token request with HTTP ${status}.`, 'HTTP_ERROR', {
      status,
      hint: 'Redirects are not followed: tokenUrl must be the token endpoint itself.',
    });
  const found = (error !== null && BY_ERROR[error]) || REQUEST_REJECTED;
  return new MagentoClientError(`${found.what} (HTTP ${status}${suffix}).`, found.code, { status, hint: found.hint });
}

function readJsonObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** A short, single-line text with the given values and secret-looking parts replaced. */
function cleanText(text: string, hide: readonly string[]): string {
  const hidden = hide.filter((value) => value.length > 0).reduce((out, value) => out.split(value).join(REDACTED), text);
  return redactText(hidden).replace(/\s+/g, ' ').trim().slice(0, 200);
}

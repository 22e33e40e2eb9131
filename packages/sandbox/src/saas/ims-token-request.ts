/** The four fields of `POST /ims/token/v3` (docs/magento-behaviour.md §11.2), null when absent or empty. */
export interface ImsTokenForm {
  grantType: string | null;
  clientId: string | null;
  clientSecret: string | null;
  scope: string | null;
}

/** An OAuth 2 token-endpoint error answer (RFC 6749 §5.2), docs/magento-behaviour.md §11.4, §11.6. */
export interface ImsErrorAnswer {
  status: 400 | 401;
  body: { error: string; error_description: string };
}

const FIELDS = {
  grantType: 'grant_type',
  clientId: 'client_id',
  clientSecret: 'client_secret',
  scope: 'scope',
} as const;

/**
 * Reads the token request: the form body, each field falling back to the query string ("the body is
 * recommended for secrets", IMS API reference). Pure.
 */
export function readImsTokenForm(body: string, query: string): ImsTokenForm {
  const fromBody = new URLSearchParams(body);
  const fromQuery = new URLSearchParams(query);
  const read = (name: string) => fromBody.get(name) || fromQuery.get(name) || null;
  return {
    grantType: read(FIELDS.grantType),
    clientId: read(FIELDS.clientId),
    clientSecret: read(FIELDS.clientSecret),
    scope: read(FIELDS.scope),
  };
}

/**
 * The checks that need no credential, in order: every field present (`invalid_request`, naming the
 * first missing one), then the grant (`unsupported_grant_type`). Null when the form may go on. Pure.
 */
export function checkImsTokenForm(form: ImsTokenForm): ImsErrorAnswer | null {
  for (const [key, name] of Object.entries(FIELDS) as Array<[keyof ImsTokenForm, string]>)
    if (form[key] === null) return imsError(400, 'invalid_request', `missing ${name} parameter`);
  if (form.grantType !== 'client_credentials')
    return imsError(400, 'unsupported_grant_type', `unsupported grant_type ${form.grantType}`);
  return null;
}

/** The requested scopes: comma-separated, spaces around a name ignored, duplicates once. Pure. */
export function splitScopes(scope: string): string[] {
  return [
    ...new Set(
      scope
        .split(',')
        .map((name) => name.trim())
        .filter(Boolean),
    ),
  ];
}

/** `invalid_scope` naming the requested scopes the credential does not have, or null. Pure. */
export function checkScopes(requested: readonly string[], allowed: readonly string[]): ImsErrorAnswer | null {
  if (requested.length === 0) return imsError(400, 'invalid_scope', 'Invalid scope(s): no scope requested');
  const refused = requested.filter((name) => !allowed.includes(name));
  return refused.length === 0 ? null : imsError(400, 'invalid_scope', `Invalid scope(s): ${refused.join(',')}`);
}

export function imsError(status: 400 | 401, error: string, description: string): ImsErrorAnswer {
  return { status, body: { error, error_description: description } };
}

/** `invalid_client` for an unknown client id or a wrong secret (401, as the client maps it). */
export function invalidClient(field: 'client_id' | 'client_secret'): ImsErrorAnswer {
  return imsError(401, 'invalid_client', `invalid ${field} parameter`);
}

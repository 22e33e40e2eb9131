import { describeStoreUrl, isMagentoClientError, redactText } from '@magekit/client';
import { TENANT_PATTERN } from '../config/module-options';
import { MagentoIntegrationError } from '../errors/magento-integration-error';

/** A validated registration of an Adobe Commerce as a Cloud Service store (`POST /api/stores/saas`). */
export interface SaasStoreInput {
  /** The tenant's REST base as `describeStoreUrl` normalises it: `https://<region>.api.commerce.adobe.com/<tenant id>/`. */
  url: string;
  /** The tenant id (the one path segment of `url`). */
  tenantId: string;
  clientId: string;
  clientSecret: string;
  orgId: string;
  /** Null: the default scopes. */
  scopes: string[] | null;
  /** Null: the module's `ims.tokenUrl`. */
  tokenUrl: string | null;
  /** The service tenant the store belongs to; null: the service's default. */
  tenant: string | null;
}

/** The fields of a registration, with what each must be (the API and CLI messages use these names). */
const FIELDS = ['url', 'clientId', 'clientSecret', 'orgId', 'scopes', 'tokenUrl', 'tenant'] as const;
type Field = (typeof FIELDS)[number];

/** Printable ASCII without spaces: safe in a header value and a form field (as @magekit/client checks it). */
const TOKEN_TEXT = /^[\x21-\x7e]+$/;
/** A scope name: no commas or spaces (IMS takes them comma-separated). */
const SCOPE = /^[\x21-\x2b\x2d-\x7e]+$/;
const MAX_SCOPES = 50;

/**
 * Validates the registration of a SaaS store, naming every bad field: `url` (the tenant's REST
 * base, docs/magento-behaviour.md §11.3 and §11.5), `clientId`, `clientSecret`
 * and `orgId` of the OAuth Server-to-Server credential (required), `scopes` (a list, or one
 * comma- or space-separated text) and `tokenUrl` (the IMS token endpoint), optional, and the
 * service `tenant`. Unknown fields are refused (a misspelt field is not silently dropped). Pure;
 * the secret's value is never part of a message.
 *
 * @throws MagentoIntegrationError `INVALID_INPUT` with `details.problems` (field → problem).
 */
export function parseSaasStoreInput(body: unknown): SaasStoreInput {
  const problems: Record<string, string> = {};
  const input =
    typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
  if (input === null) throw invalid({ body: 'must be a JSON object' });
  for (const key of Object.keys(input))
    if (!(FIELDS as readonly string[]).includes(key)) problems[key] = `is not a field (expected ${FIELDS.join(', ')})`;
  const text = (field: Field, max: number, pattern: RegExp | null, what: string): string => {
    const value = input[field];
    if (typeof value !== 'string' || value.trim() === '') {
      problems[field] = `is required (${what})`;
      return '';
    }
    if (value.length > max || (pattern !== null && !pattern.test(value))) problems[field] = `must be ${what}`;
    return value;
  };
  const rawUrl = text('url', 2048, null, "the tenant's REST URL, https://<region>.api.commerce.adobe.com/<tenant id>/");
  const clientId = text('clientId', 255, TOKEN_TEXT, 'the credential\'s "Client ID" (printable, no spaces)');
  const clientSecret = text('clientSecret', 1024, /^\P{Cc}+$/u, 'the client secret (one line)');
  const orgId = text('orgId', 255, TOKEN_TEXT, 'the IMS organization id, e.g. 0123456789ABCDEF01234567@AdobeOrg');
  const described = rawUrl && !problems.url ? describeSaasUrl(rawUrl, problems) : null;
  const result: SaasStoreInput = {
    url: described?.restRoot ?? '',
    tenantId: described?.tenantId ?? '',
    clientId,
    clientSecret,
    orgId,
    scopes: readScopes(input.scopes, problems),
    tokenUrl: readTokenUrl(input.tokenUrl, problems),
    tenant: readTenant(input.tenant, problems),
  };
  if (Object.keys(problems).length > 0) throw invalid(problems);
  return result;
}

function describeSaasUrl(url: string, problems: Record<string, string>): { restRoot: string; tenantId: string } | null {
  try {
    const described = describeStoreUrl(url, 'saas');
    return { restRoot: described.restRoot, tenantId: described.tenantId ?? '' };
  } catch (error) {
    if (!isMagentoClientError(error)) throw error;
    problems.url = `must be the tenant's REST URL, https://<region>.api.commerce.adobe.com/<tenant id>/ (${redactText(error.message)})`;
    return null;
  }
}

function readScopes(value: unknown, problems: Record<string, string>): string[] | null {
  if (value === undefined || value === null || value === '') return null;
  const list = typeof value === 'string' ? value.split(/[\s,]+/).filter((scope) => scope !== '') : value;
  if (
    !Array.isArray(list) ||
    list.length === 0 ||
    list.length > MAX_SCOPES ||
    list.some((scope) => typeof scope !== 'string' || scope.length > 200 || !SCOPE.test(scope))
  ) {
    problems.scopes = `must be a list of 1-${MAX_SCOPES} scope names (or one text of names separated by commas or spaces)`;
    return null;
  }
  return [...new Set(list as string[])];
}

function readTokenUrl(value: unknown, problems: Record<string, string>): string | null {
  if (value === undefined || value === null || value === '') return null;
  const problem = 'must be the IMS token endpoint, an http(s) URL without credentials or fragment';
  if (typeof value !== 'string' || value.length > 2048) {
    problems.tokenUrl = problem;
    return null;
  }
  try {
    const url = new URL(value);
    if ((url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password && !url.hash)
      return value;
  } catch {
    // reported below
  }
  problems.tokenUrl = problem;
  return null;
}

function readTenant(value: unknown, problems: Record<string, string>): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'string' && TENANT_PATTERN.test(value)) return value;
  problems.tenant = 'must be 1-64 letters, digits, _ or -';
  return null;
}

function invalid(problems: Record<string, string>): MagentoIntegrationError {
  const list = Object.entries(problems).map(([field, problem]) => `${field} ${problem}`);
  return new MagentoIntegrationError(`Invalid SaaS store: ${list.join('; ')}.`, 'INVALID_INPUT', {
    hint: 'Give url, clientId, clientSecret and orgId of an OAuth Server-to-Server credential (Adobe Developer Console > project > credential); scopes and tokenUrl are optional.',
    details: { problems },
  });
}

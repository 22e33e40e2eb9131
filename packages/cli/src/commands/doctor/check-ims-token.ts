import { MagentoClientError, requestImsToken } from '@magekit/client';
import { buildResult, type CheckResult } from './doctor-check';
import type { DoctorImsCredentials } from './ims-credentials';
import type { ProbeDeps } from './store-probe';

/** The scope a token needs for the SaaS REST API (docs/magento-behaviour.md §11.2). */
export const COMMERCE_SCOPE = 'commerce.accs';
/** IMS tokens of a server-to-server credential live about a day (`expires_in` 86399); below this is reported. */
export const SHORT_TOKEN_SECONDS = 3600;
/** Above this the token request is reported as slow. */
export const SLOW_TOKEN_MS = 3_000;

/** What asking IMS for a token gave. The token itself goes only into request headers, never into the report. */
export interface ImsTokenOutcome {
  accessToken: string | null;
  expiresInSeconds: number | null;
  /** Time from sending the request to the parsed answer (ms). */
  durationMs: number | null;
  /** The client's typed error (`IMS_CLIENT_REJECTED`, `IMS_SCOPE_REJECTED`, `NETWORK`, …) when no token came. */
  error: MagentoClientError | null;
}

/**
 * Asks IMS for one token with the client-credentials grant, through `requestImsToken` of
 * @magekit/client (its errors are typed, with a hint, and never carry the secret). Never throws.
 */
export async function requestDoctorToken(credentials: DoctorImsCredentials, deps: ProbeDeps): Promise<ImsTokenOutcome> {
  const started = deps.clock();
  try {
    const token = await requestImsToken(
      { ...credentials, timeoutMs: deps.timeoutMs },
      { fetch: deps.fetch, clock: deps.clock },
    );
    return {
      accessToken: token.accessToken,
      expiresInSeconds: Math.round(token.expiresInMs / 1000),
      durationMs: deps.clock() - started,
      error: null,
    };
  } catch (cause) {
    const error =
      cause instanceof MagentoClientError ? cause : new MagentoClientError(String(cause), 'NETWORK', { cause });
    return { accessToken: null, expiresInSeconds: null, durationMs: null, error };
  }
}

/**
 * The scopes of an IMS access token: its `scope` claim (comma-separated, as IMS writes it), or null
 * when the token is not a JWT with one. The signature is not checked. Pure.
 */
export function readTokenScopes(token: string): string[] | null {
  const pieces = token.split('.');
  if (pieces.length !== 3) return null;
  try {
    const claims = JSON.parse(Buffer.from(pieces[1], 'base64url').toString('utf8')) as { scope?: unknown };
    const scope = claims?.scope;
    if (typeof scope === 'string') return scope.split(/[\s,]+/).filter((name) => name !== '');
    if (Array.isArray(scope) && scope.every((name) => typeof name === 'string')) return scope as string[];
    return null;
  } catch {
    return null;
  }
}

/** `86399 s (about 24 h)`, `120 s (2 min)`, `30 s`. Pure. */
export function describeLifetime(seconds: number): string {
  if (seconds >= 3600) return `${seconds} s (about ${Math.round(seconds / 3600)} h)`;
  if (seconds >= 60) return `${seconds} s (${Math.round(seconds / 60)} min)`;
  return `${seconds} s`;
}

const SCOPE_HINT = `Request ${COMMERCE_SCOPE} (leave --ims-scopes out for Adobe's list, which has it): Adobe Commerce as a Cloud Service refuses tokens without it, and a credential has it once its Developer Console project includes Adobe Commerce's API.`;

/**
 * The IMS token check (docs/magento-behaviour.md §11.2, §11.4): IMS issued a token, how fast, for how
 * long (`expires_in`), and with `commerce.accs` among its scopes (its `scope` claim; the requested
 * scopes when the token has none). A refusal is the client's typed error with its hint. Pure.
 */
export function classifyImsToken(outcome: ImsTokenOutcome, credentials: DoctorImsCredentials): CheckResult {
  const granted = outcome.accessToken === null ? null : readTokenScopes(outcome.accessToken);
  const details = {
    tokenUrl: credentials.tokenUrl,
    clientId: credentials.clientId,
    orgId: credentials.orgId,
    requestedScopes: credentials.scopes,
    grantedScopes: granted,
    expiresInSeconds: outcome.expiresInSeconds,
    durationMs: outcome.durationMs,
    code: outcome.error?.code ?? null,
  };
  if (outcome.accessToken === null || outcome.expiresInSeconds === null) {
    const error = outcome.error;
    return buildResult(
      'ims-token',
      'fail',
      `no IMS token from ${credentials.tokenUrl}: ${(error?.message ?? 'no answer').replace(/\.$/, '')} [${error?.code ?? 'NETWORK'}]`,
      error?.hint ?? 'Check --ims-token-url and the network between this machine and IMS.',
      details,
    );
  }
  const scopes = granted ?? credentials.scopes;
  if (!scopes.includes(COMMERCE_SCOPE))
    return buildResult(
      'ims-token',
      'fail',
      `IMS issued a token without ${COMMERCE_SCOPE} (${granted === null ? 'requested' : 'its scope'}: ${scopes.join(',')}): the tenant refuses it`,
      SCOPE_HINT,
      details,
    );
  const scopeText =
    granted === null
      ? `${COMMERCE_SCOPE} was requested (the token names no scopes)`
      : `its scopes include ${COMMERCE_SCOPE}`;
  const finding = `IMS issued a bearer token in ${outcome.durationMs} ms: expires_in ${describeLifetime(outcome.expiresInSeconds)}, ${scopeText}`;
  if (outcome.expiresInSeconds < SHORT_TOKEN_SECONDS)
    return buildResult(
      'ims-token',
      'warn',
      `${finding}; it lives under ${SHORT_TOKEN_SECONDS / 3600} h`,
      'Tokens of an OAuth Server-to-Server credential usually live 24 h. Cache one per credential for its life (createImsAuth does): Adobe throttles credentials that ask IMS for many tokens.',
      details,
    );
  if (outcome.durationMs !== null && outcome.durationMs > SLOW_TOKEN_MS)
    return buildResult(
      'ims-token',
      'warn',
      `${finding}; slow (over ${SLOW_TOKEN_MS} ms)`,
      'Every token request pays this; cache the token for its life (createImsAuth does) and check the network to IMS.',
      details,
    );
  return buildResult('ims-token', 'pass', finding, null, details);
}

import type { ImsCredentialEntity } from './ims-credential.entity';
import type { ImsTokenEntity } from './ims-token.entity';
import { COMMERCE_SCOPE } from './saas-options';

/** Why a call did not get past the gateway (for the activity log; the body does not say). */
export type ImsRefusalReason =
  | 'no Bearer token'
  | 'unknown token'
  | 'revoked token'
  | 'expired token'
  | 'credential deleted'
  | `token without ${typeof COMMERCE_SCOPE}`
  | 'no x-api-key'
  | "x-api-key is not the token's client"
  | "x-gw-ims-org-id is not the credential's organization";

/** The gateway's answer to a call it refuses. */
export interface GatewayRefusal {
  status: 401 | 403;
  reason: ImsRefusalReason;
  body: { error_code: string; message: string };
}

/**
 * What Adobe's API gateway answers for a token it does not take (docs/magento-behaviour.md §11.6: the
 * `x-api-key` / `x-gw-ims-org-id` headers are the gateway's; this body is its answer on Adobe's other
 * APIs, and the one @magekit/client's fake sends).
 */
export const INVALID_TOKEN_BODY = Object.freeze({ error_code: '401013', message: 'Oauth token is not valid' });
/** The sandbox's answer for another organization's id (Adobe documents the 403, not its body). */
export const WRONG_ORGANIZATION_BODY = Object.freeze({
  error_code: '403000',
  message: 'The organization (x-gw-ims-org-id) is not the credential’s',
});

/** What the gateway checks for one call. */
export interface ImsCall {
  /** The issued token the `Authorization: Bearer` value names, if any. */
  token: ImsTokenEntity | null;
  /** Its credential, if it still exists. */
  credential: ImsCredentialEntity | null;
  apiKey: string | null;
  orgId: string | null;
  /** The sandbox clock, ms. */
  now: number;
}

/**
 * The gateway's checks, in order: a Bearer token the sandbox issued, not revoked, not expired, of a
 * credential that still exists, with `commerce.accs`; `x-api-key` equal to the token's client id
 * (all 401, one body); then `x-gw-ims-org-id`, when sent, the credential's organization (403).
 * Null when the call may go on to Commerce. Pure.
 */
export function checkImsCall(call: ImsCall): GatewayRefusal | null {
  const token = call.token;
  if (token === null) return refuse('unknown token');
  if (token.revoked) return refuse('revoked token');
  if (call.now >= token.expiresAt) return refuse('expired token');
  if (call.credential === null) return refuse('credential deleted');
  if (!token.scopes.includes(COMMERCE_SCOPE)) return refuse(`token without ${COMMERCE_SCOPE}`);
  if (call.apiKey === null) return refuse('no x-api-key');
  if (call.apiKey !== token.clientId) return refuse("x-api-key is not the token's client");
  if (call.orgId !== null && call.orgId !== call.credential.orgId)
    return {
      status: 403,
      reason: "x-gw-ims-org-id is not the credential's organization",
      body: { ...WRONG_ORGANIZATION_BODY },
    };
  return null;
}

/** The 401 of every token and API-key refusal. */
export function refuse(reason: ImsRefusalReason): GatewayRefusal {
  return { status: 401, reason, body: { ...INVALID_TOKEN_BODY } };
}

/** The token of `Authorization: Bearer <token>` (exactly two pieces, any case), else null. Pure. */
export function readBearerToken(header: string | undefined): string | null {
  const pieces = (header ?? '').split(' ');
  return pieces.length === 2 && pieces[0].toLowerCase() === 'bearer' && pieces[1] !== '' ? pieces[1] : null;
}

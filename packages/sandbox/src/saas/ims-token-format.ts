import { createHash } from 'node:crypto';
import type { RandomBytes } from '../common/clock';

/** The claims of an IMS access token, as IMS writes them (times in ms, as strings). */
export interface ImsTokenClaims {
  id: string;
  type: 'access_token';
  client_id: string;
  user_id: string;
  as: 'ims-na1';
  aa_id: string;
  /** Comma-separated. */
  scope: string;
  created_at: string;
  expires_in: string;
}

/** IMS's token header (RS256 with the key named by `x5u`). */
const HEADER = { alg: 'RS256', x5u: 'ims_na1-key-at-1.cer', kid: 'ims_na1-key-at-1', itt: 'at' };

const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * A JWT-shaped IMS access token (docs/magento-behaviour.md §11.2): IMS's header and claims, and 256
 * random bytes where IMS puts its RS256 signature. The sandbox does not verify it: it looks the token
 * up by {@link hashImsToken}, so revocation and expiry are its records'. Pure apart from `randomBytes`.
 */
export function buildImsAccessToken(claims: ImsTokenClaims, randomBytes: RandomBytes): string {
  return `${part(HEADER)}.${part(claims)}.${Buffer.from(randomBytes(256)).toString('base64url')}`;
}

/** The claims of an access token (IMS's or any JWT), or null when it is not one. Pure. */
export function readImsTokenClaims(token: string): Partial<ImsTokenClaims> | null {
  const pieces = token.split('.');
  if (pieces.length !== 3) return null;
  try {
    const claims: unknown = JSON.parse(Buffer.from(pieces[1], 'base64url').toString('utf8'));
    return typeof claims === 'object' && claims !== null && !Array.isArray(claims) ? claims : null;
  } catch {
    return null;
  }
}

/** Hex SHA-256 of a token: how the sandbox stores and finds it. */
export function hashImsToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A technical account's user id (`…@techacct.adobe.com`), stable for a client id. */
export function technicalAccountId(clientId: string): string {
  return `${createHash('sha256').update(clientId, 'utf8').digest('hex').slice(0, 24).toUpperCase()}@techacct.adobe.com`;
}

/** IMS's token id: creation time, a UUID and the region suffix. */
export function imsTokenId(createdAtMs: number, randomBytes: RandomBytes): string {
  const hex = Buffer.from(randomBytes(16)).toString('hex');
  return `${createdAtMs}_${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}_ue1`;
}

import { timingSafeEqual } from 'node:crypto';
import { intCast, isNumeric } from '@magekit/php';
import { reject } from './magento-problems';
import type { OAuthConsumerRecord, OAuthTokenRecord, VerifyKind, VerifyStore } from './verify-types';

/** Protocol parameters as the checks read them (Magento's `$params`: byte strings). */
export type CheckParams = Map<string, string>;

/** The length of consumer keys, tokens and verifiers (`Magento\Framework\Oauth\Helper\Oauth`). */
const LENGTH = 32;
/** What `Oauth::_validateProtocolParams()` requires, in its order. */
const REQUIRED_BASE = ['oauth_consumer_key', 'oauth_signature', 'oauth_signature_method', 'oauth_nonce'];
const REQUIRED: Record<VerifyKind, string[]> = {
  request_token: [...REQUIRED_BASE, 'oauth_timestamp'],
  access_token: [...REQUIRED_BASE, 'oauth_timestamp', 'oauth_token', 'oauth_verifier'],
  api: [...REQUIRED_BASE, 'oauth_timestamp', 'oauth_token'],
};
/** `Oauth::getSupportedSignatureMethods()` since 2.4.4 (compared case-sensitively). */
const SUPPORTED_SIGNATURE_METHOD = 'HMAC-SHA256';
const NONCE_ERROR = 'An error occurred validating the nonce';
const VERSION_ERROR = 'The "%1" Oauth version isn\'t supported.';
const TOKEN_LENGTH_ERROR = 'The token length is invalid. Check the length and try again.';

/** PHP 8 `'1.0' != $version`. */
function isVersionOne(version: string): boolean {
  return isNumeric(version) ? Number(version) === 1 : version === '1.0';
}

/** `Token\Provider::validateOauthToken`: truthy and exactly 32 bytes. */
function isValidTokenLength(value: string | undefined): boolean {
  return value !== undefined && value !== '' && value !== '0' && value.length === LENGTH;
}

/** `Oauth::_validateProtocolParams`: version, required parameters, token length, signature method. */
export function checkProtocolParams(params: CheckParams, kind: VerifyKind): void {
  const version = params.get('oauth_version');
  if (version !== undefined && !isVersionOne(version)) throw reject(VERSION_ERROR, [version]);
  const missing = REQUIRED[kind].filter((name) => !params.has(name));
  const errors = missing.map((name) => reject('"%fieldName" is required. Enter and try again.', { fieldName: name }));
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw reject('One or more input exceptions have occurred.', undefined, errors);
  if (params.has('oauth_token') && !isValidTokenLength(params.get('oauth_token'))) throw reject(TOKEN_LENGTH_ERROR);
  const method = params.get('oauth_signature_method') ?? '';
  if (method !== SUPPORTED_SIGNATURE_METHOD) throw reject('Signature method %1 is not supported', [method]);
}

/** `Token\Provider::getConsumerByKey`. */
export async function findConsumer(store: VerifyStore, key: string): Promise<OAuthConsumerRecord> {
  if (key !== '' && key !== '0' && key.length !== LENGTH) throw reject('Consumer key is not the correct length');
  const consumer = await store.findConsumerByKey(key);
  if (!consumer) throw reject('A consumer having the specified key does not exist');
  return consumer;
}

/** `Nonce\Generator::validateNonce`: a timestamp in `(0, max]`, then the nonce is stored. */
export async function checkNonce(store: VerifyStore, consumer: OAuthConsumerRecord, params: CheckParams, max: number) {
  const timestamp = intCast(params.get('oauth_timestamp') ?? '');
  if (timestamp <= 0 || timestamp > max) throw reject(NONCE_ERROR);
  let stored: boolean;
  try {
    stored = await store.saveNonce(consumer.id, params.get('oauth_nonce') ?? '', timestamp);
  } catch {
    throw reject(NONCE_ERROR);
  }
  if (!stored) throw reject('The nonce is already being used by the consumer with ID %1', [consumer.id]);
}

/** `Token\Provider::validateConsumer`: the window (300 s by default) after Activate/Reauthorize. */
export function checkConsumerWindow(consumer: OAuthConsumerRecord, nowSeconds: number, expirySeconds: number): void {
  if (!(expirySeconds > nowSeconds - consumer.updatedAt)) throw reject('Consumer key has expired');
}

/** `Token\Provider::_getToken`. */
async function loadToken(store: VerifyStore, params: CheckParams): Promise<OAuthTokenRecord> {
  const token = params.get('oauth_token') ?? '';
  if (!isValidTokenLength(token)) throw reject(TOKEN_LENGTH_ERROR);
  const row = await store.findToken(token);
  if (!row) throw reject('Specified token does not exist');
  return row;
}

const isOf = (row: OAuthTokenRecord, consumer: OAuthConsumerRecord) => String(row.consumerId) === String(consumer.id);

/** `Token\Provider::validateRequestToken` (access-token step). Returns the token. */
export async function checkRequestToken(store: VerifyStore, consumer: OAuthConsumerRecord, params: CheckParams) {
  const row = await loadToken(store, params);
  if (!isOf(row, consumer)) throw reject('Request token is not associated with the specified consumer');
  const verifier = params.get('oauth_verifier') ?? '';
  if (row.type !== 'request') throw reject('Token is already being used');
  if (!isValidTokenLength(verifier)) throw reject('Verifier is not the correct length');
  if (!constantTimeEquals(row.verifier ?? '', verifier)) throw reject('Token verifier and verifier token do not match');
  return row;
}

/** `Token\Provider::validateAccessTokenRequest` (signed REST call). Returns the token. */
export async function checkAccessToken(store: VerifyStore, consumer: OAuthConsumerRecord, params: CheckParams) {
  const row = await loadToken(store, params);
  if (!isOf(row, consumer)) throw reject('Token is not associated with the specified consumer');
  if (row.type !== 'access') throw reject('Token is not an access token');
  if (row.revoked) throw reject('Access token has been revoked');
  return row;
}

/** `OauthService::createRequestToken` / `getAccessToken`: the integration's token must be of the step's type. */
export async function checkIntegrationToken(store: VerifyStore, consumer: OAuthConsumerRecord, kind: VerifyKind) {
  const row = await store.findIntegrationToken(consumer.id);
  if (!row) throw reject('A token with consumer ID %1 does not exist', [consumer.id]);
  if (kind === 'request_token' && row.type !== 'verifier') {
    throw reject('Cannot create request token because consumer token is not a verifier token');
  }
  if (kind === 'access_token' && row.type !== 'request') {
    throw reject('Cannot get access token because consumer token is not a request token');
  }
}

/** `Security::compareStrings` (hash_equals). */
export function constantTimeEquals(expected: string, actual: string): boolean {
  const a = Buffer.from(expected, 'latin1');
  const b = Buffer.from(actual, 'latin1');
  return a.length === b.length && timingSafeEqual(a, b);
}

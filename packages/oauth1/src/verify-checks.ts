import { timingSafeEqual } from 'node:crypto';
import { MagentoRejection, reject } from './magento-rejection';
import { isNumericString, phpIntCast } from './php-string';
import type { OAuthConsumerRecord, OAuthTokenRecord, VerifyKind, VerifyStore } from './verify-types';

/** Protocol parameters as the checks read them (Magento's `$params`: byte strings). */
export type CheckParams = Map<string, string>;

const LENGTH = 32;
const REQUIRED_BASE = ['oauth_consumer_key', 'oauth_signature', 'oauth_signature_method', 'oauth_nonce', 'oauth_timestamp'];
const REQUIRED: Record<VerifyKind, string[]> = {
  request_token: REQUIRED_BASE,
  access_token: [...REQUIRED_BASE, 'oauth_token', 'oauth_verifier'],
  api: [...REQUIRED_BASE, 'oauth_token'],
};

/** `Oauth::getSupportedSignatureMethods()` since 2.4.4. */
export const SUPPORTED_SIGNATURE_METHODS = ['HMAC-SHA256'];

/** PHP 8 `'1.0' != $version`. */
function isVersionOne(version: string): boolean {
  return isNumericString(version) ? Number(version) === 1 : version === '1.0';
}

/** `Token\Provider::validateOauthToken`: truthy and exactly 32 bytes. */
function isValidTokenLength(value: string | undefined): boolean {
  return value !== undefined && value !== '' && value !== '0' && value.length === LENGTH;
}

/** `_validateProtocolParams` steps 1–4: version, required parameters, token length, signature method. */
export function checkProtocolParams(params: CheckParams, kind: VerifyKind): void {
  const version = params.get('oauth_version');
  if (version !== undefined && !isVersionOne(version)) throw reject('The "%1" Oauth version isn\'t supported.', [version]);
  const missing = REQUIRED[kind].filter((name) => !params.has(name));
  if (missing.length === 1) throw reject('"%fieldName" is required. Enter and try again.', { fieldName: missing[0] });
  if (missing.length > 1) {
    const errors = missing.map((name) => reject('"%fieldName" is required. Enter and try again.', { fieldName: name }));
    const aggregate = reject('One or more input exceptions have occurred.');
    throw new MagentoRejection(aggregate.problem, undefined, errors);
  }
  if (params.has('oauth_token') && !isValidTokenLength(params.get('oauth_token'))) {
    throw reject('The token length is invalid. Check the length and try again.');
  }
  checkSignatureMethod(params);
}

/** The signature-method gate (case-sensitive, HMAC-SHA256 only). */
export function checkSignatureMethod(params: CheckParams): void {
  const method = params.get('oauth_signature_method') ?? '';
  if (!SUPPORTED_SIGNATURE_METHODS.includes(method)) throw reject('Signature method %1 is not supported', [method]);
}

/** `Token\Provider::getConsumerByKey`. */
export async function findConsumer(store: VerifyStore, key: string): Promise<OAuthConsumerRecord> {
  if (key !== '' && key !== '0' && key.length !== LENGTH) throw reject('Consumer key is not the correct length');
  const consumer = await store.findConsumerByKey(key);
  if (!consumer) throw reject('A consumer having the specified key does not exist');
  return consumer;
}

/** `Nonce\Generator::validateNonce`: timestamp ≤ now + 600 and > 0, then the nonce is stored. */
export async function checkNonce(
  store: VerifyStore,
  consumer: OAuthConsumerRecord,
  nonce: string,
  timestamp: string,
  nowSeconds: number,
  deviationSeconds: number,
): Promise<void> {
  const value = phpIntCast(timestamp);
  if (value <= 0 || value > nowSeconds + deviationSeconds) throw reject('An error occurred validating the nonce');
  let stored: boolean;
  try {
    stored = await store.saveNonce(consumer.id, nonce, value);
  } catch {
    throw reject('An error occurred validating the nonce');
  }
  if (!stored) throw reject('The nonce is already being used by the consumer with ID %1', [consumer.id]);
}

/** `Token\Provider::validateConsumer`: the 300 s window after Activate/Reauthorize. */
export function checkConsumerWindow(consumer: OAuthConsumerRecord, nowSeconds: number, expirySeconds: number): void {
  if (!(expirySeconds > nowSeconds - consumer.updatedAt)) throw reject('Consumer key has expired');
}

/** `Token\Provider::_getToken`. */
async function loadToken(store: VerifyStore, token: string): Promise<OAuthTokenRecord> {
  if (!isValidTokenLength(token)) throw reject('The token length is invalid. Check the length and try again.');
  const row = await store.findToken(token);
  if (!row) throw reject('Specified token does not exist');
  return row;
}

function sameId(a: number | string, b: number | string): boolean {
  return String(a) === String(b);
}

/** `Token\Provider::validateRequestToken` (access-token step). Returns the token. */
export async function checkRequestToken(store: VerifyStore, token: string, consumer: OAuthConsumerRecord, verifier: string): Promise<OAuthTokenRecord> {
  const row = await loadToken(store, token);
  if (!sameId(row.consumerId, consumer.id)) throw reject('Request token is not associated with the specified consumer');
  if (row.type !== 'request') throw reject('Token is already being used');
  if (!isValidTokenLength(verifier)) throw reject('Verifier is not the correct length');
  if (!constantTimeEquals(row.verifier ?? '', verifier)) throw reject('Token verifier and verifier token do not match');
  return row;
}

/** `Token\Provider::validateAccessTokenRequest` (signed REST call). Returns the token. */
export async function checkAccessToken(store: VerifyStore, token: string, consumer: OAuthConsumerRecord): Promise<OAuthTokenRecord> {
  const row = await loadToken(store, token);
  if (!sameId(row.consumerId, consumer.id)) throw reject('Token is not associated with the specified consumer');
  if (row.type !== 'access') throw reject('Token is not an access token');
  if (row.revoked) throw reject('Access token has been revoked');
  return row;
}

/** `createRequestToken` / `getAccessToken`: the integration's token must be of the expected type. */
export async function checkIntegrationToken(store: VerifyStore, consumer: OAuthConsumerRecord, kind: 'request_token' | 'access_token'): Promise<void> {
  const row = await store.findIntegrationToken(consumer.id);
  if (!row) throw reject('A token with consumer ID %1 does not exist', [consumer.id]);
  if (kind === 'request_token' && row.type !== 'verifier') {
    throw reject('Cannot create request token because consumer token is not a verifier token');
  }
  if (kind === 'access_token' && row.type !== 'request') throw reject('Cannot get access token because consumer token is not a request token');
}

/** `Security::compareStrings` (hash_equals). */
export function constantTimeEquals(expected: string, actual: string): boolean {
  const a = Buffer.from(expected, 'latin1');
  const b = Buffer.from(actual, 'latin1');
  return a.length === b.length && timingSafeEqual(a, b);
}

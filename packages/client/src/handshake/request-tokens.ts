import { signRequest, type SignatureProfile } from '@magekit/oauth1';
import { MagentoClientError } from '../errors/magento-client-error';
import { chooseSkewCorrection, estimateClockSkew } from '../http/clock-skew';
import { sendHttp, type HttpResponse, type TransportDeps } from '../http/send-http';
import { systemClock } from '../http/side-effects';
import { parseFormBody } from './parse-form-body';
import type { ActivationCallback } from './parse-activation-callback';
import { parseAccessTokenResponse, parseRequestTokenResponse, type OAuthTokenPair } from './parse-token-response';

/** Where and how to run the handshake. */
export interface HandshakeOptions extends TransportDeps {
  /** `store_base_url` from the callback (ending in `/`). */
  storeBaseUrl: string;
  /** Prefix `index.php/` (stores with URL rewrites off). */
  usesIndexPhp?: boolean;
  consumerKey: string;
  consumerSecret: string;
  /** Signature profile of the store; default `latest`. */
  profile?: SignatureProfile;
  randomBytes?: (size: number) => Uint8Array;
  signal?: AbortSignal;
  /** Per-attempt timeout; default 30 000 ms. */
  timeoutMs?: number;
}

/** The access-token step also needs the request token and the callback's verifier. */
export interface AccessTokenOptions extends HandshakeOptions {
  requestToken: string;
  requestTokenSecret: string;
  verifier: string;
}

/**
 * `POST /oauth/token/request`, signed with the consumer key/secret only (docs/magento-behaviour.md §1.2, §2.6).
 * Must happen within 300 s of Activate; succeeds once per activation. Never retried, except one
 * re-sign with a corrected clock when Magento rejects the timestamp (nothing was consumed then).
 *
 * @throws MagentoClientError `CONSUMER_EXPIRED`, `HANDSHAKE_STATE`, `SIGNATURE_INVALID`, `NONCE_REJECTED`, `NETWORK`, `TIMEOUT`, …
 */
export async function requestRequestToken(
  options: HandshakeOptions,
  skew: SkewState = { offsetMs: 0 },
): Promise<OAuthTokenPair> {
  const response = await postSigned('oauth/token/request', options, {}, skew);
  return parseRequestTokenResponse(response.status, response.text);
}

/**
 * `POST /oauth/token/access`, signed with the request token + secret and `oauth_verifier` from the
 * callback POST. On success the integration becomes Active (`Integration\Controller\Token\Access`, docs/magento-behaviour.md §2.7).
 *
 * @throws MagentoClientError `VERIFIER_INVALID`, `TOKEN_INVALID`, `HANDSHAKE_STATE`, `SIGNATURE_INVALID`, …
 */
export async function requestAccessToken(
  options: AccessTokenOptions,
  skew: SkewState = { offsetMs: 0 },
): Promise<OAuthTokenPair> {
  const fields = { token: options.requestToken, tokenSecret: options.requestTokenSecret, verifier: options.verifier };
  const response = await postSigned('oauth/token/access', options, fields, skew);
  return parseAccessTokenResponse(response.status, response.text);
}

/** Clock correction learnt during a handshake (ms added to the client clock when signing). */
export interface SkewState {
  offsetMs: number;
}

/**
 * Both handshake steps for an activation callback; returns the integration's access token pair.
 * A clock correction learnt in the first step is used in the second.
 */
export async function exchangeTokens(
  callback: ActivationCallback,
  options: Omit<HandshakeOptions, 'storeBaseUrl' | 'consumerKey' | 'consumerSecret'> = {},
): Promise<OAuthTokenPair> {
  const base = {
    ...options,
    storeBaseUrl: callback.storeBaseUrl,
    usesIndexPhp: callback.usesIndexPhp,
    consumerKey: callback.consumerKey,
    consumerSecret: callback.consumerSecret,
  };
  const skew: SkewState = { offsetMs: 0 };
  const request = await requestRequestToken(base, skew);
  return requestAccessToken(
    { ...base, requestToken: request.token, requestTokenSecret: request.tokenSecret, verifier: callback.verifier },
    skew,
  );
}

type TokenFields = { token?: string; tokenSecret?: string; verifier?: string };

async function postSigned(
  endpoint: string,
  options: HandshakeOptions,
  fields: TokenFields,
  skew: SkewState,
): Promise<HttpResponse> {
  const url = buildEndpointUrl(options, endpoint);
  const clock = options.clock ?? systemClock;
  const response = await postOnce(url, options, fields, () => clock() + skew.offsetMs);
  if (!isNonceRejection(response)) return response;
  const correction = chooseSkewCorrection(
    estimateClockSkew(response.headers.get('date'), response.receivedAt),
    skew.offsetMs,
  );
  if (correction === null) return response;
  skew.offsetMs = correction;
  return postOnce(url, options, fields, () => clock() + correction);
}

function postOnce(
  url: string,
  options: HandshakeOptions,
  fields: TokenFields,
  clock: () => number,
): Promise<HttpResponse> {
  const signed = signRequest(
    {
      method: 'POST',
      url,
      consumerKey: options.consumerKey,
      consumerSecret: options.consumerSecret,
      profile: options.profile,
      ...fields,
    },
    { clock, randomBytes: options.randomBytes },
  );
  return sendHttp(
    {
      method: 'POST',
      url,
      headers: { authorization: signed.authorization },
      signal: options.signal,
      timeoutMs: options.timeoutMs ?? 30_000,
    },
    options,
  );
}

function isNonceRejection(response: HttpResponse): boolean {
  return (
    response.status === 401 &&
    parseFormBody(response.text).get('oauth_problem') === 'An error occurred validating the nonce'
  );
}

function buildEndpointUrl(options: HandshakeOptions, endpoint: string): string {
  const match = /^(https?:\/\/[^/?#]+)(\/[^?#]*)?$/i.exec(options.storeBaseUrl ?? '');
  if (!match)
    throw new MagentoClientError(
      `storeBaseUrl must be an absolute http(s) URL, got ${JSON.stringify(options.storeBaseUrl)}.`,
      'INVALID_INPUT',
    );
  const path = (match[2] ?? '/').replace(/\/?$/, '/');
  return `${new URL(match[1]).origin}${path}${options.usesIndexPhp ? 'index.php/' : ''}${endpoint}`;
}

import { PHP_ARRAY, toBytes } from '@magekit/php';
import { encodeLatestRequestParams, PhpRuntimeError } from './base-string';
import { MagentoOAuth } from './magento-oauth';
import { MagentoRejection, reject } from './magento-problems';
import { addBodyAndQueryParams, headerValue, readMagentoRequest } from './magento-request';
import {
  parseMagentoAuthorizationHeader,
  type MagentoParams,
  type MagentoRequest,
  type ProtocolParams,
} from './magento-request';
import { OAuth1Error } from './oauth1-error';
import { isSignatureProfile, type SignatureProfile } from './profiles';
import * as checks from './verify-checks';
import { acceptedResult, guestResult, phpErrorResult, rejectedResult, type Findings } from './verify-result';
import type { OAuthConsumerRecord, VerifyInput, VerifyKind, VerifyOptions, VerifyStore } from './verify-types';
import type { VerifyResult } from './verify-types';

const VERIFY_KINDS: readonly VerifyKind[] = ['request_token', 'access_token', 'api'];
/** `Magento\Framework\Oauth\Nonce\Generator::TIME_DEVIATION`. */
const DEFAULT_DEVIATION_SECONDS = 600;
/** `oauth/consumer/expiration_period` default. */
const DEFAULT_EXPIRY_SECONDS = 300;
const MILLISECONDS_PER_SECOND = 1000;

/** One verification: the request as Magento's OAuth server reads it, and what the checks found. */
interface Verification {
  kind: VerifyKind;
  profile: SignatureProfile;
  store: VerifyStore;
  options: VerifyOptions;
  /** What the signature code reads (the URL Magento rebuilds, a form body). */
  request: MagentoRequest;
  /** The header's protocol parameters, as `Helper\Request::_processHeader()` parsed them. */
  header: ProtocolParams;
  /** What `Helper\Request::prepareRequest()` collected: header, form body, query. */
  collected: MagentoParams;
  found: Findings;
}

/**
 * Verifies a request as Magento's OAuth server (`Magento\Framework\Oauth\Oauth`) does: header
 * parsing, the order of checks, the exact messages, statuses and `oauth_problem` bodies. Storage
 * comes in as functions; the nonce is stored before the signature is checked, as in Magento.
 *
 * @returns the verdict; never throws for bad requests (only {@link OAuth1Error} `INVALID_INPUT` /
 *   `INVALID_URL` for an unusable `input` itself).
 */
export async function verifyRequest(
  input: VerifyInput,
  store: VerifyStore,
  options: VerifyOptions = {},
): Promise<VerifyResult> {
  const verification = readRequest(input, store, options);
  if (verification === null) return guestResult(options);
  const { found } = verification;
  try {
    await runChecks(verification);
    return acceptedResult(found);
  } catch (error) {
    if (error instanceof MagentoRejection) return rejectedResult(input.kind, error, found);
    if (error instanceof PhpRuntimeError) return phpErrorResult(error.message, found);
    throw error;
  }
}

/** The request's URL, body and OAuth parameters as Magento reads them; null for a REST call without OAuth (a guest). */
function readRequest(input: VerifyInput, store: VerifyStore, options: VerifyOptions): Verification | null {
  const { kind, profile = 'latest' } = input;
  if (!isSignatureProfile(profile)) {
    throw new OAuth1Error(`Unknown signature profile ${JSON.stringify(profile)}.`, 'INVALID_INPUT');
  }
  if (!VERIFY_KINDS.includes(kind)) {
    throw new OAuth1Error(`Unknown kind ${JSON.stringify(kind)}: use ${VERIFY_KINDS.join(', ')}.`, 'INVALID_INPUT');
  }
  const request = readMagentoRequest(input);
  const authorization = headerValue(input.headers, 'authorization');
  const header = parseMagentoAuthorizationHeader(authorization === undefined ? null : toBytes(authorization));
  if (header === null && kind === 'api') return null;
  // Without an OAuth header, prepareRequest() returns no parameters at all.
  const collected: MagentoParams = new Map(header);
  if (header !== null) addBodyAndQueryParams(collected, request);
  const found: Findings = { consumer: null, token: null, baseString: null };
  return { kind, profile, store, options, request, header: Object.fromEntries(header ?? []), collected, found };
}

/** `Oauth::validateRequestToken` / `getAccessToken` / `validateAccessTokenRequest`, in Magento's order. */
async function runChecks(verification: Verification): Promise<void> {
  const { kind, profile, collected, store, options, found } = verification;
  const params = profile === 'latest' ? encodeLatestRequestParams(collected) : withoutArrays(collected);
  checks.checkProtocolParams(params, kind);
  const consumer = await checks.findConsumer(store, params.get('oauth_consumer_key') ?? '');
  found.consumer = consumer;
  const now = Math.floor((options.clock ?? Date.now)() / MILLISECONDS_PER_SECOND);
  await checks.checkNonce(
    store,
    consumer,
    params,
    now + (options.timestampDeviationSeconds ?? DEFAULT_DEVIATION_SECONDS),
  );
  if (kind === 'request_token')
    checks.checkConsumerWindow(consumer, now, options.consumerExpirySeconds ?? DEFAULT_EXPIRY_SECONDS);
  if (kind === 'access_token') found.token = await checks.checkRequestToken(store, consumer, params);
  if (kind === 'api') found.token = await checks.checkAccessToken(store, consumer, params);
  checkSignature(verification, consumer, params.get('oauth_signature') ?? '');
  if (kind !== 'api') await checks.checkIntegrationToken(store, consumer, kind);
}

/** `Oauth::_validateSignature`: the base string of the signer ({@link MagentoOAuth}), compared with `hash_equals`. */
function checkSignature(verification: Verification, consumer: OAuthConsumerRecord, signature: string): void {
  const { profile, request, header, found } = verification;
  const oauth = new MagentoOAuth({ profile, consumerKey: consumer.key, consumerSecret: consumer.secret });
  const calculated = oauth.getSignature(request, toBytes(found.token?.secret ?? ''), header);
  found.baseString = oauth.signedBaseString;
  if (!checks.constantTimeEquals(calculated, signature)) {
    throw reject('The signature is invalid. Verify and try again.');
  }
}

/** The string-valued parameters (PHP arrays never reach a protocol check). */
function withoutArrays(params: MagentoParams): checks.CheckParams {
  const strings: checks.CheckParams = new Map();
  for (const [name, value] of params) if (value !== PHP_ARRAY) strings.set(name, value);
  return strings;
}

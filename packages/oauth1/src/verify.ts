import { PHP_ARRAY, toBytes } from '@magekit/php';
import { encodeLatestRequestParams } from './base-string';
import { MagentoOAuth } from './magento-oauth';
import { MagentoRejection, reject } from './magento-problems';
import * as magento from './magento-request';
import { OAuth1Error } from './oauth1-error';
import { isSignatureProfile, type SignatureProfile } from './profiles';
import * as checks from './verify-checks';
import { acceptedResult, guestResult, rejectedResult, type Findings } from './verify-result';
import type {
  OAuthConsumerRecord,
  VerifyInput,
  VerifyKind,
  VerifyOptions,
  VerifyResult,
  VerifyStore,
} from './verify-types';

const VERIFY_KINDS: readonly VerifyKind[] = ['request_token', 'access_token', 'api'];
/** `Magento\Framework\Oauth\Nonce\Generator::TIME_DEVIATION`. */
const DEVIATION_SECONDS = 600;
/** `oauth/consumer/expiration_period` default. */
const EXPIRY_SECONDS = 300;
const SIGNATURE_INVALID = 'The signature is invalid. Verify and try again.';
const MILLISECONDS_PER_SECOND = 1000;

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
  const { kind, profile } = checkVerifyInput(input);
  const request = magento.readMagentoRequest(input);
  const authorization = magento.headerValue(input.headers, 'authorization');
  const header = magento.parseMagentoAuthorizationHeader(authorization === undefined ? null : toBytes(authorization));
  if (header === null && kind === 'api') return guestResult(options);
  // Without an OAuth header, prepareRequest() returns no parameters at all.
  const collected: magento.MagentoParams = new Map(header);
  if (header !== null) magento.addBodyAndQueryParams(collected, request);
  const sent = Object.fromEntries(header ?? []);
  const found: Findings = { consumer: null, token: null, baseString: null };
  /** `Oauth::_validateSignature`: the base string of the signer ({@link MagentoOAuth}), compared with `hash_equals`. */
  const checkSignature = (consumer: OAuthConsumerRecord, signature: string) => {
    const oauth = new MagentoOAuth({ profile, consumerKey: consumer.key, consumerSecret: consumer.secret });
    const calculated = oauth.getSignature(request, toBytes(found.token?.secret ?? ''), sent);
    found.baseString = oauth.signedBaseString;
    if (!checks.constantTimeEquals(calculated, signature)) throw reject(SIGNATURE_INVALID);
  };
  const now = Math.floor((options.clock ?? Date.now)() / MILLISECONDS_PER_SECOND);
  const { timestampDeviationSeconds = DEVIATION_SECONDS, consumerExpirySeconds = EXPIRY_SECONDS } = options;
  try {
    // `Oauth::validateRequestToken` / `getAccessToken` / `validateAccessTokenRequest`, in Magento's order.
    const params = profile === 'latest' ? encodeLatestRequestParams(collected) : withoutArrays(collected);
    checks.checkProtocolParams(params, kind);
    const consumer = await checks.findConsumer(store, params.get('oauth_consumer_key') ?? '');
    found.consumer = consumer;
    await checks.checkNonce(store, consumer, params, now + timestampDeviationSeconds);
    if (kind === 'request_token') checks.checkConsumerWindow(consumer, now, consumerExpirySeconds);
    if (kind === 'access_token') found.token = await checks.checkRequestToken(store, consumer, params);
    if (kind === 'api') found.token = await checks.checkAccessToken(store, consumer, params);
    checkSignature(consumer, params.get('oauth_signature') ?? '');
    if (kind !== 'api') await checks.checkIntegrationToken(store, consumer, kind);
    return acceptedResult(found);
  } catch (error) {
    if (error instanceof MagentoRejection) return rejectedResult(kind, error, found);
    throw error;
  }
}

function checkVerifyInput({ kind, profile = 'latest' }: VerifyInput): { kind: VerifyKind; profile: SignatureProfile } {
  if (!isSignatureProfile(profile)) {
    throw new OAuth1Error(`Unknown signature profile ${JSON.stringify(profile)}.`, 'INVALID_INPUT');
  }
  if (!VERIFY_KINDS.includes(kind)) throw new OAuth1Error(`Unknown kind ${JSON.stringify(kind)}.`, 'INVALID_INPUT');
  return { kind, profile };
}

/** The string-valued parameters (PHP arrays never reach a protocol check). */
function withoutArrays(params: magento.MagentoParams): checks.CheckParams {
  const strings: checks.CheckParams = new Map();
  for (const [name, value] of params) if (value !== PHP_ARRAY) strings.set(name, value);
  return strings;
}

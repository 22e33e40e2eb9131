import { encodeLatestRequestParams, PhpRuntimeError } from './base-string';
import { MagentoOAuth, type MagentoRequest } from './magento-oauth';
import { addBodyAndQueryParams, parseMagentoAuthorizationHeader, type MagentoParams } from './magento-request-params';
import { MagentoRejection, reject } from './magento-rejection';
import { PHP_ARRAY } from './php-parse-str';
import { toBytes } from './php-string';
import { isSignatureProfile, type SignatureProfile } from './profiles';
import { OAuth1Error } from './oauth1-error';
import { headerValue, magentoRequestBytes } from './request-url';
import * as checks from './verify-checks';
import { applyPhpError, applyRejection, emptyResult, guestResult } from './verify-result';
import type { OAuthConsumerRecord, OAuthTokenRecord, VerifyInput, VerifyOptions, VerifyResult, VerifyStore } from './verify-types';

const VERIFY_KINDS = ['request_token', 'access_token', 'api'];
/** `Nonce\Generator::TIME_DEVIATION`. */
const DEFAULT_TIMESTAMP_DEVIATION_SECONDS = 600;
/** `oauth/consumer/expiration_period` default. */
const DEFAULT_CONSUMER_EXPIRY_SECONDS = 300;
const MILLISECONDS_PER_SECOND = 1000;

interface Context {
  input: VerifyInput;
  profile: SignatureProfile;
  store: VerifyStore;
  options: VerifyOptions;
  nowSeconds: number;
  /** The request as the signature code reads it (the URL Magento rebuilds, form body). */
  request: MagentoRequest;
  /** The header's protocol parameters, as `Helper\Request::_processHeader()` parsed them. */
  header: MagentoParams;
  /** What `Helper\Request::prepareRequest()` collected (header, form body, query). */
  collected: MagentoParams;
  /** The parameters the checks read (the collected ones, re-encoded on the latest line). */
  checked: checks.CheckParams;
  result: VerifyResult;
}

/**
 * Verifies a request as Magento's OAuth server (`Magento\Framework\Oauth\Oauth`) does: header
 * parsing, the order of checks, the exact messages, statuses and `oauth_problem` bodies. Storage
 * comes in as functions; the nonce is stored before the signature is checked, as in Magento.
 *
 * @returns the verdict; never throws for bad requests (only {@link OAuth1Error} `INVALID_INPUT` /
 *   `INVALID_URL` for an unusable `input` itself).
 */
export async function verifyRequest(input: VerifyInput, store: VerifyStore, options: VerifyOptions = {}): Promise<VerifyResult> {
  const ctx = createContext(input, store, options);
  if (ctx === null) return guestResult(options);
  try {
    await runChecks(ctx);
    ctx.result.valid = true;
    ctx.result.httpStatus = 200;
  } catch (error) {
    if (error instanceof MagentoRejection) return applyRejection(ctx.result, input.kind, error);
    if (error instanceof PhpRuntimeError) return applyPhpError(ctx.result, error.message);
    throw error;
  }
  return ctx.result;
}

function createContext(input: VerifyInput, store: VerifyStore, options: VerifyOptions): Context | null {
  const profile = input.profile ?? 'latest';
  if (!isSignatureProfile(profile)) throw new OAuth1Error(`Unknown signature profile ${JSON.stringify(profile)}.`, 'INVALID_INPUT');
  if (!VERIFY_KINDS.includes(input.kind)) {
    throw new OAuth1Error(`Unknown kind ${JSON.stringify(input.kind)}: use request_token, access_token or api.`, 'INVALID_INPUT');
  }
  const body = input.body === undefined || input.body === null ? null : toBytes(input.body);
  const { url, parts } = magentoRequestBytes(input.url, input.headers);
  const request: MagentoRequest = { method: input.method, url, parts, contentType: headerValue(input.headers, 'content-type'), body };
  const header = parseMagentoAuthorizationHeader(toBytes(headerValue(input.headers, 'authorization') ?? ''));
  if (header === null && input.kind === 'api') return null;
  // Without an OAuth header, prepareRequest() returns no parameters at all.
  const collected = header === null ? new Map() : addBodyAndQueryParams(new Map(header), request, parts.query);
  const nowSeconds = Math.floor((options.clock ?? Date.now)() / MILLISECONDS_PER_SECOND);
  return { input, profile, store, options, nowSeconds, request, header: header ?? new Map(), collected, checked: new Map(), result: emptyResult() };
}

async function runChecks(ctx: Context): Promise<void> {
  ctx.checked = ctx.profile === 'latest' ? encodeLatestRequestParams(ctx.collected) : stringParams(ctx.collected);
  const { store, input, checked: params, options } = ctx;
  checks.checkProtocolParams(params, input.kind);
  const consumer = await checks.findConsumer(store, params.get('oauth_consumer_key') ?? '');
  ctx.result.consumer = consumer;
  const deviation = options.timestampDeviationSeconds ?? DEFAULT_TIMESTAMP_DEVIATION_SECONDS;
  await checks.checkNonce(store, consumer, params.get('oauth_nonce') ?? '', params.get('oauth_timestamp') ?? '', ctx.nowSeconds, deviation);
  if (input.kind === 'request_token') {
    checks.checkConsumerWindow(consumer, ctx.nowSeconds, options.consumerExpirySeconds ?? DEFAULT_CONSUMER_EXPIRY_SECONDS);
    checkSignature(ctx, consumer, null);
    await checks.checkIntegrationToken(store, consumer, 'request_token');
  } else if (input.kind === 'access_token') {
    const token = await checks.checkRequestToken(store, params.get('oauth_token') ?? '', consumer, params.get('oauth_verifier') ?? '');
    ctx.result.token = token;
    checkSignature(ctx, consumer, token);
    await checks.checkIntegrationToken(store, consumer, 'access_token');
  } else {
    const token = await checks.checkAccessToken(store, params.get('oauth_token') ?? '', consumer);
    ctx.result.token = token;
    checkSignature(ctx, consumer, token);
  }
}

/** `Oauth::_validateSignature`: the base string from the same {@link MagentoOAuth} signing uses, compared with `hash_equals`. */
function checkSignature(ctx: Context, consumer: OAuthConsumerRecord, token: OAuthTokenRecord | null): void {
  checks.checkSignatureMethod(ctx.checked);
  const oauth = new MagentoOAuth({ profile: ctx.profile, consumerKey: consumer.key, consumerSecret: consumer.secret });
  const calculated = oauth.getSignature(ctx.request, toBytes(token?.secret ?? ''), Object.fromEntries(ctx.header) as Record<string, string>);
  ctx.result.baseString = oauth.signedBaseString;
  if (!checks.constantTimeEquals(calculated, ctx.checked.get('oauth_signature') ?? '')) {
    throw reject('The signature is invalid. Verify and try again.');
  }
}

/** The string-valued parameters (PHP arrays never reach a protocol check). */
function stringParams(params: MagentoParams): checks.CheckParams {
  const out: checks.CheckParams = new Map();
  for (const [name, value] of params) if (value !== PHP_ARRAY) out.set(name, value);
  return out;
}

import { collectLaminasParts, collectLatestParts, encodeLatestRequestParams, PhpRuntimeError } from './base-string';
import { baseStringText, signLastBaseString, writeBaseString } from './base-string-writer';
import { prepareSigningKey } from './hmac';
import { collectMagentoParams, type MagentoParams } from './magento-request-params';
import { MagentoRejection, reject } from './magento-rejection';
import { PHP_ARRAY } from './php-parse-str';
import { toBytes } from './php-string';
import { isSignatureProfile, type SignatureProfile } from './profiles';
import { OAuth1Error } from './oauth1-error';
import { buildMagentoRequestUrl, headerValue, splitUrl, type UrlParts } from './request-url';
import * as checks from './verify-checks';
import { applyPhpError, applyRejection, emptyResult } from './verify-result';
import type { OAuthConsumerRecord, OAuthTokenRecord, VerifyInput, VerifyOptions, VerifyResult, VerifyStore } from './verify-types';

interface Context {
  input: VerifyInput;
  profile: SignatureProfile;
  store: VerifyStore;
  options: VerifyOptions;
  nowSeconds: number;
  /** The URL Magento rebuilds (scheme, Host header, request URI), split. */
  url: UrlParts;
  /** What the request helper collected (the latest line re-encodes it before the checks). */
  params: MagentoParams;
  /** The parameters the checks read (the latest line's re-encoded ones). */
  checked: MagentoParams;
  result: VerifyResult;
}

/**
 * Verifies a request as Magento's OAuth server does: header parsing (§1.3), the order of checks
 * (§1.2), the exact messages, statuses and `oauth_problem` bodies (§1.6–§1.7). Storage comes in
 * as functions; the nonce is stored before the signature is checked, as in Magento.
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
  if (!['request_token', 'access_token', 'api'].includes(input.kind)) {
    throw new OAuth1Error(`Unknown kind ${JSON.stringify(input.kind)}: use request_token, access_token or api.`, 'INVALID_INPUT');
  }
  const url = splitUrl(toBytes(buildMagentoRequestUrl(input.url, input.headers)));
  const collected = collectMagentoParams({
    authorization: toBytes(headerValue(input.headers, 'authorization') ?? ''),
    contentType: headerValue(input.headers, 'content-type'),
    body: input.body === undefined || input.body === null ? null : toBytes(input.body),
    query: url.query,
  });
  if (collected === null && input.kind === 'api') return null;
  const params = collected ?? new Map();
  const nowSeconds = Math.floor((options.clock ?? Date.now)() / 1000);
  const result = emptyResult();
  return { input, profile, store, options, nowSeconds, url, params, checked: new Map(), result };
}

async function runChecks(ctx: Context): Promise<void> {
  ctx.checked = ctx.profile === 'latest' ? encodeLatestRequestParams(ctx.params) : ctx.params;
  const params = stringParams(ctx.checked);
  const { store, input } = ctx;
  checks.checkProtocolParams(params, input.kind);
  const key = params.get('oauth_consumer_key') ?? '';
  const consumer = await checks.findConsumer(store, key);
  ctx.result.consumer = consumer;
  await checks.checkNonce(store, consumer, params.get('oauth_nonce') ?? '', params.get('oauth_timestamp') ?? '', ctx.nowSeconds, ctx.options.timestampDeviationSeconds ?? 600);
  if (input.kind === 'request_token') {
    checks.checkConsumerWindow(consumer, ctx.nowSeconds, ctx.options.consumerExpirySeconds ?? 300);
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

/** `Oauth::_validateSignature`. */
function checkSignature(ctx: Context, consumer: OAuthConsumerRecord, token: OAuthTokenRecord | null): void {
  const params = stringParams(ctx.checked);
  checks.checkSignatureMethod(params);
  const parts = ctx.profile === 'latest' ? collectLatestParts(ctx.url, ctx.params) : collectLaminasParts(ctx.url, ctx.params);
  writeBaseString(ctx.input.method, parts.baseUri, parts.pairs);
  ctx.result.baseString = baseStringText();
  const calculated = signLastBaseString('HMAC-SHA256', prepareSigningKey(consumer.secret, token?.secret ?? null));
  if (!checks.constantTimeEquals(calculated, params.get('oauth_signature') ?? '')) {
    throw reject('The signature is invalid. Verify and try again.');
  }
}

/** The string-valued parameters (PHP arrays never reach a protocol check). */
function stringParams(params: MagentoParams): checks.CheckParams {
  const out: checks.CheckParams = new Map();
  for (const [name, value] of params) if (value !== PHP_ARRAY) out.set(name, value);
  return out;
}

function guestResult(options: VerifyOptions): VerifyResult {
  const result = applyRejection(emptyResult(), 'api', reject("The consumer isn't authorized to access %resources."));
  result.treatedAsGuest = true;
  result.code = 'MAGENTO_NOT_OAUTH';
  if (options.routeResources) {
    const resources = options.routeResources.join(', ');
    result.restError = { message: "The consumer isn't authorized to access %resources.", parameters: { resources } };
    result.error = `The consumer isn't authorized to access ${resources}.`;
  } else {
    result.error = "The consumer isn't authorized to access %resources.";
    result.restError = { message: "The consumer isn't authorized to access %resources." };
  }
  return result;
}

import { randomBytes as nodeRandomBytes } from 'node:crypto';
import type { SignatureMethod } from './hmac';
import { isProtocolParameter } from './magento-request-params';
import { createPooledRandomBytes, generateNonce, MAX_NONCE_LENGTH } from './nonce';
import { OAuth1Error } from './oauth1-error';
import type { SignInput, SignOptions } from './sign-input';

const defaultRandomBytes = createPooledRandomBytes(nodeRandomBytes);

function requireText(value: unknown, field: string): string {
  if (typeof value !== 'string' || value === '') {
    throw new OAuth1Error(`"${field}" must be a non-empty string.`, 'INVALID_INPUT', {
      hint: 'The consumer key and secret come from Magento\'s callback POST (oauth_consumer_key, oauth_consumer_secret).',
    });
  }
  return value;
}

/**
 * The protocol parameters of a request (without the signature): consumer key, nonce (CSPRNG,
 * 32 chars of [0-9a-z] by default), method, timestamp (injected clock), version, token, verifier and
 * extra `oauth_*` parameters. Pushes warnings for a nonce longer than Magento stores or HMAC-SHA1.
 */
export function buildOauthParams(input: SignInput, method: SignatureMethod, options: SignOptions, warnings: string[]): Record<string, string> {
  const params: Record<string, string> = {
    oauth_consumer_key: requireText(input.consumerKey, 'consumerKey'),
    oauth_nonce: input.nonce ?? generateNonce(options.randomBytes ?? defaultRandomBytes),
    oauth_signature_method: method,
    oauth_timestamp: String(input.timestamp ?? Math.floor((options.clock ?? Date.now)() / 1000)),
  };
  if (input.oauthVersion !== null) params.oauth_version = input.oauthVersion ?? '1.0';
  if (input.token !== undefined && input.token !== null) params.oauth_token = input.token;
  if (input.verifier !== undefined && input.verifier !== null) params.oauth_verifier = input.verifier;
  const extra = input.extraOauthParams;
  if (extra !== undefined && extra !== null) addExtraOauthParams(params, extra);
  if (params.oauth_nonce.length > MAX_NONCE_LENGTH) {
    warnings.push(`The nonce has ${params.oauth_nonce.length} characters: Magento stores 32, so a longer nonce loses replay protection.`);
  }
  if (method === 'HMAC-SHA1') warnings.push('HMAC-SHA1 is refused by Magento 2.4.4 and later: "Signature method HMAC-SHA1 is not supported".');
  return params;
}

/** Further `oauth_*` parameters, checked: Magento reads only `oauth_[a-z_-]+` names from the header. */
function addExtraOauthParams(params: Record<string, string>, extra: Readonly<Record<string, string>>): void {
  for (const [name, value] of Object.entries(extra)) {
    if (!isProtocolParameter(name) || name === 'oauth_signature') {
      throw new OAuth1Error(`"${name}" is not an OAuth parameter Magento reads from the header.`, 'INVALID_INPUT', {
        hint: 'Extra OAuth parameters must be named oauth_<lowercase letters, _ or ->, e.g. oauth_callback.',
      });
    }
    params[name] = value;
  }
}

/** The consumer secret, required for signing. */
export function requireConsumerSecret(input: SignInput): string {
  return requireText(input.consumerSecret, 'consumerSecret');
}

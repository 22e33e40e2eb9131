import type { SignInput, VerifyInput } from '@magekit/oauth1';
import { CliError } from '../../cli-error';
import { expectObject, optionalString, optionalStringMap, requireString } from '../../json-input';

const PROFILES = ['latest', 'laminas'];

function optionalProfile(obj: Record<string, unknown>, where: string): 'latest' | 'laminas' | undefined {
  const profile = optionalString(obj, 'profile', where);
  if (profile !== undefined && !PROFILES.includes(profile)) {
    throw new CliError(`${where}: "profile" must be "latest" or "laminas", got "${profile}".`, 'INVALID_INPUT', {
      hint: 'latest = Magento 2.4-develop signature code (2.4.8+); laminas = Magento 2.4.4–2.4.6.',
    });
  }
  return profile as 'latest' | 'laminas' | undefined;
}

/** A case shaped like packages/oauth1/fixtures/vectors/sign.json, validated into a {@link SignInput}. */
export function readSignCase(value: unknown, where: string): SignInput {
  const obj = expectObject(value, where);
  const timestamp = obj.timestamp;
  if (timestamp !== undefined && timestamp !== null && typeof timestamp !== 'string' && typeof timestamp !== 'number') {
    throw new CliError(`${where}: "timestamp" must be a string or number of Unix seconds.`, 'INVALID_INPUT');
  }
  const oauthVersion = obj.oauthVersion === null ? null : optionalString(obj, 'oauthVersion', where);
  return {
    method: requireString(obj, 'method', where),
    url: requireString(obj, 'url', where),
    headers: optionalStringMap(obj, 'headers', where),
    body: optionalString(obj, 'body', where) ?? null,
    consumerKey: requireString(obj, 'consumerKey', where),
    consumerSecret: requireString(obj, 'consumerSecret', where),
    token: optionalString(obj, 'token', where) ?? null,
    tokenSecret: optionalString(obj, 'tokenSecret', where) ?? null,
    verifier: optionalString(obj, 'verifier', where) ?? null,
    nonce: optionalString(obj, 'nonce', where),
    timestamp: timestamp === null ? undefined : (timestamp as string | number | undefined),
    signatureMethod: optionalString(obj, 'signatureMethod', where) as SignInput['signatureMethod'],
    oauthVersion,
    extraOauthParams: optionalStringMap(obj, 'extraOauthParams', where),
    profile: optionalProfile(obj, where),
  };
}

/** The request part of a verify case (kind, method, url, headers, body, profile). */
export function readVerifyRequest(obj: Record<string, unknown>, where: string): VerifyInput {
  const kind = requireString(obj, 'kind', where);
  if (!['request_token', 'access_token', 'api'].includes(kind)) {
    throw new CliError(`${where}: "kind" must be request_token, access_token or api, got "${kind}".`, 'INVALID_INPUT');
  }
  return {
    kind: kind as VerifyInput['kind'],
    method: requireString(obj, 'method', where),
    url: requireString(obj, 'url', where),
    headers: optionalStringMap(obj, 'headers', where),
    body: optionalString(obj, 'body', where) ?? null,
    profile: optionalProfile(obj, where),
  };
}

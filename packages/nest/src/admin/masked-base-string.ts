import { explainRequest, type SignatureProfile } from '@magekit/oauth1';
import { rawurlencode, toBytes } from '@magekit/php';

/** One signed attempt as it was sent (kept in memory only, never stored). */
export interface SignedAttempt {
  method: string;
  url: string;
  /** The request headers including the `Authorization: OAuth …` header that was sent. */
  headers: Readonly<Record<string, string>>;
  body?: string;
  profile: SignatureProfile;
}

/** Parameter names whose values never leave the process: tokens, signatures, verifiers, passwords… */
const SECRET_NAME = /pass(word)?|secret|token|signature|otp|verifier|authorization|cookie|api[-_]?key/i;
/** OAuth parameters that identify rather than authenticate: shown as they are. */
const PUBLIC_OAUTH = new Set([
  'oauth_consumer_key',
  'oauth_nonce',
  'oauth_signature_method',
  'oauth_timestamp',
  'oauth_version',
]);

/** What replaces a secret value in a base string. */
export const MASK = '[masked]';

/**
 * The OAuth base string Magento rebuilds for a signed attempt (`explainRequest` of @magekit/oauth1,
 * in the profile the attempt was signed with), with the values of `oauth_token`, `oauth_signature`
 * and every secret-looking parameter replaced by `[masked]`. Returns null when the request cannot
 * be explained or a secret value would still show. Pure.
 */
export function explainMaskedBaseString(attempt: SignedAttempt): string | null {
  let explained;
  try {
    explained = explainRequest({
      method: attempt.method,
      url: attempt.url,
      headers: attempt.headers,
      body: attempt.body,
      profile: attempt.profile,
    });
  } catch {
    return null;
  }
  const profile = explained.profiles[0];
  if (profile.baseString === null) return null;
  let masked = profile.baseString;
  const secrets: string[] = [];
  for (const parameter of profile.parameters) {
    if (PUBLIC_OAUTH.has(parameter.name) || !SECRET_NAME.test(parameter.name) || parameter.value === '') continue;
    const [encodedName] = parameter.encoded.split('=', 1);
    masked = masked.split(rawurlencode(parameter.encoded)).join(`${rawurlencode(`${encodedName}=`)}${MASK}`);
    secrets.push(parameter.value);
  }
  const leaks = secrets.some((secret) => {
    const encoded = rawurlencode(toBytes(secret));
    return [secret, encoded, rawurlencode(encoded)].some((form) => masked.includes(form));
  });
  return leaks ? null : masked;
}

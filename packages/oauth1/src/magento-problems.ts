/** Which Magento exception class a problem is raised as; it decides the HTTP status. */
export type MagentoExceptionKind = 'oauth' | 'input' | 'php';

/**
 * Magento's OAuth problems: code, exception kind and phrase as Magento writes it (`Magento\Framework\Oauth\Oauth`,
 * `Oauth\Helper\Request`, `Integration\Model\OauthService`, `Integration\Model\Oauth\Token\Provider`,
 * `Oauth\Nonce\Generator`; docs/magento-behaviour.md §1.2).
 */
const PHRASES = [
  ['MAGENTO_VERSION_REJECTED', 'input', 'The "%1" Oauth version isn\'t supported.'],
  ['MAGENTO_PARAMETER_MISSING', 'input', '"%fieldName" is required. Enter and try again.'],
  ['MAGENTO_PARAMETER_MISSING', 'input', 'One or more input exceptions have occurred.'],
  ['MAGENTO_TOKEN_LENGTH', 'input', 'The token length is invalid. Check the length and try again.'],
  ['MAGENTO_SIGNATURE_METHOD_REJECTED', 'input', 'Signature method %1 is not supported'],
  ['MAGENTO_CONSUMER_KEY_LENGTH', 'oauth', 'Consumer key is not the correct length'],
  ['MAGENTO_CONSUMER_UNKNOWN', 'oauth', 'A consumer having the specified key does not exist'],
  ['MAGENTO_NONCE_REJECTED', 'oauth', 'An error occurred validating the nonce'],
  ['MAGENTO_NONCE_REUSED', 'oauth', 'The nonce is already being used by the consumer with ID %1'],
  ['MAGENTO_CONSUMER_EXPIRED', 'oauth', 'Consumer key has expired'],
  ['MAGENTO_TOKEN_UNKNOWN', 'oauth', 'Specified token does not exist'],
  ['MAGENTO_TOKEN_OTHER_CONSUMER', 'oauth', 'Request token is not associated with the specified consumer'],
  ['MAGENTO_TOKEN_OTHER_CONSUMER', 'oauth', 'Token is not associated with the specified consumer'],
  ['MAGENTO_TOKEN_USED', 'oauth', 'Token is already being used'],
  ['MAGENTO_TOKEN_NOT_ACCESS', 'oauth', 'Token is not an access token'],
  ['MAGENTO_TOKEN_REVOKED', 'oauth', 'Access token has been revoked'],
  ['MAGENTO_VERIFIER_INVALID', 'oauth', 'Verifier is invalid'],
  ['MAGENTO_VERIFIER_LENGTH', 'oauth', 'Verifier is not the correct length'],
  ['MAGENTO_VERIFIER_MISMATCH', 'oauth', 'Token verifier and verifier token do not match'],
  ['MAGENTO_SIGNATURE_INVALID', 'oauth', 'The signature is invalid. Verify and try again.'],
  ['MAGENTO_NOT_VERIFIER_TOKEN', 'oauth', 'Cannot create request token because consumer token is not a verifier token'],
  ['MAGENTO_NOT_REQUEST_TOKEN', 'oauth', 'Cannot get access token because consumer token is not a request token'],
  ['MAGENTO_INTEGRATION_TOKEN_MISSING', 'oauth', 'A token with consumer ID %1 does not exist'],
  ['MAGENTO_NOT_OAUTH', 'oauth', "The consumer isn't authorized to access %resources."],
] as const satisfies ReadonlyArray<readonly [`MAGENTO_${string}`, MagentoExceptionKind, string]>;

/** Magento's verdict codes: one per problem, and `MAGENTO_INTERNAL_ERROR` for a PHP error inside Magento (HTTP 500). */
export type MagentoProblemCode = (typeof PHRASES)[number][0] | 'MAGENTO_INTERNAL_ERROR';

/** What a developer should do about each problem. */
export const MAGENTO_HINTS: Readonly<Record<MagentoProblemCode, string>> = {
  MAGENTO_VERSION_REJECTED: 'Send oauth_version="1.0" or leave it out.',
  MAGENTO_PARAMETER_MISSING:
    'Send every OAuth parameter in the Authorization header; Magento reads none from the query. ' +
    'Is the header reaching Magento? Apache/PHP-FPM often strip it (add SetEnvIf Authorization).',
  MAGENTO_TOKEN_LENGTH: 'oauth_token must be the 32-character token Magento issued.',
  MAGENTO_SIGNATURE_METHOD_REJECTED: 'Magento 2.4.4+ accepts HMAC-SHA256 only (case-sensitive).',
  MAGENTO_CONSUMER_KEY_LENGTH: 'oauth_consumer_key must be the 32-character key from the callback POST.',
  MAGENTO_CONSUMER_UNKNOWN:
    'The integration was deleted or recreated in Magento; ask the merchant to activate it again.',
  MAGENTO_NONCE_REJECTED:
    "oauth_timestamp is over 600 s ahead of the store's clock, or not a positive integer: check clock skew.",
  MAGENTO_NONCE_REUSED: 'Use a fresh nonce for every request, including retries (at most 32 characters).',
  MAGENTO_CONSUMER_EXPIRED:
    'More than 300 s passed since the merchant clicked Activate/Reauthorize: exchange tokens right after the ' +
    'callback POST, or ask for Reauthorize (OAuth > Consumer Settings > Expiration Period sets the window).',
  MAGENTO_TOKEN_UNKNOWN: 'The token was deleted (Reauthorize deletes the old token first): run the handshake again.',
  MAGENTO_TOKEN_OTHER_CONSUMER: "The token belongs to another integration: do not mix stores' credentials.",
  MAGENTO_TOKEN_USED:
    'This request token was already exchanged: use the access token, or ask the merchant to Reauthorize.',
  MAGENTO_TOKEN_NOT_ACCESS: 'Sign API calls with the access token from /oauth/token/access, not the request token.',
  MAGENTO_TOKEN_REVOKED: 'The merchant revoked the integration: ask them to Reauthorize.',
  MAGENTO_VERIFIER_INVALID: 'Send the oauth_verifier of the callback POST.',
  MAGENTO_VERIFIER_LENGTH: 'oauth_verifier is the 32-character value from the callback POST.',
  MAGENTO_VERIFIER_MISMATCH: 'Use the oauth_verifier of the latest callback POST: each Reauthorize sends a new one.',
  MAGENTO_SIGNATURE_INVALID:
    'Compare base strings with `magekit explain`: wrong profile for the store, URL signed not the URL sent ' +
    '(encoding, port, proxy Host), a JSON body signed, the wrong secret.',
  MAGENTO_NOT_VERIFIER_TOKEN: '/oauth/token/request succeeds once per activation: ask the merchant to Reauthorize.',
  MAGENTO_NOT_REQUEST_TOKEN: 'Call /oauth/token/request first, then /oauth/token/access once.',
  MAGENTO_INTEGRATION_TOKEN_MISSING: 'The integration has no token: ask the merchant to Activate it.',
  MAGENTO_NOT_OAUTH:
    'Magento treated the call as a guest: no OAuth header came, the integration is inactive, or its ACL lacks them.',
  MAGENTO_INTERNAL_ERROR:
    'Magento fails on this request (numeric query keys, bracketed form-body names): rename them or send JSON.',
};

/** One of Magento's OAuth problems: its phrase (with `%1`/`%fieldName` placeholders), code, kind and hint. */
export interface MagentoProblem {
  code: MagentoProblemCode;
  phrase: string;
  kind: MagentoExceptionKind;
  hint: string;
}

export const MAGENTO_PROBLEMS: readonly MagentoProblem[] = PHRASES.map(([code, kind, phrase]) => {
  return { code, kind, phrase, hint: MAGENTO_HINTS[code] };
});

const BY_PHRASE = new Map(MAGENTO_PROBLEMS.map((entry) => [entry.phrase, entry]));

/** What fills a phrase's placeholders: `%1`, `%2`… from a list, `%name` from an object. */
export type PhraseParameters = unknown[] | Record<string, unknown>;
const NUMBERED = /%(\d+)/g;
const NAMED = /%([A-Za-z_]\w*)/g;

/** Fills `%1`, `%2`… (array) or `%name` (object) placeholders the way `Magento\Framework\Phrase` renders them. */
export function renderPhrase(phrase: string, parameters?: Readonly<PhraseParameters>): string {
  if (!parameters) return phrase;
  if (Array.isArray(parameters)) {
    const fill = (all: string, n: string) => (Number(n) <= parameters.length ? String(parameters[Number(n) - 1]) : all);
    return phrase.replace(NUMBERED, fill);
  }
  const named = parameters as Record<string, unknown>;
  return phrase.replace(NAMED, (all, name: string) => (name in named ? String(named[name]) : all));
}

/** A check failed the way Magento fails it: which problem, its phrase parameters, and for an aggregate its errors. */
export class MagentoRejection extends Error {
  override readonly name = 'MagentoRejection';

  constructor(
    readonly problem: MagentoProblem,
    readonly parameters?: PhraseParameters,
    readonly errors?: MagentoRejection[],
  ) {
    super(problem.phrase);
  }
}

/** A PHP error inside Magento (HTTP 500), as a rejection: its message is PHP's. */
export function rejectPhpError(message: string): MagentoRejection {
  const code = 'MAGENTO_INTERNAL_ERROR';
  return new MagentoRejection({ code, kind: 'php', phrase: message, hint: MAGENTO_HINTS[code] });
}

/** Rejects with the problem whose phrase is given (phrases are Magento's, verbatim). */
export function reject(phrase: string, parameters?: PhraseParameters, errors?: MagentoRejection[]): MagentoRejection {
  const found = BY_PHRASE.get(phrase);
  if (!found) throw new Error(`Unknown Magento phrase: ${phrase}`);
  return new MagentoRejection(found, parameters, errors);
}

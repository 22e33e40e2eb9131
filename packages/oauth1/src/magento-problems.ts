import type { OAuth1ErrorCode } from './oauth1-error';

/** Which Magento exception class a problem is raised as; it decides the HTTP status. */
export type MagentoExceptionKind = 'oauth' | 'input' | 'php';

/** One of Magento's OAuth problems: its phrase (with `%1`/`%fieldName` placeholders), code and hint. */
export interface MagentoProblem {
  code: OAuth1ErrorCode;
  /** The phrase as Magento writes it, before placeholders are filled. */
  phrase: string;
  kind: MagentoExceptionKind;
  /** What a developer should do about it. */
  hint: string;
}

const CONSUMER_WINDOW_HINT =
  'More than 300 s passed since the merchant clicked Activate/Reauthorize: ask them to click Reauthorize, or raise ' +
  'Stores > Configuration > Services > OAuth > Consumer Settings > Expiration Period. Exchange tokens right after the callback POST.';

/** Magento's OAuth problems, from `Oauth.php`, `Token/Provider.php` and `Nonce/Generator.php` (MAGENTO.md §1.2). */
export const MAGENTO_PROBLEMS: readonly MagentoProblem[] = [
  { code: 'MAGENTO_VERSION_REJECTED', phrase: 'The "%1" Oauth version isn\'t supported.', kind: 'input', hint: 'Send oauth_version="1.0" or leave it out.' },
  { code: 'MAGENTO_PARAMETER_MISSING', phrase: '"%fieldName" is required. Enter and try again.', kind: 'input', hint: 'Send every OAuth parameter in the Authorization header (OAuth oauth_consumer_key="…", …); Magento never reads them from the query, and from a form body only when the header has none. A proxy that strips the Authorization header causes this too.' },
  { code: 'MAGENTO_PARAMETER_MISSING', phrase: 'One or more input exceptions have occurred.', kind: 'input', hint: 'Several OAuth parameters are missing: is the Authorization header reaching Magento (Apache/PHP-FPM often strip it; add SetEnvIf Authorization)?' },
  { code: 'MAGENTO_TOKEN_LENGTH', phrase: 'The token length is invalid. Check the length and try again.', kind: 'input', hint: 'oauth_token must be the 32-character token Magento issued.' },
  { code: 'MAGENTO_SIGNATURE_METHOD_REJECTED', phrase: 'Signature method %1 is not supported', kind: 'input', hint: 'Magento 2.4.4+ accepts HMAC-SHA256 only (case-sensitive).' },
  { code: 'MAGENTO_CONSUMER_KEY_LENGTH', phrase: 'Consumer key is not the correct length', kind: 'oauth', hint: 'oauth_consumer_key must be the 32-character key from the callback POST.' },
  { code: 'MAGENTO_CONSUMER_UNKNOWN', phrase: 'A consumer having the specified key does not exist', kind: 'oauth', hint: 'The integration was deleted or recreated in Magento; ask the merchant to activate it again.' },
  { code: 'MAGENTO_NONCE_REJECTED', phrase: 'An error occurred validating the nonce', kind: 'oauth', hint: 'Usually oauth_timestamp is more than 600 s ahead of the store\'s clock (or not a positive integer): check clock skew.' },
  { code: 'MAGENTO_NONCE_REUSED', phrase: 'The nonce is already being used by the consumer with ID %1', kind: 'oauth', hint: 'Use a fresh nonce for every request, including retries (at most 32 characters).' },
  { code: 'MAGENTO_CONSUMER_EXPIRED', phrase: 'Consumer key has expired', kind: 'oauth', hint: CONSUMER_WINDOW_HINT },
  { code: 'MAGENTO_TOKEN_UNKNOWN', phrase: 'Specified token does not exist', kind: 'oauth', hint: 'The token was deleted (Reauthorize deletes the old token first): run the handshake again.' },
  { code: 'MAGENTO_TOKEN_OTHER_CONSUMER', phrase: 'Request token is not associated with the specified consumer', kind: 'oauth', hint: 'The request token belongs to another integration: do not mix stores\' credentials.' },
  { code: 'MAGENTO_TOKEN_OTHER_CONSUMER', phrase: 'Token is not associated with the specified consumer', kind: 'oauth', hint: 'The access token belongs to another integration: do not mix stores\' credentials.' },
  { code: 'MAGENTO_TOKEN_USED', phrase: 'Token is already being used', kind: 'oauth', hint: 'This request token was already exchanged: use the access token you got, or ask the merchant to Reauthorize.' },
  { code: 'MAGENTO_TOKEN_NOT_ACCESS', phrase: 'Token is not an access token', kind: 'oauth', hint: 'Sign API calls with the access token from /oauth/token/access, not the request token.' },
  { code: 'MAGENTO_TOKEN_REVOKED', phrase: 'Access token has been revoked', kind: 'oauth', hint: 'The merchant revoked the integration: ask them to Reauthorize.' },
  { code: 'MAGENTO_VERIFIER_INVALID', phrase: 'Verifier is invalid', kind: 'oauth', hint: 'Send the oauth_verifier from Magento\'s callback POST.' },
  { code: 'MAGENTO_VERIFIER_LENGTH', phrase: 'Verifier is not the correct length', kind: 'oauth', hint: 'oauth_verifier is the 32-character value from the callback POST.' },
  { code: 'MAGENTO_VERIFIER_MISMATCH', phrase: 'Token verifier and verifier token do not match', kind: 'oauth', hint: 'Use the oauth_verifier of the latest callback POST: each Reauthorize sends a new one.' },
  { code: 'MAGENTO_SIGNATURE_INVALID', phrase: 'The signature is invalid. Verify and try again.', kind: 'oauth', hint: 'Compare base strings with `magekit explain`; common causes: wrong profile for the store\'s version, the URL signed differs from the URL sent (encoding, port, proxy Host), a JSON body signed, the wrong secret.' },
  { code: 'MAGENTO_NOT_VERIFIER_TOKEN', phrase: 'Cannot create request token because consumer token is not a verifier token', kind: 'oauth', hint: '/oauth/token/request succeeds once per activation: ask the merchant to click Reauthorize for a new verifier.' },
  { code: 'MAGENTO_NOT_REQUEST_TOKEN', phrase: 'Cannot get access token because consumer token is not a request token', kind: 'oauth', hint: 'Call /oauth/token/request first, then /oauth/token/access once.' },
  { code: 'MAGENTO_INTEGRATION_TOKEN_MISSING', phrase: 'A token with consumer ID %1 does not exist', kind: 'oauth', hint: 'The integration has no token: ask the merchant to Activate it.' },
  { code: 'MAGENTO_NOT_OAUTH', phrase: 'The consumer isn\'t authorized to access %resources.', kind: 'oauth', hint: 'Magento treated the call as a guest: no OAuth header arrived, the integration is not active, or the granted ACL lacks the listed resources.' },
];

const BY_PHRASE = new Map(MAGENTO_PROBLEMS.map((problem) => [problem.phrase, problem]));
const PATTERNS = MAGENTO_PROBLEMS.map((problem) => ({
  problem,
  pattern: new RegExp('^' + problem.phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%\w+/g, '.*') + '$'),
}));

/** Finds the problem for a Magento message (the raw phrase or the rendered text). */
export function findMagentoProblem(message: string): MagentoProblem | undefined {
  const direct = BY_PHRASE.get(message);
  if (direct) return direct;
  const trimmed = message.trim();
  return PATTERNS.find(({ pattern }) => pattern.test(trimmed))?.problem ?? aggregatedMissing(trimmed);
}

function aggregatedMissing(message: string): MagentoProblem | undefined {
  return /^"oauth_\w+" is required\. Enter and try again(, "oauth_\w+" is required\. Enter and try again)*\.?$/.test(message)
    ? BY_PHRASE.get('One or more input exceptions have occurred.')
    : undefined;
}

/** HTTP status Magento answers for an exception kind (MAGENTO.md §1.6). */
export function statusForKind(kind: MagentoExceptionKind): number {
  return kind === 'input' ? 400 : kind === 'oauth' ? 401 : 500;
}

/** Fills `%1`, `%2`… (array) or `%name` (object) placeholders the way `Magento\Framework\Phrase` renders them. */
export function renderPhrase(phrase: string, parameters?: readonly unknown[] | Readonly<Record<string, unknown>>): string {
  if (!parameters) return phrase;
  if (Array.isArray(parameters)) return phrase.replace(/%(\d+)/g, (all, n: string) => (Number(n) - 1 < parameters.length ? String(parameters[Number(n) - 1]) : all));
  const named = parameters as Record<string, unknown>;
  return phrase.replace(/%([A-Za-z_]\w*)/g, (all, name: string) => (name in named ? String(named[name]) : all));
}

import { MAGENTO_PROBLEMS, type MagentoProblem, type OAuth1ErrorCode } from '@magekit/oauth1';
import type { MagentoClientErrorCode } from './magento-client-error';

/** What a Magento message means for a client: a code and a hint. */
export interface MessageClass {
  code: MagentoClientErrorCode;
  hint?: string;
}

const PROBLEM_CODES: Partial<Record<OAuth1ErrorCode, MagentoClientErrorCode>> = {
  MAGENTO_VERSION_REJECTED: 'BAD_REQUEST',
  MAGENTO_PARAMETER_MISSING: 'OAUTH_PARAMETER_MISSING',
  MAGENTO_TOKEN_LENGTH: 'TOKEN_INVALID',
  MAGENTO_SIGNATURE_METHOD_REJECTED: 'SIGNATURE_METHOD_REJECTED',
  MAGENTO_CONSUMER_KEY_LENGTH: 'CONSUMER_UNKNOWN',
  MAGENTO_CONSUMER_UNKNOWN: 'CONSUMER_UNKNOWN',
  MAGENTO_NONCE_REJECTED: 'NONCE_REJECTED',
  MAGENTO_NONCE_REUSED: 'NONCE_REUSED',
  MAGENTO_CONSUMER_EXPIRED: 'CONSUMER_EXPIRED',
  MAGENTO_TOKEN_UNKNOWN: 'TOKEN_INVALID',
  MAGENTO_TOKEN_OTHER_CONSUMER: 'TOKEN_INVALID',
  MAGENTO_TOKEN_NOT_ACCESS: 'TOKEN_INVALID',
  MAGENTO_TOKEN_USED: 'HANDSHAKE_STATE',
  MAGENTO_NOT_VERIFIER_TOKEN: 'HANDSHAKE_STATE',
  MAGENTO_NOT_REQUEST_TOKEN: 'HANDSHAKE_STATE',
  MAGENTO_INTEGRATION_TOKEN_MISSING: 'HANDSHAKE_STATE',
  MAGENTO_TOKEN_REVOKED: 'TOKEN_REVOKED',
  MAGENTO_VERIFIER_INVALID: 'VERIFIER_INVALID',
  MAGENTO_VERIFIER_LENGTH: 'VERIFIER_INVALID',
  MAGENTO_VERIFIER_MISMATCH: 'VERIFIER_INVALID',
  MAGENTO_SIGNATURE_INVALID: 'SIGNATURE_INVALID',
  MAGENTO_NOT_OAUTH: 'NOT_AUTHORIZED',
  MAGENTO_INTERNAL_ERROR: 'SERVER_ERROR',
};

/** Messages of the token services and Two-Factor Auth (docs/magento-behaviour.md §3.2–§3.7). */
const TOKEN_SERVICE_MESSAGES: ReadonlyArray<{ phrase: string } & MessageClass> = [
  {
    phrase:
      'The account sign-in was incorrect or your account is disabled temporarily. Please wait and try again later.',
    code: 'BAD_CREDENTIALS',
    hint:
      'Wrong username/password, a disabled account, or the account is locked: after 6 failures (oauth/authentication_lock/max_failures_count) ' +
      'Magento refuses even the right password for 1800 s (oauth/authentication_lock/timeout). Do not retry in a loop.',
  },
  {
    phrase: 'Please use the 2fa provider-specific endpoints to obtain a token.',
    code: 'TWO_FACTOR_REQUIRED',
    hint: 'Magento_TwoFactorAuth is on: pass a twoFactor.otp callback (POST /V1/tfa/provider/google/authenticate {username,password,otp}), or use an integration (OAuth), which 2FA does not affect.',
  },
  {
    phrase:
      'You are required to configure personal Two-Factor Authorization in order to login. Please check your email.',
    code: 'TWO_FACTOR_NOT_CONFIGURED',
    hint: 'This admin user has not set up 2FA yet: Magento has just e-mailed them a setup link. They must finish it in the admin before any API token can be issued.',
  },
  {
    phrase: "This account isn't confirmed. Verify and try again.",
    code: 'BAD_CREDENTIALS',
    hint: 'The customer has not confirmed their e-mail address (EmailNotConfirmedException).',
  },
];

const BY_PHRASE = new Map(MAGENTO_PROBLEMS.map((problem) => [problem.phrase, problem]));
const REGEXP_SPECIAL = /[.*+?^${}()|[\]\\]/g;
const PLACEHOLDER = /%\w+/g;
const PATTERNS = MAGENTO_PROBLEMS.map((problem) => ({
  problem,
  pattern: new RegExp('^' + problem.phrase.replace(REGEXP_SPECIAL, '\\$&').replace(PLACEHOLDER, '.*') + '$'),
}));
const REQUIRED = '"oauth_\\w+" is required\\. Enter and try again';
/** Several missing parameters as the token endpoints list them. */
const MISSING_LIST = new RegExp(`^${REQUIRED}(, ${REQUIRED})*\\.?$`);
const SEVERAL_MISSING = 'One or more input exceptions have occurred.';

/** The OAuth problem of a Magento message (the raw phrase or the rendered text), from @magekit/oauth1's table. */
function findMagentoProblem(message: string): MagentoProblem | undefined {
  const direct = BY_PHRASE.get(message);
  if (direct) return direct;
  const trimmed = message.trim();
  const found = PATTERNS.find(({ pattern }) => pattern.test(trimmed))?.problem;
  return found ?? (MISSING_LIST.test(trimmed) ? BY_PHRASE.get(SEVERAL_MISSING) : undefined);
}

/** The fallback code for an HTTP status when the message is not one Magento's auth code uses. */
export function classifyStatus(status: number): MagentoClientErrorCode {
  if (status === 401 || status === 403) return 'NOT_AUTHORIZED';
  if (status === 404) return 'NOT_FOUND';
  if (status === 429) return 'RATE_LIMITED';
  if (status >= 500) return 'SERVER_ERROR';
  if (status >= 400) return 'BAD_REQUEST';
  return 'HTTP_ERROR';
}

/**
 * Classifies one of Magento's messages (raw phrase or rendered): OAuth problems via
 * @magekit/oauth1's table (docs/magento-behaviour.md §1.2), token-service and 2FA messages (§3), else by status.
 */
export function classifyMagentoMessage(message: string, status: number): MessageClass {
  const service = TOKEN_SERVICE_MESSAGES.find((entry) => entry.phrase === message.trim());
  if (service) return { code: service.code, hint: service.hint };
  const problem = findMagentoProblem(message);
  // "%fieldName" is required is also every service's input validation: OAuth only for oauth_* fields.
  const oauthMissing = problem?.code !== 'MAGENTO_PARAMETER_MISSING' || /oauth_|input exceptions/.test(message);
  const code = problem && oauthMissing ? PROBLEM_CODES[problem.code] : undefined;
  if (problem && code) return { code, hint: problem.hint };
  return { code: classifyStatus(status) };
}

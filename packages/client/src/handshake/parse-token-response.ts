import { classifyMagentoMessage, classifyStatus } from '../errors/classify-magento-message';
import { MagentoClientError } from '../errors/magento-client-error';
import { parseFormBody } from './parse-form-body';

/** A token pair from `/oauth/token/request` or `/oauth/token/access`. */
export interface OAuthTokenPair {
  token: string;
  tokenSecret: string;
}

const TOKEN = /^[0-9A-Za-z]{1,128}$/;

/**
 * Parses the answer of `POST /oauth/token/request` (docs/magento-behaviour.md §1.6): `oauth_token=…&oauth_token_secret=…`
 * on success, `oauth_problem=…` (401/400) or `oauth_problem=internal_error%26message%3D…` (500) on failure. Pure.
 *
 * @throws MagentoClientError with the problem's code (`CONSUMER_EXPIRED`, `SIGNATURE_INVALID`,
 *   `NONCE_REJECTED`, `HANDSHAKE_STATE`, …) and hint, `SERVER_ERROR`, or `INVALID_RESPONSE`.
 */
export function parseRequestTokenResponse(status: number, body: string): OAuthTokenPair {
  return parseTokenEndpointResponse('/oauth/token/request', status, body);
}

/**
 * Parses the answer of `POST /oauth/token/access` (docs/magento-behaviour.md §1.6); same shapes as the request step.
 * On success the integration is Active in Magento. Pure.
 *
 * @throws MagentoClientError like {@link parseRequestTokenResponse} (`VERIFIER_INVALID`, `TOKEN_INVALID`, …).
 */
export function parseAccessTokenResponse(status: number, body: string): OAuthTokenPair {
  return parseTokenEndpointResponse('/oauth/token/access', status, body);
}

function parseTokenEndpointResponse(endpoint: string, status: number, body: string): OAuthTokenPair {
  const fields = parseFormBody(body.trim());
  const problem = fields.get('oauth_problem');
  if (problem !== undefined) throw buildProblemError(endpoint, status, problem);
  const token = fields.get('oauth_token');
  const tokenSecret = fields.get('oauth_token_secret');
  if (status >= 200 && status < 300 && token && tokenSecret && TOKEN.test(token) && TOKEN.test(tokenSecret))
    return { token, tokenSecret };
  const code = status >= 200 && status < 300 ? 'INVALID_RESPONSE' : classifyStatus(status);
  throw new MagentoClientError(`${endpoint} answered HTTP ${status} without a token pair or oauth_problem.`, code, {
    status,
    hint: "Check store_base_url: the body is not Magento's token endpoint answer (a proxy, a redirect page or a 404 page?).",
  });
}

function buildProblemError(endpoint: string, status: number, problem: string): MagentoClientError {
  if (problem.startsWith('internal_error')) {
    const inner = parseFormBody(problem).get('message') ?? '';
    return new MagentoClientError(`${endpoint} failed inside Magento: ${inner || 'internal_error'}`, 'SERVER_ERROR', {
      status,
      magento: { message: inner },
      hint: "Magento threw an unexpected exception (HTTP 500): see the store's var/log/exception.log.",
    });
  }
  const { code, hint } = classifyMagentoMessage(problem, status);
  return new MagentoClientError(`${endpoint}: ${problem}`, code, { status, hint, magento: { message: problem } });
}

import { renderPhrase, statusForKind } from './magento-problems';
import { reject, type MagentoRejection } from './magento-rejection';
import { urlencode, fromBytes, toBytes } from './php-string';
import type { RestErrorBody, VerifyKind, VerifyOptions, VerifyResult } from './verify-types';

const EXCEPTION_CLASS = {
  oauth: 'Magento\\Framework\\Oauth\\Exception',
  input: 'Magento\\Framework\\Oauth\\OauthInputException',
  php: 'TypeError',
} as const;

/** An empty verdict to fill. */
export function emptyResult(): VerifyResult {
  return {
    valid: false,
    httpStatus: 0,
    error: null,
    code: null,
    hint: null,
    exception: null,
    responseBody: null,
    restError: null,
    treatedAsGuest: false,
    consumer: null,
    token: null,
    baseString: null,
  };
}

/** `http_build_query(['oauth_problem' => $message])`. */
export function formatOauthProblem(message: string): string {
  return 'oauth_problem=' + urlencode(toBytes(message));
}

/** The message the token endpoints send: the aggregated list for several missing parameters. */
function tokenEndpointMessage(rejection: MagentoRejection, rendered: string): string {
  if (!rejection.errors) return rendered;
  return rejection.errors.map((error) => renderPhrase(error.problem.phrase, error.parameters).replace(/\.+$/, '')).join(', ');
}

function restBody(rejection: MagentoRejection): RestErrorBody {
  const body: RestErrorBody = { message: rejection.problem.phrase };
  if (rejection.parameters !== undefined) body.parameters = rejection.parameters;
  if (rejection.errors) {
    body.errors = rejection.errors.map((error) => ({ message: error.problem.phrase, parameters: error.parameters }));
  }
  return body;
}

/** Fills a verdict for a rejected request, shaped like the endpoint `kind` answers. */
export function applyRejection(result: VerifyResult, kind: VerifyKind, rejection: MagentoRejection): VerifyResult {
  const { problem } = rejection;
  const rendered = renderPhrase(problem.phrase, rejection.parameters);
  result.valid = false;
  result.httpStatus = statusForKind(problem.kind);
  result.error = fromBytes(rendered);
  result.code = problem.code;
  result.hint = problem.hint;
  result.exception = EXCEPTION_CLASS[problem.kind];
  if (kind === 'api') result.restError = restBody(rejection);
  else result.responseBody = formatOauthProblem(fromBytes(tokenEndpointMessage(rejection, rendered)));
  return result;
}

/** Fills a verdict for a PHP runtime error inside Magento (HTTP 500, no `oauth_problem` body). */
export function applyPhpError(result: VerifyResult, message: string): VerifyResult {
  result.valid = false;
  result.httpStatus = 500;
  result.error = message;
  result.code = 'MAGENTO_INTERNAL_ERROR';
  result.hint = 'Magento fails on this request shape (numeric query keys, bracketed form-body names): rename the parameter or send JSON.';
  result.exception = EXCEPTION_CLASS.php;
  return result;
}

const NOT_AUTHORIZED = "The consumer isn't authorized to access %resources.";

/** A REST call without an OAuth header: `OauthUserContext` finds no user, Magento treats the caller as a guest. */
export function guestResult(options: VerifyOptions): VerifyResult {
  const result = applyRejection(emptyResult(), 'api', reject(NOT_AUTHORIZED));
  result.treatedAsGuest = true;
  result.code = 'MAGENTO_NOT_OAUTH';
  const resources = options.routeResources?.join(', ');
  result.error = resources === undefined ? NOT_AUTHORIZED : `The consumer isn't authorized to access ${resources}.`;
  result.restError = resources === undefined ? { message: NOT_AUTHORIZED } : { message: NOT_AUTHORIZED, parameters: { resources } };
  return result;
}

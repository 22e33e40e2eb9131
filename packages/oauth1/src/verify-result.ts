import { fromBytes, toBytes, urlencode } from '@magekit/php';
import { MAGENTO_HINTS, reject, renderPhrase, statusForKind } from './magento-problems';
import type { MagentoExceptionKind, MagentoProblemCode, MagentoRejection } from './magento-problems';
import type { RestErrorBody, VerifyKind, VerifyOptions, VerifyResult } from './verify-types';

/** What the checks had found when they passed or stopped. */
export type Findings = Pick<VerifyResult, 'consumer' | 'token' | 'baseString'>;

const NOTHING_FOUND: Findings = { consumer: null, token: null, baseString: null };

/** Every field of a verdict before it is given. */
const UNDECIDED: VerifyResult = {
  valid: false,
  httpStatus: 0,
  error: null,
  code: null,
  hint: null,
  exception: null,
  responseBody: null,
  restError: null,
  treatedAsGuest: false,
  ...NOTHING_FOUND,
};

const EXCEPTION_CLASS: Readonly<Record<MagentoExceptionKind, string>> = {
  oauth: 'Magento\\Framework\\Oauth\\Exception',
  input: 'Magento\\Framework\\Oauth\\OauthInputException',
  php: 'TypeError',
};

const NOT_AUTHORIZED = "The consumer isn't authorized to access %resources.";
const TRAILING_DOTS = /\.+$/;

/** `http_build_query(['oauth_problem' => $message])`. */
function formatOauthProblem(message: string): string {
  return 'oauth_problem=' + urlencode(toBytes(message));
}

/** The message the token endpoints send (byte string): for several missing parameters, their list. */
function tokenEndpointMessage(rejection: MagentoRejection, rendered: string): string {
  if (!rejection.errors) return rendered;
  const messages = rejection.errors.map((error) => renderPhrase(error.problem.phrase, error.parameters));
  return messages.map((message) => message.replace(TRAILING_DOTS, '')).join(', ');
}

function restBody(rejection: MagentoRejection): RestErrorBody {
  const body: RestErrorBody = { message: rejection.problem.phrase };
  if (rejection.parameters !== undefined) body.parameters = rejection.parameters;
  if (rejection.errors) {
    body.errors = rejection.errors.map((error) => ({ message: error.problem.phrase, parameters: error.parameters }));
  }
  return body;
}

/** The request passed every check. */
export function acceptedResult(found: Findings): VerifyResult {
  return { ...UNDECIDED, ...found, valid: true, httpStatus: 200 };
}

/** A verdict against the request: Magento's status and exception class for the kind, its message, a code and a hint. */
function failure(
  found: Findings,
  kind: MagentoExceptionKind,
  error: string,
  code: MagentoProblemCode,
  hint: string,
): VerifyResult {
  return {
    ...UNDECIDED,
    ...found,
    httpStatus: statusForKind(kind),
    error,
    code,
    hint,
    exception: EXCEPTION_CLASS[kind],
  };
}

/** A rejected request, answered as the endpoint `kind` answers: an `oauth_problem` body, or a REST error. */
export function rejectedResult(kind: VerifyKind, rejection: MagentoRejection, found: Findings): VerifyResult {
  const { problem } = rejection;
  const rendered = renderPhrase(problem.phrase, rejection.parameters);
  const result = failure(found, problem.kind, fromBytes(rendered), problem.code, problem.hint);
  if (kind === 'api') return { ...result, restError: restBody(rejection) };
  return { ...result, responseBody: formatOauthProblem(fromBytes(tokenEndpointMessage(rejection, rendered))) };
}

/** A PHP runtime error inside Magento: HTTP 500, no `oauth_problem` body. */
export function phpErrorResult(message: string, found: Findings): VerifyResult {
  return failure(found, 'php', message, 'MAGENTO_INTERNAL_ERROR', MAGENTO_HINTS.MAGENTO_INTERNAL_ERROR);
}

/** A REST call without an OAuth header: `OauthUserContext` finds no user, Magento treats the caller as a guest. */
export function guestResult(options: VerifyOptions): VerifyResult {
  const resources = options.routeResources?.join(', ');
  const rejection = reject(NOT_AUTHORIZED, resources === undefined ? undefined : { resources });
  return { ...rejectedResult('api', rejection, NOTHING_FOUND), treatedAsGuest: true };
}

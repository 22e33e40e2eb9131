import { fromBytes, toBytes, urlencode } from '@magekit/php';
import { reject, renderPhrase, type MagentoExceptionKind, type MagentoRejection } from './magento-problems';
import type { RestErrorBody, VerifyKind, VerifyOptions, VerifyResult } from './verify-types';

/** What the checks had found when they passed or stopped. */
export type Findings = Pick<VerifyResult, 'consumer' | 'token' | 'baseString'>;

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
  consumer: null,
  token: null,
  baseString: null,
};

/** Magento's HTTP status and exception class for each kind of problem (docs/magento-behaviour.md §1.6). */
const ANSWERS: Readonly<Record<MagentoExceptionKind, { status: number; exception: string }>> = {
  input: { status: 400, exception: 'Magento\\Framework\\Oauth\\OauthInputException' },
  oauth: { status: 401, exception: 'Magento\\Framework\\Oauth\\Exception' },
  php: { status: 500, exception: 'TypeError' },
};

const NOT_AUTHORIZED = "The consumer isn't authorized to access %resources.";
const TRAILING_DOTS = /\.+$/;

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

/**
 * A rejected request, answered as the endpoint `kind` answers: an `oauth_problem` body or a REST error
 * (a PHP error inside Magento has neither).
 */
export function rejectedResult(kind: VerifyKind, rejection: MagentoRejection, found: Findings): VerifyResult {
  const { code, hint, kind: exceptionKind, phrase } = rejection.problem;
  const rendered = renderPhrase(phrase, rejection.parameters);
  const result: VerifyResult = {
    ...UNDECIDED,
    ...found,
    httpStatus: ANSWERS[exceptionKind].status,
    error: fromBytes(rendered),
    code,
    hint,
    exception: ANSWERS[exceptionKind].exception,
  };
  if (exceptionKind === 'php') return result;
  if (kind === 'api') return { ...result, restError: restBody(rejection) };
  // `http_build_query(['oauth_problem' => $message])`
  const message = fromBytes(tokenEndpointMessage(rejection, rendered));
  return { ...result, responseBody: 'oauth_problem=' + urlencode(toBytes(message)) };
}

/** A REST call without an OAuth header: `OauthUserContext` finds no user, Magento treats the caller as a guest. */
export function guestResult(options: VerifyOptions): VerifyResult {
  const resources = options.routeResources?.join(', ');
  const rejection = reject(NOT_AUTHORIZED, resources === undefined ? undefined : { resources });
  return { ...rejectedResult('api', rejection, UNDECIDED), treatedAsGuest: true };
}

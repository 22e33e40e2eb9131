import { MagentoException } from '../common/magento-exception';
import { processSimpleType } from '../common/type-processor';

/** One error of an `InputException`: a raw phrase and its named parameters. */
export interface InputError {
  phrase: string;
  parameters: Record<string, unknown>;
}

/** `InputException::REQUIRED_FIELD`, used by `ServiceInputProcessor` and `CredentialsValidator`. */
export const REQUIRED_FIELD = '"%fieldName" is required. Enter and try again.';

/** `InputException::DEFAULT_MESSAGE`: the message once two or more errors were added. */
export const INPUT_EXCEPTIONS_OCCURRED = 'One or more input exceptions have occurred.';

/** Magento's REST body of an `InputException` with two or more errors. */
export interface AggregatedInputErrorBody {
  message: string;
  errors: Array<{ message: string; parameters: Record<string, unknown> }>;
}

/**
 * An `InputException` with two or more errors, as `Webapi\Rest\Response::_renderMessages()` renders
 * it: `{"message":"One or more input exceptions have occurred.","errors":[{message, parameters}…]}`
 * (the aggregate's own phrase has no parameters, so there is no top-level `parameters`).
 */
export class AggregatedInputException extends MagentoException {
  constructor(readonly errors: readonly InputError[]) {
    super(400, INPUT_EXCEPTIONS_OCCURRED);
  }

  override toJSON(): AggregatedInputErrorBody {
    return {
      message: this.phrase,
      errors: this.errors.map((error) => ({ message: error.phrase, parameters: error.parameters })),
    };
  }
}

/**
 * `AbstractAggregateException::addError()` semantics: one error becomes the exception's own phrase
 * and parameters (`{"message":"\"%fieldName\" is required…","parameters":{"fieldName":"username"}}`);
 * from the second on, the message is the default one and the errors are listed.
 */
export function inputException(errors: readonly InputError[]): MagentoException {
  if (errors.length === 1) return new MagentoException(400, errors[0].phrase, errors[0].parameters);
  return new AggregatedInputException(errors);
}

/** Required-field errors for these field names. */
export function requiredFields(names: readonly string[]): MagentoException {
  return inputException(names.map((fieldName) => ({ phrase: REQUIRED_FIELD, parameters: { fieldName } })));
}

/**
 * Reads a service method's required `string` parameters from the REST input as
 * `ServiceInputProcessor::process()` does: a parameter is found under its name or its snake_case
 * spelling, `null` counts as absent (`isset`), scalars are cast like PHP's `settype($v, 'string')`
 * (`true` → `"1"`, `false` → `""`), an array or object fails at once with 400 `The "array" value's
 * type is invalid. The "string" type was expected. Verify and try again.`; every absent parameter is
 * then reported in one `InputException`.
 */
export function readStringParameters(input: Record<string, unknown>, names: readonly string[]): string[] {
  const values: string[] = [];
  const missing: string[] = [];
  for (const name of names) {
    const raw = input[name] ?? input[snakeCase(name)];
    if (raw === undefined || raw === null) missing.push(name);
    else values.push(castToPhpString(raw));
  }
  if (missing.length > 0) throw requiredFields(missing);
  return values;
}

/**
 * `CredentialsValidator::validate()`: a username or password that is not a string or is empty is a
 * required-field error; both are reported together.
 */
export function validateCredentials(username: string, password: string): void {
  const empty = [
    ['username', username],
    ['password', password],
  ]
    .filter(([, value]) => value.length === 0)
    .map(([name]) => name);
  if (empty.length > 0) throw requiredFields(empty);
}

/** `settype($value, 'string')`; an array or object is the `SerializationException` of `TypeProcessor`. */
function castToPhpString(value: unknown): string {
  return processSimpleType(value, 'string') as string;
}

function snakeCase(name: string): string {
  return name.replace(/(?<=\w)(?=[A-Z])/g, '_').toLowerCase();
}

/** Parameters of a Magento phrase: positional (`%1`) or named (`%resources`). */
export type PhraseParameters = unknown[] | Record<string, unknown>;

/**
 * A web-API error as Magento's `ErrorProcessor` renders it: HTTP status, the raw phrase and its
 * parameters (`{"message": "...", "parameters": ...}`), `Framework\Webapi\ErrorProcessor`, docs/magento-behaviour.md §1.7. The one error class of the app;
 * `MagentoExceptionFilter` turns it into the response.
 */
export class MagentoException extends Error {
  constructor(
    readonly httpStatus: number,
    readonly phrase: string,
    readonly parameters?: PhraseParameters,
    readonly headers: Record<string, string> = {},
  ) {
    super(renderPhrase(phrase, parameters));
    this.name = 'MagentoException';
  }

  /** Magento's JSON body: parameters only when there are some. */
  toJSON(): { message: string; parameters?: PhraseParameters } {
    const hasParameters =
      this.parameters !== undefined &&
      (Array.isArray(this.parameters) ? this.parameters.length > 0 : Object.keys(this.parameters).length > 0);
    return hasParameters ? { message: this.phrase, parameters: this.parameters } : { message: this.phrase };
  }
}

/** Fills `%1` / `%name` placeholders. */
export function renderPhrase(phrase: string, parameters?: PhraseParameters): string {
  if (parameters === undefined) return phrase;
  return phrase.replace(/%(\w+)/g, (whole, name: string) => {
    const value = Array.isArray(parameters) ? parameters[Number(name) - 1] : parameters[name];
    return value === undefined ? whole : String(value);
  });
}

/** 404 `No such entity with %fieldName = %fieldValue` (`NoSuchEntityException::singleField`). */
export function noSuchEntity(fieldName: string, fieldValue: unknown): MagentoException {
  return new MagentoException(404, 'No such entity with %fieldName = %fieldValue', { fieldName, fieldValue });
}

/** 400 for bad input (`InputException`). */
export function inputError(phrase: string, parameters?: PhraseParameters): MagentoException {
  return new MagentoException(400, phrase, parameters);
}

/** The bad-credential message of both token services (`AuthenticationException`), 401. */
export const SIGN_IN_FAILED =
  'The account sign-in was incorrect or your account is disabled temporarily. Please wait and try again later.';

/** `ErrorProcessor::INTERNAL_SERVER_ERROR_MSG`: what a production store answers for any non-Magento exception. */
export const INTERNAL_ERROR_PHRASE = 'Internal Error. Details are available in Magento log file. Report ID: %1';

/** Magento's masked 500 with a `webapi-<hex>` report id. */
export function internalError(randomBytes: (size: number) => Uint8Array): MagentoException {
  return new MagentoException(500, INTERNAL_ERROR_PHRASE, [
    `webapi-${Buffer.from(randomBytes(7)).toString('hex').slice(0, 13)}`,
  ]);
}

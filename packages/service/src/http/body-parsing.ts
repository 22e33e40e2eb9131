import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { sendError } from './error-answer';

/** What body-parser's errors carry (`type` is one of its documented error types). */
interface BodyParserError {
  type: string;
  status?: number;
}

const ANSWERS: Record<string, { message: string; hint: string }> = {
  'entity.parse.failed': {
    message: 'The request body is not valid JSON (a JSON object or array is expected).',
    hint: 'Send a JSON object with Content-Type: application/json, or a form (application/x-www-form-urlencoded).',
  },
  'entity.too.large': { message: 'The request body is too large.', hint: 'Bodies are limited to 100 kB.' },
  'parameters.too.many': { message: 'The form has too many fields.', hint: 'Forms are limited to 1,000 fields.' },
  'charset.unsupported': { message: 'The request body has an unsupported charset.', hint: 'Send UTF-8.' },
  'encoding.unsupported': {
    message: 'The request body has an unsupported Content-Encoding.',
    hint: 'Send it uncompressed, gzip or deflate.',
  },
};
const OTHER = {
  message: 'The request body could not be read.',
  hint: 'Send a JSON object (application/json) or a form (application/x-www-form-urlencoded).',
};

/**
 * Nest's own JSON and form parsers (the callback and the sign-in read forms), followed by an error
 * handler that answers their failures (malformed JSON, a JSON `null`, too large) in the service's
 * format: `{ "error": { "code": "INVALID_INPUT", "message", "hint" } }`. The body is never echoed.
 * Nest must be created with `bodyParser: false`.
 */
export function useBodyParsers(app: NestExpressApplication): void {
  app.useBodyParser('json');
  app.useBodyParser('urlencoded', { extended: true });
  app.use(answerBodyErrors);
}

function answerBodyErrors(error: unknown, _request: Request, response: Response, next: NextFunction): void {
  if (!isBodyParserError(error) || response.headersSent) return next(error);
  const status = typeof error.status === 'number' && error.status >= 400 && error.status < 500 ? error.status : 400;
  const answer = ANSWERS[error.type] ?? OTHER;
  sendError(response, status, 'INVALID_INPUT', answer.message, answer.hint);
}

function isBodyParserError(error: unknown): error is BodyParserError {
  return error instanceof Error && typeof (error as Partial<BodyParserError>).type === 'string';
}

import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { PAGE_HEADERS } from '../identity/html';
import { renderErrorPage } from '../identity/identity-pages';
import { errorHttpStatus } from './error-http-status';
import { MagentoIntegrationError, type MagentoIntegrationErrorCode } from './magento-integration-error';

/** The JSON body of every error answer of the module. */
export interface ErrorBody {
  error: {
    code: MagentoIntegrationErrorCode;
    message: string;
    hint?: string;
    details?: Readonly<Record<string, unknown>>;
  };
}

/**
 * The one place where errors become HTTP answers: {@link MagentoIntegrationError} codes map to
 * statuses (`ERROR_HTTP_STATUS`), Nest's own exceptions keep their status, a malformed
 * percent-encoding (`URIError`) is 400 `INVALID_INPUT`, anything else is a 500 whose details are
 * logged, not sent. `details.retryAfterSeconds` becomes `Retry-After`. Browsers (the identity link) get an HTML page with the identity pages'
 * strict headers. Client errors (4xx) are logged at `warn` in one line without a stack; only the
 * service's own faults (5xx) are logged at `error`, with the stack.
 */
@Catch()
export class MagentoIntegrationExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('MagentoIntegration');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const { status, body } = this.describe(exception);
    this.log(request, status, body, exception);
    // A refusal that says when to come back (limits, throttling) says it in the header too.
    const retryAfter = body.error.details?.['retryAfterSeconds'];
    if (typeof retryAfter === 'number') response.setHeader('Retry-After', String(retryAfter));
    if (wantsHtml(request)) {
      response.status(status).set(PAGE_HEADERS).type('html').send(renderErrorPage(body.error.message, body.error.hint));
      return;
    }
    response.status(status).json(body);
  }

  private log(request: Request, status: number, body: ErrorBody, exception: unknown): void {
    const where = `${request.method} ${request.path}`;
    if (status < 500) return this.logger.warn(`${where}: ${body.error.message} (${status} ${body.error.code})`);
    // Duck-typed: errors thrown by Node's internals may come from another realm than this module's Error.
    const { message, stack } = (exception ?? {}) as { message?: unknown; stack?: unknown };
    const text = `${where}: ${typeof message === 'string' ? message : String(exception)}`;
    if (typeof stack === 'string') this.logger.error(text, stack);
    else this.logger.error(text);
  }

  private describe(exception: unknown): { status: number; body: ErrorBody } {
    if (exception instanceof MagentoIntegrationError) {
      const { code, message, hint, details } = exception;
      return {
        status: errorHttpStatus(code),
        body: { error: { code, message, ...(hint ? { hint } : {}), ...(details ? { details } : {}) } },
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code: MagentoIntegrationErrorCode =
        status === 401 ? 'UNAUTHORIZED' : status < 500 ? 'INVALID_INPUT' : 'INTERNAL_ERROR';
      return { status, body: { error: { code, message: exception.message } } };
    }
    if ((exception as Error | null)?.name === 'URIError') {
      return {
        status: 400,
        body: {
          error: {
            code: 'INVALID_INPUT',
            message: 'The request holds a malformed percent-encoding.',
            hint: 'Encode the URL, cookies and form fields as UTF-8 percent-encoding.',
          },
        },
      };
    }
    return {
      status: 500,
      body: { error: { code: 'INTERNAL_ERROR', message: 'Internal error; the details are in the server log.' } },
    };
  }
}

function wantsHtml(request: Request): boolean {
  const accept = String(request.headers.accept ?? '');
  return accept.includes('text/html') && !accept.includes('application/json');
}

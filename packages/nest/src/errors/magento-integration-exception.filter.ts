import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { renderErrorPage } from '../identity/identity-pages';
import { errorHttpStatus } from './error-http-status';
import { MagentoIntegrationError, type MagentoIntegrationErrorCode } from './magento-integration-error';

/** The JSON body of every error answer of the module. */
export interface ErrorBody {
  error: { code: MagentoIntegrationErrorCode; message: string; hint?: string; details?: Readonly<Record<string, unknown>> };
}

/**
 * The one place where errors become HTTP answers: {@link MagentoIntegrationError} codes map to
 * statuses (`ERROR_HTTP_STATUS`), Nest's own exceptions keep their status, anything else is a 500
 * whose details are logged, not sent. Browsers (the identity link) get an HTML page.
 */
@Catch()
export class MagentoIntegrationExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('MagentoIntegration');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const { status, body } = this.describe(exception);
    if (status >= 500) this.logger.error(`${request.method} ${request.path}: ${exception instanceof Error ? exception.stack ?? exception.message : String(exception)}`);
    if (wantsHtml(request)) {
      response.status(status).type('html').send(renderErrorPage(body.error.message, body.error.hint));
      return;
    }
    response.status(status).json(body);
  }

  private describe(exception: unknown): { status: number; body: ErrorBody } {
    if (exception instanceof MagentoIntegrationError) {
      const { code, message, hint, details } = exception;
      return { status: errorHttpStatus(code), body: { error: { code, message, ...(hint ? { hint } : {}), ...(details ? { details } : {}) } } };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code: MagentoIntegrationErrorCode = status === 401 ? 'UNAUTHORIZED' : status < 500 ? 'INVALID_INPUT' : 'INTERNAL_ERROR';
      return { status, body: { error: { code, message: exception.message } } };
    }
    return { status: 500, body: { error: { code: 'INTERNAL_ERROR', message: 'Internal error; the details are in the server log.' } } };
  }
}

function wantsHtml(request: Request): boolean {
  const accept = String(request.headers.accept ?? '');
  return accept.includes('text/html') && !accept.includes('application/json');
}

import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { randomBytes } from 'node:crypto';
import { ApplicationFailure, renderApplicationFailure } from '../rest/application-failure';
import { rememberedRenderer, sendRestAnswer } from '../rest/rest-renderer';
import { internalError, MagentoException } from './magento-exception';

/**
 * Maps every error to Magento's REST error body, in the format the REST controller negotiated (JSON
 * or XML; JSON outside REST): `MagentoException` as is, Nest HTTP errors (admin API) with their
 * status, anything else to Magento's masked 500 (`ErrorProcessor::maskException`). Failures Magento
 * answers outside its web API error handling get their own answer (`ApplicationFailure`).
 */
@Catch()
export class MagentoExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Sandbox');

  catch(error: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) return;
    if (error instanceof ApplicationFailure) {
      const reportId = randomBytes(32).toString('hex');
      this.logger.error(`Report ID: ${reportId}; Message: ${error.message}`);
      const answer = renderApplicationFailure(error, reportId);
      // Written as is: Express's send() would lower-case the charset PHP sends.
      res.status(error.httpStatus).setHeader('Content-Type', answer.contentType);
      res.end(answer.body);
      return;
    }
    const renderer = rememberedRenderer(res) ?? 'json';
    if (error instanceof MagentoException) {
      for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value);
      sendRestAnswer(res, renderer, error.httpStatus, error.toJSON());
      return;
    }
    if (error instanceof HttpException) {
      const body = error.getResponse();
      const message = typeof body === 'string' ? body : ((body as { message?: unknown }).message ?? error.message);
      sendRestAnswer(res, renderer, error.getStatus(), {
        message: Array.isArray(message) ? message.join('; ') : String(message),
      });
      return;
    }
    const masked = internalError(randomBytes);
    this.logger.error(
      `${String((masked.parameters as string[])[0])}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    sendRestAnswer(res, renderer, 500, masked.toJSON());
  }
}

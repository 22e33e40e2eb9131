import { ForbiddenException, Logger, type ArgumentsHost } from '@nestjs/common';
import { ERROR_HTTP_STATUS } from './error-http-status';
import { MagentoIntegrationError, type MagentoIntegrationErrorCode } from './magento-integration-error';
import { MagentoIntegrationExceptionFilter } from './magento-integration-exception.filter';

function answer(exception: unknown, accept = 'application/json') {
  const sent: { status?: number; json?: unknown; html?: string } = {};
  const response = {
    status(code: number) {
      sent.status = code;
      return this;
    },
    json(body: unknown) {
      sent.json = body;
    },
    type() {
      return this;
    },
    send(html: string) {
      sent.html = html;
    },
  };
  const request = { method: 'GET', path: '/x', headers: { accept } };
  const host = { switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }) } as unknown as ArgumentsHost;
  new MagentoIntegrationExceptionFilter().catch(exception, host);
  return sent;
}

describe('exception filter (the one place errors become HTTP)', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it.each(Object.entries(ERROR_HTTP_STATUS) as Array<[MagentoIntegrationErrorCode, number]>)('%s -> %i', (code, status) => {
    expect(answer(new MagentoIntegrationError('m', code, { hint: 'h' }))).toEqual({ status, json: { error: { code, message: 'm', hint: 'h' } } });
  });

  it('keeps the status of Nest exceptions', () => {
    expect(answer(new ForbiddenException('nope'))).toEqual({ status: 403, json: { error: { code: 'INVALID_INPUT', message: 'nope' } } });
  });

  it('hides the details of unexpected errors', () => {
    const sent = answer(new Error('password=hunter2 at db'));
    expect(sent.status).toBe(500);
    expect(JSON.stringify(sent.json)).not.toContain('hunter2');
    expect(sent.json).toEqual({ error: { code: 'INTERNAL_ERROR', message: 'Internal error; the details are in the server log.' } });
  });

  it('answers browsers with an HTML page', () => {
    const sent = answer(new MagentoIntegrationError('Bad <link>', 'INVALID_INPUT', { hint: 'Open it again' }), 'text/html,application/xhtml+xml');
    expect(sent.status).toBe(400);
    expect(sent.html).toContain('<p class="error" role="alert">Bad &lt;link&gt;</p>');
    expect(sent.html).toContain('Open it again');
  });
});

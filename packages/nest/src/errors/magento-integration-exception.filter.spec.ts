import { ForbiddenException, Logger, type ArgumentsHost, type LoggerService } from '@nestjs/common';
import { PAGE_HEADERS } from '../identity/html';
import { ERROR_HTTP_STATUS } from './error-http-status';
import { MagentoIntegrationError, type MagentoIntegrationErrorCode } from './magento-integration-error';
import { MagentoIntegrationExceptionFilter } from './magento-integration-exception.filter';

function answer(exception: unknown, accept = 'application/json') {
  const sent: { status?: number; json?: unknown; html?: string; headers?: Record<string, string> } = {};
  const response = {
    set(headers: Record<string, string>) {
      sent.headers = { ...sent.headers, ...headers };
      return this;
    },
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
  const host = {
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }),
  } as unknown as ArgumentsHost;
  new MagentoIntegrationExceptionFilter().catch(exception, host);
  return sent;
}

describe('exception filter (the one place errors become HTTP)', () => {
  const logged: Array<{ level: string; message: unknown; params: unknown[] }> = [];
  const record =
    (level: string) =>
    (message: unknown, ...params: unknown[]) =>
      void logged.push({ level, message, params });
  const logger: LoggerService = {
    log: record('log'),
    warn: record('warn'),
    error: record('error'),
    debug: record('debug'),
    verbose: record('verbose'),
  };
  beforeAll(() => Logger.overrideLogger(logger));
  afterAll(() => Logger.overrideLogger(false));
  beforeEach(() => (logged.length = 0));

  it.each(Object.entries(ERROR_HTTP_STATUS) as Array<[MagentoIntegrationErrorCode, number]>)(
    '%s -> %i',
    (code, status) => {
      expect(answer(new MagentoIntegrationError('m', code, { hint: 'h' }))).toEqual({
        status,
        json: { error: { code, message: 'm', hint: 'h' } },
      });
    },
  );

  it('keeps the status of Nest exceptions', () => {
    expect(answer(new ForbiddenException('nope'))).toEqual({
      status: 403,
      json: { error: { code: 'INVALID_INPUT', message: 'nope' } },
    });
  });

  it('hides the details of unexpected errors', () => {
    const sent = answer(new Error('password=hunter2 at db'));
    expect(sent.status).toBe(500);
    expect(JSON.stringify(sent.json)).not.toContain('hunter2');
    expect(sent.json).toEqual({
      error: { code: 'INTERNAL_ERROR', message: 'Internal error; the details are in the server log.' },
    });
  });

  it('answers browsers with an HTML page', () => {
    const sent = answer(
      new MagentoIntegrationError('Bad <link>', 'INVALID_INPUT', { hint: 'Open it again' }),
      'text/html,application/xhtml+xml',
    );
    expect(sent.status).toBe(400);
    expect(sent.html).toContain('<p class="error" role="alert">Bad &lt;link&gt;</p>');
    expect(sent.html).toContain('Open it again');
    expect(sent.headers).toEqual(PAGE_HEADERS);
  });

  it('answers a malformed percent-encoding (URIError) with 400 INVALID_INPUT, not 500', () => {
    expect(answer(new URIError('URI malformed'))).toMatchObject({
      status: 400,
      json: { error: { code: 'INVALID_INPUT' } },
    });
  });

  it.each([
    ['UNAUTHORIZED', new MagentoIntegrationError('A valid admin API token is required.', 'UNAUTHORIZED')],
    ['TOKEN_NOT_IN_HEADER', new MagentoIntegrationError('token in the query', 'TOKEN_NOT_IN_HEADER')],
    ['a Nest 403', new ForbiddenException('nope')],
    ['a URIError', new URIError('URI malformed')],
  ])('logs a client error (%s) at warn in one line without a stack', (_name, exception) => {
    answer(exception);
    expect(logged).toHaveLength(1);
    expect(logged[0].level).toBe('warn');
    expect(String(logged[0].message)).toMatch(/^GET \/x: .+ \(4\d\d [A-Z_]+\)$/);
    expect(JSON.stringify(logged[0])).not.toContain('    at ');
  });

  it("logs the service's own faults (5xx) at error with the stack", () => {
    answer(new Error('database is gone'));
    answer(new MagentoIntegrationError('cannot decrypt', 'DECRYPT_FAILED'));
    expect(logged.map((entry) => entry.level)).toEqual(['error', 'error']);
    expect(logged[0].message).toBe('GET /x: database is gone');
    expect(String(logged[0].params[0])).toContain('    at ');
  });
});

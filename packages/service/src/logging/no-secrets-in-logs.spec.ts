import { Body, Controller, Get, Logger, Module, Post, Req } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Request } from 'express';
import type { ServiceConfig } from '../config/service-config';
import { applyHttpSurface } from '../http/http-surface';
import { requestLogContext } from './request-log';
import { ServiceLogger } from './service-logger';

/** Every secret below must never reach stdout, in any form. */
const SECRETS = [
  'CONSUMERSECRET1',
  'VERIFIER1',
  'BEARERTOKEN1',
  'COOKIE1',
  'QUERYTOKEN1',
  'FIELDSECRET1',
  'TEXTSECRET1',
  'ERRORSECRET1',
  'CAUSESECRET1',
  'THROWNSECRET1',
  'SIGNATURE1',
  'DBPASSWORD1',
  'IMSSECRETFIELD1',
  'IMSSECRETFORM1',
  'IMSSECRETTEXT1',
  'IMSACCESSTOKEN1',
];

@Controller()
class CarelessController {
  private readonly logger = new Logger('Careless');

  /** Logs everything it receives, as user code might. */
  @Post('magento/callback/:tenant')
  callback(@Req() request: Request, @Body() body: Record<string, string>): { ok: true } {
    this.logger.log({ msg: 'callback received', headers: request.headers, body, url: request.originalUrl });
    this.logger.warn(
      `callback body ${new URLSearchParams(body).toString()} with ${String(request.headers.authorization)}`,
    );
    return { ok: true };
  }

  /** Logs a SaaS store registration and IMS's token request as user code might. */
  @Post('api/stores/saas')
  saas(@Body() body: Record<string, string>): { ok: true } {
    this.logger.log({ msg: 'registering', body });
    this.logger.log(`token request grant_type=client_credentials&client_id=c1&client_secret=${body.clientSecret}`);
    this.logger.warn(`IMS said no to ${body.note}`);
    return { ok: true };
  }

  @Get('boom')
  boom(): never {
    throw new Error('token exchange failed: oauth_token_secret=THROWNSECRET1');
  }
}

@Module({})
class CarelessModule {}

describe('no secret reaches stdout: the real pino logger, its request logs and Nest on it', () => {
  const written: string[] = [];
  let stdout: jest.SpyInstance;
  let app: NestExpressApplication;
  let base: string;

  beforeAll(async () => {
    stdout = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    const logger = new ServiceLogger({ level: 'debug' });
    const root = {
      module: CarelessModule,
      imports: [requestLogContext(logger.pino)],
      controllers: [CarelessController],
    };
    app = await NestFactory.create<NestExpressApplication>(root, { logger, bodyParser: false });
    applyHttpSurface(
      app,
      { trustProxy: false, publicUrl: null, production: false } as unknown as ServiceConfig,
      logger,
    );
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;

    logger.log('connect to postgres://app:DBPASSWORD1@db/app with oauth_consumer_secret=TEXTSECRET1', 'Text');
    logger.info('store saved', { store: { id: 's1', accessTokenSecret: 'FIELDSECRET1' } }, 'Field');
    const cause = new Error('POST failed: oauth_verifier=CAUSESECRET1');
    logger.error(new Error('exchange failed: oauth_token_secret=ERRORSECRET1', { cause }));
    logger.warn(new Error('refused: password=ERRORSECRET1'));
    await fetch(`${base}/magento/callback/acme?access_token=QUERYTOKEN1&oauth_signature=SIGNATURE1`, {
      method: 'POST',
      headers: {
        authorization: 'Bearer BEARERTOKEN1',
        cookie: 'magekit_identity_form=COOKIE1',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'oauth_consumer_key=ck1&oauth_consumer_secret=CONSUMERSECRET1&store_base_url=https%3A%2F%2Fshop.example.com%2F&oauth_verifier=VERIFIER1',
    });
    await fetch(`${base}/api/stores/saas`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        url: 'https://na1.api.commerce.adobe.com/T1/',
        clientSecret: 'IMSSECRETFIELD1',
        note: 'p8e-IMSSECRETTEXT1abcdefgh with Bearer eyJhbGciOiJSUzI1NiJ9.eyJJTVNBQ0NFU1NUT0tFTjEiOjF9.IMSACCESSTOKEN1',
      }),
    });
    logger.log(`form client_secret=IMSSECRETFORM1 sent`, 'Text');
    await fetch(`${base}/boom`, {
      headers: { authorization: 'OAuth oauth_consumer_key="ck1", oauth_signature="SIGNATURE1"' },
    });
    await app.close();
  });

  afterAll(() => stdout.mockRestore());

  const lines = () =>
    written
      .join('')
      .split('\n')
      .filter((line) => line !== '');
  const entries = () => lines().map((line) => JSON.parse(line) as Record<string, unknown>);

  it('writes one JSON object per line', () => {
    expect(lines().length).toBeGreaterThan(8);
    expect(() => entries()).not.toThrow();
  });

  it.each(SECRETS)('%s is not written', (secret) => {
    expect(written.join('')).not.toContain(secret);
  });

  it('logs texts, fields and errors with [REDACTED] in place of the secrets, stacks on error lines only', () => {
    expect(entries()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          level: 'info',
          context: 'Text',
          msg: 'connect to postgres://app:[REDACTED]@db/app with oauth_consumer_secret=[REDACTED]',
        }),
        expect.objectContaining({
          level: 'info',
          context: 'Field',
          store: { id: 's1', accessTokenSecret: '[REDACTED]' },
        }),
        expect.objectContaining({
          level: 'error',
          msg: 'exchange failed: oauth_token_secret=[REDACTED]',
          error: expect.objectContaining({
            stack: expect.stringContaining('    at '),
            cause: expect.objectContaining({ message: 'POST failed: oauth_verifier=[REDACTED]' }),
          }),
        }),
        expect.objectContaining({
          level: 'warn',
          msg: 'refused: password=[REDACTED]',
          error: { name: 'Error', message: 'refused: password=[REDACTED]' },
        }),
      ]),
    );
  });

  it('logs one request line per request (method, redacted path, status, ms, ip, reqId), and the lines logged during a request carry its reqId', () => {
    const requests = entries().filter((entry) => entry['msg'] === 'request');
    expect(requests).toEqual([
      expect.objectContaining({
        level: 'info',
        context: 'HTTP',
        method: 'POST',
        path: '/magento/callback/acme?access_token=[REDACTED]&oauth_signature=[REDACTED]',
        status: 201,
        ms: expect.any(Number),
        ip: '127.0.0.1',
        reqId: expect.any(String),
      }),
      expect.objectContaining({
        level: 'info',
        context: 'HTTP',
        method: 'POST',
        path: '/api/stores/saas',
        status: 201,
      }),
      expect.objectContaining({ level: 'error', context: 'HTTP', method: 'GET', path: '/boom', status: 500 }),
    ]);
    expect(Object.keys(requests[0]).sort()).toEqual([
      'context',
      'ip',
      'level',
      'method',
      'ms',
      'msg',
      'path',
      'reqId',
      'status',
      'time',
    ]);
    const received = entries().find((entry) => entry['msg'] === 'callback received');
    expect(received).toMatchObject({
      context: 'Careless',
      reqId: requests[0]['reqId'],
      body: { oauth_consumer_key: 'ck1', oauth_consumer_secret: '[REDACTED]', oauth_verifier: '[REDACTED]' },
      headers: { authorization: '[REDACTED]', cookie: '[REDACTED]' },
    });
    const thrown = entries().find((entry) => entry['level'] === 'error' && entry['context'] === 'ExceptionsHandler');
    expect(thrown).toMatchObject({
      reqId: requests[2]['reqId'],
      msg: 'token exchange failed: oauth_token_secret=[REDACTED]',
      error: expect.objectContaining({ stack: expect.stringContaining('    at ') }),
    });
  });
});

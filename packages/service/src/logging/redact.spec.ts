import { JsonLogger } from './json-logger';
import { redact, redactText, REDACTED } from './redact';

describe('redactText', () => {
  it.each([
    ['Authorization header (OAuth)', 'Authorization: OAuth oauth_consumer_key="ck", oauth_token="tok123", oauth_signature="sig%3D"', 'Authorization: [REDACTED]'],
    ['OAuth parameter list alone', 'sent OAuth oauth_consumer_key="ck",oauth_signature="abc"', 'sent OAuth [REDACTED]'],
    ['header inside JSON', JSON.stringify({ authorization: 'OAuth oauth_consumer_key="ck",oauth_signature="s"', accept: 'json' }), '{"authorization":"[REDACTED]","accept":"json"}'],
    ['Bearer token', 'GET /api/stores with Bearer mk_AbCdEfGhIjKlMnOp', 'GET /api/stores with Bearer [REDACTED]'],
    ['callback form body', 'oauth_consumer_key=ck1&oauth_consumer_secret=cs1&store_base_url=https%3A%2F%2Fshop%2F&oauth_verifier=v1', 'oauth_consumer_key=ck1&oauth_consumer_secret=[REDACTED]&store_base_url=https%3A%2F%2Fshop%2F&oauth_verifier=[REDACTED]'],
    ['token response body', 'oauth_token=t1&oauth_token_secret=ts1', 'oauth_token=[REDACTED]&oauth_token_secret=[REDACTED]'],
    ['JSON password', '{"email":"a@b.c","password":"hunter2hunter2"}', '{"email":"a@b.c","password":"[REDACTED]"}'],
    ['database URL password', 'connect postgres://app:s3cr3t@db:5432/app failed', 'connect postgres://app:[REDACTED]@db:5432/app failed'],
    ['ciphertext', 'value mk1.k1.aaaa.bbbb.cccc stored', `value ${REDACTED} stored`],
  ])('%s', (_name, input, expected) => {
    expect(redactText(input)).toBe(expected);
  });

  it('keeps what is not secret (consumer keys, store URLs, ordinary words)', () => {
    const text = 'callback for consumer 0123456789abcdefghijklmnopqrstuv from https://shop.example.com/ accepted';
    expect(redactText(text)).toBe(text);
  });
});

describe('redact', () => {
  it('replaces secret-named fields at any depth and keeps the rest', () => {
    const input = {
      headers: { authorization: 'OAuth x', cookie: 'mk_form=1', accept: 'json' },
      body: { oauth_consumer_key: 'ck', oauth_consumer_secret: 'cs', oauth_verifier: 'v', store_base_url: 'https://shop/' },
      store: { consumerSecretEnc: 'mk1.k1.a.b.c', accessTokenSecret: 's', tokenHash: 'h', passwordHash: 'p', status: 'active' },
      keys: { k1: 'base64' },
      list: [{ apiToken: 'mk_x' }, 'Bearer abcdefghijkl'],
      empty: { password: null },
    };
    expect(redact(input)).toEqual({
      headers: { authorization: REDACTED, cookie: REDACTED, accept: 'json' },
      body: { oauth_consumer_key: 'ck', oauth_consumer_secret: REDACTED, oauth_verifier: REDACTED, store_base_url: 'https://shop/' },
      store: { consumerSecretEnc: REDACTED, accessTokenSecret: REDACTED, tokenHash: REDACTED, passwordHash: REDACTED, status: 'active' },
      keys: REDACTED,
      list: [{ apiToken: REDACTED }, `Bearer ${REDACTED}`],
      empty: { password: null },
    });
  });

  it('turns errors into plain objects with redacted messages, stacks and causes, and cuts cycles', () => {
    const cause = Object.assign(new Error('POST oauth_token_secret=abc failed'), { code: 'NETWORK' });
    const error = new Error('token exchange failed: oauth_consumer_secret=zzz', { cause });
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic['self'] = cyclic;
    const out = redact({ error, cyclic }) as { error: Record<string, unknown>; cyclic: Record<string, unknown> };
    expect(out.error['message']).toBe('token exchange failed: oauth_consumer_secret=[REDACTED]');
    expect(String(out.error['stack'])).not.toContain('zzz');
    expect(out.error['cause']).toMatchObject({ message: 'POST oauth_token_secret=[REDACTED] failed', code: 'NETWORK' });
    expect(out.cyclic['self']).toBe('[Circular]');
  });
});

describe('JsonLogger', () => {
  const now = () => new Date('2025-01-01T12:00:00.000Z');

  function capture(level: 'error' | 'warn' | 'info' | 'debug' = 'info') {
    const lines: string[] = [];
    const logger = new JsonLogger({ level, now, write: (line) => lines.push(line) });
    return { logger, entries: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>), lines };
  }

  it('writes one JSON object per line with time, level, context and message, redacted', () => {
    const { logger, entries, lines } = capture();
    logger.log('callback oauth_consumer_secret=abc received', 'Callback');
    logger.info('stored', { store: { id: '1', accessToken: 'tok' } }, 'Stores');
    expect(lines.every((line) => line.endsWith('\n'))).toBe(true);
    expect(entries()).toEqual([
      { time: '2025-01-01T12:00:00.000Z', level: 'info', context: 'Callback', msg: 'callback oauth_consumer_secret=[REDACTED] received' },
      { time: '2025-01-01T12:00:00.000Z', level: 'info', context: 'Stores', msg: 'stored', store: { id: '1', accessToken: REDACTED } },
    ]);
  });

  it("takes Nest's error(message, stack, context) form and redacts the stack", () => {
    const { logger, entries } = capture();
    logger.error('Activation stopped', 'Error: oauth_token_secret=sss\n    at run (x.js:1:1)', 'MagentoActivation');
    expect(entries()[0]).toMatchObject({ level: 'error', context: 'MagentoActivation', msg: 'Activation stopped' });
    expect(String(entries()[0]['stack'])).toContain('oauth_token_secret=[REDACTED]');
  });

  it('filters by level and moves Nest start-up chatter to debug', () => {
    const { logger, entries } = capture('warn');
    logger.log('Mapped {/health, GET} route', 'RouterExplorer');
    logger.debug('details');
    logger.log('info line');
    logger.warn('careful');
    expect(entries().map((entry) => entry['msg'])).toEqual(['careful']);
    const debug = capture('debug');
    debug.logger.log('Mapped {/health, GET} route', 'RouterExplorer');
    expect(debug.entries()[0]).toMatchObject({ level: 'debug', context: 'RouterExplorer' });
  });

  it('keeps stack traces for error lines only', () => {
    const { logger, entries } = capture();
    logger.warn(new Error('refused'));
    logger.warn({ msg: 'client error', error: new Error('bad input') });
    logger.error(new Error('fault'));
    const [warn, nested, error] = entries();
    expect(JSON.stringify([warn, nested])).not.toContain('stack');
    expect(nested).toMatchObject({ level: 'warn', error: { name: 'Error', message: 'bad input' } });
    expect(String((error['error'] as Record<string, unknown>)['stack'])).toContain('    at ');
  });

  it('logs an Error message object with its redacted fields', () => {
    const { logger, entries } = capture();
    logger.warn(new Error('password=letmein refused'));
    expect(entries()[0]).toMatchObject({ level: 'warn', msg: 'password=[REDACTED] refused', error: { name: 'Error', message: 'password=[REDACTED] refused' } });
  });
});

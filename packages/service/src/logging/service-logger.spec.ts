import { REDACTED } from '@magekit/client';
import { ServiceLogger } from './service-logger';

describe('ServiceLogger', () => {
  const now = () => new Date('2025-01-01T12:00:00.000Z');

  function capture(level: 'error' | 'warn' | 'info' | 'debug' = 'info') {
    const lines: string[] = [];
    const logger = new ServiceLogger({ level, now, write: (line) => void lines.push(line) });
    return { logger, entries: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>), lines };
  }

  it('writes one JSON object per line with time, level, context and message, redacted', () => {
    const { logger, entries, lines } = capture();
    logger.log('callback oauth_consumer_secret=abc received', 'Callback');
    logger.info('stored', { store: { id: '1', accessToken: 'tok' } }, 'Stores');
    logger.log('no context');
    expect(lines.every((line) => line.endsWith('\n') && !line.slice(0, -1).includes('\n'))).toBe(true);
    expect(entries()).toEqual([
      {
        time: '2025-01-01T12:00:00.000Z',
        level: 'info',
        context: 'Callback',
        msg: 'callback oauth_consumer_secret=[REDACTED] received',
      },
      {
        time: '2025-01-01T12:00:00.000Z',
        level: 'info',
        context: 'Stores',
        msg: 'stored',
        store: { id: '1', accessToken: REDACTED },
      },
      { time: '2025-01-01T12:00:00.000Z', level: 'info', msg: 'no context' },
    ]);
  });

  it("takes Nest's error(message, stack, context) form and redacts the stack", () => {
    const { logger, entries } = capture();
    logger.error('Activation stopped', 'Error: oauth_token_secret=sss\n    at run (x.js:1:1)', 'MagentoActivation');
    expect(entries()[0]).toMatchObject({ level: 'error', context: 'MagentoActivation', msg: 'Activation stopped' });
    expect(String(entries()[0]['stack'])).toContain('oauth_token_secret=[REDACTED]');
    expect(String(entries()[0]['stack'])).not.toContain('sss');
  });

  it('filters by level (LOG_LEVEL) and moves Nest start-up chatter to debug', () => {
    const { logger, entries } = capture('warn');
    logger.log('Mapped {/health, GET} route', 'RouterExplorer');
    logger.debug('details');
    logger.log('info line');
    logger.warn('careful');
    expect(entries().map((entry) => entry['msg'])).toEqual(['careful']);
    expect(logger.isLevelEnabled('warn')).toBe(true);
    expect(logger.isLevelEnabled('info')).toBe(false);
    const debug = capture('debug');
    debug.logger.log('Mapped {/health, GET} route', 'RouterExplorer');
    debug.logger.verbose('verbose is debug');
    expect(debug.entries()).toEqual([
      expect.objectContaining({ level: 'debug', context: 'RouterExplorer' }),
      expect.objectContaining({ level: 'debug', msg: 'verbose is debug' }),
    ]);
  });

  it('keeps stack traces for error lines only', () => {
    const { logger, entries } = capture();
    logger.warn(new Error('refused'));
    logger.warn({ msg: 'client error', error: new Error('bad input') });
    logger.error(new Error('fault'));
    logger.fatal('gave up', 'Error: gave up\n    at main (x.js:1:1)', 'Service');
    const [warn, nested, error, fatal] = entries();
    expect(JSON.stringify([warn, nested])).not.toContain('stack');
    expect(nested).toMatchObject({ level: 'warn', error: { name: 'Error', message: 'bad input' } });
    expect(String((error['error'] as Record<string, unknown>)['stack'])).toContain('    at ');
    expect(fatal).toMatchObject({
      level: 'error',
      context: 'Service',
      msg: 'gave up',
      stack: expect.stringContaining('    at main'),
    });
  });

  it('logs an Error message object with its redacted fields, and extra parameters as details', () => {
    const { logger, entries } = capture();
    logger.warn(new Error('password=letmein refused'));
    logger.log('with details', { apiToken: 'mk_x' }, 'Jobs');
    expect(entries()[0]).toMatchObject({
      level: 'warn',
      msg: 'password=[REDACTED] refused',
      error: { name: 'Error', message: 'password=[REDACTED] refused' },
    });
    expect(entries()[1]).toEqual(
      expect.objectContaining({ context: 'Jobs', msg: 'with details', details: [{ apiToken: REDACTED }] }),
    );
  });

  it('redacts what is logged on its pino logger directly, including format arguments that would rebuild a secret', () => {
    const { logger, entries } = capture();
    logger.pino.info({ body: { oauth_verifier: 'v1' } }, 'token %s', 'oauth_token=t1');
    logger.pino.warn('%s=%s', 'oauth_token_secret', 'ts1');
    logger.pino.child({ apiKey: 'k' }).info('child');
    expect(entries()).toEqual([
      expect.objectContaining({ body: { oauth_verifier: REDACTED }, msg: 'token oauth_token=[REDACTED]' }),
      expect.objectContaining({ level: 'warn', msg: 'oauth_token_secret=[REDACTED]' }),
      expect.objectContaining({ apiKey: REDACTED, msg: 'child' }),
    ]);
  });
});

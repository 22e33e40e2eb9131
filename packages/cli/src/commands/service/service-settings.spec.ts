import { CliError } from '../../cli-error';
import { readServiceDatabase, readServiceKeys } from './service-settings';

const KEY = Buffer.alloc(32, 7).toString('base64');

/** The CLI reads the service's settings with the service's own rules (`@magekit/service/settings`). */
describe('service settings in the CLI', () => {
  function refusal(read: () => unknown): CliError {
    try {
      read();
    } catch (error) {
      expect(error).toBeInstanceOf(CliError);
      return error as CliError;
    }
    throw new Error('expected a CliError');
  }

  it('refuses a key entry with an extra ":" (the service refuses it too)', () => {
    const error = refusal(() => readServiceKeys({ MAGEKIT_ENCRYPTION_KEYS: `k1:${KEY}:extra` }, {}, '/srv/app'));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toContain('entry "k1" must be id:base64');
  });

  it('reads the keys and the database as the service does, the flags over the environment', () => {
    expect(readServiceKeys({ MAGEKIT_ENCRYPTION_KEYS: `k1:${KEY}` }, {}, '/srv/app')).toEqual({
      activeKeyId: 'k1',
      keys: { k1: KEY },
    });
    const { options, description } = readServiceDatabase(
      { DATABASE_URL: 'sqlite:env.sqlite' },
      { databaseUrl: 'postgres://app:secret@db:5432/app' },
      '/srv/app',
    );
    expect(options).toMatchObject({ type: 'postgres', url: 'postgres://app:secret@db:5432/app' });
    expect(description).toBe('PostgreSQL postgres://app:***@db:5432/app');
    expect(readServiceDatabase({}, { dataDir: 'var' }, '/srv/app').options).toMatchObject({
      type: 'better-sqlite3',
      database: '/srv/app/var/integration.sqlite',
    });
  });

  it("names a bad DATABASE_URL with the service's message", () => {
    const error = refusal(() => readServiceDatabase({ DATABASE_URL: 'oracle://db' }, {}, '/srv/app'));
    expect(error.message).toContain('DATABASE_URL must be postgres://');
    expect(error.hint).toContain('@magekit/service');
  });
});

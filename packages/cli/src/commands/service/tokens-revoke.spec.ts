import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiToken, createMagekitDataSource, type ApiTokenInvalidation } from '@magekit/nest';
import { createRedisTokenInvalidationBus, tokenInvalidationChannel } from '@magekit/service/settings';
import { runInProcess } from '../../testing/fake-io';
import { readServiceDatabase } from './service-settings';

const REDIS_URL = process.env.MAGEKIT_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/0';

describe('magekit tokens revoke tells running services (REDIS_URL)', () => {
  let dir: string;
  let tenant: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mk-cli-revoke-'));
    tenant = `cli-revoke-${process.pid}-${randomBytes(3).toString('hex')}`;
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** A migrated service database with one live token named `ci`; returns its id. */
  async function withToken(): Promise<string> {
    const dataSource = createMagekitDataSource({
      ...readServiceDatabase({ DATA_DIR: dir }, {}).options,
      migrationsRun: true,
    });
    await dataSource.initialize();
    try {
      return (await createApiToken(dataSource, 'ci')).id;
    } finally {
      await dataSource.destroy();
    }
  }

  it('without REDIS_URL, says that running services refuse the token once their cache entry expires', async () => {
    await withToken();
    expect(await runInProcess(['tokens', 'revoke', 'ci'], '', { DATA_DIR: dir })).toMatchObject({
      code: 0,
      stdout:
        'Revoked 1 API token.\nRunning services refuse it once their token cache entry expires (5 s by default); with REDIS_URL set as for the service they are told at once.\n',
    });
  });

  it('publishes the revoked id on the channel of the service tenant', async () => {
    const listener = createRedisTokenInvalidationBus({ url: REDIS_URL, channel: tokenInvalidationChannel(tenant) });
    const heard: ApiTokenInvalidation[] = [];
    const delivered = new Promise<void>((resolve) =>
      listener.subscribe((invalidation) => {
        heard.push(invalidation);
        resolve();
      }),
    );
    try {
      try {
        await listener.subscribed();
      } catch (error) {
        console.warn(`skipped: Redis at ${REDIS_URL} is not reachable (${(error as Error).message})`);
        return;
      }
      const id = await withToken();
      const result = await runInProcess(['tokens', 'revoke', 'ci'], '', {
        DATA_DIR: dir,
        REDIS_URL,
        TENANT: tenant,
      });
      expect(result).toMatchObject({
        code: 0,
        stdout: 'Revoked 1 API token.\nRunning services were told over Redis.\n',
      });
      await delivered;
      expect(heard).toEqual([{ kind: 'tokens', tokenIds: [id] }]);
    } finally {
      await listener.close();
    }
  });

  it('keeps the revocation and warns when Redis cannot be reached', async () => {
    await withToken();
    const result = await runInProcess(['tokens', 'revoke', 'ci'], '', {
      DATA_DIR: dir,
      REDIS_URL: 'redis://127.0.0.1:1/0',
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('Revoked 1 API token.\n');
    expect(result.stderr).toMatch(
      /^warning: could not tell the running services over Redis \(.+\); they refuse it once/,
    );
    const again = await runInProcess(['tokens', 'revoke', 'ci'], '', { DATA_DIR: dir });
    expect(again.stderr).toContain('No live API token has the id or name "ci"');
  });
});

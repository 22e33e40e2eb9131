import type { INestApplication, LoggerService } from '@nestjs/common';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import type { FakeMagentoServer } from '@magekit/client/testing';
import { ActivationRunner } from '../activation/activation-runner';
import { createApiToken } from '../admin/api-tokens';
import type { MagentoIntegrationOptions } from '../config/module-options';
import type { LookupAll } from '../url-guard/store-url-policy';
import { listTestDatabases, type TestDatabase } from './test-databases';
import { createTestModule, testOptions, type TestHarness } from './test-app';

/** A running Nest app (HTTP via supertest) on a fresh SQLite database. */
export interface E2eApp extends TestHarness {
  app: INestApplication;
  dataSource: DataSource;
  http: ReturnType<typeof request>;
  /** A live admin API token. */
  token: string;
  /** Waits until every background activation run has finished. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/** Starts the module in a real Nest app over SQLite (or `database`) with migrations run; Nest logs to `logger` (default none). */
export async function startE2eApp(
  options: Partial<MagentoIntegrationOptions> = {},
  lookup?: LookupAll,
  database: TestDatabase = listTestDatabases()[0],
  logger: LoggerService | false = false,
): Promise<E2eApp> {
  const { dataSource, drop } = await database.open();
  const harness = await createTestModule(dataSource, testOptions(options), lookup);
  const app = harness.module.createNestApplication({ logger });
  await app.init();
  const { token } = await createApiToken(dataSource, 'e2e');
  const runner = app.get(ActivationRunner);
  return {
    ...harness,
    app,
    dataSource,
    token,
    http: request(app.getHttpServer()),
    settle: () => runner.settled(),
    close: async () => {
      await app.close();
      await drop();
    },
  };
}

/** The form Magento POSTs to the callback for the fake store's integration. */
export function callbackForm(store: FakeMagentoServer, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    oauth_consumer_key: store.credentials.consumerKey,
    oauth_consumer_secret: store.credentials.consumerSecret,
    store_base_url: store.baseUrl,
    oauth_verifier: store.credentials.verifier,
    ...overrides,
  };
}

/** Store configurations as `GET /V1/store/storeConfigs` answers them. */
export function storeConfigs(baseUrl: string): unknown[] {
  return [
    {
      id: 1,
      code: 'default',
      website_id: 1,
      locale: 'en_US',
      base_currency_code: 'USD',
      timezone: 'UTC',
      base_url: baseUrl,
      secure_base_url: baseUrl.replace('http:', 'https:'),
    },
    {
      id: 2,
      code: 'de',
      website_id: 1,
      locale: 'de_DE',
      base_currency_code: 'EUR',
      timezone: 'Europe/Berlin',
      base_url: `${baseUrl}de/`,
      secure_base_url: `${baseUrl.replace('http:', 'https:')}de/`,
    },
  ];
}

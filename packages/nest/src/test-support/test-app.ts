import { randomBytes } from 'node:crypto';
import { Test, type TestingModule } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { createManualClock, type ManualClock } from '@magekit/client/testing';
import type { MagentoIntegrationOptions } from '../config/module-options';
import { MagentoIntegrationModule } from '../magento-integration.module';
import { MAGEKIT_CLOCK, MAGEKIT_DNS_LOOKUP, MAGEKIT_SLEEP } from '../tokens';
import type { LookupAll } from '../url-guard/store-url-policy';

/** Keys for tests (fresh per process). */
export const TEST_KEYS = { activeKeyId: 'k1', keys: { k1: randomBytes(32).toString('base64') } };

/** Limits high enough that suites never meet them (the security suites set their own). */
export const UNTHROTTLED: Pick<MagentoIntegrationOptions, 'throttle' | 'pendingStores'> = {
  throttle: { callback: { perAddress: 100_000, global: 100_000 }, signIn: { perAddress: 100_000, global: 100_000 } },
  pendingStores: { perAddress: 100_000, max: 100_000 },
};

/** Options for tests: loopback stores allowed, timers off, limits out of the way. */
export function testOptions(overrides: Partial<MagentoIntegrationOptions> = {}): MagentoIntegrationOptions {
  return {
    encryption: TEST_KEYS,
    storeUrl: { allowHttp: true, allowedNetworks: ['127.0.0.1/32'] },
    probe: { intervalMs: 0 },
    sweepIntervalMs: 0,
    handshake: { timeoutMs: 5000, maxAttempts: 3, baseDelayMs: 1000 },
    ...UNTHROTTLED,
    ...overrides,
  };
}

/** What the test module gives back besides the module. */
export interface TestHarness {
  module: TestingModule;
  clock: ManualClock;
  /** Delays the runner asked to sleep (the sleep returns at once and advances the clock). */
  sleeps: number[];
  /** Called on every sleep before it returns (throw to simulate an instance dying while it waits). */
  onSleep: { hook: ((ms: number) => void) | null };
}

/**
 * A Nest testing module with the app's TypeORM connection (an already opened test DataSource)
 * and MagentoIntegrationModule; clock, sleep and DNS are the injected fakes.
 */
export async function createTestModule(
  dataSource: DataSource,
  options: MagentoIntegrationOptions = testOptions(),
  lookup?: LookupAll,
): Promise<TestHarness> {
  const clock = createManualClock(Date.UTC(2025, 0, 1, 12, 0, 0));
  const sleeps: number[] = [];
  const onSleep: TestHarness['onSleep'] = { hook: null };
  const builder = Test.createTestingModule({
    imports: [
      TypeOrmModule.forRootAsync({ useFactory: () => dataSource.options, dataSourceFactory: async () => dataSource }),
      MagentoIntegrationModule.forRoot(options),
    ],
  })
    .overrideProvider(MAGEKIT_CLOCK)
    .useValue(clock)
    .overrideProvider(MAGEKIT_SLEEP)
    .useValue(async (ms: number) => {
      sleeps.push(ms);
      onSleep.hook?.(ms);
      clock.advance(ms);
    });
  if (lookup) builder.overrideProvider(MAGEKIT_DNS_LOOKUP).useValue(lookup);
  return { module: await builder.compile(), clock, sleeps, onSleep };
}

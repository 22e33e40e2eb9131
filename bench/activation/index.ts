/**
 * bench/activation: 200 stores activating concurrently. The sandbox store (real HTTP on loopback)
 * runs Magento's Activate for 200 integrations at once; each POSTs its callback to an integration
 * service built on @magekit/nest (SQLite file), which exchanges tokens and probes. Printed: the callback
 * response time as Magento's POST sees it (p50/p99, against Magento's 5 s timeout), the time from
 * Activate to `active` (p50/p99), failures; then admin-API requests per second with Bearer auth against a
 * bare NestJS endpoint of the same app, same load, same run. Sandbox, service and load generator share
 * one Node process (one core), so absolute numbers are low; the ratios and the 5 s margin are the point.
 */
import 'reflect-metadata';
import { Controller, Get, Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import {
  createApiToken,
  createMagekitDataSource,
  MAGEKIT_ENTITIES,
  MAGEKIT_MIGRATIONS,
  MagentoIntegrationModule,
  StoreEntity,
} from '@magekit/nest';
import { startSandbox } from '@magekit/sandbox/testing';

const STORES = Number(process.env.BENCH_STORES ?? 200);
const TENANT = 'bench';

@Controller('bare')
class BareController {
  @Get()
  list(): object {
    return { items: [], total: 0, page: 1, pageSize: 20 };
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function describe(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  return `p50 ${percentile(sorted, 50).toFixed(1)} ms   p99 ${percentile(sorted, 99).toFixed(1)} ms   max ${sorted[sorted.length - 1].toFixed(1)} ms`;
}

async function startIntegrationService(
  database: string,
): Promise<{ app: INestApplication; url: string; data: DataSource }> {
  @Module({
    imports: [
      TypeOrmModule.forRootAsync({
        useFactory: () => ({
          type: 'better-sqlite3',
          database,
          enableWAL: true,
          entities: [...MAGEKIT_ENTITIES],
          migrations: [...MAGEKIT_MIGRATIONS],
          migrationsRun: true,
        }),
        dataSourceFactory: async (options) => createMagekitDataSource(options!),
      }),
      MagentoIntegrationModule.forRoot({
        encryption: { activeKeyId: 'k1', keys: { k1: randomBytes(32).toString('base64') } },
        storeUrl: { allowHttp: true, allowedNetworks: ['127.0.0.1/32'] },
        probe: { intervalMs: 0 },
        sweepIntervalMs: 0,
        // Every callback of the load generator comes from one address: the limits are opened to the bench's store count.
        throttle: { callback: { perAddress: STORES, global: STORES } },
        pendingStores: { perAddress: STORES, max: STORES },
      }),
    ],
    controllers: [BareController],
  })
  class BenchAppModule {}
  const app = await NestFactory.create(BenchAppModule, { logger: ['error'] });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  return { app, url: `http://127.0.0.1:${port}`, data: app.get(DataSource) };
}

/** Requests per second of `path` with `concurrency` loops for `seconds` (keep-alive fetch). */
async function loadTest(
  url: string,
  headers: Record<string, string>,
  seconds: number,
  concurrency: number,
): Promise<number> {
  const end = performance.now() + seconds * 1000;
  let done = 0;
  let failed = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const response = await fetch(url, { headers });
        await response.arrayBuffer();
        if (response.ok) done++;
        else failed++;
      }
    }),
  );
  if (failed > 0) throw new Error(`${failed} requests to ${url} failed`);
  return done / seconds;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'magekit-bench-activation-'));
  const callbackMs: number[] = [];
  const timedFetch: typeof fetch = async (input, init) => {
    const started = performance.now();
    const response = await fetch(input, init);
    if (init?.method === 'POST') callbackMs.push(performance.now() - started);
    return response;
  };
  const sandbox = await startSandbox({ seed: false, fetch: timedFetch });
  const service = await startIntegrationService(join(dir, 'integration.sqlite'));
  try {
    const integrations = [];
    for (let i = 0; i < STORES; i++) {
      integrations.push(
        await sandbox.admin.createIntegration({
          name: `store-${i}`,
          endpointUrl: `${service.url}/magento/callback/${TENANT}`,
          identityLinkUrl: `${service.url}/magento/identity/${TENANT}`,
          resources: 'all',
        }),
      );
    }
    const keyOf = new Map(integrations.map((integration) => [integration.consumer_key as string, integration.id]));
    const startedAt = new Map<string, number>();
    const activeAt = new Map<string, number>();
    const t0 = performance.now();
    const activations = Promise.all(
      integrations.map(async (integration) => {
        startedAt.set(integration.consumer_key as string, performance.now());
        await sandbox.admin.activate(integration.id);
      }),
    );
    const stores = service.data.getRepository(StoreEntity);
    const deadline = t0 + 120_000;
    let failed: string[] = [];
    while (performance.now() < deadline) {
      // Every store here activated through the handshake, so each has a consumer key.
      const rows = (await stores.find({ select: { consumerKey: true, status: true } })).map((row) => ({
        consumerKey: row.consumerKey ?? '',
        status: row.status,
      }));
      const now = performance.now();
      for (const row of rows)
        if (row.status === 'active' && !activeAt.has(row.consumerKey)) activeAt.set(row.consumerKey, now);
      failed = rows.filter((row) => row.status === 'failed').map((row) => row.consumerKey);
      if (activeAt.size + failed.length >= STORES) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await activations;
    const total = performance.now() - t0;
    const toActive = [...activeAt].map(([key, at]) => at - (startedAt.get(key) as number));
    const notActive = STORES - activeAt.size;

    console.log(
      `${STORES} stores activating at once: sandbox store -> callback POST -> @magekit/nest (SQLite) -> token exchange -> probe`,
    );
    console.log(
      `  callback response, as Magento's POST sees it   ${describe(callbackMs)}   (Magento gives up after 5000 ms: p99 is ${(
        5000 /
        percentile(
          [...callbackMs].sort((a, b) => a - b),
          99,
        )
      ).toFixed(0)}x below)`,
    );
    console.log(
      `  Activate -> store active                       ${toActive.length > 0 ? describe(toActive) : 'none'}`,
    );
    console.log(
      `  failures                                       ${notActive} (${failed.length} failed, ${notActive - failed.length} not active in time); all ${STORES} in ${(total / 1000).toFixed(2)} s`,
    );
    if (keyOf.size !== STORES) console.log(`  (duplicate consumer keys: ${STORES - keyOf.size})`);

    const token = await createApiToken(service.data, 'bench');
    const concurrency = 16;
    const bare = await loadTest(`${service.url}/bare`, {}, 3, concurrency);
    const api = await loadTest(
      `${service.url}/api/stores?pageSize=20`,
      { authorization: `Bearer ${token.token}` },
      3,
      concurrency,
    );
    console.log(`\nadmin API, ${concurrency} concurrent keep-alive clients, 3 s each`);
    console.log(
      `  bare NestJS endpoint (no auth, constant JSON)   ${Math.round(bare).toLocaleString('en-US').padStart(8)} req/s   1.00x (baseline)`,
    );
    console.log(
      `  GET /api/stores?pageSize=20 with Bearer        ${Math.round(api).toLocaleString('en-US').padStart(8)} req/s   ${(api / bare).toFixed(2)}x of bare (${STORES} stores, SQLite)`,
    );
  } finally {
    await service.app.close();
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

import { DataSource } from 'typeorm';

/** PostgreSQL on loopback (trust auth), as the test databases. */
const SERVER = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';

/** The bench's own database: created empty, read by the bench, dropped at the end. */
export interface BenchDatabase {
  url: string;
  /** Drops and creates it again (empty: the instances migrate it at start). */
  recreate(): Promise<void>;
  query<T>(sql: string, parameters?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

async function onServer(sql: string): Promise<void> {
  const admin = new DataSource({ type: 'postgres', url: `${SERVER}/postgres` });
  await admin.initialize();
  try {
    await admin.query(sql);
  } finally {
    await admin.destroy();
  }
}

export function benchDatabase(name: string): BenchDatabase {
  const url = `${SERVER}/${name}`;
  let reader: DataSource | null = null;
  const disconnect = async () => {
    await reader?.destroy().catch(() => undefined);
    reader = null;
  };
  return {
    url,
    async recreate() {
      await disconnect();
      await onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await onServer(`CREATE DATABASE ${name}`);
    },
    async query<T>(sql: string, parameters: unknown[] = []) {
      if (!reader) {
        reader = new DataSource({ type: 'postgres', url, extra: { max: 1 } });
        await reader.initialize();
      }
      return (await reader.query(sql, parameters)) as T[];
    },
    async drop() {
      await disconnect();
      await onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

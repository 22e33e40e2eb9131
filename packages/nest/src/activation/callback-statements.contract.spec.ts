import type { DataSource } from 'typeorm';
import { makeCallback, recordCallback } from '../test-support/callbacks';
import { createTestModule, testOptions, type TestHarness } from '../test-support/test-app';
import { runOnTestDatabases, type TestDatabase } from '../test-support/test-databases';

/** The SQL statements the DataSource sends while `action` runs (its logger sees every query, logging on or off). */
async function countStatements(dataSource: DataSource, action: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const logger = dataSource.logger;
  const original = logger.logQuery.bind(logger);
  logger.logQuery = (query, parameters, queryRunner) => {
    seen.push(query);
    return original(query, parameters, queryRunner);
  };
  try {
    await action();
  } finally {
    logger.logQuery = original;
  }
  return seen;
}

/** `VERB table` of a statement (its first magekit table). */
function labelOf(query: string): string {
  const verb = query.trimStart().split(/\s/)[0]?.toUpperCase() ?? '';
  return `${verb} ${/magekit_[a-z_]+/.exec(query)?.[0] ?? '?'}`;
}

function runContract(db: TestDatabase): void {
  describe(`statements of a callback on ${db.name}`, () => {
    let dataSource: DataSource;
    let drop: () => Promise<void>;
    let harness: TestHarness;

    beforeEach(async () => {
      ({ dataSource, drop } = await db.open());
      harness = await createTestModule(dataSource, testOptions());
    });
    afterEach(async () => {
      await harness?.module.close();
      await drop?.();
    });

    it('a new store is recorded in five statements, none of them reading back what it wrote', async () => {
      const seen = await countStatements(dataSource, () => recordCallback(harness.module, 'acme', makeCallback()));
      expect(seen.map(labelOf)).toEqual([
        'SELECT magekit_stores', // admission: is the key known, and the pending counts
        'INSERT magekit_stores',
        // TypeORM reads the defaults of an inserted row back on SQLite (no RETURNING there).
        ...(db.name === 'SQLite' ? ['SELECT magekit_stores'] : []),
        'INSERT magekit_activations',
        'INSERT magekit_activation_events',
        'SELECT magekit_identity_links', // a vendor sign-in that came first
      ]);
    });

    it('a repeated callback finds the first activation through the refused insert (unique verifier hash)', async () => {
      const callback = makeCallback();
      await recordCallback(harness.module, 'acme', callback);
      const seen = await countStatements(dataSource, () => recordCallback(harness.module, 'acme', callback));
      expect(seen.map(labelOf)).toEqual([
        'SELECT magekit_stores',
        'SELECT magekit_stores',
        'INSERT magekit_activations', // refused by the unique verifier hash
        'SELECT magekit_activations',
        'SELECT magekit_activation_events',
        'INSERT magekit_activation_events', // duplicate_callback
      ]);
    });
  });
}

runOnTestDatabases('callback statements', runContract);

import type { DataSource } from 'typeorm';
import { createKeyRing, type KeyRing, type KeyRingConfig } from './key-ring';
import { ENCRYPTED_COLUMNS, secretContext, type EncryptedTable } from './secret-box';

/** What {@link rotateSecrets} did. */
export interface RotationResult {
  activeKeyId: string;
  /** Cells re-encrypted, by `table.column`. */
  reencrypted: Record<string, number>;
  /** Cells already under the active key. */
  unchanged: number;
}

/**
 * Re-encrypts every stored secret that is not under the active key (for a CLI `rotate` command).
 * Rows are read in pages and each cell is updated only if it still holds the ciphertext that was
 * read, so rotation can run while the app is serving. Retired keys can be removed afterwards.
 *
 * @throws MagentoIntegrationError `INVALID_CONFIG`, `UNKNOWN_KEY_ID`, `DECRYPT_FAILED`
 */
export async function rotateSecrets(
  dataSource: DataSource,
  keys: KeyRingConfig | KeyRing,
  pageSize = 200,
): Promise<RotationResult> {
  const keyRing = 'encrypt' in keys ? keys : createKeyRing(keys);
  const result: RotationResult = { activeKeyId: keyRing.activeKeyId, reencrypted: {}, unchanged: 0 };
  for (const [table, columns] of Object.entries(ENCRYPTED_COLUMNS) as Array<[EncryptedTable, readonly string[]]>) {
    for (const column of columns) {
      result.reencrypted[`${table}.${column}`] = await rotateColumn(
        dataSource,
        keyRing,
        table,
        column,
        pageSize,
        result,
      );
    }
  }
  return result;
}

async function rotateColumn(
  dataSource: DataSource,
  keyRing: KeyRing,
  table: EncryptedTable,
  column: string,
  pageSize: number,
  result: RotationResult,
): Promise<number> {
  const metadata = dataSource.getMetadata(table);
  const target = metadata.target;
  const property = metadata.findColumnWithDatabaseName(column)?.propertyName ?? column;
  let count = 0;
  let afterId = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows: Array<{ id: string; value: string }> = await dataSource
      .createQueryBuilder()
      .select('t.id', 'id')
      .addSelect(`t.${column}`, 'value')
      .from(table, 't')
      .where(`t.${column} IS NOT NULL`)
      .andWhere('t.id > :afterId', { afterId })
      .orderBy('t.id', 'ASC')
      .limit(pageSize)
      .getRawMany();
    for (const row of rows) {
      if (keyRing.keyIdOf(row.value) === keyRing.activeKeyId) {
        result.unchanged += 1;
        continue;
      }
      const context = secretContext(table, column, row.id);
      const next = keyRing.encrypt(keyRing.decrypt(row.value, context), context);
      const update = await dataSource
        .createQueryBuilder()
        .update(target)
        .set({ [property]: next })
        .where('id = :id', { id: row.id })
        .andWhere(`${column} = :old`, { old: row.value })
        .execute();
      count += update.affected ?? 0;
    }
    if (rows.length < pageSize) return count;
    afterId = rows[rows.length - 1].id;
  }
}

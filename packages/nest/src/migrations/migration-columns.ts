import { TableColumn, TableForeignKey, TableIndex, type QueryRunner, type TableColumnOptions } from 'typeorm';

/** The logical column kinds of the magekit schema (the same as `entities/columns.ts`). */
export type ColumnKind = 'uuid' | 'timestamp' | 'text' | 'boolean' | 'integer' | { varchar: number };

/** Builds one column for the driver of `runner`, matching what the entity declares. */
export function column(
  runner: QueryRunner,
  name: string,
  kind: ColumnKind,
  options: { nullable?: boolean; primary?: boolean; default?: string } = {},
): TableColumn {
  const driver = runner.connection.driver;
  const base: TableColumnOptions = {
    name,
    type: '',
    isNullable: options.nullable ?? false,
    isPrimary: options.primary ?? false,
    // A text default, quoted as SQL (the entity declares the same value).
    ...(options.default === undefined ? {} : { default: `'${options.default.replace(/'/g, "''")}'` }),
  };
  if (kind === 'timestamp') {
    const type = driver.options.type === 'postgres' ? 'timestamp with time zone' : driver.normalizeType({ type: Date });
    return new TableColumn({ ...base, type, precision: 3 });
  }
  if (kind === 'uuid') {
    // Native uuid where the driver has it (PostgreSQL, MariaDB >= 10.7 as type 'mariadb'), else varchar as TypeORM maps it.
    return new TableColumn({ ...base, type: driver.normalizeType({ type: 'uuid' }) });
  }
  if (typeof kind === 'object')
    return new TableColumn({ ...base, type: driver.normalizeType({ type: 'varchar' }), length: String(kind.varchar) });
  return new TableColumn({ ...base, type: driver.normalizeType({ type: kind }) });
}

/** A named index (unique or not). */
export function index(name: string, columnNames: string[], isUnique = false): TableIndex {
  return new TableIndex({ name, columnNames, isUnique });
}

/** A named foreign key. */
export function foreignKey(
  name: string,
  columnName: string,
  referencedTableName: string,
  onDelete: 'CASCADE' | 'SET NULL',
): TableForeignKey {
  return new TableForeignKey({
    name,
    columnNames: [columnName],
    referencedTableName,
    referencedColumnNames: ['id'],
    onDelete,
    onUpdate: 'NO ACTION',
  });
}

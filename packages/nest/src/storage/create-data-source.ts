import { DataSource, type DataSourceOptions } from 'typeorm';

/**
 * `new DataSource(options)` with the settings the magekit schema expects:
 * PostgreSQL maps `Date` columns to `timestamp with time zone` (the migrations create them so),
 * MySQL/MariaDB reads and writes `datetime` in UTC (`timezone: 'Z'`) unless set otherwise.
 * Use it as `@nestjs/typeorm`'s `dataSourceFactory`, and in CLIs that run the migrations.
 */
export function createMagekitDataSource(options: DataSourceOptions): DataSource {
  const settings =
    options.type === 'mysql' || options.type === 'mariadb'
      ? { ...options, timezone: options.timezone ?? 'Z' }
      : options;
  const dataSource = new DataSource(settings);
  if (options.type === 'postgres') useTimestampWithTimeZone(dataSource);
  return dataSource;
}

function useTimestampWithTimeZone(dataSource: DataSource): void {
  const driver = dataSource.driver;
  const normalizeType = driver.normalizeType.bind(driver);
  // Only this DataSource's driver instance is changed: entity columns typed `Date` become timestamptz.
  driver.normalizeType = (column) => (column.type === Date ? 'timestamp with time zone' : normalizeType(column));
}

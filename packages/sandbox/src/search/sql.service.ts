import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createSqlRunner, nativeDatabase, type SqlRunner } from './sql-runner';

/**
 * The sandbox's SQLite connection for searches and bulk writes, shared by the catalog, customer,
 * order and seed services (one statement cache, SQL functions registered once).
 */
@Injectable()
export class SqlService {
  readonly runner: SqlRunner;

  constructor(dataSource: DataSource) {
    this.runner = createSqlRunner(nativeDatabase(dataSource));
  }
}

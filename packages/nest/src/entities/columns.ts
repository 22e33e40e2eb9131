import { Column, PrimaryColumn } from 'typeorm';

/**
 * Column helpers shared by the entities, so that the migrations (which build the same columns
 * per driver) and the entities cannot drift apart.
 */

/** A uuid primary key `id`, generated in code (`randomUUID`) before insert. */
export const UuidPrimaryColumn = () => PrimaryColumn({ name: 'id', type: 'uuid' });

/** An explicit uuid foreign-key column. */
export const UuidColumn = (name: string, nullable = false) => Column({ name, type: 'uuid', nullable });

/**
 * A point in time, millisecond precision: `timestamp with time zone` on PostgreSQL (through
 * `createMagekitDataSource`), `datetime(3)` in UTC on MySQL/MariaDB and SQLite.
 */
export const TimestampColumn = (name: string, nullable = false) => Column({ name, type: Date, precision: 3, nullable });

/** A text enum: stored as `varchar(length)`, checked in code; `fallback` is the column's default (rows written before it existed). */
export const TextEnumColumn = (name: string, length: number, nullable = false, fallback?: string) =>
  Column({ name, type: 'varchar', length, nullable, ...(fallback === undefined ? {} : { default: fallback }) });

/** A short string. */
export const VarcharColumn = (name: string, length: number, nullable = false) =>
  Column({ name, type: 'varchar', length, nullable });

/** Long text (ciphertexts, messages, hints). */
export const TextColumn = (name: string, nullable = false) => Column({ name, type: 'text', nullable });

/** A boolean (`boolean` on PostgreSQL, `tinyint` on MySQL, integer on SQLite). */
export const BooleanColumn = (name: string) => Column({ name, type: 'boolean' });

/** A non-negative counter. */
export const IntegerColumn = (name: string) => Column({ name, type: 'integer' });

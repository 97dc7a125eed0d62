import {
  Column,
  type ColumnOptions,
  CreateDateColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type ValueTransformer,
} from 'typeorm';

// Column shapes shared by every entity. Each helper picks a type that both MySQL (mysql2) and
// SQLite (better-sqlite3) understand, so that one set of entities serves both modes and the two
// migration sets describe the same schema.

/** Auto-increment bigint key, hydrated as a number (the pool disables big-number strings). */
export const IdColumn = (): PropertyDecorator => PrimaryGeneratedColumn({ type: 'bigint' });

/** Node, pipeline and version ids: 33 characters in practice (01 §2), 64 as a safety margin. */
export const IdStringColumn = (options: ColumnOptions = {}): PropertyDecorator =>
  Column({ type: 'varchar', length: 64, ...options });

export const NameColumn = (length: number, options: ColumnOptions = {}): PropertyDecorator =>
  Column({ type: 'varchar', length, ...options });

/**
 * JSON payloads. `json` is native JSON on MySQL (LONGTEXT with a validity check on MariaDB) and
 * JSON text on SQLite; TypeORM (de)serialises on both. No database defaults: MySQL refuses literal
 * defaults on JSON/TEXT columns, so writers always supply the value.
 */
export const JsonColumn = (options: ColumnOptions = {}): PropertyDecorator =>
  Column({ type: 'json', ...(options.nullable ? {} : { transformer: JSON_NULL_AS_TEXT }), ...options });

/** Serialises as JSON `null` (TypeORM would otherwise take JS `null` for SQL NULL). */
const JSON_NULL = { toJSON: (): null => null };

/**
 * A JSON column is NOT NULL, but `null` is a JSON value like any other (a context variable, an
 * output, spec 04 §2): it is stored as the text `null` and reads back as `null`. Without this
 * TypeORM writes SQL NULL and the database refuses the row (a run refused with a 500, or a step's
 * commit failing and its pipeline left RUNNING).
 */
const JSON_NULL_AS_TEXT: ValueTransformer = {
  to: (value: unknown) => (value === null ? JSON_NULL : value),
  from: (value: unknown) => value,
};

export const IntColumn = (defaultValue?: number, options: ColumnOptions = {}): PropertyDecorator =>
  Column({ type: 'int', ...(defaultValue === undefined ? {} : { default: defaultValue }), ...options });

export const BigIntColumn = (defaultValue?: number, options: ColumnOptions = {}): PropertyDecorator =>
  Column({ type: 'bigint', ...(defaultValue === undefined ? {} : { default: defaultValue }), ...options });

export const BoolColumn = (defaultValue: boolean, options: ColumnOptions = {}): PropertyDecorator =>
  Column({ type: 'boolean', default: defaultValue, ...options });

/** UTC instants with microseconds on MySQL (DATETIME(6)); ISO-like text on SQLite. */
export const TimeColumn = (options: ColumnOptions = {}): PropertyDecorator =>
  Column({ type: 'datetime', precision: 6, ...options });

/** Defaults to "now" on insert (a per-driver default TypeORM knows how to write). */
export const CreatedTimeColumn = (name: string): PropertyDecorator =>
  CreateDateColumn({ type: 'datetime', precision: 6, name });

export const UpdatedTimeColumn = (name: string): PropertyDecorator =>
  UpdateDateColumn({ type: 'datetime', precision: 6, name });

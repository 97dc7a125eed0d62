// TypeORM CLI entry (migrations): `npx typeorm -d dist/ormconfig.js migration:show`.
// The data source is built by @bamboo/runtime from BAMBOO_DB_URL, exactly as the apps build it.
import 'reflect-metadata';
import { DataSource } from 'typeorm';

const url = process.env.BAMBOO_DB_URL ?? 'sqlite:./data/bamboo.sqlite';

export default new DataSource(
  url.startsWith('mysql://')
    ? { type: 'mysql', url, migrationsTableName: 'bamboo_migrations' }
    : { type: 'better-sqlite3', database: url.slice('sqlite:'.length), migrationsTableName: 'bamboo_migrations' },
);

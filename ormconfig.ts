// TypeORM CLI entry (migrations): `npx typeorm -d dist/ormconfig.js migration:show`.
// The data source is built by @bamboo/runtime from BAMBOO_DB_URL, exactly as the apps build it; it
// applies pending migrations when initialised.
import 'reflect-metadata';
import { createBambooDataSource, loadBambooConfig } from '@bamboo/runtime';

export default createBambooDataSource(loadBambooConfig());

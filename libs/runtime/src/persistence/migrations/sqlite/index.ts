import type { MigrationInterface } from 'typeorm';
import { InitialSchemaSqlite1760000000000 } from './1760000000000-initial-schema.migration';
import { EngineRuntimeColumnsSqlite1760000000001 } from './1760000000001-engine-runtime-columns.migration';
import { CallbackDataConsumedSqlite1760000000002 } from './1760000000002-callback-data-consumed.migration';
import { ObservabilityTablesSqlite1760000000003 } from './1760000000003-observability-tables.migration';

/** SQLite migrations, oldest first. */
export const SQLITE_MIGRATIONS: (new () => MigrationInterface)[] = [
  InitialSchemaSqlite1760000000000,
  EngineRuntimeColumnsSqlite1760000000001,
  CallbackDataConsumedSqlite1760000000002,
  ObservabilityTablesSqlite1760000000003,
];

import type { MigrationInterface } from 'typeorm';
import { InitialSchemaMysql1760000000000 } from './1760000000000-initial-schema.migration';
import { EngineRuntimeColumnsMysql1760000000001 } from './1760000000001-engine-runtime-columns.migration';
import { CallbackDataConsumedMysql1760000000002 } from './1760000000002-callback-data-consumed.migration';
import { ObservabilityTablesMysql1760000000003 } from './1760000000003-observability-tables.migration';

/** MySQL/MariaDB migrations, oldest first. */
export const MYSQL_MIGRATIONS: (new () => MigrationInterface)[] = [
  InitialSchemaMysql1760000000000,
  EngineRuntimeColumnsMysql1760000000001,
  CallbackDataConsumedMysql1760000000002,
  ObservabilityTablesMysql1760000000003,
];

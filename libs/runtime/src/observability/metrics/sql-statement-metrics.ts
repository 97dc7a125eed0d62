import type { DataSource } from 'typeorm';
import { BATCHED_MARK } from '../../engine-runtime/statement-batch';
import type { BambooMetrics } from './bamboo-metrics';

const instrumented = new WeakSet<DataSource>();

/**
 * Trailing comment of statements that are not counted. A mark in the SQL text, not on the query
 * runner: SQLite drivers share one query runner between every caller.
 */
const MONITORING_MARK = '/* bamboo:monitoring */';

/**
 * Counts every statement the data source sends (`bamboo_sql_statements_total`, the bench's SQL
 * figure) and the round trips they took (`bamboo_sql_round_trips_total`: a statement that went in
 * one multi-statement batch with the one before it, marked BATCHED_MARK, takes none of its own).
 * TypeORM hands each statement to its logger whatever the logging option, and the runtime's
 * batches log each of their statements, so wrapping `logQuery` sees them all (the statement-count
 * specs count the same way) and also works on a host's data source, whose logger we must not replace.
 */
export function countSqlStatements(dataSource: DataSource, metrics: BambooMetrics): DataSource {
  if (instrumented.has(dataSource)) return dataSource;
  instrumented.add(dataSource);
  const logger = dataSource.logger;
  const logQuery = logger.logQuery.bind(logger);
  logger.logQuery = (...args: Parameters<typeof logQuery>) => {
    const sql = args[0];
    if (!sql.endsWith(MONITORING_MARK)) {
      metrics.inc('bamboo_sql_statements_total');
      if (!sql.endsWith(BATCHED_MARK)) metrics.inc('bamboo_sql_round_trips_total');
    }
    logQuery(...args);
  };
  return dataSource;
}

/**
 * A query that is monitoring, not engine work (heartbeats, status reads, health): it is left out
 * of `bamboo_sql_statements_total` so that the bench's statements per node stay the engine's.
 */
export async function monitoringQuery<T = unknown>(
  dataSource: DataSource,
  sql: string,
  parameters: unknown[] = [],
): Promise<T> {
  return dataSource.query<T>(`${sql} ${MONITORING_MARK}`, parameters);
}

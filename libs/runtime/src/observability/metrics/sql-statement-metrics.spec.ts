import { Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { BATCHED_MARK } from '../../engine-runtime/statement-batch';
import { BambooMetrics } from './bamboo-metrics';
import { loadMetricsSettings } from './metrics-settings';
import { countSqlStatements } from './sql-statement-metrics';

describe('countSqlStatements', () => {
  it('counts every statement, a batch as one round trip, and leaves monitoring out', async () => {
    const registry = new Registry();
    const metrics = new BambooMetrics({ ...loadMetricsSettings({}), hostname: 'h1' }, registry);
    const seen: string[] = [];
    const dataSource = { logger: { logQuery: (sql: string) => seen.push(sql) } } as unknown as DataSource;
    countSqlStatements(dataSource, metrics);
    const log = (sql: string) => dataSource.logger.logQuery(sql);
    log('SELECT 1');
    log('START TRANSACTION');
    log(`UPDATE t SET a = 1 ${BATCHED_MARK}`);
    log(`UPDATE t SET a = 2 ${BATCHED_MARK}`);
    log('COMMIT');
    log('SELECT 1 /* bamboo:monitoring */');
    const value = async (name: string) => (await registry.getSingleMetric(name)!.get()).values[0]?.value;
    expect(await value('bamboo_sql_statements_total')).toBe(5);
    expect(await value('bamboo_sql_round_trips_total')).toBe(3);
    expect(seen).toHaveLength(6);
  });
});

import type { DataSource } from 'typeorm';
import { BATCHED_MARK } from './batched-mark';
import { Coalescer } from './coalescer';

interface Read {
  sql: string;
  params: unknown[];
}

type Rows = Array<Record<string, unknown>>;

/** mysql2's callback connection, as much of it as a group uses. */
interface MysqlConnection {
  query(sql: string, values: unknown[], callback: (error: Error | null, results?: unknown) => void): unknown;
}

const installed = new WeakMap<DataSource, MysqlReadGroups>();

/**
 * MySQL: the SELECTs of steps that wait for the database at the same time travel as one
 * multi-statement text (see Coalescer), each still its own statement with its own result set and
 * snapshot, as if sent alone. Installed per data source by a runtime that batches; RawTable's reads
 * outside a transaction use it (inside one they must stay on the transaction's connection).
 */
export class MysqlReadGroups {
  private readonly reads: Coalescer<Read, Rows>;

  private constructor(
    private readonly dataSource: DataSource,
    limits: { maxInFlight: number; maxGroupSize: number },
  ) {
    this.reads = new Coalescer<Read, Rows>({
      together: (reads) => this.together(reads),
      alone: ({ sql, params }) => this.dataSource.query<Rows>(sql, params),
      ...limits,
    });
  }

  static of(dataSource: DataSource): MysqlReadGroups | undefined {
    return installed.get(dataSource);
  }

  static install(dataSource: DataSource, limits: { maxInFlight: number; maxGroupSize: number }): void {
    if (!installed.has(dataSource)) installed.set(dataSource, new MysqlReadGroups(dataSource, limits));
  }

  query(sql: string, params: unknown[]): Promise<Rows> {
    return this.reads.run({ sql, params });
  }

  private async together(reads: readonly Read[]): Promise<Rows[]> {
    const runner = this.dataSource.createQueryRunner();
    const texts = reads.map(({ sql }, i) => (i === 0 ? sql : `${sql} ${BATCHED_MARK}`));
    try {
      const connection = (await runner.connect()) as MysqlConnection;
      const results = await new Promise<unknown>((resolve, reject) => {
        connection.query(
          texts.join(';\n'),
          reads.flatMap(({ params }) => params),
          (error, answer) => (error ? reject(error) : resolve(answer)),
        );
      });
      const logger = this.dataSource.logger;
      for (const [i, { params }] of reads.entries()) logger.logQuery(texts[i]!, params, runner);
      if (!Array.isArray(results) || results.length !== reads.length || !results.every(Array.isArray)) {
        throw new Error('The database driver did not answer every grouped SELECT with its rows');
      }
      return results as Rows[];
    } finally {
      await runner.release();
    }
  }
}

import type { DataSource } from 'typeorm';
import { Coalescer } from './coalescer';
import { sendTogether } from './mysql-multi-statement';

interface Read {
  sql: string;
  params: unknown[];
}

type Rows = Array<Record<string, unknown>>;

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
    const answers = await sendTogether(this.dataSource, reads);
    if (!answers.every(Array.isArray))
      throw new Error('The database driver did not answer every grouped SELECT with its rows');
    return answers as Rows[];
  }
}

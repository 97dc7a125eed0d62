import type { DataSource } from 'typeorm';
import { BATCHED_MARK } from './batched-mark';
import { PREFORMATTED, queryText, type ValueFormat } from '../persistence/mysql-query-text';
import type { Statement } from './raw-table';

/** mysql2's callback connection, as much of it as a multi-statement round trip uses. */
interface MysqlConnection {
  readonly config: ValueFormat;
  query(sql: string, values: readonly unknown[], callback: (error: Error | null, results?: unknown) => void): unknown;
}

/**
 * MySQL: statements sent as one multi-statement text on one pooled connection, outside any
 * transaction, so each runs as its own autocommit statement, in order. Answers one result per
 * statement: the rows of a SELECT, the header (`affectedRows`) of a write. Every statement is
 * logged (the ones after the first marked BATCHED_MARK, so that round trips are counted right).
 */
export async function sendTogether(dataSource: DataSource, statements: readonly Statement[]): Promise<unknown[]> {
  const runner = dataSource.createQueryRunner();
  const texts = statements.map(({ sql }, i) => (i === 0 ? sql : `${sql} ${BATCHED_MARK}`));
  try {
    const connection = (await runner.connect()) as MysqlConnection;
    const results = await new Promise<unknown>((resolve, reject) => {
      const text = queryText(statements, connection.config, BATCHED_MARK);
      connection.query(text, PREFORMATTED, (error, answer) => (error ? reject(error) : resolve(answer)));
    });
    for (const [i, { params }] of statements.entries()) dataSource.logger.logQuery(texts[i]!, params, runner);
    // A lone statement's answer is not wrapped in a list.
    const answers: unknown = statements.length === 1 ? [results] : results;
    if (!Array.isArray(answers) || answers.length !== statements.length) {
      throw new Error('The database driver did not answer every statement of a multi-statement round trip');
    }
    return answers as unknown[];
  } finally {
    await runner.release();
  }
}

/** The rows a write matched (mysql2 `affectedRows`, CLIENT_FOUND_ROWS), from `sendTogether`'s answer. */
export function matchedRows(answer: unknown): number {
  const affected = (answer as { affectedRows?: unknown } | null)?.affectedRows;
  // A driver that does not report it would silently break every compare-and-set: refuse to guess.
  if (typeof affected !== 'number') throw new Error('The database driver did not report affected rows');
  return affected;
}

/** The rows of a SELECT, from `sendTogether`'s answer. */
export function selectedRows(answer: unknown): Array<Record<string, unknown>> {
  if (!Array.isArray(answer)) throw new Error('The database driver did not answer a SELECT with its rows');
  return answer as Array<Record<string, unknown>>;
}

import { readFileSync } from 'node:fs';
import type { DataSource } from 'typeorm';

export interface ExecuteAudit {
  executes: number;
  attempts: number;
  /** Attempts `(node_id, version)` that ran the component more than once. */
  duplicateAttempts: number;
  /** Of those, attempts whose execute completed (the node FINISHED at that version): must be 0. */
  duplicateCompletedAttempts: number;
  examples: string[];
}

export interface LeftoverAudit {
  liveProcesses: number;
  heldTokens: number;
  openSchedules: number;
  lockedSchedules: number;
  /** Where each live process stopped: `node state`, to tell an engine gap from a slow run. */
  stuckAt: string[];
}

/** Reads the workers' execute log and compares it with the versions the engine finished. */
export async function auditExecutes(logFile: string, dataSource: DataSource): Promise<ExecuteAudit> {
  const counts = new Map<string, number>();
  const lines = readFileSync(logFile, 'utf8').split('\n').filter(Boolean);
  for (const line of lines) {
    const [nodeId, version] = line.split('\t');
    const key = `${nodeId}@${version}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const finished = await dataSource.query<Array<{ node_id: string; version: string }>>(
    "SELECT node_id, version FROM eri_state WHERE name = 'FINISHED'",
  );
  const completed = new Set(finished.map((row) => `${row.node_id}@${row.version}`));
  const duplicates = [...counts].filter(([, count]) => count > 1);
  return {
    executes: lines.length,
    attempts: counts.size,
    duplicateAttempts: duplicates.length,
    duplicateCompletedAttempts: duplicates.filter(([key]) => completed.has(key)).length,
    examples: duplicates.slice(0, 5).map(([key, count]) => `${key} x${count}`),
  };
}

/** What must be gone once every pipeline finished: live processes, tokens, open or locked schedules. */
export async function auditLeftovers(dataSource: DataSource): Promise<LeftoverAudit> {
  const count = async (sql: string): Promise<number> =>
    Number((await dataSource.query<Array<{ n: number | string }>>(sql))[0]?.n ?? 0);
  return {
    liveProcesses: await count('SELECT COUNT(*) AS n FROM eri_process WHERE dead = 0'),
    heldTokens: await count('SELECT COUNT(*) AS n FROM eri_process WHERE task_token IS NOT NULL'),
    openSchedules: await count('SELECT COUNT(*) AS n FROM eri_schedule WHERE finished = 0 AND expired = 0'),
    lockedSchedules: await count('SELECT COUNT(*) AS n FROM eri_schedule WHERE scheduling = 1'),
    stuckAt: (
      await dataSource.query<Array<{ node: string; state: string | null; asleep: number }>>(
        `SELECT p.current_node_id AS node, s.name AS state, p.asleep AS asleep
           FROM eri_process p LEFT JOIN eri_state s ON s.node_id = p.current_node_id WHERE p.dead = 0`,
      )
    ).map((row) => `${row.node} ${row.state ?? 'no state'}${Number(row.asleep) ? ' asleep' : ' awake'}`),
  };
}

import { InvalidOperationError, NotFoundError } from '@bamboo/engine';
import type { DataSource, FindOptionsWhere } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { updateWhere } from '../persistence/conditional-update';
import { PluginExecuteTaskEntity, type PluginExecuteState } from '../persistence/entities';

export type PluginMap = Record<string, unknown>;

/** The three caller-supplied maps of a task; absent ones are kept on retry. */
export interface PluginTaskMaps {
  inputs?: PluginMap;
  contexts?: PluginMap;
  runtimeAttrs?: PluginMap;
}

/** Columns a transition may write. */
export type PluginTaskChanges = Partial<
  Pick<
    PluginExecuteTaskEntity,
    'state' | 'invokeCount' | 'inputs' | 'outputs' | 'callbackData' | 'contexts' | 'runtimeAttrs' | 'finishAt'
  >
>;

// TypeORM's deep-partial type cannot express free-form JSON maps (it recurses into their values);
// the JSON columns take them whole.
function asUpdate(changes: Partial<PluginExecuteTaskEntity>): QueryDeepPartialEntity<PluginExecuteTaskEntity> {
  return changes as QueryDeepPartialEntity<PluginExecuteTaskEntity>;
}

/** One attempt of a task: jobs name it so that a job of an earlier attempt is recognised as stale. */
export interface PluginAttempt {
  taskId: number;
  invokeCount: number;
}

/**
 * The `plugin_execute_task` table (07 §6.2). Every state change is a conditional UPDATE on the
 * state (and the attempt's `invoke_count`): API calls and queue jobs race without locks, and the
 * loser sees 0 rows instead of overwriting the winner.
 */
export class PluginTaskStore {
  constructor(private readonly dataSource: DataSource) {}

  private get repository() {
    return this.dataSource.getRepository(PluginExecuteTaskEntity);
  }

  async insert(
    task: Pick<PluginExecuteTaskEntity, 'componentCode' | 'version' | 'inputs' | 'contexts' | 'runtimeAttrs'>,
  ): Promise<number> {
    const row: Omit<PluginExecuteTaskEntity, 'id' | 'createdAt'> = {
      ...task,
      state: 'READY',
      invokeCount: 1,
      outputs: {},
      callbackData: {},
      scheduling: false,
      finishAt: null,
    };
    const result = await this.repository.insert(asUpdate(row));
    return Number((result.identifiers[0] as { id: number | string }).id);
  }

  async delete(taskId: number): Promise<void> {
    await this.repository.delete({ id: taskId });
  }

  find(taskId: number): Promise<PluginExecuteTaskEntity | null> {
    return this.repository.findOneBy({ id: taskId });
  }

  /** The row, or the 404 of spec 06 B.1 ("unknown plugin task"). */
  async get(taskId: number): Promise<PluginExecuteTaskEntity> {
    const task = await this.find(taskId);
    if (!task) throw new NotFoundError(`plugin task ${taskId} does not exist`, { task_id: taskId });
    return task;
  }

  /** The row of an attempt while it is still in `state`; null when it moved on or was replaced. */
  async findAttempt(attempt: PluginAttempt, state: PluginExecuteState): Promise<PluginExecuteTaskEntity | null> {
    return this.repository.findOneBy({ id: attempt.taskId, invokeCount: attempt.invokeCount, state });
  }

  /** Tasks in `state` (attempt and component only), for the embedded restart. */
  inState(state: PluginExecuteState): Promise<PluginExecuteTaskEntity[]> {
    return this.repository.find({
      where: { state },
      select: { id: true, invokeCount: true, componentCode: true, version: true },
    });
  }

  /** `from` → `to` for one attempt; false when another writer changed the row first. */
  async transition(attempt: PluginAttempt, from: PluginExecuteState, changes: PluginTaskChanges): Promise<boolean> {
    const where: FindOptionsWhere<PluginExecuteTaskEntity> = {
      id: attempt.taskId,
      invokeCount: attempt.invokeCount,
      state: from,
    };
    return (await updateWhere(this.dataSource, PluginExecuteTaskEntity, where, asUpdate(changes))) === 1;
  }

  /**
   * Takes the `scheduling` flag of a RUNNING task (07 §6.2 callback). A refusal is explained from
   * the row: unknown task (404), not RUNNING, or another callback holding the flag (both 409).
   */
  async takeSchedulingFlag(taskId: number): Promise<PluginAttempt> {
    const where = { id: taskId, state: 'RUNNING' as const, scheduling: false };
    if ((await updateWhere(this.dataSource, PluginExecuteTaskEntity, where, { scheduling: true })) === 1) {
      // Read after taking the flag: the attempt that is RUNNING now is the one the callback is for.
      return { taskId, invokeCount: (await this.get(taskId)).invokeCount };
    }
    const now = await this.get(taskId);
    if (now.state !== 'RUNNING') throw wrongState(now, 'callback', 'RUNNING');
    throw new InvalidOperationError('callback in progress, try again', { task_id: taskId });
  }

  async releaseSchedulingFlag(taskId: number): Promise<void> {
    await updateWhere(this.dataSource, PluginExecuteTaskEntity, { id: taskId }, { scheduling: false });
  }
}

/** The 409 of a command whose precondition on the task's state does not hold (spec 06 B.1). */
export function wrongState(
  task: Pick<PluginExecuteTaskEntity, 'id' | 'state'>,
  operation: string,
  needed: PluginExecuteState,
): InvalidOperationError {
  return new InvalidOperationError(`plugin task ${task.id} is ${task.state}; ${operation} needs ${needed}`, {
    task_id: task.id,
    state: task.state,
  });
}

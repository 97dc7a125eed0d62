import { NOOP_LOGGER, type Dispatch, type Logger } from '@bamboo/engine';
import { In, IsNull, Not, type DataSource, type EntityManager } from 'typeorm';
import { CallbackDataEntity, NodeStateEntity, ProcessEntity, ScheduleEntity, updateWhere } from '../persistence';
import { gateFor } from './gate-for';
import type { TaskDispatcher } from './task-dispatcher';

const POLL = 3;

export interface RecoveryReport {
  execute: number;
  polls: number;
  callbacks: number;
}

/**
 * Embedded-mode restart (ARCHITECTURE.md "two modes"): the in-process queue lost its messages, so
 * the work they carried is found again in the tables and dispatched once more.
 *
 * - a live process holding a task token was dispatched and never started: execute again at the
 *   task's node with the same token;
 * - a POLL schedule still open on its RUNNING node attempt: poll again now (its lock, held by no
 *   one after a restart, is released);
 * - callback data not yet consumed by an open schedule: schedule it again.
 *
 * Idempotent: every task re-dispatched here passes the engine's own duplicate guards (process
 * token, schedule `times`, consumed callback data), so running it twice, or alongside a surviving
 * message, changes nothing. Must only run when no worker of this database is alive (embedded).
 */
export class EmbeddedRecovery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly dispatcher: Pick<TaskDispatcher, 'dispatch'>,
    private readonly logger: Logger = NOOP_LOGGER,
  ) {}

  async run(): Promise<RecoveryReport> {
    const gate = gateFor(this.dataSource);
    const found = await gate.run(async () => {
      const m = this.dataSource.manager;
      const execute = await this.pendingExecutes(m);
      const { polls, callbacks } = await this.openSchedules(m);
      return { execute, polls, callbacks };
    });
    await this.dispatcher.dispatch([...found.execute, ...found.polls, ...found.callbacks]);
    const report = { execute: found.execute.length, polls: found.polls.length, callbacks: found.callbacks.length };
    if (report.execute + report.polls + report.callbacks > 0) this.logger.info('embedded recovery', { ...report });
    return report;
  }

  private async pendingExecutes(m: EntityManager): Promise<Dispatch[]> {
    const processes = await m.find(ProcessEntity, { where: { dead: false, taskToken: Not(IsNull()) } });
    return processes.map((p) => ({
      task: {
        kind: 'execute',
        queue: p.queue,
        priority: p.priority,
        processId: String(p.id),
        nodeId: p.taskNodeId ?? p.currentNodeId,
        rootPipelineId: p.rootPipelineId,
        parentPipelineId: p.pipelineStack[p.pipelineStack.length - 1] ?? p.rootPipelineId,
        token: p.taskToken!,
      },
      delaySeconds: 0,
    }));
  }

  private async openSchedules(m: EntityManager): Promise<{ polls: Dispatch[]; callbacks: Dispatch[] }> {
    const schedules = await m.find(ScheduleEntity, { where: { finished: false, expired: false } });
    if (schedules.length === 0) return { polls: [], callbacks: [] };
    const nodeIds = [...new Set(schedules.map((s) => s.nodeId))];
    const [states, processes, callbackData] = await Promise.all([
      m.find(NodeStateEntity, { where: { nodeId: In(nodeIds) } }),
      m.find(ProcessEntity, { where: { id: In([...new Set(schedules.map((s) => s.processId))]), dead: false } }),
      m.find(CallbackDataEntity, { where: { nodeId: In(nodeIds), consumed: false }, order: { id: 'ASC' } }),
    ]);
    const running = new Set(states.filter((s) => s.name === 'RUNNING').map((s) => `${s.nodeId}:${s.version}`));
    const live = new Map(processes.map((p) => [p.id, p]));
    const polls: Dispatch[] = [];
    const callbacks: Dispatch[] = [];
    for (const schedule of schedules) {
      const process = live.get(schedule.processId);
      if (!process || !running.has(`${schedule.nodeId}:${schedule.version}`)) continue;
      const task = (callbackDataId: string | null, expectedTimes: number | null): Dispatch => ({
        task: {
          kind: 'schedule',
          queue: process.queue,
          priority: process.priority,
          processId: String(process.id),
          nodeId: schedule.nodeId,
          scheduleId: String(schedule.id),
          callbackDataId,
          expectedTimes,
        },
        delaySeconds: 0,
      });
      if (schedule.scheduling) await updateWhere(m, ScheduleEntity, { id: schedule.id }, { scheduling: false });
      if (schedule.type === POLL) polls.push(task(null, schedule.scheduleTimes));
      const mine = callbackData.filter((c) => c.nodeId === schedule.nodeId && c.version === schedule.version);
      callbacks.push(...mine.map((c) => task(String(c.id), null)));
    }
    return { polls, callbacks };
  }
}

import { NOOP_LOGGER, type Logger } from '@bamboo/engine';
import type { DataSource } from 'typeorm';
import { ScheduleEntity, updateWhere } from '../persistence';
import { findLostWork } from '../recovery/stuck-work.finder';
import { gateFor } from './gate-for';
import type { TaskDispatcher } from './task-dispatcher';

export interface RecoveryReport {
  execute: number;
  polls: number;
  callbacks: number;
}

/**
 * Embedded-mode restart (ARCHITECTURE.md "two modes"): the in-process queue lost its messages, so
 * the work they carried is found again in the tables (the healer's `findLostWork`) and dispatched
 * once more, without the healer's wait: nothing else can be driving it.
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
    const work = await gateFor(this.dataSource).run(async () => {
      const m = this.dataSource.manager;
      // After a restart no one holds a schedule lock: release every lock left by the dead process.
      await updateWhere(
        m,
        ScheduleEntity,
        { finished: false, expired: false, scheduling: true },
        { scheduling: false },
      );
      return findLostWork(m);
    });
    await this.dispatcher.dispatch(work.flatMap((item) => (item.dispatch ? [item.dispatch] : [])));
    const count = (...doctors: string[]) => work.filter((item) => doctors.includes(item.doctor)).length;
    const report = {
      execute: count('lost_execute'),
      polls: count('lost_poll', 'leaked_lock'),
      callbacks: count('lost_callback'),
    };
    if (work.length > 0) this.logger.info('embedded recovery', { ...report });
    return report;
  }
}

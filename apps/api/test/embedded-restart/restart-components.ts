import { appendFileSync } from 'node:fs';
import type { DataObject, ServiceResult } from '@bamboo/engine';
import { Component, Service, StaticIntervalGenerator } from '@bamboo/component-framework';

/** Seconds between the two polls of a node: pipelines spend most of their time waiting. */
export const RESTART_POLL_SECONDS = 1;

/**
 * Loaded by the embedded server of embedded-restart.int-spec.ts through BAMBOO_COMPONENT_MODULES.
 * Its execute appends `node_id version pid` to RESTART_EXECUTE_LOG (one short O_APPEND write: a
 * SIGKILL never leaves half a line), then the node waits for a second poll, so that a SIGKILL finds
 * pipelines mid-run with open schedules and queued executes.
 */
@Component({ code: 'restart_slow_step', name: 'Slow step (restart test)', groupName: 'Bamboo tests' })
export class RestartSlowStepService extends Service {
  static override needSchedule = true;
  static override interval = (): StaticIntervalGenerator => new StaticIntervalGenerator(RESTART_POLL_SECONDS);

  execute(data: DataObject): ServiceResult {
    const log = process.env.RESTART_EXECUTE_LOG;
    if (log) appendFileSync(log, `${this.runtime.id}\t${this.runtime.version}\t${process.pid}\n`);
    data.outputs.executed_by = process.pid;
    return true;
  }

  override schedule(data: DataObject): ServiceResult {
    // The first poll comes at once; the second, RESTART_POLL_SECONDS later, finishes the node.
    const polls = Number(data.getOneOfOutputs('polls', 0)) + 1;
    data.outputs.polls = polls;
    if (polls >= 2) this.finishSchedule();
    return true;
  }
}

import { ScheduleType } from '../component';
import type { ExecuteOutcome } from '../handlers/node-handler';
import { scheduleServiceActivity } from '../handlers/service-activity-schedule.handler';
import type { ScheduleTask } from '../runtime/engine-task';
import type { RunDefinition, ServiceActivityDefinition } from '../runtime/node-definition';
import type { ExecutionData, ScheduleRecord } from '../runtime/runtime-records';
import type { EngineServices } from './engine-services';
import { componentTypeLabel, stopwatch } from './observation';
import type { ProcessEffects } from './process-effects';
import type { StepEffects } from './step-effects';

/**
 * The first poll of a POLL schedule, run inside the execute step that created the schedule, before
 * that step's commit (ADR 0009, session 5). Spec 03 §4.2 dispatches the first poll "now"; running
 * it at once in the same task is that dispatch taken without the queue, and the step then commits
 * the execute's result, the schedule as the poll left it and what the poll decided, in one commit.
 *
 * Nothing is visible between the execute and the poll: the node shows RUNNING (committed before
 * user code ran) until the one commit. A worker dying in between loses exactly what a worker dying
 * during execute loses (the node stays RUNNING with no schedule; recovery treats it the same way).
 * An operator command landing meanwhile changes the node's version, so the commit loses its
 * compare-and-set and the attempt's result is discarded, as for a late execute.
 */
export class FirstPollInStep {
  constructor(private readonly services: EngineServices) {}

  /** True when the poll may run here: a POLL schedule, and the worker job takes its queue's work. */
  applies(outcome: ExecuteOutcome, proc: ProcessEffects, nodeId: string): boolean {
    if (outcome.kind !== 'schedule' || outcome.scheduleType !== ScheduleType.POLL) return false;
    return this.services.followUps?.runsInStep(proc.pollTask(nodeId, '')) ?? false;
  }

  /**
   * Runs the poll and records its schedule, and the next poll when it asks for one. Returns what
   * the step does next: continue (`next`), park on a failure, or wait for the next poll.
   */
  async run(node: ServiceActivityDefinition, run: RunDefinition, proc: ProcessEffects, effects: StepEffects) {
    const state = effects.stateOf(node.id)!;
    const schedule: ScheduleRecord = {
      id: this.services.ids.id(),
      type: ScheduleType.POLL,
      processId: proc.process.id,
      nodeId: node.id,
      version: state.version,
      finished: false,
      expired: false,
      scheduling: false,
      times: 0,
    };
    const handling = stopwatch(this.services);
    const outcome = await scheduleServiceActivity({
      node,
      run,
      process: proc.process,
      state,
      schedule,
      executionData: asStored(effects.pendingExecutionData(node.id)),
      callbackData: undefined,
      effects,
      services: this.services,
    });
    this.services.observer.observe('engine_node_schedule_time', handling(), {
      type: componentTypeLabel(node.component),
    });
    // The schedule as the schedule task's commit would leave it after this first poll. One that
    // finished here is not stored: schedule rows serve later polls, callbacks and recovery, and a
    // schedule finished in the step that created it has none of them.
    schedule.times = 1;
    if (outcome.kind !== 'next') effects.add({ newSchedules: [schedule] });
    switch (outcome.kind) {
      case 'next':
        return { kind: 'next', nextNodeId: outcome.nextNodeId } satisfies ExecuteOutcome;
      case 'poll': {
        const task: ScheduleTask = { ...proc.pollTask(node.id, schedule.id), expectedTimes: 1 };
        effects.add({ dispatch: [{ task, delaySeconds: outcome.after }] });
        return { kind: 'wait' } satisfies ExecuteOutcome;
      }
      case 'wait':
        return { kind: 'wait' } satisfies ExecuteOutcome;
      case 'failed':
        return { kind: 'failed' } satisfies ExecuteOutcome;
    }
  }
}

/** What the schedule step would read back: execution data is stored as JSON. */
function asStored(data: ExecutionData | undefined): ExecutionData | undefined {
  return data === undefined ? undefined : (JSON.parse(JSON.stringify(data)) as ExecutionData);
}

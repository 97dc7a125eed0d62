import { ScheduleType } from '../component';
import { scheduleServiceActivity } from '../handlers/service-activity-schedule.handler';
import type { ScheduleOutcome } from '../handlers/service-activity-schedule.handler';
import type { ScheduleTask } from '../runtime/engine-task';
import type { ServiceActivityDefinition } from '../runtime/node-definition';
import type { ProcessRecord, ScheduleRecord } from '../runtime/runtime-records';
import { StateVersionNotMatchError } from '../runtime/runtime.errors';
import type { SchedulePatch } from '../runtime/step-commit';
import type { EngineServices } from './engine-services';
import type { RunCache } from './run-cache';
import { StepEffects } from './step-effects';

/**
 * The schedule task (spec 03 §5): version and state checks, the schedule lock, one schedule call,
 * and one commit that also releases the lock and dispatches what follows.
 */
export class ScheduleRunner {
  constructor(
    private readonly services: EngineServices,
    private readonly runs: RunCache,
  ) {}

  async run(task: ScheduleTask): Promise<void> {
    const { runtime } = this.services;
    const snapshot = await runtime.loadScheduleStep(task);
    const { schedule, state, process } = snapshot;
    if (!schedule || !process || schedule.finished) return;
    // A callback task whose data was already consumed is a redelivery: schedule runs once per callback.
    if (task.callbackDataId && !snapshot.callbackData) return;
    if (task.expectedTimes !== null && schedule.times !== task.expectedTimes) return;
    if (!state || state.version !== schedule.version || state.name !== 'RUNNING') {
      await runtime.commit({ schedules: [{ id: schedule.id, patch: { expired: true } }] });
      return;
    }
    if (!(await runtime.acquireScheduleLock(schedule.id))) {
      await this.lockBusy(task, schedule);
      return;
    }
    const run = await this.runs.get(process.rootPipelineId);
    const effects = new StepEffects(this.services);
    effects.observe(state, state.nodeId);
    let outcome: ScheduleOutcome;
    try {
      outcome = await scheduleServiceActivity({
        node: run.nodes[task.nodeId] as ServiceActivityDefinition,
        run,
        process,
        state,
        schedule,
        executionData: snapshot.executionData,
        callbackData: snapshot.callbackData,
        effects,
        services: this.services,
      });
    } catch (error) {
      await runtime.commit({ schedules: [{ id: schedule.id, patch: { scheduling: false } }] });
      throw error;
    }
    effects.add({ schedules: [this.follow(outcome, task, schedule, process, effects)] });
    if (task.callbackDataId) effects.add({ consumeCallbackData: [task.callbackDataId] });
    try {
      await effects.flush();
    } catch (error) {
      if (!(error instanceof StateVersionNotMatchError)) throw error;
      // An operator changed the attempt meanwhile (forced fail, retry): its late result is discarded.
      this.services.logger.info('schedule result discarded: the attempt changed', { nodeId: task.nodeId });
      await runtime.commit({ schedules: [{ id: schedule.id, patch: { scheduling: false } }] });
    }
  }

  /** Spec 03 §5 steps 7–9: the schedule patch (lock released) and the follow-up dispatch. */
  private follow(
    outcome: ScheduleOutcome,
    task: ScheduleTask,
    schedule: ScheduleRecord,
    process: ProcessRecord,
    effects: StepEffects,
  ): SchedulePatch {
    const times = schedule.times + 1;
    const patch: SchedulePatch = { id: schedule.id, patch: { times, scheduling: false } };
    if (outcome.kind === 'poll') {
      effects.add({
        dispatch: [{ task: { ...task, callbackDataId: null, expectedTimes: times }, delaySeconds: outcome.after }],
      });
    }
    if (outcome.kind !== 'next') return patch;
    patch.patch.finished = true;
    if (outcome.nextNodeId !== task.nodeId) {
      effects.event('node_finish', { root_pipeline_id: process.rootPipelineId, node_id: task.nodeId });
    }
    const token = this.services.ids.id();
    const stack = process.pipelineStack;
    effects.add({
      processes: [{ id: process.id, patch: { taskToken: token }, expectToken: null }],
      dispatch: [
        {
          task: {
            kind: 'execute',
            queue: process.queue,
            priority: process.priority,
            processId: process.id,
            nodeId: outcome.nextNodeId,
            rootPipelineId: process.rootPipelineId,
            parentPipelineId: stack[stack.length - 1]!,
            token,
          },
          delaySeconds: 0,
        },
      ],
    });
    return patch;
  }

  /** Busy lock: a multi-callback retries in 1–5 s (derived from a fresh id, not `Math.random`); others drop. */
  private async lockBusy(task: ScheduleTask, schedule: ScheduleRecord): Promise<void> {
    if (schedule.type !== ScheduleType.MULTIPLE_CALLBACK) return;
    const id = this.services.ids.id();
    const delaySeconds = 1 + (id.charCodeAt(id.length - 1) % 5);
    await this.services.runtime.commit({ dispatch: [{ task, delaySeconds }] });
  }
}

import { ScheduleType } from '../component';
import { handlerFor } from '../handlers/handler-registry';
import { scheduleServiceActivity } from '../handlers/service-activity-schedule.handler';
import type { ScheduleOutcome } from '../handlers/service-activity-schedule.handler';
import type { ScheduleTask } from '../runtime/engine-task';
import type { RunDefinition, ServiceActivityDefinition } from '../runtime/node-definition';
import type { ProcessRecord, ScheduleRecord } from '../runtime/runtime-records';
import { StateVersionNotMatchError } from '../runtime/runtime.errors';
import type { SchedulePatch } from '../runtime/step-commit';
import { NO_FINISH_HOOKS, type ActivityFinishHooks } from './activity-finish-hooks';
import type { EngineServices } from './engine-services';
import type { HeldResult } from './execute-runner';
import { executeTaskOf } from './process-effects';
import { componentTypeLabel, stopwatch } from './observation';
import type { RunCache } from './run-cache';
import { StepEffects } from './step-effects';

/**
 * The schedule task (spec 03 §5): version and state checks, the schedule lock, one schedule call,
 * and one commit that also releases the lock and dispatches what follows.
 */
export class ScheduleRunner {
  /**
   * @param continueAfter carries the process on from a finished step in this task (the execute
   *   runner's `continueAfter`), the step's result riding with the next node's first commit;
   *   absent, a finished step dispatches an execute task instead.
   */
  constructor(
    private readonly services: EngineServices,
    private readonly runs: RunCache,
    private readonly finishHooks: ActivityFinishHooks = NO_FINISH_HOOKS,
    private readonly continueAfter?: (process: ProcessRecord, nodeId: string, held: HeldResult) => Promise<void>,
  ) {}

  async run(task: ScheduleTask): Promise<void> {
    const { observer } = this.services;
    const elapsed = stopwatch(this.services);
    observer.count('engine_running_schedules', {}, 1);
    try {
      await this.runTask(task);
    } finally {
      observer.count('engine_running_schedules', {}, -1);
      observer.observe('engine_schedule_running_time', elapsed());
    }
  }

  private async runTask(task: ScheduleTask): Promise<void> {
    const { runtime, observer } = this.services;
    const preProcess = stopwatch(this.services);
    // Lock first, then read: a task that waited for another task's lock must see that task's
    // committed times and execution data, or two workers would schedule from the same stale read.
    const { locked, snapshot } = runtime.lockAndLoadScheduleStep
      ? await runtime.lockAndLoadScheduleStep(task)
      : { locked: await runtime.acquireScheduleLock(task.scheduleId), snapshot: await runtime.loadScheduleStep(task) };
    if (!locked) {
      if (snapshot.schedule && !snapshot.schedule.finished) await this.lockBusy(task, snapshot.schedule);
      return;
    }
    const { schedule, state, process } = snapshot;
    const skip = this.staleReason(task, snapshot);
    if (skip !== undefined || !schedule || !process || !state) {
      const patch = skip === 'expired' ? { expired: true, scheduling: false } : { scheduling: false };
      if (schedule) await runtime.commit({ schedules: [{ id: schedule.id, patch }] });
      return;
    }
    const run = await this.runs.get(process.rootPipelineId);
    const effects = new StepEffects(this.services);
    effects.observe(state, state.nodeId);
    const node = run.nodes[task.nodeId] as ServiceActivityDefinition;
    observer.observe('engine_schedule_pre_process_duration', preProcess(), { type: node.type });
    const handling = stopwatch(this.services);
    let outcome: ScheduleOutcome;
    try {
      outcome = await scheduleServiceActivity({
        node,
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
    observer.observe('engine_node_schedule_time', handling(), { type: componentTypeLabel(node.component) });
    const postProcess = stopwatch(this.services);
    effects.add({ schedules: [this.follow(outcome, task, schedule, process, effects)] });
    if (task.callbackDataId) effects.add({ consumeCallbackData: [task.callbackDataId] });
    const next = outcome.kind === 'next' ? outcome.nextNodeId : undefined;
    const finished = next !== undefined && next !== task.nodeId;
    if (finished && this.continuesHere(run, process, next, effects)) {
      observer.observe('engine_schedule_post_process_duration', postProcess(), { type: node.type });
      const held = { effects, commitAlone: () => this.commitAlone(effects, process, next, task, schedule) };
      return this.continueAfter!(process, next, held);
    }
    if (next !== undefined) this.handOver(effects, process, next);
    if (finished) await this.finishHooks.beforeFinishCommit(effects, node, run.rootPipelineData, process);
    try {
      await effects.flush();
      if (finished) await this.finishHooks.afterFinishCommit(node, process);
    } catch (error) {
      if (!(error instanceof StateVersionNotMatchError)) throw error;
      await this.discardResult(task, schedule);
    }
    observer.observe('engine_schedule_post_process_duration', postProcess(), { type: node.type });
  }

  /**
   * Whether the finished step's process goes on in this task (see `continueAfter`): the job would
   * run the next execute task itself, the result holds nothing that must go out before it, and the
   * next node's first commit can carry it (a converge arrival, or a node that commits its entry
   * before running user code; others read the store first and would get the result alone).
   */
  private continuesHere(run: RunDefinition, process: ProcessRecord, nextNodeId: string, effects: StepEffects) {
    if (!this.continueAfter || !this.services.deferTrivialCommits || this.finishHooks !== NO_FINISH_HOOKS) return false;
    const nextNode = run.nodes[nextNodeId];
    const arrives = nextNodeId === process.destinationId;
    if (!arrives && (nextNode === undefined || !handlerFor(nextNode).runsUserCode)) return false;
    const next = executeTaskOf(process, nextNodeId, '');
    return effects.startsNoWork() && (this.services.followUps?.runsInStep(next) ?? false);
  }

  /**
   * The result without the next node (its commit lost a compare-and-set): committed as a step
   * without continuation commits it, handing the process to a dispatched execute task. The task
   * that held it stops either way.
   */
  private async commitAlone(
    effects: StepEffects,
    process: ProcessRecord,
    nextNodeId: string,
    task: ScheduleTask,
    schedule: ScheduleRecord,
  ): Promise<boolean> {
    this.handOver(effects, process, nextNodeId);
    try {
      await effects.flush();
    } catch (error) {
      if (!(error instanceof StateVersionNotMatchError)) throw error;
      await this.discardResult(task, schedule);
    }
    return false;
  }

  /** An operator changed the attempt meanwhile (forced fail, retry): the late result is discarded. */
  private async discardResult(task: ScheduleTask, schedule: ScheduleRecord): Promise<void> {
    this.services.logger.info('schedule result discarded: the attempt changed', { nodeId: task.nodeId });
    await this.services.runtime.commit({ schedules: [{ id: schedule.id, patch: { scheduling: false } }] });
  }

  /** Why a locked task must not run `schedule` (a redelivery or a changed attempt), if it must not. */
  private staleReason(
    task: ScheduleTask,
    snapshot: Awaited<ReturnType<EngineServices['runtime']['loadScheduleStep']>>,
  ): 'redelivered' | 'expired' | undefined {
    const { schedule, state, process } = snapshot;
    if (!schedule || !process || schedule.finished) return 'redelivered';
    // A callback task whose data was already consumed is a redelivery: schedule runs once per callback.
    if (task.callbackDataId && !snapshot.callbackData) return 'redelivered';
    if (task.expectedTimes !== null && schedule.times !== task.expectedTimes) return 'redelivered';
    if (!state || state.version !== schedule.version || state.name !== 'RUNNING') return 'expired';
    return undefined;
  }

  /** Spec 03 §5 steps 7–9: the schedule patch (lock released) and the next poll's dispatch. */
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
    return patch;
  }

  /** The sleeping process goes to a new execute task at `nodeId`: a fresh token and the task. */
  private handOver(effects: StepEffects, process: ProcessRecord, nodeId: string): void {
    const token = this.services.ids.id();
    effects.add({
      processes: [{ id: process.id, patch: { taskToken: token }, expectToken: null }],
      dispatch: [{ task: executeTaskOf(process, nodeId, token), delaySeconds: 0 }],
    });
  }

  /** Busy lock: a multi-callback retries in 1–5 s (derived from a fresh id, not `Math.random`); others drop. */
  private async lockBusy(task: ScheduleTask, schedule: ScheduleRecord): Promise<void> {
    if (schedule.type !== ScheduleType.MULTIPLE_CALLBACK) return;
    const id = this.services.ids.id();
    const delaySeconds = 1 + (id.charCodeAt(id.length - 1) % 5);
    await this.services.runtime.commit({ dispatch: [{ task, delaySeconds }] });
  }
}

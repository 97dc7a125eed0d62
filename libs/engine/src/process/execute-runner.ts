import { handlerFor } from '../handlers/handler-registry';
import type { ExecuteOutcome, NodeStep } from '../handlers/node-handler';
import type { ExecuteTask } from '../runtime/engine-task';
import { StateVersionNotMatchError } from '../runtime/runtime.errors';
import type { NodeDefinition, RunDefinition } from '../runtime/node-definition';
import type { ProcessRecord } from '../runtime/runtime-records';
import type { ExecuteStepSnapshot } from '../runtime/step-snapshot';
import { NO_FINISH_HOOKS, type ActivityFinishHooks } from './activity-finish-hooks';
import type { EngineServices } from './engine-services';
import { FirstPollInStep } from './first-poll';
import { decideEntry, historyOf } from './node-entry';
import { nodeTypeLabel, stopwatch } from './observation';
import { ProcessEffects } from './process-effects';
import type { RunCache } from './run-cache';
import { StepEffects } from './step-effects';

/** A step's first commit lost a compare-and-set: nothing of the step was applied, it may be re-read. */
class EntryConflict extends Error {}

/** The held result was committed alone and handed the process to a dispatched task: this task ends. */
class HandedOver extends Error {}

/**
 * A finished activity's result waiting for the next node's first commit in the same task (see
 * `ExecuteRunner.step`), and how to commit it without that node when it cannot ride along.
 */
export interface HeldResult {
  effects: StepEffects;
  /**
   * Commits the result alone. True: this task still drives the process and goes on with the next
   * node; false: the result was discarded or the process handed to a dispatched task. Throws a lost
   * compare-and-set when an operator changed the attempt (the result is discarded, the task ends).
   */
  commitAlone(): Promise<boolean>;
}

/** The result of an execute step: alone, it commits as it is and the task goes on. */
const heldExecuteResult = (effects: StepEffects): HeldResult => ({
  effects,
  commitAlone: async () => {
    await effects.flush();
    return true;
  },
});

/** How often a step whose entry lost a race is re-read before the task gives up. */
const ENTRY_RETRIES = 5;

/**
 * Nodes whose step may leave its commit to the next node's (see `ExecuteRunner.step`): no user
 * code, the same process and pipeline stack afterwards, no schedules or dispatches.
 */
const DEFERRABLE = new Set<NodeDefinition['type']>(['EmptyStartEvent', 'ExclusiveGateway', 'ConvergeGateway']);

/** What one step leaves: the next node of the process, and effects not committed yet. */
interface StepResult {
  next: string | undefined;
  /** A trivial step's effects, which the next step adds to and commits (see `ExecuteRunner.step`). */
  deferred?: StepEffects;
  /** A finished activity's result, committed with the next step's first commit (see `step`). */
  result?: HeldResult;
}

/**
 * The execute task (spec 03 §3): carries one process from node to node inside one task until it
 * must wait. Each node is one step: one read, the handler, one commit (plus a commit of the
 * RUNNING state before user code runs).
 *
 * Races with operator commands (ADR 0003 addendum): when a step's *first* commit loses (a pause
 * booked on the node in between), nothing was applied, so the step is re-read and decided again.
 * When a later commit loses (forced fail or retry changed the attempt while user code ran), the
 * attempt's result is discarded and the task ends.
 */
export class ExecuteRunner {
  private readonly firstPoll: FirstPollInStep;

  constructor(
    private readonly services: EngineServices,
    private readonly runs: RunCache,
    private readonly finishHooks: ActivityFinishHooks = NO_FINISH_HOOKS,
  ) {
    this.firstPoll = new FirstPollInStep(services);
  }

  run(task: ExecuteTask): Promise<void> {
    return this.observed(() => this.runTask(task));
  }

  /**
   * Carries a sleeping process on from a finished schedule step whose result is `held` (the
   * schedule runner's continuation): as if an execute task at `nodeId` had been dispatched, without
   * the dispatch and the task token, the result riding with the next node's first commit.
   */
  continueAfter(process: ProcessRecord, nodeId: string, held: HeldResult): Promise<void> {
    return this.observed(async () => {
      const run = await this.runs.get(process.rootPipelineId);
      // The process sleeps without a token: every commit requires that it still has none.
      const proc = new ProcessEffects(process, null, this.services);
      await this.drive(run, proc, nodeId, await this.loadNext(proc, nodeId, held), held);
    });
  }

  /** Runs a process's push loop inside the running-processes gauge and its running time. */
  private async observed(work: () => Promise<void>): Promise<void> {
    const { observer } = this.services;
    const elapsed = stopwatch(this.services);
    observer.count('engine_running_processes', {}, 1);
    try {
      await work();
    } finally {
      observer.count('engine_running_processes', {}, -1);
      observer.observe('engine_process_running_time', elapsed());
    }
  }

  private async runTask(task: ExecuteTask): Promise<void> {
    const { runtime, logger } = this.services;
    const snapshot = await runtime.loadExecuteStep(task.processId, task.nodeId);
    if (snapshot.process.dead || snapshot.process.taskToken !== task.token) {
      logger.info('execute task dropped: stale or duplicate delivery', {
        processId: task.processId,
        nodeId: task.nodeId,
      });
      return;
    }
    const run = await this.runs.get(task.rootPipelineId);
    const proc = new ProcessEffects(snapshot.process, task.token, this.services);
    await this.drive(run, proc, task.nodeId, snapshot);
  }

  /** The push loop: node after node of one process until it must wait. */
  private async drive(
    run: RunDefinition,
    proc: ProcessEffects,
    start: string,
    firstSnapshot: ExecuteStepSnapshot,
    firstHeld?: HeldResult,
  ): Promise<void> {
    const { runtime, logger } = this.services;
    let snapshot = firstSnapshot;
    let current = start;
    let conflicts = 0;
    // Steps whose commit was left to a later step: where they began, and their effects.
    let chainStart: string | undefined;
    let carried: StepEffects | undefined;
    let held = firstHeld;
    for (;;) {
      let result: StepResult;
      try {
        result = await this.step(run, proc, current, snapshot, carried, held);
        conflicts = 0;
      } catch (error) {
        held = undefined;
        if (error instanceof HandedOver) {
          proc.discard();
          return;
        }
        if (!this.lostRace(error, proc, current, ++conflicts)) throw error;
        // A lost entry took the deferred steps with it: decide again from the first of them.
        if (chainStart !== undefined) current = chainStart;
        chainStart = undefined;
        carried = undefined;
        snapshot = await runtime.loadExecuteStep(proc.process.id, current);
        if (conflicts <= ENTRY_RETRIES && error instanceof EntryConflict && proc.stillOwns(snapshot.process)) continue;
        logger.info('execute task ends: the process was taken over', { processId: proc.process.id, nodeId: current });
        return;
      }
      carried = result.deferred;
      held = result.result;
      chainStart = carried ? (chainStart ?? current) : undefined;
      if (result.next === undefined) return;
      current = result.next;
      snapshot = await this.loadNext(proc, current, held);
    }
  }

  /** Reads the next step; a read that fails first commits the activity result waiting for it. */
  private async loadNext(proc: ProcessEffects, nodeId: string, held: HeldResult | undefined) {
    try {
      return await this.services.runtime.loadExecuteStep(proc.process.id, nodeId);
    } catch (error) {
      await held?.commitAlone().catch(() => undefined);
      throw error;
    }
  }

  /** True (and logged) when `error` is a lost compare-and-set, i.e. another writer got there first. */
  private lostRace(error: unknown, proc: ProcessEffects, nodeId: string, attempt: number): boolean {
    if (!(error instanceof EntryConflict) && !(error instanceof StateVersionNotMatchError)) return false;
    proc.discard();
    const meta = { processId: proc.process.id, nodeId, attempt };
    this.services.logger.info(`execute step lost a race: ${error instanceof EntryConflict ? 'entry' : 'result'}`, meta);
    return true;
  }

  /**
   * One node; returns the next node of the same process (undefined when the process stops). A step
   * of a DEFERRABLE node that only wrote states may leave its commit to the next node's first
   * commit (`deferred`, passed back in as `carried`): both become visible at once, as if the next
   * node had been entered at the same instant, and a crash in between loses neither more nor less
   * than a crash before this step's commit. A lost entry race rolls both back (`drive` re-decides
   * from the first). The next node is read before this commit: it must not be a node this chain
   * already wrote (a loop), and deferred steps never touch what it reads besides their own states.
   * A finished activity's result (`held`, see `mayHoldResult`) rides with this step's first commit.
   */
  private async step(
    run: RunDefinition,
    proc: ProcessEffects,
    current: string,
    snapshot: ExecuteStepSnapshot,
    carried?: StepEffects,
    held?: HeldResult,
  ): Promise<StepResult> {
    // Spec 08 §7.1 Decision: the pre-process timer starts per node, not once per task.
    const preProcess = stopwatch(this.services);
    const effects = carried ?? new StepEffects(this.services);
    let first = true;
    // The held result goes with this step's first commit, or alone before it (`commitHeldAlone`).
    let waiting = held;
    const takeHeld = () => {
      const taken = waiting;
      waiting = undefined;
      return taken;
    };
    const commitHeldAlone = async (result: HeldResult) => {
      if (!(await result.commitAlone())) throw new HandedOver();
    };
    const flush = async () => {
      proc.writeTo(effects);
      const before = takeHeld();
      try {
        await effects.flush(before?.effects);
      } catch (error) {
        if (!(error instanceof StateVersionNotMatchError)) throw error;
        // Whose compare-and-set lost? The activity's result alone tells: if it loses too, an
        // operator changed that attempt and its result is discarded (the task ends); if not, this
        // step's entry lost and is decided again.
        if (before) await commitHeldAlone(before);
        if (first) throw new EntryConflict(error.message);
        throw error;
      }
      first = false;
      proc.committed();
    };
    if (current === proc.process.destinationId) {
      proc.arriveAtDestination(effects, current);
      await flush();
      return { next: undefined };
    }
    proc.enter(current);
    if (this.pipelineStopped(proc, snapshot)) {
      await flush();
      return { next: undefined };
    }
    const node = run.nodes[current];
    if (!node) throw new Error(`node ${current} is not part of run ${run.rootPipelineId}`);
    effects.observe(snapshot.state, current);
    const attempt = this.enterNode(node, proc, snapshot, effects);
    if (!attempt) {
      await flush();
      return { next: undefined };
    }
    const handler = handlerFor(node);
    // Handlers that run no user code read the store before their step commits (gateway conditions,
    // subprocess inputs): the activity result they may depend on is committed first.
    const before = handler.runsUserCode ? undefined : takeHeld();
    if (before) await commitHeldAlone(before);
    const step: NodeStep = {
      node,
      run,
      attempt,
      process: proc.process,
      stack: [...proc.process.pipelineStack],
      nodeData: snapshot.nodeData,
      pipelineStates: snapshot.pipelineStates,
      effects,
      services: this.services,
      flush,
    };
    if (handler.runsUserCode) await flush();
    const { observer } = this.services;
    observer.observe('engine_execute_pre_process_duration', preProcess(), { type: node.type });
    const handling = stopwatch(this.services);
    let outcome = await handler.execute(step);
    observer.observe('engine_node_execute_time', handling(), { type: nodeTypeLabel(node) });
    if (node.type === 'ServiceActivity' && this.firstPoll.applies(outcome, proc, node.id)) {
      outcome = await this.firstPoll.run(node, run, proc, effects);
    }
    const postProcess = stopwatch(this.services);
    proc.setStack(step.stack);
    const next = this.applyOutcome(outcome, node, proc, effects, step.stack);
    const finished = node.type === 'ServiceActivity' && next !== undefined && next !== node.id ? node : undefined;
    if (finished) await this.finishHooks.beforeFinishCommit(effects, finished, run.rootPipelineData);
    if (this.mayDefer(node, outcome, effects, next)) {
      observer.observe('engine_execute_post_process_duration', postProcess(), { type: node.type });
      return { next, deferred: effects };
    }
    if (this.mayHoldResult(node, outcome, effects, proc, next)) {
      observer.observe('engine_execute_post_process_duration', postProcess(), { type: node.type });
      return { next, result: heldExecuteResult(effects) };
    }
    await flush();
    // A rollback reserved on the node takes the process over (spec 03 §3 step 9).
    if (finished && (await this.finishHooks.afterFinishCommit(finished, proc.process))) return { next: undefined };
    observer.observe('engine_execute_post_process_duration', postProcess(), { type: node.type });
    return { next };
  }

  /** Whether this step's commit may ride with the next node's (see `step`). */
  private mayDefer(node: NodeDefinition, outcome: ExecuteOutcome, effects: StepEffects, next: string | undefined) {
    if (!this.services.deferTrivialCommits || !DEFERRABLE.has(node.type)) return false;
    if (outcome.kind !== 'next' || next === undefined || next === node.id) return false;
    return effects.stateOf(next) === undefined && effects.onlyStatesPending();
  }

  /**
   * Whether a finished activity's result may wait for the next node's first commit in this task:
   * that commit comes before the next node's user code or store reads (see `step`),
   * so nobody can tell, except that a crash in between loses the result as a crash during the
   * activity's user code would. Not with rollback hooks, whose reservation check needs the commit.
   */
  private mayHoldResult(
    node: NodeDefinition,
    outcome: ExecuteOutcome,
    effects: StepEffects,
    proc: ProcessEffects,
    next: string | undefined,
  ): boolean {
    if (!this.services.deferTrivialCommits || node.type !== 'ServiceActivity') return false;
    if (outcome.kind !== 'next' || next === undefined || next === node.id) return false;
    return this.finishHooks === NO_FINISH_HOOKS && effects.startsNoWork() && !proc.hasPendingChanges();
  }

  /** Pipeline checks of spec 03 §3 step 4: a revoked root kills, a suspended pipeline suspends. */
  private pipelineStopped(proc: ProcessEffects, snapshot: ExecuteStepSnapshot): boolean {
    const stack = proc.process.pipelineStack;
    if (snapshot.pipelineStates[stack[0]!]?.name === 'REVOKED') {
      proc.patch({ dead: true, asleep: true });
      return true;
    }
    const suspended = stack.find((id) => snapshot.pipelineStates[id]?.name === 'SUSPENDED');
    if (suspended === undefined) return false;
    proc.patch({ suspended: true, suspendedBy: suspended });
    return true;
  }

  /** Sets the node RUNNING (spec 03 §3 steps 6–7); undefined when the process must stop instead. */
  private enterNode(node: NodeDefinition, proc: ProcessEffects, snapshot: ExecuteStepSnapshot, effects: StepEffects) {
    const { settings, ids } = this.services;
    const decision = decideEntry(node, snapshot.state, this.services);
    if (!decision.enter) {
      if (decision.reason === 'rerun-limit') {
        const exData = `node execution exceed rerun limit ${settings.rerunLimit}`;
        effects.add({ executionOutputs: [{ nodeId: node.id, outputs: { ex_data: exData } }] });
        effects.setState(node.id, 'FAILED', { setArchived: true });
      }
      if (decision.reason === 'pause-appointed') {
        const stack = proc.process.pipelineStack;
        effects.fillIds(node.id, node.rootPipelineId, stack[stack.length - 1]!);
        proc.patch({ suspended: true, suspendedBy: node.id });
      } else proc.patch({ asleep: true });
      return undefined;
    }
    if (decision.history && snapshot.state) {
      effects.add({ histories: [historyOf(snapshot.state, snapshot.executionData, ids.id())] });
    }
    const stack = proc.process.pipelineStack;
    const record = effects.setState(node.id, 'RUNNING', {
      ...decision.changes,
      rootId: node.rootPipelineId,
      parentId: stack[stack.length - 1],
      setStarted: true,
    });
    if (node.type === 'ServiceActivity' && node.timeoutConfig?.enable) {
      effects.add({ dispatch: [proc.timeoutDispatch(node.id, record.version, node.timeoutConfig.seconds)] });
    }
    return { version: record.version, loop: record.loop, innerLoop: record.innerLoop };
  }

  /** Spec 03 §3 steps 9–13 for one handler outcome. */
  private applyOutcome(
    outcome: ExecuteOutcome,
    node: NodeDefinition,
    proc: ProcessEffects,
    effects: StepEffects,
    stack: string[],
  ): string | undefined {
    const finishEvent = () => effects.event('node_finish', { root_pipeline_id: node.rootPipelineId, node_id: node.id });
    switch (outcome.kind) {
      case 'next':
        if (outcome.nextNodeId !== node.id) finishEvent();
        return outcome.nextNodeId;
      case 'failed':
        proc.patch({ asleep: true });
        return undefined;
      case 'schedule':
        proc.waitForSchedule(effects, node.id, effects.stateOf(node.id)!.version, outcome.scheduleType);
        return undefined;
      case 'wait':
        proc.patch({ asleep: true });
        return undefined;
      case 'fork':
        proc.fork(effects, outcome.targets, outcome.convergeGatewayId, stack);
        return undefined;
      case 'die':
        finishEvent();
        proc.patch({ dead: true, asleep: true });
        return undefined;
    }
  }
}

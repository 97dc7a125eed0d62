import { ComponentNotExistError, LEGACY_VERSION } from '@bamboo/component-framework';
import { type Clock, type ComponentCatalog, EngineError, type Logger, NOOP_LOGGER } from '@bamboo/engine';
import type { DataSource } from 'typeorm';
import { SYSTEM_CLOCK } from '../engine-runtime/typeorm-engine-runtime';
import type { PluginExecuteState, PluginExecuteTaskEntity } from '../persistence/entities';
import type { JobData, QueueJob, TaskQueue } from '../queue/task-queue';
import { decodePluginJob, enqueuePluginJob, type PluginJob } from './plugin-jobs';
import { PluginTaskRunner } from './plugin-task-runner';
import { type PluginMap, type PluginTaskMaps, PluginTaskStore, wrongState } from './plugin-task.store';

export interface PluginExecutionServiceOptions {
  dataSource: DataSource;
  queue: TaskQueue;
  /** Where `component_code@version` is looked up (the component registry). */
  catalog: ComponentCatalog;
  /** Receives the components' logger lines, tagged with the task id. */
  logger?: Logger;
  clock?: Clock;
}

export interface RunPluginArgs {
  componentCode: string;
  /** Empty means `legacy`, as everywhere components are looked up. */
  version: string;
  inputs: PluginMap;
  contexts: PluginMap;
  runtimeAttrs?: PluginMap;
}

/** `get_state` of 07 §6.2, field names as in the original. */
export interface PluginTaskState {
  task_id: number;
  state: PluginExecuteState;
  component_code: string;
  version: string;
  invoke_count: number;
  inputs: PluginMap;
  outputs: PluginMap;
  callback_data: PluginMap;
  contexts: PluginMap;
  runtime_attrs: PluginMap;
  create_at: Date;
  finish_at: Date | null;
}

function requireObject(value: unknown, field: string): PluginMap {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as PluginMap;
  throw new EngineError('VALIDATION_FAILED', `${field} must be an object`, { field });
}

/**
 * Plugin execution (07 §6.2): one component run as a task of its own, without a pipeline. The
 * commands answer once the row is written and the job enqueued; the work happens in the jobs of
 * queue `plugin_execute`, which a process consumes through `handleJob`.
 */
export class PluginExecutionService {
  private readonly store: PluginTaskStore;
  private readonly runner: PluginTaskRunner;

  constructor(private readonly options: PluginExecutionServiceOptions) {
    this.store = new PluginTaskStore(options.dataSource);
    this.runner = new PluginTaskRunner({
      store: this.store,
      queue: options.queue,
      catalog: options.catalog,
      logger: options.logger ?? NOOP_LOGGER,
      clock: options.clock ?? SYSTEM_CLOCK,
    });
  }

  /** Creates a READY task and enqueues its execute job; returns the task id. */
  async run(args: RunPluginArgs): Promise<number> {
    const version = args.version === '' ? LEGACY_VERSION : args.version;
    const maps = {
      inputs: requireObject(args.inputs, 'inputs'),
      contexts: requireObject(args.contexts, 'contexts'),
      runtimeAttrs: args.runtimeAttrs === undefined ? {} : requireObject(args.runtimeAttrs, 'runtime_attrs'),
    };
    // Refused before a row exists (404, the catalogue's answer for the pair) instead of a task that
    // could only fail; a worker lacking the component still fails the task (plugin-task-runner).
    if (!this.options.catalog.findComponent(args.componentCode, version)) {
      throw new ComponentNotExistError(args.componentCode, version);
    }
    const taskId = await this.store.insert({ componentCode: args.componentCode, version, ...maps });
    try {
      await enqueuePluginJob(this.options.queue, { taskId, invokeCount: 1, phase: 'execute', callback: false });
    } catch (error) {
      // 07 §6.2: a task that could not be enqueued does not exist.
      await this.store.delete(taskId);
      throw error;
    }
    return taskId;
  }

  async getState(taskId: number): Promise<PluginTaskState> {
    return stateOf(await this.store.get(taskId));
  }

  /** Stores the callback data and enqueues a schedule; one callback at a time per task. */
  async callback(taskId: number, callbackData: PluginMap = {}): Promise<void> {
    const data = requireObject(callbackData, 'callback_data');
    const attempt = await this.store.takeSchedulingFlag(taskId);
    try {
      if (!(await this.store.transition(attempt, 'RUNNING', { callbackData: data }))) {
        throw wrongState(await this.store.get(taskId), 'callback', 'RUNNING');
      }
      await enqueuePluginJob(this.options.queue, { ...attempt, phase: 'schedule', callback: true });
    } finally {
      await this.store.releaseSchedulingFlag(taskId);
    }
  }

  /** RUNNING → FAILED; schedule jobs still in the queue then find the task FAILED and do nothing. */
  async forcedFail(taskId: number): Promise<void> {
    const task = await this.store.get(taskId);
    if (task.state === 'RUNNING' && (await this.store.transition(attemptOf(task), 'RUNNING', { state: 'FAILED' }))) {
      return;
    }
    throw wrongState(await this.store.get(taskId), 'forced_fail', 'RUNNING');
  }

  /**
   * FAILED → READY as the next attempt (`invoke_count + 1`), outputs and callback data cleared, the
   * given maps replaced and the others kept (07 §6.2 Decision), then a new execute job.
   */
  async retry(taskId: number, maps: PluginTaskMaps = {}): Promise<void> {
    const replaced: PluginTaskMaps = {};
    if (maps.inputs !== undefined) replaced.inputs = requireObject(maps.inputs, 'inputs');
    if (maps.contexts !== undefined) replaced.contexts = requireObject(maps.contexts, 'contexts');
    if (maps.runtimeAttrs !== undefined) replaced.runtimeAttrs = requireObject(maps.runtimeAttrs, 'runtime_attrs');
    const task = await this.store.get(taskId);
    if (task.state !== 'FAILED') throw wrongState(task, 'retry', 'FAILED');
    const previous = attemptOf(task);
    const next = { taskId, invokeCount: task.invokeCount + 1 };
    const reset = { outputs: {}, callbackData: {}, finishAt: null, ...replaced };
    // The CAS on invoke_count makes a concurrent second retry lose instead of running twice.
    if (
      !(await this.store.transition(previous, 'FAILED', { state: 'READY', invokeCount: next.invokeCount, ...reset }))
    ) {
      throw wrongState(await this.store.get(taskId), 'retry', 'FAILED');
    }
    try {
      await enqueuePluginJob(this.options.queue, { ...next, phase: 'execute', callback: false });
    } catch (error) {
      // Put the failed attempt back as it was: the retry did not happen.
      const { inputs, contexts, runtimeAttrs, outputs, callbackData, finishAt } = task;
      const restore = { inputs, contexts, runtimeAttrs, outputs, callbackData, finishAt };
      await this.store.transition(next, 'READY', { state: 'FAILED', invokeCount: previous.invokeCount, ...restore });
      throw error;
    }
  }

  /**
   * Embedded restart: the in-process queue lost its jobs, so the execute of every READY task and
   * the next poll of every RUNNING poll-type task are sent again (both are no-ops if a job did
   * survive: the attempt checks drop duplicates). Callback types wait for their callback anyway.
   * Returns the number of jobs sent.
   */
  async redispatchLost(): Promise<number> {
    const jobs: PluginJob[] = [];
    for (const task of await this.store.inState('READY')) {
      jobs.push({ ...attemptOf(task), phase: 'execute', callback: false });
    }
    for (const task of await this.store.inState('RUNNING')) {
      const polls = this.options.catalog.findComponent(task.componentCode, task.version)?.createInterval();
      if (polls) jobs.push({ ...attemptOf(task), phase: 'schedule', callback: false });
    }
    for (const job of jobs) await enqueuePluginJob(this.options.queue, job);
    return jobs.length;
  }

  /** The handler of queue `plugin_execute`. */
  async handleJob(job: QueueJob<JobData>): Promise<void> {
    const decoded = decodePluginJob(job.data);
    if (decoded) await this.runner.handle(decoded);
  }
}

function attemptOf(task: PluginExecuteTaskEntity) {
  return { taskId: task.id, invokeCount: task.invokeCount };
}

function stateOf(task: PluginExecuteTaskEntity): PluginTaskState {
  return {
    task_id: task.id,
    state: task.state,
    component_code: task.componentCode,
    version: task.version,
    invoke_count: task.invokeCount,
    inputs: task.inputs,
    outputs: task.outputs,
    callback_data: task.callbackData,
    contexts: task.contexts,
    runtime_attrs: task.runtimeAttrs,
    create_at: task.createdAt,
    finish_at: task.finishAt,
  };
}

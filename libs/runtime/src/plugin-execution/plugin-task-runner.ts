import type { Clock, ComponentCatalog, ComponentDefinition, Logger } from '@bamboo/engine';
import type { PluginExecuteTaskEntity } from '../persistence/entities';
import type { TaskQueue } from '../queue/task-queue';
import { callPluginService, openPluginService, pluginDataOf, type PluginCallResult } from './plugin-component-call';
import { enqueuePluginJob, type PluginJob } from './plugin-jobs';
import type { PluginTaskStore } from './plugin-task.store';

export interface PluginTaskRunnerDeps {
  store: PluginTaskStore;
  queue: TaskQueue;
  catalog: ComponentCatalog;
  logger: Logger;
  clock: Clock;
}

/**
 * The execute and schedule jobs of 07 §6.2. Jobs are delivered at least once and may be stale (the
 * task was forced to fail, finished or retried meanwhile): every write is conditional on the
 * attempt still being in the state the job expects, so such a job changes nothing.
 */
export class PluginTaskRunner {
  constructor(private readonly deps: PluginTaskRunnerDeps) {}

  handle(job: PluginJob): Promise<void> {
    return job.phase === 'execute' ? this.execute(job) : this.schedule(job);
  }

  private async execute(job: PluginJob): Promise<void> {
    // READY → RUNNING claims the attempt; a duplicate delivery finds it RUNNING already and stops.
    if (!(await this.deps.store.transition(job, 'READY', { state: 'RUNNING' }))) return;
    const call = await this.open(job, false);
    if (!call) return;
    const { service, data, parentData, definition } = call;
    const result = await callPluginService(service, data, () => service.execute(data, parentData));
    await this.settle(job, definition, !definition.needSchedule, result);
  }

  private async schedule(job: PluginJob): Promise<void> {
    const call = await this.open(job, true);
    if (!call) return;
    const { service, data, parentData, definition, task } = call;
    const callbackData = job.callback ? task.callbackData : null;
    const result = await callPluginService(service, data, () => service.schedule(data, parentData, callbackData));
    await this.settle(job, definition, result.scheduleFinished, result);
  }

  /**
   * The RUNNING attempt with a fresh service instance and its data objects; null when the job is
   * stale (forced to fail, finished or retried since it was sent: ignored, 07 §6.2) or the
   * component is missing (the task failed).
   */
  private async open(job: PluginJob, withOutputs: boolean) {
    const task = await this.deps.store.findAttempt(job, 'RUNNING');
    if (!task) return null;
    const definition = await this.definitionOf(job, task);
    if (!definition) return null;
    const service = await openPluginService(definition, task, this.deps.logger, this.deps.clock);
    const [data, parentData] = pluginDataOf(task, withOutputs);
    return { task, definition, service, data, parentData };
  }

  /** Missing in this process's registry (e.g. a worker built without it): the task fails, like a node (07 §4). */
  private async definitionOf(job: PluginJob, task: PluginExecuteTaskEntity): Promise<ComponentDefinition | null> {
    const definition = this.deps.catalog.findComponent(task.componentCode, task.version);
    if (definition) return definition;
    const exData = `component ${task.componentCode}@${task.version} does not exist`;
    await this.deps.store.transition(job, 'RUNNING', { state: 'FAILED', outputs: { ex_data: exData } });
    return null;
  }

  /**
   * Stores the call's outcome: FAILED, FINISHED, or still RUNNING. A poll is sent again with the
   * first value of a fresh interval generator (delays do not grow, 07 §6.2); callback types wait.
   */
  private async settle(
    job: PluginJob,
    definition: ComponentDefinition,
    finished: boolean,
    result: PluginCallResult,
  ): Promise<void> {
    const { store } = this.deps;
    if (!result.success) {
      await store.transition(job, 'RUNNING', { state: 'FAILED', outputs: result.outputs });
      return;
    }
    if (finished) {
      await store.transition(job, 'RUNNING', { state: 'FINISHED', outputs: result.outputs, finishAt: this.now() });
      return;
    }
    const saved = await store.transition(job, 'RUNNING', { outputs: result.outputs });
    const interval = definition.createInterval();
    if (!saved || !interval) return;
    try {
      await enqueuePluginJob(this.deps.queue, { ...job, phase: 'schedule', callback: false }, interval.next());
    } catch (error) {
      // Nothing would ever poll the task again: fail it visibly rather than leave it RUNNING.
      const exData = `next poll could not be enqueued: ${String(error)}`;
      await store.transition(job, 'RUNNING', { state: 'FAILED', outputs: { ...result.outputs, ex_data: exData } });
    }
  }

  private now(): Date {
    return this.deps.clock.now();
  }
}

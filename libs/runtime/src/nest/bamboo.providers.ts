import { COMPONENT_REGISTRY } from '@bamboo/component-framework/nest';
import { loadComponentModules, type ComponentRegistry } from '@bamboo/component-framework';
import { Engine, type Logger, type SignalPublisher } from '@bamboo/engine';
import { SignalBus } from '@bamboo/signals';
import type { Provider } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { inlineFollowUps } from '../engine-runtime/inline-continuation';
import { SYSTEM_CLOCK, TypeormEngineRuntime } from '../engine-runtime/typeorm-engine-runtime';
import {
  BAMBOO_METRICS,
  type BambooMetrics,
  countSqlStatements,
  MeteredTaskQueue,
  observabilityProviders,
  prometheusEngineObserver,
  timeRuntimeCalls,
  watchSignalBus,
} from '../observability';
import { createBambooDataSource } from '../persistence';
import { PluginExecutionService, PluginExecutionWorker } from '../plugin-execution';
import { createTaskQueue } from '../queue/create-task-queue';
import type { TaskQueue } from '../queue/task-queue';
import type { EngineWorkerRole } from '../worker/engine-queue-names';
import { EngineWorker } from '../worker/engine-worker';
import {
  BAMBOO_DATA_SOURCE,
  BAMBOO_OPTIONS,
  BAMBOO_TASK_QUEUE,
  type BambooModuleOptions,
} from './bamboo-module.options';
import { BambooLifecycle } from './bamboo-lifecycle.service';
import { BAMBOO_LOGGER } from './bamboo.tokens';
import { nestEngineLogger, nodeLinesAtDebug } from './nest-engine-logger';

function engineTaskQueue(options: BambooModuleOptions, logger: Logger, metrics: BambooMetrics): TaskQueue {
  const queue = createTaskQueue(options, {
    onJobFailed: ({ job, error }) =>
      logger.error('job failed', { queue: job.queueName, jobId: job.id, error: String(error) }),
  });
  return new MeteredTaskQueue(queue, metrics);
}

/** The engine publishes synchronously; the bus isolates and reports handler errors itself. */
function publisherOver(bus: SignalBus, logger: Logger): SignalPublisher {
  return {
    emit: (name, payload) => {
      bus.emit(name, payload).catch((error: unknown) => {
        logger.error('signal handler failed', { signal: name, error: String(error) });
      });
    },
  };
}

export const bambooProviders: Provider[] = [
  {
    provide: BAMBOO_LOGGER,
    inject: [BAMBOO_OPTIONS],
    useFactory: (options: BambooModuleOptions): Logger => options.logger ?? nestEngineLogger(),
  },
  {
    provide: BAMBOO_DATA_SOURCE,
    inject: [BAMBOO_OPTIONS, BAMBOO_METRICS],
    useFactory: async (options: BambooModuleOptions, metrics: BambooMetrics): Promise<DataSource> =>
      countSqlStatements(options.dataSource ?? (await createBambooDataSource(options).initialize()), metrics),
  },
  {
    provide: BAMBOO_TASK_QUEUE,
    inject: [BAMBOO_OPTIONS, BAMBOO_LOGGER, BAMBOO_METRICS],
    useFactory: engineTaskQueue,
  },
  {
    provide: SignalBus,
    inject: [BAMBOO_OPTIONS, BAMBOO_METRICS],
    useFactory: (options: BambooModuleOptions, metrics: BambooMetrics): SignalBus =>
      watchSignalBus(options.signalBus ?? new SignalBus(), metrics),
  },
  {
    provide: TypeormEngineRuntime,
    inject: [BAMBOO_OPTIONS, BAMBOO_DATA_SOURCE, BAMBOO_TASK_QUEUE, BAMBOO_LOGGER, BAMBOO_METRICS],
    useFactory: async (
      options: BambooModuleOptions,
      dataSource: DataSource,
      queue: TaskQueue,
      logger: Logger,
      metrics: BambooMetrics,
    ) => {
      const runtime = new TypeormEngineRuntime({
        dataSource,
        queue,
        logger,
        prepareBatchSize: options.prepareBatchSize,
        scheduleLockTtlSeconds: options.scheduleLockTtlSeconds,
        roundTripGroups: options.roundTripGroups,
      });
      await runtime.start();
      return timeRuntimeCalls(runtime, metrics);
    },
  },
  {
    provide: Engine,
    inject: [BAMBOO_OPTIONS, TypeormEngineRuntime, COMPONENT_REGISTRY, SignalBus, BAMBOO_LOGGER, BAMBOO_METRICS],
    useFactory: (
      options: BambooModuleOptions,
      runtime: TypeormEngineRuntime,
      registry: ComponentRegistry,
      bus: SignalBus,
      logger: Logger,
      metrics: BambooMetrics,
    ): Engine => {
      loadComponentModules([...options.componentModules], registry);
      return new Engine({
        runtime,
        catalog: registry,
        clock: SYSTEM_CLOCK,
        ids: runtime.ids,
        logger: runtime.nodeLogger(nodeLinesAtDebug(logger)),
        signals: publisherOver(bus, logger),
        observer: prometheusEngineObserver(metrics),
        settings: { rerunLimit: options.nodeRerunLimit, ...options.engine, ...options.settings },
        followUps: inlineFollowUps,
      });
    },
  },
  {
    provide: EngineWorker,
    inject: [BAMBOO_OPTIONS, Engine, BAMBOO_TASK_QUEUE, BAMBOO_LOGGER],
    useFactory: (options: BambooModuleOptions, engine: Engine, queue: TaskQueue, logger: Logger) =>
      new EngineWorker({
        engine,
        queue,
        logger,
        roles: defaultRoles(options),
        queueSuffixes: options.queueSuffixes,
        concurrency: options.workerConcurrency,
        localPollMaxDelaySeconds: options.localPollMaxDelaySeconds,
      }),
  },
  {
    provide: PluginExecutionService,
    inject: [BAMBOO_DATA_SOURCE, BAMBOO_TASK_QUEUE, COMPONENT_REGISTRY, BAMBOO_LOGGER],
    useFactory: (dataSource: DataSource, queue: TaskQueue, registry: ComponentRegistry, logger: Logger) =>
      new PluginExecutionService({ dataSource, queue, catalog: registry, logger }),
  },
  {
    provide: PluginExecutionWorker,
    inject: [BAMBOO_OPTIONS, PluginExecutionService, BAMBOO_TASK_QUEUE, BAMBOO_LOGGER],
    useFactory: (options: BambooModuleOptions, service: PluginExecutionService, queue: TaskQueue, logger: Logger) =>
      new PluginExecutionWorker(service, queue, { concurrency: options.workerConcurrency, logger }),
  },
  BambooLifecycle,
  ...observabilityProviders,
];

function defaultRoles(options: BambooModuleOptions): readonly EngineWorkerRole[] {
  const roles = options.workerRoles.filter((role) => role === 'execute' || role === 'schedule');
  // A dedicated plugin worker (WORKER_ROLES=plugin) takes no engine queues; roles not implemented
  // yet (rollback, extension, scheduler) alone still fall back to execute and schedule.
  if (roles.length === 0 && options.workerRoles.includes('plugin')) return [];
  return roles.length > 0 ? roles : ['execute', 'schedule'];
}

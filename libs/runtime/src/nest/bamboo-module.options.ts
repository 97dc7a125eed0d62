import type { ServiceClass } from '@bamboo/component-framework';
import type { ComponentRegistry } from '@bamboo/component-framework';
import type { EngineSettings, Logger } from '@bamboo/engine';
import type { SignalBus } from '@bamboo/signals';
import type { ModuleMetadata, Provider } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { BambooConfig } from '../config';

/** `BambooModule.forRoot({...loadBambooConfig(), runWorkers: mode === 'embedded'})`. */
export interface BambooModuleOptions extends BambooConfig {
  /**
   * Consume the engine queues in this process (the embedded all-in-one process), with the config's
   * `workerRoles` (execute, schedule; plugin, always in embedded mode), `queueSuffixes` and
   * `workerConcurrency`. @default false
   */
  runWorkers?: boolean;
  /**
   * The host's TypeORM connection, initialised, with `BAMBOO_ENTITIES` and the Bamboo migrations
   * applied. Without it the module opens (and closes) its own from `database`.
   */
  dataSource?: DataSource;
  /** `@Component` classes built through Nest, so that they can inject providers. */
  components?: ServiceClass[];
  /** Providers and modules those components inject. */
  componentProviders?: Provider[];
  componentImports?: ModuleMetadata['imports'];
  /** @default the process-wide default registry (built-ins and decorated classes already in it) */
  registry?: ComponentRegistry;
  /** @default a new bus */
  signalBus?: SignalBus;
  /** @default a logger writing through Nest's Logger */
  logger?: Logger;
  settings?: Partial<EngineSettings>;
  /**
   * Seconds between zombie healer passes in a process with `runWorkers` (09 §6.2). 0 turns the
   * healer off. @default N minutes for a `zombie.healCron` of "every N minutes", else 60
   */
  zombieHealIntervalSeconds?: number;
}

export interface BambooModuleAsyncOptions {
  imports?: ModuleMetadata['imports'];
  inject?: Array<string | symbol | (abstract new (...args: never[]) => unknown)>;
  useFactory: (...args: never[]) => BambooModuleOptions | Promise<BambooModuleOptions>;
  /** Nest-built components (they must be known when the module is declared, not from the factory). */
  components?: ServiceClass[];
  componentProviders?: Provider[];
  componentImports?: ModuleMetadata['imports'];
  registry?: ComponentRegistry;
}

export const BAMBOO_OPTIONS = Symbol('BAMBOO_OPTIONS');
/** The TypeORM DataSource the runtime uses. */
export const BAMBOO_DATA_SOURCE = Symbol('BAMBOO_DATA_SOURCE');
/** The TaskQueue (Bull with a Redis URL, in-process otherwise). */
export const BAMBOO_TASK_QUEUE = Symbol('BAMBOO_TASK_QUEUE');

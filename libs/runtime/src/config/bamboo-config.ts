/** Where the runtime keeps its tables. */
export type BambooDatabaseConfig =
  | { readonly kind: 'sqlite'; readonly path: string }
  | {
      readonly kind: 'mysql';
      /** `mariadb://` URLs select TypeORM's MariaDB dialect (its schema introspection differs). */
      readonly flavor: 'mysql' | 'mariadb';
      readonly url: string;
      readonly poolSize: number;
    };

/** Embedded: SQLite + in-process queues in one process. Distributed: Bull on Redis (any database). */
export type BambooMode = 'embedded' | 'distributed';

/** The least severe level a process writes to its log (BAMBOO_LOG_LEVEL). */
export type BambooLogLevel = 'error' | 'warn' | 'info' | 'debug';

export type WorkerRole = 'execute' | 'schedule' | 'rollback' | 'plugin' | 'extension' | 'scheduler';

export const WORKER_ROLES: readonly WorkerRole[] = [
  'execute',
  'schedule',
  'rollback',
  'plugin',
  'extension',
  'scheduler',
];

export type ZombieCure = 'fail' | 'redispatch';

/** The process configuration, parsed once from the environment (00-README, 10 §B). */
export interface BambooConfig {
  readonly mode: BambooMode;
  readonly port: number;
  readonly database: BambooDatabaseConfig;
  /** Set in distributed mode only. */
  readonly redisUrl: string | undefined;
  /** Prefix of every Bull key, so deployments (and tests) sharing one Redis stay apart. */
  readonly queuePrefix: string;
  readonly componentModules: readonly string[];
  readonly apiToken: string | undefined;
  readonly apiReadToken: string | undefined;
  /** Custom queue suffixes this worker consumes besides the default queues (`er_execute_<suffix>`). */
  readonly queueSuffixes: readonly string[];
  readonly workerRoles: readonly WorkerRole[];
  readonly workerConcurrency: number;
  /**
   * WORKER_NICE: the scheduling priority (nice, 0..19) a worker process gives itself at start, so
   * that an API, admin or database sharing its machine answers first and queued work waits; 0
   * keeps the priority it was started with (ADR 0013).
   */
  readonly workerNice: number;
  /**
   * BAMBOO_LOCAL_POLL_MAX_DELAY_SECONDS: a worker keeps a delayed poll of a process it is driving
   * on a local timer when the delay is at most this (ADR 0009); 0 sends every delayed poll through
   * the queue. A killed worker's pending polls then wait for the zombie healer.
   */
  readonly localPollMaxDelaySeconds: number;
  readonly processHeartbeatIntervalSeconds: number;
  readonly interruptMax: number;
  readonly scheduleLockTtlSeconds: number;
  readonly zombie: {
    readonly healCron: string;
    readonly maxStuckSeconds: number;
    readonly cure: ZombieCure;
    readonly maxRedispatch: number;
    readonly detectWaitCallback: boolean;
  };
  readonly logPersistentDays: number;
  readonly cronTimezone: string;
  readonly prepareBatchSize: number;
  /**
   * BAMBOO_ROUND_TRIP_GROUP_SIZE, BAMBOO_ROUND_TRIP_GROUPS_IN_FLIGHT: step commits waiting at the
   * same time share a transaction, and (MySQL) step reads a round trip, of at most `maxGroupSize`
   * (1: each alone); `maxInFlight` groups out at once.
   */
  readonly roundTripGroups: { readonly maxGroupSize: number; readonly maxInFlight: number };
  readonly nodeRerunLimit: number;
  /** Engine behaviour switches of spec 10 (PIPELINE_ENABLE_ROLLBACK, …), handed to the engine's settings. */
  readonly engine: {
    readonly enableRollback: boolean;
    readonly enablePipelineEventSignals: boolean;
    readonly exclusiveGatewayStrategy: 'ONLY' | 'FIRST';
  };
  readonly metricsPort: number;
  /**
   * Process log threshold. Components' node log lines are stored in the database (served by
   * `GET /nodes/{id}/logs`) and reach the process log at `debug` only.
   */
  readonly logLevel: BambooLogLevel;
}

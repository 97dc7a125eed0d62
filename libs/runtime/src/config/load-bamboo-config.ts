import {
  type BambooConfig,
  type BambooDatabaseConfig,
  WORKER_ROLES,
  type WorkerRole,
  type ZombieCure,
} from './bamboo-config';
import { BambooConfigError } from './bamboo-config.error';
import { EnvReader } from './env-reader';

export const DEFAULT_DB_URL = 'sqlite:./data/bamboo.sqlite';

// Queue names are built from suffixes (`er_execute_<suffix>`) and Bull keys from the prefix; both
// end up in Redis keys, so keep them to characters that never need escaping.
const NAME_PATTERN = /^[A-Za-z0-9_-]+$/;
const CRON_PATTERN = /^\S+(\s+\S+){4,5}$/;

/**
 * Parses the environment once into a frozen, typed configuration. Every invalid variable is
 * collected and reported in a single BambooConfigError.
 */
export function loadBambooConfig(env: Readonly<Record<string, string | undefined>> = process.env): BambooConfig {
  const read = new EnvReader(env);
  const database = readDatabase(read);
  const redisUrl = read.optional('BAMBOO_REDIS_URL');
  if (redisUrl !== undefined && !isUrlWithProtocol(redisUrl, ['redis:', 'rediss:'])) {
    read.fail('BAMBOO_REDIS_URL', `expected redis://host:port[/db] or rediss://…, got "${redact(redisUrl)}"`);
  }
  const queuePrefix = read.string('BAMBOO_QUEUE_PREFIX', 'bamboo');
  if (!NAME_PATTERN.test(queuePrefix)) read.fail('BAMBOO_QUEUE_PREFIX', `only letters, digits, "_" and "-" allowed`);
  // BAMBOO_QUEUE is the name fixed by 00-README; WORKER_QUEUE_SUFFIXES is the spec-10 alias.
  const queueSuffixes = [...new Set([...read.list('BAMBOO_QUEUE'), ...read.list('WORKER_QUEUE_SUFFIXES')])];
  const badSuffixes = queueSuffixes.filter((suffix) => !NAME_PATTERN.test(suffix));
  if (badSuffixes.length > 0) {
    read.fail('BAMBOO_QUEUE', `queue suffixes may hold only letters, digits, "_" and "-": ${badSuffixes.join(', ')}`);
  }
  const healCron = read.string('ZOMBIE_HEAL_CRON', '*/10 * * * *');
  if (!CRON_PATTERN.test(healCron)) read.fail('ZOMBIE_HEAL_CRON', `expected a 5 or 6 field cron, got "${healCron}"`);

  const config: BambooConfig = {
    mode: redisUrl === undefined ? 'embedded' : 'distributed',
    port: read.integer('PORT', 3000, 0, 65535),
    database,
    redisUrl,
    queuePrefix,
    componentModules: read.list('BAMBOO_COMPONENT_MODULES'),
    apiToken: read.optional('BAMBOO_API_TOKEN'),
    apiReadToken: read.optional('BAMBOO_API_READ_TOKEN'),
    queueSuffixes,
    workerRoles: read.subsetOf<WorkerRole>('WORKER_ROLES', WORKER_ROLES, ['execute', 'schedule']),
    workerConcurrency: read.integer('WORKER_CONCURRENCY', 50, 1, 10_000),
    workerNice: read.integer('WORKER_NICE', 10, 0, 19),
    localPollMaxDelaySeconds: read.integer('BAMBOO_LOCAL_POLL_MAX_DELAY_SECONDS', 0, 0, 3600),
    processHeartbeatIntervalSeconds: read.integer('PROCESS_HEARTBEAT_INTERVAL', 30, 1),
    interruptMax: read.integer('INTERRUPT_MAX', 10, 0),
    scheduleLockTtlSeconds: read.integer('SCHEDULE_LOCK_TTL_SECONDS', 600, 1),
    zombie: {
      healCron,
      maxStuckSeconds: read.integer('ZOMBIE_MAX_STUCK_SECONDS', 600, 1),
      cure: read.oneOf<ZombieCure>('ZOMBIE_CURE', ['fail', 'redispatch'], 'fail'),
      maxRedispatch: read.integer('ZOMBIE_MAX_REDISPATCH', 1, 0),
      detectWaitCallback: read.boolean('ZOMBIE_DETECT_WAIT_CALLBACK', false),
    },
    logPersistentDays: read.integer('LOG_PERSISTENT_DAYS', 30, 1),
    cronTimezone: read.string('CRON_TIMEZONE', 'UTC'),
    prepareBatchSize: read.integer('BAMBOO_DJANGO_ERI_PREPARE_BATCH_SIZE', 500, 1),
    roundTripGroups: {
      maxGroupSize: read.integer('BAMBOO_ROUND_TRIP_GROUP_SIZE', 32, 1, 1000),
      maxInFlight: read.integer('BAMBOO_ROUND_TRIP_GROUPS_IN_FLIGHT', 1, 1, 100),
    },
    nodeRerunLimit: read.integer('BAMBOO_DJANGO_ERI_NODE_RERUN_LIMIT', 100, 0),
    metricsPort: read.integer('METRICS_PORT', 8001, 0, 65535),
    logLevel: read.oneOf('BAMBOO_LOG_LEVEL', ['error', 'warn', 'info', 'debug'] as const, 'info'),
    engine: {
      enableRollback: read.boolean('PIPELINE_ENABLE_ROLLBACK', false),
      enablePipelineEventSignals: read.boolean('ENABLE_PIPELINE_EVENT_SIGNALS', false),
      exclusiveGatewayStrategy: read.oneOf('PIPELINE_EXCLUSIVE_GATEWAY_STRATEGY', ['ONLY', 'FIRST'] as const, 'ONLY'),
    },
  };
  if (!isKnownTimeZone(config.cronTimezone)) read.fail('CRON_TIMEZONE', `unknown time zone "${config.cronTimezone}"`);
  if (read.problems.length > 0) throw new BambooConfigError(read.problems);
  return deepFreeze(config);
}

function readDatabase(read: EnvReader): BambooDatabaseConfig {
  const url = read.string('BAMBOO_DB_URL', DEFAULT_DB_URL);
  const poolSize = read.integer('DB_POOL_SIZE', 20, 1, 1000);
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length);
    if (path === '') read.fail('BAMBOO_DB_URL', 'sqlite: needs a file path (or :memory:)');
    return { kind: 'sqlite', path };
  }
  if (isUrlWithProtocol(url, ['mysql:', 'mariadb:'])) {
    if (new URL(url).pathname.replace(/^\//, '') === '') {
      read.fail('BAMBOO_DB_URL', 'the mysql URL must name a database (mysql://user:pass@host:port/db)');
    }
    return { kind: 'mysql', flavor: url.startsWith('mariadb:') ? 'mariadb' : 'mysql', url, poolSize };
  }
  read.fail(
    'BAMBOO_DB_URL',
    `expected sqlite:<path>, mysql://user:pass@host:port/db or mariadb://…, got "${redact(url)}"`,
  );
  return { kind: 'sqlite', path: DEFAULT_DB_URL.slice('sqlite:'.length) };
}

function isUrlWithProtocol(value: string, protocols: readonly string[]): boolean {
  try {
    const url = new URL(value);
    return protocols.includes(url.protocol) && url.hostname !== '';
  } catch {
    return false;
  }
}

function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

// Error messages end up in logs: never echo a password.
function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

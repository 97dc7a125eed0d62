import { BambooConfigError, loadBambooConfig } from '.';

describe('loadBambooConfig', () => {
  it('defaults to the embedded mode on a local SQLite file', () => {
    const config = loadBambooConfig({});

    expect(config.mode).toBe('embedded');
    expect(config.database).toEqual({ kind: 'sqlite', path: './data/bamboo.sqlite' });
    expect(config.port).toBe(3000);
    expect(config.redisUrl).toBeUndefined();
    expect(config.apiToken).toBeUndefined();
    expect(config.componentModules).toEqual([]);
    expect(config.queueSuffixes).toEqual([]);
    expect(config.workerRoles).toEqual(['execute', 'schedule']);
    expect(config.workerConcurrency).toBe(50);
    expect(config.workerNice).toBe(10);
    expect(config.queuePrefix).toBe('bamboo');
    expect(config.logLevel).toBe('info');
    expect(config.zombie).toEqual({
      healCron: '*/10 * * * *',
      maxStuckSeconds: 600,
      cure: 'fail',
      maxRedispatch: 1,
      detectWaitCallback: false,
    });
  });

  it('reads the log level and names BAMBOO_LOG_LEVEL when it is unknown', () => {
    expect(loadBambooConfig({ BAMBOO_LOG_LEVEL: 'debug' }).logLevel).toBe('debug');
    expect(() => loadBambooConfig({ BAMBOO_LOG_LEVEL: 'chatty' })).toThrow(/BAMBOO_LOG_LEVEL/);
  });

  it('switches to the distributed mode when a Redis URL is set', () => {
    const config = loadBambooConfig({
      BAMBOO_DB_URL: 'mysql://root:secret@127.0.0.1:3306/bamboo',
      BAMBOO_REDIS_URL: 'redis://127.0.0.1:6379/2',
      DB_POOL_SIZE: '5',
    });

    expect(config.mode).toBe('distributed');
    expect(config.database).toEqual({
      kind: 'mysql',
      flavor: 'mysql',
      url: 'mysql://root:secret@127.0.0.1:3306/bamboo',
      poolSize: 5,
    });
    expect(loadBambooConfig({ BAMBOO_DB_URL: 'mariadb://root@db/bamboo' }).database).toMatchObject({
      kind: 'mysql',
      flavor: 'mariadb',
    });
    expect(config.redisUrl).toBe('redis://127.0.0.1:6379/2');
  });

  it('parses lists, tokens, numbers and booleans', () => {
    const config = loadBambooConfig({
      PORT: '8080',
      BAMBOO_COMPONENT_MODULES: ' ./dist/a.js , @acme/components ,',
      BAMBOO_API_TOKEN: 'write',
      BAMBOO_API_READ_TOKEN: 'read',
      BAMBOO_QUEUE: 'api,batch',
      WORKER_QUEUE_SUFFIXES: 'batch,bulk',
      WORKER_ROLES: 'execute,scheduler',
      WORKER_CONCURRENCY: '8',
      WORKER_NICE: '0',
      BAMBOO_QUEUE_PREFIX: 'bench-1',
      ZOMBIE_DETECT_WAIT_CALLBACK: 'true',
      ZOMBIE_CURE: 'redispatch',
    });

    expect(config.port).toBe(8080);
    expect(config.componentModules).toEqual(['./dist/a.js', '@acme/components']);
    expect(config.apiToken).toBe('write');
    expect(config.apiReadToken).toBe('read');
    expect(config.queueSuffixes).toEqual(['api', 'batch', 'bulk']);
    expect(config.workerRoles).toEqual(['execute', 'scheduler']);
    expect(config.workerConcurrency).toBe(8);
    expect(config.workerNice).toBe(0);
    expect(config.queuePrefix).toBe('bench-1');
    expect(config.zombie.detectWaitCallback).toBe(true);
    expect(config.zombie.cure).toBe('redispatch');
  });

  it('reads the round-trip group limits', () => {
    expect(loadBambooConfig({}).roundTripGroups).toEqual({ maxGroupSize: 32, maxInFlight: 1 });
    const config = loadBambooConfig({ BAMBOO_ROUND_TRIP_GROUP_SIZE: '1', BAMBOO_ROUND_TRIP_GROUPS_IN_FLIGHT: '4' });
    expect(config.roundTripGroups).toEqual({ maxGroupSize: 1, maxInFlight: 4 });
    expect(() => loadBambooConfig({ BAMBOO_ROUND_TRIP_GROUPS_IN_FLIGHT: '0' })).toThrow(
      'BAMBOO_ROUND_TRIP_GROUPS_IN_FLIGHT: expected an integer between 1 and 100',
    );
  });

  it('reads the longest delay a worker keeps a poll on a local timer (off by default)', () => {
    expect(loadBambooConfig({}).localPollMaxDelaySeconds).toBe(0);
    expect(loadBambooConfig({ BAMBOO_LOCAL_POLL_MAX_DELAY_SECONDS: '5' }).localPollMaxDelaySeconds).toBe(5);
    expect(() => loadBambooConfig({ BAMBOO_LOCAL_POLL_MAX_DELAY_SECONDS: '-1' })).toThrow(
      'BAMBOO_LOCAL_POLL_MAX_DELAY_SECONDS: expected an integer between 0 and 3600',
    );
  });

  it('treats blank variables as unset', () => {
    const config = loadBambooConfig({ BAMBOO_REDIS_URL: '  ', BAMBOO_API_TOKEN: '', PORT: '' });

    expect(config.mode).toBe('embedded');
    expect(config.apiToken).toBeUndefined();
    expect(config.port).toBe(3000);
  });

  it('reports every bad variable in one error', () => {
    const attempt = (): unknown =>
      loadBambooConfig({
        PORT: 'eighty',
        BAMBOO_DB_URL: 'postgres://u:hunter2@db/x',
        BAMBOO_REDIS_URL: 'localhost:6379',
        WORKER_CONCURRENCY: '0',
        WORKER_NICE: '20',
        WORKER_ROLES: 'execute,cook',
        ZOMBIE_CURE: 'pray',
        ZOMBIE_DETECT_WAIT_CALLBACK: 'maybe',
        BAMBOO_QUEUE: 'ok,not ok',
        CRON_TIMEZONE: 'Mars/Olympus',
      });

    expect(attempt).toThrow(BambooConfigError);
    let error: BambooConfigError | undefined;
    try {
      attempt();
    } catch (caught) {
      error = caught as BambooConfigError;
    }
    const variables = error!.problems.map((problem) => problem.split(':')[0]);
    expect(variables.sort()).toEqual(
      [
        'PORT',
        'BAMBOO_DB_URL',
        'BAMBOO_REDIS_URL',
        'WORKER_CONCURRENCY',
        'WORKER_NICE',
        'WORKER_ROLES',
        'ZOMBIE_CURE',
        'ZOMBIE_DETECT_WAIT_CALLBACK',
        'BAMBOO_QUEUE',
        'CRON_TIMEZONE',
      ].sort(),
    );
    expect(error!.message).not.toContain('hunter2');
  });

  it('rejects a MySQL URL without a database and an empty SQLite path', () => {
    expect(() => loadBambooConfig({ BAMBOO_DB_URL: 'mysql://root@127.0.0.1:3306' })).toThrow(/must name a database/);
    expect(() => loadBambooConfig({ BAMBOO_DB_URL: 'sqlite:' })).toThrow(/needs a file path/);
  });

  it('returns a frozen object', () => {
    const config = loadBambooConfig({});

    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.database)).toBe(true);
    expect(Object.isFrozen(config.zombie)).toBe(true);
  });
});

describe('engine switches', () => {
  it('maps PIPELINE_ENABLE_ROLLBACK, ENABLE_PIPELINE_EVENT_SIGNALS and the gateway strategy', () => {
    const config = loadBambooConfig({
      PIPELINE_ENABLE_ROLLBACK: 'true',
      ENABLE_PIPELINE_EVENT_SIGNALS: '1',
      PIPELINE_EXCLUSIVE_GATEWAY_STRATEGY: 'FIRST',
    });
    expect(config.engine).toEqual({
      enableRollback: true,
      enablePipelineEventSignals: true,
      exclusiveGatewayStrategy: 'FIRST',
    });
    expect(loadBambooConfig({}).engine).toEqual({
      enableRollback: false,
      enablePipelineEventSignals: false,
      exclusiveGatewayStrategy: 'ONLY',
    });
    expect(() => loadBambooConfig({ PIPELINE_EXCLUSIVE_GATEWAY_STRATEGY: 'ALL' })).toThrow(
      'PIPELINE_EXCLUSIVE_GATEWAY_STRATEGY: expected one of ONLY, FIRST, got "ALL"',
    );
  });
});

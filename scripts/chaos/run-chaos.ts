import 'reflect-metadata';
import { Engine, type PipelineTree, regenerateIds } from '@bamboo/engine';
import { BAMBOO_DATA_SOURCE, BambooModule } from '@bamboo/runtime';
import { createTestDatabase, dropTestDatabase, randomQueuePrefix, TEST_REDIS_URL } from '@bamboo/testing';
import { NestFactory } from '@nestjs/core';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { DataSource } from 'typeorm';
import { auditExecutes, auditLeftovers } from './chaos-audit';
import { type ChaosTarget, chaosModuleOptions, QUIET_LOGGER } from './chaos-env';
import { CHAOS_REDIS_PORT, ensureRedisUp, restartRedis } from './redis-restart';
import { sleep, WorkerPool } from './worker-pool';

const PIPELINES = Number(process.env.CHAOS_PIPELINES ?? 50);
const KILLS = Number(process.env.CHAOS_KILLS ?? 12);
const KILL_EVERY_MS = Number(process.env.CHAOS_KILL_EVERY_MS ?? 300);
const MAX_STUCK_SECONDS = Number(process.env.CHAOS_MAX_STUCK_SECONDS ?? 3);
// Per phase, boot and teardown included.
const BUDGET_MS = Number(process.env.CHAOS_BUDGET_SECONDS ?? 240) * 1000;
// Stop early once nothing moved for this long after the kills: what is left needs an operator.
const STALL_MS = Number(process.env.CHAOS_STALL_SECONDS ?? 60) * 1000;
const FIXTURE = process.env.CHAOS_FIXTURE ?? resolve(__dirname, '../../../shared/fixtures/trees/bench_normal_17.json');
// How long Redis stays down in the `redis` phase before it is started again (empty).
const REDIS_DOWN_MS = Number(process.env.CHAOS_REDIS_DOWN_MS ?? 2000);

/** `kills`: SIGKILLed workers only; `redis`: the same, plus Redis restarted once (empty) mid-run. */
type PhaseName = 'kills' | 'redis';
const PHASES = (process.env.CHAOS_PHASES ?? 'kills,redis').split(',').map((name) => name.trim()) as PhaseName[];

function log(message: string): void {
  const seconds = ((Date.now() - started) / 1000).toFixed(1).padStart(6);
  console.log(`[chaos ${seconds}s] ${message}`);
}
const started = Date.now();

/** The operator: retries every FAILED node (the healer force-fails activities of awake orphans). */
async function operate(engine: Engine, roots: string[], retried: Set<string>): Promise<string[]> {
  const running: string[] = [];
  for (const root of roots) {
    const states = (await engine.getPipelineStates(root))[root];
    if (states?.state === 'FINISHED') continue;
    running.push(root);
    for (const [nodeId, node] of Object.entries(states?.children ?? {})) {
      if (node.state !== 'FAILED') continue;
      const key = `${nodeId}@${node.version}`;
      if (retried.has(key)) continue;
      await engine.retryNode(nodeId).then(
        () => retried.add(key),
        (error: unknown) => log(`retry of ${nodeId} refused: ${String(error)}`),
      );
    }
  }
  return running;
}

interface PhaseResult {
  summary: Record<string, unknown>;
  problems: string[];
}

/** One run: fresh database and Bull prefix, two workers, SIGKILLs, and in `redis` one Redis restart. */
async function runPhase(phase: PhaseName): Promise<PhaseResult> {
  const phaseStarted = Date.now();
  const deadline = phaseStarted + BUDGET_MS;
  const database = await createTestDatabase('chaos');
  const directory = mkdtempSync(join(tmpdir(), 'bamboo-chaos-'));
  const executeLog = join(directory, 'executes.tsv');
  writeFileSync(executeLog, '');
  const target: ChaosTarget = {
    databaseUrl: database.url,
    redisUrl: TEST_REDIS_URL,
    queuePrefix: randomQueuePrefix('chaos'),
    maxStuckSeconds: MAX_STUCK_SECONDS,
  };
  log(`[${phase}] database ${database.name}, prefix ${target.queuePrefix}, execute log ${executeLog}`);

  // The parent boots first so that the migrations run once, before two workers race for them.
  const app = await NestFactory.createApplicationContext(
    BambooModule.forRoot(chaosModuleOptions(target, false, QUIET_LOGGER)),
    { logger: false },
  );
  const engine = app.get(Engine);
  const dataSource = app.get<DataSource>(BAMBOO_DATA_SOURCE);
  const pool = new WorkerPool(target, executeLog, 2);
  let problems: string[] = ['the phase did not complete'];
  let summary: Record<string, unknown> = {};
  try {
    await pool.ready(60_000);
    log(`[${phase}] 2 workers ready`);

    const template = JSON.parse(readFileSync(FIXTURE, 'utf8')) as PipelineTree;
    const roots: string[] = [];
    for (let index = 0; index < PIPELINES; index++) {
      const { tree } = regenerateIds(template);
      await engine.runPipeline(tree);
      roots.push(tree.id);
    }
    log(`[${phase}] ${PIPELINES} pipelines submitted`);

    const retried = new Set<string>();
    let running = roots;
    let lastOperated = 0;
    let lastProgress = Date.now();
    let redisRestarts = 0;
    const restartPending = () => phase === 'redis' && redisRestarts === 0;
    while (Date.now() < deadline && Date.now() - lastProgress < STALL_MS) {
      if (pool.kills < KILLS && pool.killOldest(KILL_EVERY_MS)) log(`[${phase}] kill ${pool.kills}`);
      // Mid-run: half of the kills done, the other half still to come while everything reconnects.
      if (restartPending() && pool.kills >= Math.ceil(KILLS / 2)) {
        log(`[${phase}] redis shutdown nosave; down for ${REDIS_DOWN_MS} ms`);
        await restartRedis(REDIS_DOWN_MS);
        redisRestarts++;
        lastProgress = Date.now();
        log(`[${phase}] redis restarted (empty) and answering PING`);
      }
      if (Date.now() - lastOperated >= 1000) {
        const before = running.length;
        running = await operate(engine, roots, retried);
        lastOperated = Date.now();
        if (running.length < before) log(`[${phase}] ${PIPELINES - running.length}/${PIPELINES} finished`);
        if (running.length < before || pool.kills < KILLS || restartPending()) lastProgress = lastOperated;
        if (running.length === 0 && pool.kills >= KILLS && !restartPending()) break;
      }
      await sleep(KILL_EVERY_MS / 3);
    }
    log(
      `[${phase}] ${PIPELINES - running.length}/${PIPELINES} finished; ${pool.kills} kills; still running: ${running.join(' ')}`,
    );

    await sleep(1000);
    const executes = await auditExecutes(executeLog, dataSource);
    const leftovers = await auditLeftovers(dataSource);
    summary = {
      phase,
      pipelines: PIPELINES,
      finished: PIPELINES - running.length,
      kills: pool.kills,
      redisRestarts,
      workerBoots: pool.boots,
      unexpectedWorkerExits: pool.bootFailures,
      healed: Object.fromEntries(pool.healed),
      operatorRetries: retried.size,
      ...executes,
      ...leftovers,
      seconds: Math.round((Date.now() - phaseStarted) / 1000),
    };
    console.log(JSON.stringify(summary, null, 2));
    problems = [
      running.length > 0 && `${running.length} pipelines did not finish`,
      pool.kills < KILLS && `only ${pool.kills} kills`,
      phase === 'redis' && redisRestarts !== 1 && `Redis restarted ${redisRestarts} times`,
      executes.duplicateCompletedAttempts > 0 && `${executes.duplicateCompletedAttempts} completed attempts ran again`,
      leftovers.liveProcesses > 0 && `${leftovers.liveProcesses} processes still alive`,
      leftovers.heldTokens > 0 && `${leftovers.heldTokens} task tokens still held`,
      leftovers.openSchedules > 0 && `${leftovers.openSchedules} schedules still open`,
      leftovers.lockedSchedules > 0 && `${leftovers.lockedSchedules} schedules still locked`,
    ].filter((problem): problem is string => typeof problem === 'string');
    for (const problem of problems) log(`[${phase}] FAIL: ${problem}`);
    log(`[${phase}] ${problems.length > 0 ? 'FAILED' : 'passed'}`);
  } finally {
    await pool.stop();
    await app.close();
    if (problems.length === 0 || !process.env.CHAOS_KEEP_ON_FAILURE) {
      await dropTestDatabase(database.name);
      rmSync(directory, { recursive: true, force: true });
    }
  }
  return { summary, problems };
}

async function main(): Promise<number> {
  if (PHASES.includes('redis') && new URL(TEST_REDIS_URL).port !== String(CHAOS_REDIS_PORT)) {
    throw new Error(`the redis phase restarts the Redis on port ${CHAOS_REDIS_PORT}, not ${TEST_REDIS_URL}`);
  }
  // Never leave Redis down, even when the harness itself is interrupted mid-restart.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void ensureRedisUp().finally(() => process.exit(130)));
  }
  const results: PhaseResult[] = [];
  try {
    for (const phase of PHASES) {
      if (phase !== 'kills' && phase !== 'redis') throw new Error(`unknown CHAOS_PHASES entry "${String(phase)}"`);
      results.push(await runPhase(phase));
    }
  } finally {
    await ensureRedisUp();
  }
  const failed = results.filter((result) => result.problems.length > 0);
  log(
    results
      .map(({ summary, problems }) => `${String(summary.phase)}: ${problems.length > 0 ? 'FAILED' : 'passed'}`)
      .join(', '),
  );
  log(failed.length > 0 ? 'chaos test FAILED' : 'chaos test passed');
  return failed.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

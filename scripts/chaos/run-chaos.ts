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
import { sleep, WorkerPool } from './worker-pool';

const PIPELINES = Number(process.env.CHAOS_PIPELINES ?? 50);
const KILLS = Number(process.env.CHAOS_KILLS ?? 12);
const KILL_EVERY_MS = Number(process.env.CHAOS_KILL_EVERY_MS ?? 300);
const MAX_STUCK_SECONDS = Number(process.env.CHAOS_MAX_STUCK_SECONDS ?? 3);
// Below the 5 minutes of the brief, boot and teardown included.
const DEADLINE = Date.now() + Number(process.env.CHAOS_BUDGET_SECONDS ?? 270) * 1000;
// Stop early once nothing moved for this long after the kills: what is left needs an operator.
const STALL_MS = Number(process.env.CHAOS_STALL_SECONDS ?? 60) * 1000;
const FIXTURE = process.env.CHAOS_FIXTURE ?? resolve(__dirname, '../../../shared/fixtures/trees/bench_normal_17.json');

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

async function main(): Promise<number> {
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
  log(`database ${database.name}, prefix ${target.queuePrefix}, execute log ${executeLog}`);

  // The parent boots first so that the migrations run once, before two workers race for them.
  const app = await NestFactory.createApplicationContext(
    BambooModule.forRoot(chaosModuleOptions(target, false, QUIET_LOGGER)),
    { logger: false },
  );
  const engine = app.get(Engine);
  const dataSource = app.get<DataSource>(BAMBOO_DATA_SOURCE);
  const pool = new WorkerPool(target, executeLog, 2);
  let failed = true;
  try {
    await pool.ready(60_000);
    log('2 workers ready');

    const template = JSON.parse(readFileSync(FIXTURE, 'utf8')) as PipelineTree;
    const roots: string[] = [];
    for (let index = 0; index < PIPELINES; index++) {
      const { tree } = regenerateIds(template);
      await engine.runPipeline(tree);
      roots.push(tree.id);
    }
    log(`${PIPELINES} pipelines submitted`);

    const retried = new Set<string>();
    let running = roots;
    let lastOperated = 0;
    let lastProgress = Date.now();
    while (Date.now() < DEADLINE && Date.now() - lastProgress < STALL_MS) {
      if (pool.kills < KILLS && pool.killOldest(KILL_EVERY_MS)) log(`kill ${pool.kills}`);
      if (Date.now() - lastOperated >= 1000) {
        const before = running.length;
        running = await operate(engine, roots, retried);
        lastOperated = Date.now();
        if (running.length < before || pool.kills < KILLS) lastProgress = lastOperated;
        if (running.length === 0 && pool.kills >= KILLS) break;
      }
      await sleep(KILL_EVERY_MS / 3);
    }
    log(
      `${PIPELINES - running.length}/${PIPELINES} finished; ${pool.kills} kills; still running: ${running.join(' ')}`,
    );

    await sleep(1000);
    const executes = await auditExecutes(executeLog, dataSource);
    const leftovers = await auditLeftovers(dataSource);
    const summary = {
      pipelines: PIPELINES,
      finished: PIPELINES - running.length,
      kills: pool.kills,
      workerBoots: pool.boots,
      unexpectedWorkerExits: pool.bootFailures,
      healed: Object.fromEntries(pool.healed),
      operatorRetries: retried.size,
      ...executes,
      ...leftovers,
      seconds: Math.round((Date.now() - started) / 1000),
    };
    console.log(JSON.stringify(summary, null, 2));
    const problems = [
      summary.finished !== PIPELINES && `${PIPELINES - summary.finished} pipelines did not finish`,
      summary.kills < KILLS && `only ${summary.kills} kills`,
      executes.duplicateCompletedAttempts > 0 && `${executes.duplicateCompletedAttempts} completed attempts ran again`,
      leftovers.liveProcesses > 0 && `${leftovers.liveProcesses} processes still alive`,
      leftovers.heldTokens > 0 && `${leftovers.heldTokens} task tokens still held`,
      leftovers.openSchedules > 0 && `${leftovers.openSchedules} schedules still open`,
      leftovers.lockedSchedules > 0 && `${leftovers.lockedSchedules} schedules still locked`,
    ].filter((problem): problem is string => typeof problem === 'string');
    for (const problem of problems) log(`FAIL: ${problem}`);
    failed = problems.length > 0;
    log(failed ? 'chaos test FAILED' : 'chaos test passed');
  } finally {
    await pool.stop();
    await app.close();
    if (!failed || !process.env.CHAOS_KEEP_ON_FAILURE) {
      await dropTestDatabase(database.name);
      rmSync(directory, { recursive: true, force: true });
    }
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

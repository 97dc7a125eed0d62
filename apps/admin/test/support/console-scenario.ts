import type { PipelineTree } from '@bamboo/engine';
import { echoTree, failingTree, unmatchedExclusiveTree } from '../../../api/test/support/e2e-trees';
import type { ApiSeeder } from './api-seeder';
import { benchTree, subprocessTree } from './console-trees';

export interface FailedTask {
  pipelineId: string;
  failedNodeId: string;
  nextNodeId: string;
}

export interface ScenarioIds {
  failedTask: FailedTask;
  gatewayTask: { pipelineId: string; gatewayId: string; leftFlowId: string; leftNodeId: string; rightNodeId: string };
  benchTask: { pipelineId: string; nodeCount: number };
  subprocessTask: { pipelineId: string; subprocessId: string };
  batch: { count: number; finished: number };
}

const BATCH_COUNT = 250;
// Submitting in bounded waves keeps the in-process queue and SQLite writer from being swamped.
const WAVE = 25;

const named = (tree: PipelineTree, name: string): PipelineTree => Object.assign(tree, { name });

/** start → fail_unless_ok(ok=false) → echo → end, run until the first node has FAILED. */
export async function seedFailedTask(seeder: ApiSeeder, name = 'deploy-web'): Promise<FailedTask> {
  const { tree, ids } = failingTree();
  const pipelineId = await seeder.run(named(tree, name));
  await seeder.waitForState(pipelineId, ids.failing, 'FAILED');
  return { pipelineId, failedNodeId: ids.failing, nextNodeId: ids.after };
}

/**
 * 250 small runs named batch-NNN: every fifth one fails its node (so its root stays RUNNING) and
 * the others finish. Resolves once all of them have settled, checked through the task list.
 */
async function seedBatch(seeder: ApiSeeder): Promise<ScenarioIds['batch']> {
  const failing = (index: number) => index % 5 === 1;
  for (let first = 0; first < BATCH_COUNT; first += WAVE) {
    const wave = Array.from({ length: Math.min(WAVE, BATCH_COUNT - first) }, (_, offset) => first + offset);
    await Promise.all(
      wave.map((index) => {
        const { tree } = failing(index) ? failingTree() : echoTree();
        return seeder.run(named(tree, `batch-${String(index).padStart(3, '0')}`));
      }),
    );
  }
  const failed = Array.from({ length: BATCH_COUNT }, (_, index) => index).filter(failing).length;
  const finished = BATCH_COUNT - failed;
  await seeder.until(async () => {
    const items = await seeder.listAll('batch-');
    const done = items.filter((item) => item.state === 'FINISHED').length;
    const stuck = items.filter((item) => item.state === 'RUNNING' && item.failed_node_count === 1).length;
    return done === finished && stuck === failed;
  }, `${BATCH_COUNT} batch runs to settle`);
  return { count: BATCH_COUNT, finished };
}

/** The 1,000-node tree runs to the end (a few seconds embedded); the graph test only reads it. */
async function seedBench(seeder: ApiSeeder): Promise<ScenarioIds['benchTask']> {
  const { tree, nodeCount } = benchTree();
  const pipelineId = await seeder.run(tree);
  await seeder.waitForState(pipelineId, pipelineId, 'FINISHED');
  return { pipelineId, nodeCount };
}

export async function seedScenario(seeder: ApiSeeder): Promise<ScenarioIds> {
  const bench = await seedBench(seeder);
  const batch = await seedBatch(seeder);

  const region = unmatchedExclusiveTree();
  const gatewayPipeline = await seeder.run(named(region.tree, 'route-by-region'));
  const nested = subprocessTree();
  const subprocessPipeline = await seeder.run(nested.tree);
  const failedTask = await seedFailedTask(seeder);
  await seeder.waitForState(gatewayPipeline, region.ids.gateway, 'FAILED');
  await seeder.waitForState(subprocessPipeline, nested.waitId, 'RUNNING');

  return {
    failedTask,
    gatewayTask: {
      pipelineId: gatewayPipeline,
      gatewayId: region.ids.gateway,
      leftFlowId: region.ids.toLeft,
      leftNodeId: region.ids.left,
      rightNodeId: region.ids.right,
    },
    benchTask: bench,
    subprocessTask: { pipelineId: subprocessPipeline, subprocessId: nested.subprocessId },
    batch,
  };
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FakeStore } from './fake-store';
import { exclusiveTree, linearTree, type FakeTree } from './fake-trees';

// The data the browser tests look for: a task with a failed node, one with a failed exclusive
// gateway, 250 batch tasks to page through, a subprocess, and the 1,000-node benchmark tree.

const FIXTURES = join(__dirname, '../../../../../shared/fixtures/trees');
export const BENCH_TREE_PATH = join(FIXTURES, 'bench_parallel_100x10.validated.json');

export interface ScenarioIds {
  failedTask: { pipelineId: string; failedNodeId: string; nextNodeId: string };
  gatewayTask: { pipelineId: string; gatewayId: string; westFlowId: string; westNodeId: string; eastNodeId: string };
  benchTask: { pipelineId: string; nodeCount: number };
  subprocessTask: { pipelineId: string; subprocessId: string };
  batchCount: number;
}

const minutesAgo = (minutes: number): string => new Date(Date.now() - minutes * 60_000).toISOString();

export function seedScenario(store: FakeStore): ScenarioIds {
  const batchCount = 250;
  for (let i = 0; i < batchCount; i += 1) {
    const { tree, ids } = linearTree(['step']);
    const state = ['FINISHED', 'RUNNING', 'REVOKED', 'FINISHED', 'SUSPENDED'][i % 5]!;
    const pipeline = store.addPipeline(tree, `batch-${String(i).padStart(3, '0')}`, minutesAgo(60 + i), state);
    store.setState(pipeline, ids.step!, state === 'FINISHED' ? 'FINISHED' : 'RUNNING');
  }

  const deploy = linearTree(['checkout', 'build', 'deploy', 'notify'], {
    deploy: { url: 'https://deploy.invalid/hook', retries: 1 },
  });
  const failedTask = store.addPipeline(deploy.tree, 'deploy-web', minutesAgo(2));
  for (const name of ['checkout', 'build']) store.setState(failedTask, deploy.ids[name]!, 'FINISHED');
  const deployId = deploy.ids.deploy!;
  store.setState(failedTask, deployId, 'FAILED');
  failedTask.executionData.set(deployId, {
    inputs: { url: 'https://deploy.invalid/hook', retries: 1, _loop: 1, _inner_loop: 1 },
    outputs: { _result: false, ex_data: 'connection refused: deploy.invalid:443' },
  });
  store.log(failedTask, deployId, 'POST https://deploy.invalid/hook');
  store.log(failedTask, deployId, 'connection refused');

  const region = exclusiveTree();
  const gatewayTask = store.addPipeline(region.tree, 'route-by-region', minutesAgo(1));
  store.setState(gatewayTask, region.ids.prepare, 'FINISHED');
  store.setState(gatewayTask, region.ids.split, 'FAILED');
  gatewayTask.executionData.set(region.ids.split, { inputs: {}, outputs: { ex_data: 'name "region" is not defined' } });

  const bench = JSON.parse(readFileSync(BENCH_TREE_PATH, 'utf8')) as FakeTree;
  const benchTask = store.addPipeline(bench, 'bench-parallel-100x10', minutesAgo(0));
  Object.keys(bench.activities)
    .slice(0, 400)
    .forEach((id, index) => store.setState(benchTask, id, index % 97 === 0 ? 'FAILED' : 'FINISHED'));

  const nested = JSON.parse(
    readFileSync(join(FIXTURES, 'nested_parallel_in_subprocess.validated.json'), 'utf8'),
  ) as FakeTree;
  const subprocessTask = store.addPipeline(nested, 'nested-subprocess', minutesAgo(3));
  const subprocessId = Object.keys(nested.activities)[0]!;
  store.setState(subprocessTask, subprocessId, 'RUNNING');

  return {
    subprocessTask: { pipelineId: subprocessTask.id, subprocessId },
    failedTask: { pipelineId: failedTask.id, failedNodeId: deployId, nextNodeId: deploy.ids.notify! },
    gatewayTask: {
      pipelineId: gatewayTask.id,
      gatewayId: region.ids.split,
      westFlowId: region.ids.toWest,
      westNodeId: region.ids.west,
      eastNodeId: region.ids.east,
    },
    benchTask: {
      pipelineId: benchTask.id,
      nodeCount: Object.keys(bench.activities).length + Object.keys(bench.gateways).length + 2,
    },
    batchCount,
  };
}

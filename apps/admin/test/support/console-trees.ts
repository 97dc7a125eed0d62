import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildTree,
  EmptyEndEvent,
  EmptyStartEvent,
  type PipelineTree,
  regenerateIds,
  ServiceActivity,
  SubProcess,
} from '@bamboo/engine';
import { REPO_ROOT } from './console-build';

// The shared fixtures live next to the repository (../shared), not inside it.
const FIXTURES = join(REPO_ROOT, '../shared/fixtures/trees');

/** bench_parallel_100x10 (1,000 debug_node activities) with fresh ids, so each run can submit it. */
export function benchTree(): { tree: PipelineTree; nodeCount: number } {
  const fixture = JSON.parse(readFileSync(join(FIXTURES, 'bench_parallel_100x10.json'), 'utf8')) as PipelineTree;
  const { tree } = regenerateIds(fixture);
  tree.name = 'bench-parallel-100x10';
  const nodeCount = Object.keys(tree.activities).length + Object.keys(tree.gateways).length + 2;
  return { tree, nodeCount };
}

/** start → subprocess(start → wait_callback → end) → end: the subprocess stays RUNNING. */
export function subprocessTree(): { tree: PipelineTree; subprocessId: string; waitId: string } {
  const innerStart = new EmptyStartEvent();
  const wait = new ServiceActivity({ componentCode: 'bamboo_wait_callback', name: 'wait for approval' });
  innerStart.extend(wait).extend(new EmptyEndEvent());
  const start = new EmptyStartEvent();
  const subprocess = new SubProcess({ start: innerStart, name: 'approval' });
  start.extend(subprocess).extend(new EmptyEndEvent());
  const tree = buildTree(start);
  tree.name = 'nested-subprocess';
  return { tree, subprocessId: subprocess.id, waitId: wait.id };
}

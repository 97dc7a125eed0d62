import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PipelineTree } from '../api/types';
import { buildGraphModel } from './graph-model';
import { layoutGraph } from './layout';

const BENCH = join(__dirname, '../../../../../../shared/fixtures/trees/bench_parallel_100x10.validated.json');

describe('layoutGraph', () => {
  it('lays the 1,000-node benchmark tree out left to right without overlaps', () => {
    const tree = JSON.parse(readFileSync(BENCH, 'utf8')) as PipelineTree;
    const model = buildGraphModel(tree);
    const layout = layoutGraph(model);
    console.info(`bench_parallel_100x10: ${model.nodes.length} nodes, dagre ${layout.ms.toFixed(0)} ms`);
    expect(Object.keys(layout.positions)).toHaveLength(model.nodes.length);
    const start = layout.positions[tree.start_event.id]!;
    const end = layout.positions[tree.end_event.id]!;
    expect(start.x).toBeLessThan(end.x);
    const boxes = new Set(Object.values(layout.positions).map((p) => `${Math.round(p.x)}:${Math.round(p.y)}`));
    expect(boxes.size).toBe(model.nodes.length);
  });
});
